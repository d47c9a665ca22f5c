package io.customerhub.serve;

import io.customerhub.resolve.MatchEngine;
import io.customerhub.resolve.ModelVersions;
import io.customerhub.resolve.ModelVersions.Version;
import io.customerhub.resolve.ReresolutionLock;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The match model's versions over HTTP: {@code GET /admin/models} lists them newest first, {@code GET
 * /admin/models/{version}} shows one with its model, and {@code POST /admin/models/{version}/restore} puts an
 * earlier one back to use as the newest version (audited, subject {@code model:VERSION}).
 */
public final class ModelVersionsModule implements HttpApiVerticle.ApiModule {

  private static final int MAX_BODY_BYTES = 16 << 10;
  private static final int MAX_NOTE = 2000;

  private final MatchEngine engine;
  private final ModelVersions versions;

  public ModelVersionsModule(MatchEngine engine, ModelVersions versions) {
    this.engine = engine;
    this.versions = versions;
  }

  @Override
  public void mount(Router api) {
    api.get("/admin/models").handler(Auth.require("admin", "steward")).handler(this::list);
    api.get("/admin/models/:version").handler(Auth.require("admin", "steward")).handler(this::one);
    api.post("/admin/models/:version/restore").handler(Auth.require("admin")).handler(this::restore);
  }

  /** {@code inUse}: the version this node matches with (every node adopts the newest within a minute). */
  private void list(RoutingContext ctx) {
    int limit = Params.pageLimit(ctx.request().getParam("limit"));
    versions.newestFirst(limit + 1).onSuccess(found -> {
      JsonArray items = new JsonArray();
      found.stream().limit(limit).forEach(v -> items.add(json(v)));
      ProfileHandlers.json(ctx, new JsonObject().put("inUse", engine.current().version()).put("versions", items)
          .put("truncated", found.size() > limit).encode());
    }).onFailure(ctx::fail);
  }

  private void one(RoutingContext ctx) {
    versions.get(version(ctx)).onSuccess(v -> ProfileHandlers.json(ctx, json(v)
            .put("inUse", v.version() == engine.current().version()).put("model", new JsonObject(v.model())).encode()))
        .onFailure(err -> ctx.fail(problem(err)));
  }

  private void restore(RoutingContext ctx) {
    long version = version(ctx);
    JsonObject body = Json.body(ctx, MAX_BODY_BYTES);
    Object pin = body.getValue("pin", Boolean.TRUE);
    if (!(pin instanceof Boolean pinned)) throw HubException.invalid("pin: must be true or false");
    versions.restore(engine, version, Auth.actor(ctx), pinned, note(body))
        .onSuccess(v -> ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json")
            .putHeader("Location", "/api/v1/admin/models/" + v.version()).end(json(v).encode()))
        .onFailure(err -> ctx.fail(problem(err)));
  }

  /** Required: a restore undoes what a training decided, and the audit trail must say why. */
  private static String note(JsonObject body) {
    Object note = body.getValue("note");
    if (!(note instanceof String text) || text.isBlank()) {
      throw HubException.invalid("note: say why the model is restored (a string), for the audit trail");
    }
    if (text.length() > MAX_NOTE) throw HubException.invalid("note: longer than " + MAX_NOTE + " characters");
    return Json.withoutNul("note", text);
  }

  private static long version(RoutingContext ctx) {
    return Params.number("version", ctx.pathParam("version"), 0, Long.MAX_VALUE);
  }

  private static Throwable problem(Throwable err) {
    if (err instanceof ModelVersions.Unknown) return HubException.notFound(err.getMessage());
    if (err instanceof ReresolutionLock.AlreadyRunning) return HubException.conflict(err.getMessage());
    return err;
  }

  private static JsonObject json(Version v) {
    JsonObject out = new JsonObject().put("version", v.version());
    if (v.createdAt() != null) out.put("createdAt", v.createdAt().toInstant().toString());
    if (v.createdBy() != null) out.put("createdBy", v.createdBy());
    out.put("trainedOn", v.trainedOn());
    if (v.restoredFrom() != null) out.put("restoredFrom", v.restoredFrom());
    out.put("pinned", v.pinned());
    if (v.reason() != null) out.put("reason", v.reason());
    if (v.note() != null) out.put("note", v.note());
    return out;
  }
}

package io.customerhub.serve;

import io.customerhub.resolve.MatchEngine;
import io.customerhub.resolve.ModelVersions;
import io.customerhub.resolve.ModelVersions.Version;
import io.customerhub.resolve.StewardAgreement;
import io.customerhub.resolve.match.Band;
import io.customerhub.record.SourceKey;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The match model's versions over HTTP: {@code GET /admin/models} lists them newest first, {@code GET
 * /admin/models/{version}} shows one with its model, and {@code POST /admin/models/{version}/restore} puts an
 * earlier one back to use as the newest version (audited, subject {@code model:VERSION}); {@code GET
 * /admin/models/{version}/agreement} scores the review pairs stewards decided with that version.
 */
public final class ModelVersionsModule implements HttpApiVerticle.ApiModule {

  private static final int MAX_BODY_BYTES = 16 << 10;
  /** Ten years: a longer pin is one for good, which leaving pinDays out says. */
  private static final int MAX_PIN_DAYS = 3650;

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
    api.get("/admin/models/:version/agreement").handler(Auth.require("admin", "steward")).handler(this::agreement);
  }

  /** The newest decided review pairs, 1,000 unless the caller asks for 1 to 10,000, scored by that version. */
  private void agreement(RoutingContext ctx) {
    long version = version(ctx);
    String raw = ctx.request().getParam("limit");
    int limit = raw == null ? 1000 : (int) Params.number("limit", raw, 1, 10_000);
    versions.agreement(engine, version, limit).onSuccess(a -> {
      JsonArray against = new JsonArray();
      for (StewardAgreement.Disagreement d : a.disagreements()) {
        against.add(new JsonObject().put("reviewId", d.reviewId()).put("decision", d.merged() ? "merge" : "keep-apart")
            .put("left", key(d.left())).put("right", key(d.right())).put("band", d.band().name())
            .put("probability", Math.round(d.probability() * 1000) / 1000.0));
      }
      ProfileHandlers.json(ctx, new JsonObject().put("modelVersion", version).put("pairs", a.pairs())
          .put("agreeing", a.agreeing()).put("unsure", a.unsure()).put("guarded", a.guarded())
          .put("disagreeing", a.pairs() - a.agreeing() - a.unsure()).put("merged", bands(a.merged()))
          .put("keptApart", bands(a.keptApart())).put("disagreements", against).encode());
    }).onFailure(ctx::fail);
  }

  private static JsonObject bands(java.util.Map<Band, Integer> counts) {
    JsonObject out = new JsonObject();
    counts.forEach((band, n) -> out.put(band.name(), n));
    return out;
  }

  private static JsonObject key(SourceKey k) {
    return new JsonObject().put("source", k.source()).put("sourceId", k.sourceId());
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
        .onFailure(ctx::fail);
  }

  private void restore(RoutingContext ctx) {
    long version = version(ctx);
    JsonObject body = Json.body(ctx, MAX_BODY_BYTES);
    Object pin = body.getValue("pin", Boolean.TRUE);
    if (!(pin instanceof Boolean pinned)) throw HubException.invalid("pin: must be true or false");
    Object days = body.getValue("pinDays");
    if (days != null && !(days instanceof Integer d && d >= 1 && d <= MAX_PIN_DAYS)) {
      throw HubException.invalid("pinDays: must be a whole number of days from 1 to " + MAX_PIN_DAYS);
    }
    if (days != null && !pinned) throw HubException.invalid("pinDays: a pin's days, with pin true");
    versions.restore(engine, version, Auth.actor(ctx), pinned, (Integer) days, note(body))
        .onSuccess(v -> ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json")
            .putHeader("Location", "/api/v1/admin/models/" + v.version()).end(json(v).encode()))
        .onFailure(ctx::fail);
  }

  /** Required: a restore undoes what a training decided, and the audit trail must say why. */
  private static String note(JsonObject body) {
    String note = Json.note(body, "note");
    if (note == null || note.isBlank()) {
      throw HubException.invalid("note: say why the model is restored, for the audit trail");
    }
    return note;
  }

  private static long version(RoutingContext ctx) {
    return Params.number("version", ctx.pathParam("version"), 0, Long.MAX_VALUE);
  }

  private static JsonObject json(Version v) {
    JsonObject out = new JsonObject().put("version", v.version());
    if (v.createdAt() != null) out.put("createdAt", v.createdAt().toInstant().toString());
    if (v.createdBy() != null) out.put("createdBy", v.createdBy());
    out.put("trainedOn", v.trainedOn());
    if (v.restoredFrom() != null) out.put("restoredFrom", v.restoredFrom());
    out.put("pinned", v.pinned());
    if (v.pinnedUntil() != null) out.put("pinnedUntil", v.pinnedUntil().toInstant().toString());
    if (v.reason() != null) out.put("reason", v.reason());
    if (v.note() != null) out.put("note", v.note());
    return out;
  }
}

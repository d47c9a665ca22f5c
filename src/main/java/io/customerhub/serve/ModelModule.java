package io.customerhub.serve;

import io.customerhub.ingest.RecordDecoder;
import io.customerhub.record.Kind;
import io.customerhub.resolve.MatchEngine;
import io.customerhub.resolve.ModelStore;
import io.customerhub.resolve.match.PairScore;
import io.customerhub.resolve.standardize.StandardRecord;
import io.customerhub.resolve.standardize.Standardizer;
import io.customerhub.store.ProfileCodec;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The match model over HTTP: {@code POST /match} scores two records without storing anything,
 * {@code POST /admin/train} learns a new model version from the stored records (EM, no labels),
 * {@code GET /admin/model} shows the model in use.
 */
public final class ModelModule implements HttpApiVerticle.ApiModule {

  private final MatchEngine engine;
  private final ModelStore models;
  private final Standardizer standardizer;

  public ModelModule(MatchEngine engine, ModelStore models, Standardizer standardizer) {
    this.engine = engine;
    this.models = models;
    this.standardizer = standardizer;
  }

  @Override
  public void mount(Router api) {
    api.post("/match").handler(Auth.require("reader", "steward")).handler(this::match);
    api.post("/admin/train").handler(Auth.require("admin")).handler(this::train);
    api.get("/admin/model").handler(Auth.require("admin", "steward")).handler(this::model);
  }

  private void match(RoutingContext ctx) {
    JsonObject body = Json.body(ctx);
    List<String> errors = new ArrayList<>();
    StandardRecord left = side(body, "left", errors);
    StandardRecord right = side(body, "right", errors);
    if (!errors.isEmpty()) throw HubException.invalid(String.join("; ", errors));
    ctx.vertx().executeBlocking(() -> {
      PairScore score = engine.score(left, right);
      Map<String, Object> out = new LinkedHashMap<>(score.toMap());
      out.put("modelVersion", engine.current().version());
      return ProfileCodec.write(out);
    }, false).onSuccess(json -> ProfileHandlers.json(ctx, json)).onFailure(ctx::fail);
  }

  private StandardRecord side(JsonObject body, String name, List<String> errors) {
    if (!(body.getValue(name) instanceof JsonObject record)) {
      errors.add(name + ": must be a record object");
      return null;
    }
    String source = record.getValue("source") instanceof String s && !s.isBlank() ? s : name;
    JsonObject withId = record.copy();
    if (withId.getValue("sourceId") == null) withId.put("sourceId", name);
    RecordDecoder.Decoded d = RecordDecoder.decode(withId, source, Kind.PERSON);
    if (!d.ok()) {
      d.errors().forEach(e -> errors.add(name + "." + e));
      return null;
    }
    return standardizer.standardize(d.record());
  }

  private void train(RoutingContext ctx) {
    models.train(engine, Auth.actor(ctx)).onSuccess(result -> ProfileHandlers.json(ctx, result.encode()))
        .onFailure(err -> ctx.fail(err instanceof IllegalStateException
            ? HubException.conflict(err.getMessage()) : err));
  }

  private void model(RoutingContext ctx) {
    MatchEngine.ModelInUse m = engine.current();
    ProfileHandlers.json(ctx, new JsonObject().put("version", m.version()).put("note", m.model().note())
        .put("model", new JsonObject(m.model().toJson())).encode());
  }
}

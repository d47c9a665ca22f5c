package io.customerhub.serve;

import io.customerhub.record.CanonicalRecord;
import io.customerhub.resolve.MatchEngine;
import io.customerhub.resolve.ModelStore;
import io.customerhub.resolve.Reresolver;
import io.customerhub.resolve.Restandardizer;
import io.customerhub.cache.ProfileReadModel;
import io.customerhub.resolve.match.PairScore;
import io.customerhub.resolve.standardize.StandardRecord;
import io.customerhub.resolve.standardize.Standardizer;
import io.customerhub.store.ProfileCodec;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
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
 * {@code POST /admin/reresolve} re-resolves every stored record (re-standardized first when asked) as a job,
 * {@code GET /admin/model} shows the model in use.
 */
public final class ModelModule implements HttpApiVerticle.ApiModule {

  private final MatchEngine engine;
  private final ModelStore models;
  private final Standardizer standardizer;
  private final Reresolver reresolver;
  private final Restandardizer restandardizer;
  private final ProfileReadModel readModel;
  private final AdminJobs jobs;
  private final int maxRecordBytes;

  /** {@code maxRecordBytes}: the longest record {@code POST /match} takes on each side, as ingest takes. */
  public ModelModule(Vertx vertx, MatchEngine engine, ModelStore models, Standardizer standardizer,
                     Reresolver reresolver, Restandardizer restandardizer, ProfileReadModel readModel,
                     int maxRecordBytes) {
    this.jobs = new AdminJobs(vertx);
    this.engine = engine;
    this.models = models;
    this.standardizer = standardizer;
    this.reresolver = reresolver;
    this.restandardizer = restandardizer;
    this.readModel = readModel;
    this.maxRecordBytes = maxRecordBytes;
  }

  @Override
  public void mount(Router api) {
    api.post("/match").handler(Auth.require("reader", "steward")).handler(this::match);
    api.post("/admin/train").handler(Auth.require("admin")).handler(this::train);
    api.get("/admin/model").handler(Auth.require("admin", "steward")).handler(this::model);
    api.post("/admin/reresolve").handler(Auth.require("admin")).handler(this::reresolve);
    api.get("/admin/jobs/:jobId").handler(Auth.require("admin")).handler(this::job);
  }

  /**
   * Starts a re-resolution in the background; its progress is at {@code /admin/jobs/{id}}, on every node. With
   * {@code ?restandardize=true} every stored record is first standardized again from its canonical form (phase
   * {@code restandardizing}), so that the run, and online linking after it, see what standardization makes of the
   * records now rather than what it made when they were stored.
   */
  private void reresolve(RoutingContext ctx) {
    boolean restandardize = flag(ctx, "restandardize");
    String id = java.util.UUID.randomUUID().toString();
    JsonObject state = new JsonObject().put("jobId", id).put("state", "running")
        .put("phase", restandardize ? "restandardizing" : "loading").put("done", 0).put("total", 0);
    Future<Void> readable = jobs.start(id, state);
    Future<Void> before = !restandardize ? Future.succeededFuture() : restandardizer.run(p -> progress(id, p))
        .map(r -> {
          jobs.update(id, s -> s.put("restandardization", new JsonObject().put("records", r.records())
              .put("changed", r.changed()).put("failed", r.failed())).put("phase", "loading").put("done", 0)
              .put("total", 0));
          return null;
        });
    before.compose(v -> reresolver.run(p -> progress(id, p), changes -> readModel.afterCommit(changes, List.of())))
        .onSuccess(moved -> jobs.update(id, s -> s.put("state", "done").put("moved", moved)))
        .onFailure(err -> jobs.update(id, s -> s.put("state", "failed").put("error", err.getMessage())));
    // answered once any node can tell the job's state (a failed copy was logged; this node still tells it)
    readable.onComplete(copied -> ctx.response().setStatusCode(202).putHeader("Location", "/api/v1/admin/jobs/" + id)
        .putHeader("Content-Type", "application/json").end(state.encode()));
  }

  private void progress(String jobId, Reresolver.Progress p) {
    jobs.update(jobId, s -> s.put("phase", p.phase()).put("done", p.done()).put("total", p.total()));
  }

  /** A yes-or-no query parameter: absent is no; anything but {@code true} or {@code false} is refused. */
  private static boolean flag(RoutingContext ctx, String name) {
    String value = ctx.request().getParam(name);
    if (value == null || value.equalsIgnoreCase("false")) return false;
    if (value.equalsIgnoreCase("true")) return true;
    throw HubException.invalid(name + ": must be true or false, not '" + value + "'");
  }

  private void job(RoutingContext ctx) {
    String id = ctx.pathParam("jobId");
    jobs.get(id).onSuccess(state -> {
      if (state == null) ctx.fail(HubException.notFound("no job " + id));
      else ProfileHandlers.json(ctx, state.encode());
    }).onFailure(ctx::fail);
  }

  private void match(RoutingContext ctx) {
    // two records and the JSON around them
    JsonObject body = Json.body(ctx, 2 * maxRecordBytes + 1024);
    // standardizing (transliteration, phone numbers) and scoring are CPU work: off the event loop
    ctx.vertx().executeBlocking(() -> {
      List<String> errors = new ArrayList<>();
      List<String> warnings = new ArrayList<>();
      StandardRecord left = side(body, "left", errors, warnings);
      StandardRecord right = side(body, "right", errors, warnings);
      if (!errors.isEmpty()) throw HubException.invalid(String.join("; ", errors));
      PairScore score = engine.score(left, right);
      Map<String, Object> out = new LinkedHashMap<>(score.toMap());
      out.put("modelVersion", engine.current().version());
      // what the decoder left out (a date it could not read), as ingest answers it: the score is without it
      if (!warnings.isEmpty()) out.put("warnings", warnings);
      return ProfileCodec.write(out);
    }, false).onSuccess(json -> ProfileHandlers.json(ctx, json)).onFailure(ctx::fail);
  }

  private StandardRecord side(JsonObject body, String name, List<String> errors, List<String> warnings) {
    CanonicalRecord record = QueryRecords.decode(body.getValue(name), name, errors, warnings);
    return record == null ? null : standardizer.standardize(record);
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

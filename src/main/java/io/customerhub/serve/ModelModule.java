package io.customerhub.serve;

import io.customerhub.record.CanonicalRecord;
import io.customerhub.resolve.MatchEngine;
import io.customerhub.resolve.ModelStore;
import io.customerhub.resolve.ModelVersions;
import io.customerhub.resolve.ReresolutionPreview;
import io.customerhub.resolve.Reresolver;
import io.customerhub.resolve.Restandardizer;
import io.customerhub.cache.ProfileReadModel;
import io.customerhub.resolve.match.PairScore;
import io.customerhub.resolve.standardize.StandardRecord;
import io.customerhub.resolve.standardize.Standardizer;
import io.customerhub.store.ProfileCodec;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
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
 * {@code POST /admin/reresolve} re-resolves every stored record (re-standardized first when asked) as a job, or
 * with {@code dryRun=true} tells what that would change (with the model in use or a stored version's),
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
  private final ModelVersions versions;
  private final int maxRecordBytes;

  /** {@code maxRecordBytes}: the longest record {@code POST /match} takes on each side, as ingest takes. */
  public ModelModule(Vertx vertx, MatchEngine engine, ModelStore models, Standardizer standardizer,
                     ModelVersions versions, Reresolver reresolver, Restandardizer restandardizer,
                     ProfileReadModel readModel, int maxRecordBytes) {
    this.jobs = new AdminJobs(vertx);
    this.versions = versions;
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
    String model = ctx.request().getParam("model");
    if (flag(ctx, "dryRun")) {
      if (restandardize) throw HubException.invalid("restandardize: a dry run writes nothing; leave it out");
      preview(ctx, model == null ? null : Params.number("model", model, 0, Long.MAX_VALUE));
      return;
    }
    if (model != null) {
      throw HubException.invalid("model: only with dryRun=true; to re-resolve with another version, restore it "
          + "first (POST /admin/models/{version}/restore)");
    }
    String id = startJob(ctx, restandardize ? "restandardizing" : "loading", new JsonObject());
    Future<Void> before = !restandardize ? Future.succeededFuture() : restandardizer.run(p -> progress(id, p))
        .map(r -> {
          jobs.update(id, s -> s.put("restandardization", new JsonObject().put("records", r.records())
              .put("changed", r.changed()).put("failed", r.failed())).put("phase", "loading").put("done", 0)
              .put("total", 0));
          return null;
        });
    before.compose(v -> reresolver.run(p -> progress(id, p), changes -> readModel.afterCommit(changes, List.of())))
        .onSuccess(moved -> jobs.update(id, s -> s.put("state", "done").put("moved", moved)))
        .onFailure(err -> failJob(id, err));
  }

  /**
   * Starts a job in {@code phase} with the fields of {@code extra}, and answers the caller {@code 202} with its
   * address once any node can tell its state (a failed copy was logged; this node still tells it). Returns its id.
   */
  private String startJob(RoutingContext ctx, String phase, JsonObject extra) {
    String id = java.util.UUID.randomUUID().toString();
    JsonObject state = new JsonObject().put("jobId", id).put("state", "running").put("phase", phase).put("done", 0)
        .put("total", 0).mergeIn(extra);
    jobs.start(id, state).onComplete(copied -> ctx.response().setStatusCode(202)
        .putHeader("Location", "/api/v1/admin/jobs/" + id).putHeader("Content-Type", "application/json")
        .end(state.encode()));
    return id;
  }

  private void failJob(String id, Throwable err) {
    jobs.update(id, s -> s.put("state", "failed").put("error", err.getMessage()));
  }

  /**
   * What a re-resolution with the model in use, or with stored version {@code model}, would change, as a job like a
   * run (it reads and scores every record); nothing is written. An unknown version is a 404 before any job starts.
   */
  private void preview(RoutingContext ctx, Long model) {
    Future<MatchEngine> scoring = model == null ? Future.succeededFuture(engine) : versions.scoring(engine, model);
    scoring.onFailure(ctx::fail).onSuccess(with -> {
      String id = startJob(ctx, "loading", new JsonObject().put("dryRun", true)
          .put("modelVersion", with.current().version()));
      reresolver.preview(with, p -> progress(id, p))
          .onSuccess(p -> jobs.update(id, s -> s.put("state", "done").put("done", p.records())
              .put("total", p.records()).put("preview", previewJson(p))))
          .onFailure(err -> failJob(id, err));
    });
  }

  private static JsonObject previewJson(ReresolutionPreview p) {
    JsonArray examples = new JsonArray();
    for (ReresolutionPreview.Move m : p.examples()) {
      examples.add(new JsonObject().put("source", m.record().source()).put("sourceId", m.record().sourceId())
          .put("from", m.from().toString()).put("to", m.to().toString()).put("newProfile", m.newProfile()));
    }
    return new JsonObject().put("records", p.records()).put("moving", p.moving())
        .put("profilesNow", p.profilesNow()).put("profilesAfter", p.profilesAfter())
        .put("profilesJoined", p.profilesJoined()).put("profilesSplit", p.profilesSplit())
        .put("pairsJoined", p.pairsJoined()).put("pairsParted", p.pairsParted()).put("reviewPairs", p.reviewPairs())
        .put("examples", examples);
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

package io.customerhub.serve;

import io.customerhub.cache.ProfileReadModel;
import io.customerhub.record.SourceKey;
import io.customerhub.steward.OverrideValue;
import io.customerhub.steward.ProfileHistory;
import io.customerhub.steward.Steward;
import io.customerhub.steward.StewardDecisions;
import io.customerhub.steward.StewardDecisions.Decision;
import io.customerhub.steward.StewardDecisions.ValueCursor;
import io.customerhub.steward.StewardRefusal;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The stewards' work over HTTP: the review queue ({@code GET /reviews}, {@code GET /reviews/{id}},
 * {@code POST /reviews/{id}/decision}, {@code POST /reviews/decisions} for many),
 * merging and splitting profiles directly ({@code POST /profiles/{id}/merge}, {@code /split}), golden values set
 * by hand ({@code PUT} and {@code DELETE /profiles/{id}/overrides/{attribute}}), the audit trail
 * ({@code GET /audit}), a customer's history ({@code GET /profiles/{id}/history}) and, for administrators, the
 * erasure of a customer ({@code POST /profiles/{id}/erase}); actions on a profile or pair take {@code If-Match}
 * ({@link Preconditions}).
 */
public final class StewardModule implements HttpApiVerticle.ApiModule {

  private static final Logger LOG = LoggerFactory.getLogger(StewardModule.class);
  private static final int MAX_SPLIT = 1000;
  private static final int DEFAULT_CLAIM_MINUTES = 15;
  private static final int MAX_CLAIM_MINUTES = 240;

  private final Steward steward;
  private final ProfileReadModel readModel;
  private final ProfileHistory history;

  public StewardModule(Steward steward, ProfileReadModel readModel, ProfileHistory history) {
    this.steward = steward;
    this.readModel = readModel;
    this.history = history;
  }

  @Override
  public void mount(Router api) {
    api.get("/reviews").handler(Auth.require("steward")).handler(this::reviews);
    api.get("/reviews/:reviewId").handler(Auth.require("steward")).handler(this::review);
    api.post("/reviews/decisions").handler(Auth.require("steward")).handler(this::decideMany);
    api.post("/reviews/:reviewId/decision").handler(Auth.require("steward")).handler(this::decide);
    api.post("/reviews/:reviewId/claim").handler(Auth.require("steward")).handler(this::claim);
    api.delete("/reviews/:reviewId/claim").handler(Auth.require("steward")).handler(this::claim);
    api.post("/profiles/:profileId/merge").handler(Auth.require("steward")).handler(this::merge);
    api.post("/profiles/:profileId/split").handler(Auth.require("steward")).handler(this::split);
    api.put("/profiles/:profileId/overrides/:attribute").handler(Auth.require("steward")).handler(this::override);
    api.delete("/profiles/:profileId/overrides/:attribute").handler(Auth.require("steward")).handler(this::override);
    api.get("/audit").handler(Auth.require("steward")).handler(this::audit);
    api.get("/profiles/:profileId/history").handler(Auth.require("reader", "steward")).handler(this::history);
    // irreversible, and about a person's rights rather than data quality: administrators only
    api.post("/profiles/:profileId/erase").handler(Auth.require("admin")).handler(this::erase);
  }

  /** Erases a customer at their request; the note (the request's reference) is required, for the audit trail. */
  private void erase(RoutingContext ctx) {
    UUID profile = ProfileHandlers.profileId(ctx);
    String note = note(Json.body(ctx));
    if (note == null || note.isBlank()) {
      throw HubException.invalid("note: say why the customer is erased (the request's reference), for the audit trail");
    }
    answer(ctx, steward.erasure().erase(profile, Auth.actor(ctx), note, Preconditions.profileVersion(ctx)));
  }

  /** PUT sets a golden attribute (a whole list for emails, phones, addresses) by hand, DELETE gives it back. */
  private void override(RoutingContext ctx) {
    UUID profile = ProfileHandlers.profileId(ctx);
    String attribute = ctx.pathParam("attribute");
    try {
      OverrideValue.checkAttribute(attribute);
      if (ctx.request().method() == HttpMethod.DELETE) {
        answer(ctx, steward.actions().override(profile, attribute, null, Auth.actor(ctx), null,
            Preconditions.profileVersion(ctx)));
        return;
      }
      JsonObject body = Json.body(ctx);
      Object value = OverrideValue.of(attribute, plain(body.getValue("value")));
      answer(ctx, steward.actions().override(profile, attribute, value, Auth.actor(ctx), note(body),
          Preconditions.profileVersion(ctx)));
    } catch (StewardRefusal refused) {
      throw HubException.invalid(refused.getMessage());
    }
  }

  /** The JSON value as plain Java lists and maps, the form the domain code takes. */
  private static Object plain(Object value) {
    if (value instanceof JsonArray a) return a.stream().map(StewardModule::plain).toList();
    if (value instanceof JsonObject o) {
      Map<String, Object> m = new LinkedHashMap<>();
      o.forEach(e -> m.put(e.getKey(), plain(e.getValue())));
      return m;
    }
    return value;
  }

  private void reviews(RoutingContext ctx) {
    String status = ctx.request().getParam("status", "open");
    if (!StewardDecisions.STATUSES.contains(status)) {
      throw HubException.invalid("status: '" + status + "' is none of " + StewardDecisions.STATUSES);
    }
    int limit = limit(ctx);
    String profile = ctx.request().getParam("profile");
    String order = ctx.request().getParam("order", "id");
    // available=true: without the pairs another steward has claimed, so that stewards sharing the queue part it
    String available = ctx.request().getParam("available", "false");
    if (!available.equals("true") && !available.equals("false")) {
      throw HubException.invalid("available: must be true or false, not '" + available + "'");
    }
    String availableTo = available.equals("true") ? Auth.actor(ctx) : null;
    if (availableTo != null && profile != null) {
      throw HubException.invalid("available: lists the whole queue; leave out profile");
    }
    if (order.equals("value")) {
      if (profile != null) throw HubException.invalid("order: 'value' orders the whole queue; leave out profile");
      String raw = ctx.request().getParam("after");
      ValueCursor after = raw == null ? null : ValueCursor.parse(raw);
      if (raw != null && after == null) {
        throw HubException.invalid("after: with order=value, the 'next' of the page before (value:id), not '" + raw
            + "'");
      }
      steward.decisions().listByValue(status, after, limit, availableTo)
          .compose(page -> ctx.vertx().executeBlocking(page::encode, false))
          .onSuccess(json -> ProfileHandlers.json(ctx, json)).onFailure(ctx::fail);
      return;
    }
    if (!order.equals("id")) throw HubException.invalid("order: must be 'id' or 'value', not '" + order + "'");
    page(ctx, steward.decisions().list(status, after(ctx), limit,
        profile == null ? null : Params.profileId("profile", profile), availableTo), limit);
  }

  private void review(RoutingContext ctx) {
    steward.decisions().get(reviewId(ctx)).onSuccess(pair -> {
      // the pair's version as its ETag, for the decision's If-Match
      Preconditions.etag(ctx, pair.getString("version"));
      ProfileHandlers.json(ctx, pair.encode());
    }).onFailure(err -> fail(ctx, err));
  }

  /**
   * {@code POST}: claims the pair for the caller for {@code minutes} (15 unless said, 1 to 240; again: extends it);
   * {@code DELETE}: gives the caller's claim up.
   */
  private void claim(RoutingContext ctx) {
    long id = reviewId(ctx);
    if (ctx.request().method() == HttpMethod.DELETE) {
      answer(ctx, steward.decisions().release(id, Auth.actor(ctx)));
      return;
    }
    boolean empty = ctx.body() == null || ctx.body().buffer() == null || ctx.body().length() <= 0;
    JsonObject body = empty ? new JsonObject() : Json.body(ctx);
    Object minutes = body.getValue("minutes", DEFAULT_CLAIM_MINUTES);
    if (!(minutes instanceof Integer m) || m < 1 || m > MAX_CLAIM_MINUTES) {
      throw HubException.invalid("minutes: a whole number from 1 to " + MAX_CLAIM_MINUTES + ", not " + minutes);
    }
    answer(ctx, steward.decisions().claim(id, Auth.actor(ctx), m * 60));
  }

  private void decide(RoutingContext ctx) {
    long id = reviewId(ctx);
    JsonObject body = Json.body(ctx);
    Decision decision = Decision.parse(body.getValue("decision") instanceof String s ? s : null);
    if (decision == null) throw HubException.invalid("decision: must be \"merge\" or \"keep-apart\"");
    answer(ctx, steward.decisions().decide(id, decision, Auth.actor(ctx), note(body),
        Preconditions.pairVersion(ctx)));
  }

  /** One decision of a list, checked before any is carried out; {@code version}: the pair's, when given. */
  private record Decided(long id, Decision decision, String note, String version) {
  }

  /**
   * Decisions on many pairs, carried out one after the other, each as {@code POST /reviews/{id}/decision} would
   * (its own transaction and audit entry): a pair decided already or not found is answered in its place and the
   * ones after it go on. A list that is not well formed is refused whole, naming the item, before anything is
   * decided.
   */
  private void decideMany(RoutingContext ctx) {
    JsonObject body = Json.body(ctx);
    if (!(body.getValue("decisions") instanceof JsonArray list) || list.isEmpty()) {
      throw HubException.invalid("decisions: a list of {\"id\", \"decision\", \"note\"} is missing");
    }
    if (list.size() > Params.MAX_PAGE) throw HubException.invalid("decisions: more than " + Params.MAX_PAGE);
    List<Decided> decided = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String at = "decisions[" + i + "]";
      if (!(list.getValue(i) instanceof JsonObject item)) throw HubException.invalid(at + ": must be an object");
      if (!(item.getValue("id") instanceof Number id) || id.longValue() < 1 || id.doubleValue() != id.longValue()) {
        throw HubException.invalid(at + ".id: must be the whole number of a review pair");
      }
      Decision decision = Decision.parse(item.getValue("decision") instanceof String d ? d : null);
      if (decision == null) throw HubException.invalid(at + ".decision: must be \"merge\" or \"keep-apart\"");
      Object version = item.getValue("version");
      if (version == null && Preconditions.required(ctx)) throw Preconditions.missing(at + ".version");
      if (version != null && !(version instanceof String v && Preconditions.isPairVersion(v))) {
        throw HubException.invalid(at + ".version: must be the pair's version as the queue gives it (e.g. \"3.1\")");
      }
      decided.add(new Decided(id.longValue(), decision, Json.note(item, at + ".note"), (String) version));
    }
    Future<JsonArray> results = Future.succeededFuture(new JsonArray());
    for (Decided d : decided) {
      results = results.compose(done -> {
        // after a failure that is no refusal (the database gone, say) the rest is not tried: each says so, and
        // the answer still says which were decided
        String before = done.isEmpty() ? null : done.getJsonObject(done.size() - 1).getString("status");
        if ("failed".equals(before) || "skipped".equals(before)) {
          return Future.succeededFuture(done.add(outcome(d, "skipped", null)));
        }
        return steward.decisions().decide(d.id(), d.decision(), Auth.actor(ctx), d.note(), d.version())
            .map(pair -> done.add(outcome(d, "decided", null).put("pair", pair)))
            .recover(err -> {
              if (err instanceof StewardRefusal r) {
                return Future.succeededFuture(done.add(outcome(d, "refused", problem(r))));
              }
              LOG.warn("review pair {}: decision not carried out", d.id(), err);
              return Future.succeededFuture(done.add(outcome(d, "failed",
                  HubException.unavailable("not carried out; the pairs after it were not tried: send them again"))));
            });
      });
    }
    results.onSuccess(all -> ProfileHandlers.json(ctx, new JsonObject().put("results", all).encode()))
        .onFailure(ctx::fail);
  }

  private static JsonObject outcome(Decided d, String status, HubException problem) {
    JsonObject o = new JsonObject().put("id", d.id()).put("status", status);
    if (problem != null) {
      o.put("problem", new JsonObject().put("status", problem.status()).put("title", problem.title())
          .put("detail", problem.getMessage()));
    }
    return o;
  }

  private void merge(RoutingContext ctx) {
    UUID keep = ProfileHandlers.profileId(ctx);
    JsonObject body = Json.body(ctx);
    String with = body.getValue("with") instanceof String s ? s : null;
    if (with == null) throw HubException.invalid("with: the id of the profile to merge into this one is missing");
    answer(ctx, steward.actions().merge(keep, Params.profileId("with", with), Auth.actor(ctx), note(body),
        Preconditions.profileVersion(ctx)));
  }

  private void split(RoutingContext ctx) {
    UUID profile = ProfileHandlers.profileId(ctx);
    JsonObject body = Json.body(ctx);
    if (!(body.getValue("records") instanceof JsonArray list)) {
      throw HubException.invalid("records: a list of {\"source\", \"sourceId\"} is missing");
    }
    if (list.size() > MAX_SPLIT) throw HubException.invalid("records: more than " + MAX_SPLIT);
    List<SourceKey> records = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonObject r = list.getValue(i) instanceof JsonObject o ? o : new JsonObject();
      String source = Json.text(r, "source"), sourceId = Json.text(r, "sourceId");
      if (source == null || sourceId == null) {
        throw HubException.invalid("records[" + i + "]: needs \"source\" and \"sourceId\"");
      }
      records.add(new SourceKey(Json.withoutNul("records[" + i + "].source", source),
          Json.withoutNul("records[" + i + "].sourceId", sourceId)));
    }
    answer(ctx, steward.actions().split(profile, records, Auth.actor(ctx), note(body),
        Preconditions.profileVersion(ctx)));
  }

  /** What happened to a customer, newest first; a merged-away id is sent on to the survivor's history. */
  private void history(RoutingContext ctx) {
    int limit = limit(ctx);
    ProfileHandlers.ofActive(ctx, readModel, "/history", stored -> history.of(stored.profile(), limit)
        .onSuccess(json -> ProfileHandlers.json(ctx, json.encode())));
  }

  private void audit(RoutingContext ctx) {
    int limit = limit(ctx);
    page(ctx, steward.actions().audit(Json.withoutNul("subject", ctx.request().getParam("subject")),
        after(ctx), limit), limit);
  }

  /** A page's answer, encoded on a worker: the review queue's pages hold up to 1,000 pairs with their records. */
  private static void page(RoutingContext ctx, Future<JsonArray> items, int limit) {
    items.compose(list -> ctx.vertx().executeBlocking(() -> {
      Object next = list.size() == limit ? list.getJsonObject(list.size() - 1).getLong("id") : null;
      return new JsonObject().put("items", list).put("next", next).encode();
    }, false)).onSuccess(json -> ProfileHandlers.json(ctx, json)).onFailure(ctx::fail);
  }

  /** An action's answer; one that names the profile's version now carries it as the ETag, for the next If-Match. */
  private static void answer(RoutingContext ctx, Future<JsonObject> action) {
    action.onSuccess(done -> {
      if (done.getValue("version") instanceof Number version) Preconditions.etag(ctx, version.longValue());
      ProfileHandlers.json(ctx, done.encode());
    }).onFailure(err -> fail(ctx, err));
  }

  private static void fail(RoutingContext ctx, Throwable err) {
    if (!(err instanceof StewardRefusal r)) {
      ctx.fail(err);
      return;
    }
    if (r.kind() == StewardRefusal.Kind.UNFINISHED) ctx.response().putHeader("Retry-After", "1");
    ctx.fail(problem(r));
  }

  /**
   * How a refusal is answered. An unfinished profile is a 503, not a conflict with what the steward asked (409
   * says "look again, this is settled"): the very same request succeeds once ingest has written the profile, which
   * takes a moment, and tools retry a 503 as it is.
   */
  private static HubException problem(StewardRefusal r) {
    return switch (r.kind()) {
      case MISSING -> HubException.notFound(r.getMessage());
      case CONFLICT -> HubException.conflict(r.getMessage());
      case UNFINISHED -> HubException.unavailable(r.getMessage());
      case INVALID -> HubException.invalid(r.getMessage());
      case STALE -> HubException.preconditionFailed(r.getMessage());
    };
  }

  private static String note(JsonObject body) {
    return Json.note(body, "note");
  }

  private static long after(RoutingContext ctx) {
    String raw = ctx.request().getParam("after");
    return raw == null ? 0 : Params.number("after", raw, 0, Long.MAX_VALUE);
  }

  private static int limit(RoutingContext ctx) {
    return Params.pageLimit(ctx.request().getParam("limit"));
  }

  private static long reviewId(RoutingContext ctx) {
    return Params.number("reviewId", ctx.pathParam("reviewId"), 1, Long.MAX_VALUE);
  }
}

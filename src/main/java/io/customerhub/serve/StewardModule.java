package io.customerhub.serve;

import io.customerhub.record.SourceKey;
import io.customerhub.steward.OverrideValue;
import io.customerhub.steward.Steward;
import io.customerhub.steward.StewardDecisions;
import io.customerhub.steward.StewardDecisions.Decision;
import io.customerhub.steward.StewardRefusal;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The stewards' work over HTTP: the review queue ({@code GET /reviews}, {@code GET /reviews/{id}},
 * {@code POST /reviews/{id}/decision}),
 * merging and splitting profiles directly ({@code POST /profiles/{id}/merge}, {@code /split}), golden values set
 * by hand ({@code PUT} and {@code DELETE /profiles/{id}/overrides/{attribute}}) and the audit trail
 * ({@code GET /audit}).
 */
public final class StewardModule implements HttpApiVerticle.ApiModule {

  private static final int MAX_PAGE = 1000;
  private static final int MAX_NOTE = 2000;
  private static final int MAX_SPLIT = 1000;

  private final Steward steward;

  public StewardModule(Steward steward) {
    this.steward = steward;
  }

  @Override
  public void mount(Router api) {
    api.get("/reviews").handler(Auth.require("steward")).handler(this::reviews);
    api.get("/reviews/:reviewId").handler(Auth.require("steward")).handler(this::review);
    api.post("/reviews/:reviewId/decision").handler(Auth.require("steward")).handler(this::decide);
    api.post("/profiles/:profileId/merge").handler(Auth.require("steward")).handler(this::merge);
    api.post("/profiles/:profileId/split").handler(Auth.require("steward")).handler(this::split);
    api.put("/profiles/:profileId/overrides/:attribute").handler(Auth.require("steward")).handler(this::override);
    api.delete("/profiles/:profileId/overrides/:attribute").handler(Auth.require("steward")).handler(this::override);
    api.get("/audit").handler(Auth.require("steward")).handler(this::audit);
  }

  /** PUT sets a golden attribute (a whole list for emails, phones, addresses) by hand, DELETE gives it back. */
  private void override(RoutingContext ctx) {
    UUID profile = ProfileHandlers.profileId(ctx);
    String attribute = ctx.pathParam("attribute");
    try {
      OverrideValue.checkAttribute(attribute);
      if (ctx.request().method() == HttpMethod.DELETE) {
        answer(ctx, steward.actions().override(profile, attribute, null, Auth.actor(ctx), null));
        return;
      }
      JsonObject body = Json.body(ctx);
      Object value = OverrideValue.of(attribute, plain(body.getValue("value")));
      answer(ctx, steward.actions().override(profile, attribute, value, Auth.actor(ctx), note(body)));
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
    page(ctx, steward.decisions().list(status, after(ctx), limit,
        profile == null ? null : Params.profileId("profile", profile)), limit);
  }

  private void review(RoutingContext ctx) {
    answer(ctx, steward.decisions().get(reviewId(ctx)));
  }

  private void decide(RoutingContext ctx) {
    long id = reviewId(ctx);
    JsonObject body = Json.body(ctx);
    Decision decision = Decision.parse(body.getValue("decision") instanceof String s ? s : null);
    if (decision == null) throw HubException.invalid("decision: must be \"merge\" or \"keep-apart\"");
    answer(ctx, steward.decisions().decide(id, decision, Auth.actor(ctx), note(body)));
  }

  private void merge(RoutingContext ctx) {
    UUID keep = ProfileHandlers.profileId(ctx);
    JsonObject body = Json.body(ctx);
    String with = body.getValue("with") instanceof String s ? s : null;
    if (with == null) throw HubException.invalid("with: the id of the profile to merge into this one is missing");
    answer(ctx, steward.actions().merge(keep, Params.profileId("with", with), Auth.actor(ctx), note(body)));
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
    answer(ctx, steward.actions().split(profile, records, Auth.actor(ctx), note(body)));
  }

  private void audit(RoutingContext ctx) {
    int limit = limit(ctx);
    page(ctx, steward.actions().audit(Json.withoutNul("subject", ctx.request().getParam("subject")),
        after(ctx), limit), limit);
  }

  private static void page(RoutingContext ctx, Future<JsonArray> items, int limit) {
    items.onSuccess(list -> {
      Object next = list.size() == limit ? list.getJsonObject(list.size() - 1).getLong("id") : null;
      ProfileHandlers.json(ctx, new JsonObject().put("items", list).put("next", next).encode());
    }).onFailure(ctx::fail);
  }

  private static void answer(RoutingContext ctx, Future<JsonObject> action) {
    action.onSuccess(done -> ProfileHandlers.json(ctx, done.encode())).onFailure(err -> {
      if (!(err instanceof StewardRefusal r)) ctx.fail(err);
      else if (r.kind() == StewardRefusal.Kind.MISSING) ctx.fail(HubException.notFound(r.getMessage()));
      else if (r.kind() == StewardRefusal.Kind.CONFLICT) ctx.fail(HubException.conflict(r.getMessage()));
      else if (r.kind() == StewardRefusal.Kind.UNFINISHED) {
        // not a conflict with what the steward asked (409 says "look again, this is settled"): the very same
        // request succeeds once ingest has written the profile, which takes a moment; tools retry a 503 as it is
        ctx.response().putHeader("Retry-After", "1");
        ctx.fail(HubException.unavailable(r.getMessage()));
      }
      else ctx.fail(HubException.invalid(r.getMessage()));
    });
  }

  private static String note(JsonObject body) {
    Object note = body.getValue("note");
    if (note != null && !(note instanceof String)) throw HubException.invalid("note: must be a string");
    if (note != null && ((String) note).length() > MAX_NOTE) {
      throw HubException.invalid("note: longer than " + MAX_NOTE + " characters");
    }
    return Json.withoutNul("note", (String) note);
  }

  private static long after(RoutingContext ctx) {
    String raw = ctx.request().getParam("after");
    return raw == null ? 0 : Params.number("after", raw, 0, Long.MAX_VALUE);
  }

  private static int limit(RoutingContext ctx) {
    String raw = ctx.request().getParam("limit");
    return raw == null ? 100 : (int) Params.number("limit", raw, 1, MAX_PAGE);
  }

  private static long reviewId(RoutingContext ctx) {
    return Params.number("reviewId", ctx.pathParam("reviewId"), 1, Long.MAX_VALUE);
  }
}

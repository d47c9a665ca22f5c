package io.customerhub.serve;

import io.customerhub.steward.StewardDecisions;
import io.customerhub.steward.StewardDecisions.Decision;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The stewards' review queue: {@code GET /reviews} lists the pairs the matcher was unsure of (or those decided),
 * {@code POST /reviews/{id}/decision} merges the pair's profiles or keeps its records apart for good.
 */
public final class StewardModule implements HttpApiVerticle.ApiModule {

  private static final int MAX_PAGE = 1000;
  private static final int MAX_NOTE = 2000;

  private final StewardDecisions decisions;

  public StewardModule(StewardDecisions decisions) {
    this.decisions = decisions;
  }

  @Override
  public void mount(Router api) {
    api.get("/reviews").handler(Auth.require("steward")).handler(this::list);
    api.post("/reviews/:reviewId/decision").handler(Auth.require("steward")).handler(this::decide);
  }

  private void list(RoutingContext ctx) {
    String status = ctx.request().getParam("status", "open");
    if (!StewardDecisions.STATUSES.contains(status)) {
      throw HubException.invalid("status: '" + status + "' is none of " + StewardDecisions.STATUSES);
    }
    long after = number(ctx, "after", 0, 0, Long.MAX_VALUE);
    int limit = (int) number(ctx, "limit", 100, 1, MAX_PAGE);
    decisions.list(status, after, limit).onSuccess(items -> {
      Object next = items.size() == limit ? items.getJsonObject(items.size() - 1).getLong("id") : null;
      ProfileHandlers.json(ctx, new JsonObject().put("items", items).put("next", next).encode());
    }).onFailure(ctx::fail);
  }

  private void decide(RoutingContext ctx) {
    long id = parse("reviewId", ctx.pathParam("reviewId"), 1, Long.MAX_VALUE);
    JsonObject body = Json.body(ctx);
    Decision decision = Decision.parse(body.getValue("decision") instanceof String s ? s : null);
    if (decision == null) throw HubException.invalid("decision: must be \"merge\" or \"keep-apart\"");
    Object note = body.getValue("note");
    if (note != null && !(note instanceof String)) throw HubException.invalid("note: must be a string");
    if (note != null && ((String) note).length() > MAX_NOTE) {
      throw HubException.invalid("note: longer than " + MAX_NOTE + " characters");
    }
    decisions.decide(id, decision, Auth.actor(ctx), (String) note)
        .onSuccess(decided -> ProfileHandlers.json(ctx, decided.encode()))
        .onFailure(err -> ctx.fail(err instanceof StewardDecisions.Refused r
            ? (r.missing ? HubException.notFound(r.getMessage()) : HubException.conflict(r.getMessage())) : err));
  }

  private static long number(RoutingContext ctx, String name, long fallback, long min, long max) {
    String raw = ctx.request().getParam(name);
    return raw == null ? fallback : parse(name, raw, min, max);
  }

  private static long parse(String name, String raw, long min, long max) {
    try {
      long v = Long.parseLong(raw);
      if (v >= min && v <= max) return v;
    } catch (NumberFormatException ignored) {
      // answered below
    }
    throw HubException.invalid(name + ": '" + raw + "' is not a whole number from " + min + " to " + max);
  }
}

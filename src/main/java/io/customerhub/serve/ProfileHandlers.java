package io.customerhub.serve;

import io.customerhub.cache.ProfileReadModel;
import io.customerhub.record.SourceKey;
import io.customerhub.store.ProfileCodec;
import io.customerhub.store.ProfileQueries;
import io.customerhub.store.ProfileStore;
import io.customerhub.upkeep.ModelLearning;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** Profiles by id and by any source key, their orders, and the crosswalk, streamed straight from PostgreSQL. */
final class ProfileHandlers {

  private static final Logger LOG = LoggerFactory.getLogger(ProfileHandlers.class);

  private static final String PROFILES_PATH = "/api/v1/profiles/";

  private final ProfileReadModel readModel;
  private final ProfileStore store;
  private final ProfileQueries queries;
  private final Pool pool;
  private final long settleMillis;

  ProfileHandlers(ProfileReadModel readModel, ProfileStore store, ProfileQueries queries,
                  Pool pool, int settleSeconds) {
    this.readModel = readModel;
    this.store = store;
    this.queries = queries;
    this.pool = pool;
    this.settleMillis = TimeUnit.SECONDS.toMillis(settleSeconds);
  }

  /** A customer's orders, newest first ({@code ?limit=}, 100 unless said); a merged-away id answers 308. */
  void orders(RoutingContext ctx) {
    int limit = Params.pageLimit(ctx.request().getParam("limit"));
    // one more than asked for, to say whether there are more
    ofActive(ctx, readModel, "/orders", stored -> queries.orders(stored.profileId(), limit + 1).onSuccess(orders -> {
      boolean truncated = orders.size() > limit;
      if (truncated) orders.remove(limit);
      json(ctx, new JsonObject().put("profileId", stored.profileId().toString()).put("orders", orders)
          .put("truncated", truncated).encode());
    }));
  }

  /**
   * Answers with {@code view} of the active profile the path names, read from PostgreSQL; a merged-away id answers
   * 308 to the same view ({@code suffix}) of the survivor, an id of no active profile 404.
   */
  static void ofActive(RoutingContext ctx, ProfileReadModel readModel, String suffix,
                       Function<ProfileQueries.Stored, Future<?>> view) {
    UUID id = profileId(ctx);
    readModel.stored(id).compose(stored -> {
      if (stored != null && stored.mergedInto() != null) {
        redirect(ctx, stored.mergedInto().toString(), suffix);
        return Future.succeededFuture();
      }
      if (stored == null || !stored.active()) throw HubException.notFound("no profile " + id);
      return view.apply(stored);
    }).onFailure(ctx::fail);
  }

  void byId(RoutingContext ctx) {
    UUID id = profileId(ctx);
    if (lineageAsked(ctx)) withLineage(ctx, id);
    else answer(ctx, readModel.byId(id), "no profile " + id);
  }

  void byKey(RoutingContext ctx) {
    SourceKey key = sourceKey(ctx);
    if (!lineageAsked(ctx)) {
      answer(ctx, readModel.byKey(key), "no profile holds the record " + key);
      return;
    }
    // the record's profile as the cache knows it, then that profile with its lineage as by id
    readModel.byKey(key).onSuccess(view -> {
      if (view.found()) withLineage(ctx, UUID.fromString(new JsonObject(view.json()).getString("profileId")));
      else if (view.mergedInto() != null) redirect(ctx, view.mergedInto());
      else ctx.fail(HubException.notFound("no profile holds the record " + key));
    }).onFailure(ctx::fail);
  }

  private static boolean lineageAsked(RoutingContext ctx) {
    return Params.flag("lineage", ctx.request().getParam("lineage"), false);
  }

  /** The profile with its lineage, derived from the stored members (the cache does not hold lineage). */
  private void withLineage(RoutingContext ctx, UUID id) {
    readModel.stored(id).onSuccess(stored -> {
      if (stored != null && "merged".equals(stored.status())) redirect(ctx, stored.mergedInto().toString());
      else if (stored == null || !stored.active()) ctx.fail(HubException.notFound("no profile " + id));
      // encoded in map, not in onSuccess: an exception thrown there reaches no handler and leaves the request open
      else store.withLineage(pool, stored.profile())
          .map(p -> Map.entry(ProfileCodec.toView(p, true), p.version()))
          .onSuccess(v -> versioned(ctx, v.getKey(), v.getValue())).onFailure(ctx::fail);
    }).onFailure(ctx::fail);
  }

  private void answer(RoutingContext ctx, Future<ProfileReadModel.View> lookup, String notFound) {
    lookup.onSuccess(view -> {
      if (view.found()) versioned(ctx, view.json(), view.version());
      else if (view.mergedInto() != null) redirect(ctx, view.mergedInto());
      else ctx.fail(HubException.notFound(notFound));
    }).onFailure(ctx::fail);
  }

  /**
   * One NDJSON line per identity record. A young hub that learns when ingest goes quiet first learns from what it
   * was given (at most {@code upkeep.crosswalkSettleSeconds}; where nothing learns, nobody answers and it goes
   * on at once): a crosswalk is read once a load is over, and should not be the one of records linked before the
   * model had seen them. {@code ?settle=false} answers at once with the crosswalk as it is.
   */
  void crosswalk(RoutingContext ctx) {
    if (!Params.flag("settle", ctx.request().getParam("settle"), true) || settleMillis <= 0) {
      streamCrosswalk(ctx);
      return;
    }
    DeliveryOptions wait = new DeliveryOptions().setLocalOnly(true).setSendTimeout(settleMillis);
    ctx.vertx().eventBus().request(ModelLearning.SETTLE_ADDRESS, null, wait).onComplete(settled -> {
      boolean nobodyLearns = settled.cause() instanceof ReplyException e && e.failureType() == ReplyFailure.NO_HANDLERS;
      if (settled.failed() && !nobodyLearns) {
        LOG.warn("crosswalk read without waiting for learning to end: {}", settled.cause().getMessage());
      }
      if (!ctx.response().closed()) streamCrosswalk(ctx);
    });
  }

  /**
   * Read through a cursor inside a read-only transaction and written with back-pressure, so that millions of
   * records never sit in memory.
   */
  private void streamCrosswalk(RoutingContext ctx) {
    HttpServerResponse response = ctx.response();
    pool.getConnection().onFailure(ctx::fail).onSuccess(conn -> conn.begin().compose(tx ->
        conn.prepare(ProfileQueries.crosswalkSql()).map(ps -> {
          response.setChunked(true).putHeader("Content-Type", "application/x-ndjson");
          var stream = ps.createStream(1000);
          stream.exceptionHandler(err -> {
            conn.close();
            if (!response.headWritten()) ctx.fail(err);
            else response.reset();
          });
          stream.endHandler(v -> tx.commit().onComplete(done -> {
            conn.close();
            response.end();
          }));
          stream.handler((Row row) -> {
            response.write(new JsonObject().put("source", row.getString(0)).put("sourceId", row.getString(1))
                .put("profileId", row.getUUID(2).toString()).encode() + "\n");
            if (response.writeQueueFull()) {
              stream.pause();
              response.drainHandler(d -> stream.resume());
            }
          });
          response.closeHandler(v -> conn.close());
          return null;
        })).onFailure(err -> {
          conn.close();
          ctx.fail(err);
        }));
  }

  /**
   * The source key of the path: {@code %00} decodes to a NUL character, which no stored record holds and PostgreSQL
   * cannot even compare (a 500 once the lookup misses the cache), so it is a 400 naming the segment.
   */
  static SourceKey sourceKey(RoutingContext ctx) {
    return new SourceKey(Json.withoutNul("source", ctx.pathParam("source")),
        Json.withoutNul("sourceId", ctx.pathParam("sourceId")));
  }

  static UUID profileId(RoutingContext ctx) {
    return Params.profileId("profileId", ctx.pathParam("profileId"));
  }

  /**
   * A profile with its version as its {@code ETag}, which a steward's action on it may send back as
   * {@code If-Match} so as not to act on what changed since (a 412 then).
   */
  private static void versioned(RoutingContext ctx, String body, long version) {
    Preconditions.etag(ctx, version);
    json(ctx, body);
  }

  static void json(RoutingContext ctx, String body) {
    ctx.response().putHeader("Content-Type", "application/json").end(body);
  }

  static void redirect(RoutingContext ctx, String survivor) {
    redirect(ctx, survivor, "");
  }

  /**
   * 308 to the same view ({@code suffix}: {@code /explain}, {@code /history}) of the profile a merged-away one went
   * into, with the request's query: a client that follows it gets what it asked for ({@code ?lineage=true},
   * {@code ?limit=}), not the plain view.
   */
  static void redirect(RoutingContext ctx, String survivor, String suffix) {
    String query = ctx.request().query();
    String location = PROFILES_PATH + survivor + suffix + (query == null || query.isEmpty() ? "" : "?" + query);
    ctx.response().setStatusCode(308).putHeader("Location", location)
        .putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("mergedInto", survivor).encode());
  }
}

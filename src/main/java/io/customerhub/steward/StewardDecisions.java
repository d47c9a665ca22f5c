package io.customerhub.steward;

import io.customerhub.cache.ProfileReadModel;
import io.customerhub.record.SourceKey;
import io.customerhub.resolve.KeptApart;
import io.customerhub.resolve.ProfileMoves;
import io.customerhub.resolve.index.IndexSync;
import io.customerhub.store.ProfileChange;
import io.customerhub.store.ProfileStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The review queue and the stewards' decisions on it. A pair decided "merge" joins the two records' profiles
 * (the one holding more records survives, the older on a tie); a pair "kept apart" is never joined again, online
 * or by re-resolution, and if the two records are in one profile by then, the right-hand one leaves it for a
 * profile of its own. Each decision is one transaction, taken alone against ingest, with its audit entry; it is
 * final (deciding again answers a conflict), and re-resolution keeps it.
 */
public final class StewardDecisions {

  /** What a steward may decide on a pair, and the status it leaves the pair in. */
  public enum Decision {
    MERGE("merged"), KEEP_APART("kept-apart");

    final String status;

    Decision(String status) {
      this.status = status;
    }

    /** {@code merge} or {@code keep-apart}; null for anything else. */
    public static Decision parse(String text) {
      if ("merge".equals(text)) return MERGE;
      if ("keep-apart".equals(text)) return KEEP_APART;
      return null;
    }
  }

  /** The statuses a review pair can have, for listing. */
  public static final Set<String> STATUSES = Set.of("open", "merged", "kept-apart", "moot");

  /** Why a decision could not be made: no such pair, or it was decided already. */
  public static final class Refused extends RuntimeException {
    public final boolean missing;

    Refused(String message, boolean missing) {
      super(message, null, false, false);
      this.missing = missing;
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(StewardDecisions.class);
  /** Every node learns the pairs kept apart on any node. */
  private static final String KEPT_APART_ADDRESS = "hub.steward.kept-apart";

  private final Vertx vertx;
  private final Pool pool;
  private final ProfileStore store;
  private final IndexSync sync;
  private final ProfileReadModel readModel;
  private final KeptApart keptApart;

  public StewardDecisions(Vertx vertx, Pool pool, ProfileStore store, IndexSync sync, ProfileReadModel readModel,
                          KeptApart keptApart) {
    this.vertx = vertx;
    this.pool = pool;
    this.store = store;
    this.sync = sync;
    this.readModel = readModel;
    this.keptApart = keptApart;
  }

  /** Loads the pairs kept apart so far and listens for those other nodes add. */
  public Future<Integer> start() {
    vertx.eventBus().<JsonObject>consumer(KEPT_APART_ADDRESS, msg -> keptApart.add(
        key(msg.body().getJsonObject("left")), key(msg.body().getJsonObject("right"))));
    return pool.query(StewardSql.KEPT_APART).execute().map(rows -> {
      List<SourceKey[]> pairs = new ArrayList<>();
      for (Row r : rows) {
        pairs.add(new SourceKey[] {new SourceKey(r.getString(0), r.getString(1)), new SourceKey(r.getString(2), r.getString(3))});
      }
      keptApart.addAll(pairs);
      return pairs.size();
    });
  }

  /** A page of the pairs in {@code status}, after the id {@code after}, in id order. */
  public Future<JsonArray> list(String status, long after, int limit) {
    return pool.preparedQuery(StewardSql.REVIEWS).execute(Tuple.of(status, after, limit)).map(rows -> {
      JsonArray out = new JsonArray();
      for (Row r : rows) out.add(review(r));
      return out;
    });
  }

  private static JsonObject review(Row r) {
    return new JsonObject().put("id", r.getLong(0))
        .put("left", record(r.getString(1), r.getString(2), r.getUUID(3)))
        .put("right", record(r.getString(4), r.getString(5), r.getUUID(6)))
        .put("score", r.getDouble(7)).put("explanation", new JsonObject(r.getString(8)))
        .put("status", r.getString(9)).put("createdAt", text(r.getOffsetDateTime(10)))
        .put("decidedBy", r.getString(11)).put("decidedAt", text(r.getOffsetDateTime(12)));
  }

  /**
   * Decides the pair {@code id}; completes with the pair as decided and where its records are now, or fails
   * with {@link Refused}.
   */
  public Future<JsonObject> decide(long id, Decision decision, String actor, String note) {
    List<ProfileChange> changes = new ArrayList<>();
    return pool.withTransaction(conn -> ProfileMoves.excludeWriters(conn)
            .compose(v -> conn.preparedQuery(StewardSql.LOCK_REVIEW).execute(Tuple.of(id)))
            .compose(rows -> {
              if (rows.size() == 0) throw new Refused("no review pair " + id, true);
              Row pair = rows.iterator().next();
              if (!"open".equals(pair.getString(4))) {
                throw new Refused("review pair " + id + " was decided already: " + pair.getString(4) + " by "
                    + pair.getString(5) + " at " + text(pair.getOffsetDateTime(6)), false);
              }
              SourceKey left = new SourceKey(pair.getString(0), pair.getString(1));
              SourceKey right = new SourceKey(pair.getString(2), pair.getString(3));
              JsonObject detail = new JsonObject().put("reviewPair", id).put("left", left.asString())
                  .put("right", right.asString()).put("note", note);
              return conn.preparedQuery(StewardSql.DECIDE).execute(Tuple.of(id, decision.status, actor))
                  .compose(v -> conn.preparedQuery(StewardSql.AUDIT).execute(
                      Tuple.of(actor, "review." + decision.status, "review_pair:" + id, detail.encode())))
                  .compose(v -> apply(conn, decision, left, right, detail, actor, changes))
                  .map(v -> new SourceKey[] {left, right});
            }))
        .compose(pair -> {
          if (decision == Decision.KEEP_APART) {
            keptApart.add(pair[0], pair[1]);
            vertx.eventBus().publish(KEPT_APART_ADDRESS, new JsonObject().put("left", json(pair[0]))
                .put("right", json(pair[1])));
          }
          // the decision is committed: a cache that missed it is repaired by the next change or read
          return readModel.afterCommit(changes, List.of()).recover(err -> {
            LOG.warn("profiles changed by review pair {} not cached: {}", id, err.getMessage());
            return Future.succeededFuture();
          })
              .compose(v -> pool.preparedQuery(StewardSql.REVIEW).execute(Tuple.of(id)))
              .map(rows -> review(rows.iterator().next()));
        });
  }

  private Future<Void> apply(SqlConnection conn, Decision decision, SourceKey left, SourceKey right,
                             JsonObject detail, String actor, List<ProfileChange> changes) {
    return conn.preparedQuery(StewardSql.PAIR_PROFILES)
        .execute(Tuple.of(left.source(), left.sourceId(), right.source(), right.sourceId()))
        .compose(rows -> {
          Map<SourceKey, Row> of = byKey(rows);
          Row l = of.get(left), r = of.get(right);
          // a record deleted since the pair was found has no profile: the decision is kept, nothing moves
          if (l == null || r == null) return Future.succeededFuture();
          UUID lp = l.getUUID(2), rp = r.getUUID(2);
          JsonObject why = detail.copy().put("rule", "steward").put("decision", decision.status).put("actor", actor);
          if (decision == Decision.MERGE) return lp.equals(rp) ? Future.succeededFuture() : merge(conn, l, r, why, actor, changes);
          if (!lp.equals(rp)) return Future.succeededFuture();
          return ProfileMoves.detach(conn, right, r.getString(3), why)
              .compose(fresh -> recompute(conn, Set.of(lp, fresh), changes))
              .compose(v -> sync.log(conn, List.of(right), Map.of()));
        });
  }

  private Future<Void> merge(SqlConnection conn, Row l, Row r, JsonObject why, String actor,
                             List<ProfileChange> changes) {
    // the profile holding more records survives (fewer ids change for callers), the older one on a tie
    int order = Long.compare(l.getLong(5), r.getLong(5));
    if (order == 0) order = r.getOffsetDateTime(4).compareTo(l.getOffsetDateTime(4));
    UUID survivor = (order >= 0 ? l : r).getUUID(2), loser = (order >= 0 ? r : l).getUUID(2);
    return ProfileMoves.merge(conn, survivor, new UUID[] {loser}, why, actor).compose(mergedAway -> {
      Map<UUID, UUID> into = new HashMap<>();
      mergedAway.keySet().forEach(m -> into.put(m, survivor));
      mergedAway.forEach((m, version) -> changes.add(new ProfileChange(m, ProfileChange.MERGED, version, null,
          survivor, List.of())));
      return ProfileStore.writeMergedAway(conn, mergedAway, into)
          .compose(v -> store.recompute(conn, Set.of(survivor),
              new ProfileStore.Cause(Map.of(survivor, List.of(loser)), actor)))
          .compose(recomputed -> {
            changes.addAll(recomputed);
            return sync.log(conn, List.of(), into);
          });
    });
  }

  private Future<Void> recompute(SqlConnection conn, Set<UUID> ids, List<ProfileChange> changes) {
    return store.recompute(conn, ids, ProfileStore.Cause.of("steward")).map(c -> {
      changes.addAll(c);
      return null;
    });
  }

  private static Map<SourceKey, Row> byKey(RowSet<Row> rows) {
    Map<SourceKey, Row> out = new HashMap<>();
    for (Row r : rows) out.put(new SourceKey(r.getString(0), r.getString(1)), r);
    return out;
  }

  private static JsonObject record(String source, String sourceId, UUID profile) {
    return new JsonObject().put("source", source).put("sourceId", sourceId)
        .put("profileId", profile == null ? null : profile.toString());
  }

  private static JsonObject json(SourceKey k) {
    return new JsonObject().put("source", k.source()).put("sourceId", k.sourceId());
  }

  private static SourceKey key(JsonObject o) {
    return new SourceKey(o.getString("source"), o.getString("sourceId"));
  }

  private static String text(OffsetDateTime t) {
    return t == null ? null : t.toInstant().toString();
  }
}

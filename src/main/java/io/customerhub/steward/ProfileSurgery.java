package io.customerhub.steward;

import io.customerhub.cache.ProfileReadModel;
import io.customerhub.ingest.CanonicalJson;
import io.customerhub.record.SourceKey;
import io.customerhub.resolve.KeptApart;
import io.customerhub.resolve.KeptApartSync;
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
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * What every steward action does to profiles, inside one transaction taken alone against ingest: merges and
 * splits, the decided pairs that make re-resolution and online linking keep them, and the audit entry. After the
 * commit, every node learns the pairs kept apart and the cache takes the changed profiles.
 */
final class ProfileSurgery {

  private static final Logger LOG = LoggerFactory.getLogger(ProfileSurgery.class);
  /** Every node learns the pairs kept apart on any node. */
  private static final String KEPT_APART_ADDRESS = "hub.steward.kept-apart";

  /** What an action did, for after its commit. */
  static final class Work {
    final List<ProfileChange> changes = new ArrayList<>();
    final List<SourceKey[]> keptApart = new ArrayList<>();
    /** Pairs kept apart before that a steward merged now, or that an erasure removed. */
    final List<SourceKey[]> together = new ArrayList<>();
    /** Records that left every profile: their routing answers go too. */
    final List<SourceKey> detached = new ArrayList<>();
    /** Whether records were logged for every node's candidate index to read back. */
    boolean reindexed;
  }

  private final Vertx vertx;
  private final Pool pool;
  private final ProfileStore store;
  private final IndexSync sync;
  private final ProfileReadModel readModel;
  private final KeptApart keptApart;
  private final KeptApartSync keptApartSync;

  ProfileSurgery(Vertx vertx, Pool pool, ProfileStore store, IndexSync sync, ProfileReadModel readModel,
                 KeptApartSync keptApart) {
    this.vertx = vertx;
    this.pool = pool;
    this.store = store;
    this.sync = sync;
    this.readModel = readModel;
    this.keptApartSync = keptApart;
    this.keptApart = keptApart.keptApart();
  }

  Pool pool() {
    return pool;
  }

  Vertx vertx() {
    return vertx;
  }

  /** Loads the pairs kept apart so far and listens for those other nodes add. */
  Future<Integer> start() {
    vertx.eventBus().<JsonObject>consumer(KEPT_APART_ADDRESS, msg -> {
      SourceKey left = key(msg.body().getJsonObject("left")), right = key(msg.body().getJsonObject("right"));
      if (msg.body().getBoolean("together", false)) keptApart.remove(left, right);
      else keptApart.add(left, right);
    });
    return keptApartSync.refresh(pool).map(v -> keptApart.size());
  }

  /** Runs {@code action} in a transaction of its own, alone against ingest, then spreads what it did. */
  <T> Future<T> run(String what, BiFunction<SqlConnection, Work, Future<T>> action) {
    Work work = new Work();
    // a decision that keeps records apart (or lets them join) moves the clock that batches read under the lock
    return pool.withTransaction(conn -> ProfileMoves.excludeWriters(conn).compose(v -> action.apply(conn, work))
            .compose(result -> KeptApartSync.tick(conn, work.keptApart, work.together).map(result)))
        .compose(result -> {
          for (SourceKey[] p : work.keptApart) {
            keptApart.add(p[0], p[1]);
            vertx.eventBus().publish(KEPT_APART_ADDRESS,
                new JsonObject().put("left", CanonicalJson.key(p[0])).put("right", CanonicalJson.key(p[1])));
          }
          for (SourceKey[] p : work.together) {
            keptApart.remove(p[0], p[1]);
            vertx.eventBus().publish(KEPT_APART_ADDRESS, new JsonObject().put("left", CanonicalJson.key(p[0]))
                .put("right", CanonicalJson.key(p[1])).put("together", true));
          }
          // the action is committed: a cache that missed it is repaired by the next change or read
          return readModel.afterCommit(work.changes, work.detached).recover(err -> {
            LOG.warn("profiles changed by {} not cached: {}", what, err.getMessage());
            return Future.succeededFuture();
          }).compose(v -> catchUp(work, what)).map(result);
        });
  }

  /**
   * The {@code loser}'s records join the {@code survivor}, which is recomputed; the loser redirects to it. Pairs
   * kept apart between their records are merged first: left in force, they would have online linking and
   * re-resolution split the profile the steward just made; the open pairs between them are moot.
   */
  Future<Void> merge(SqlConnection conn, Work work, UUID survivor, UUID loser, JsonObject why, String actor) {
    return conn.preparedQuery(StewardSql.MERGE_KEPT_APART).execute(Tuple.of(survivor, loser, actor))
        .compose(flipped -> {
          for (Row r : flipped) {
            work.together.add(new SourceKey[] {new SourceKey(r.getString(0), r.getString(1)),
                new SourceKey(r.getString(2), r.getString(3))});
          }
          return conn.preparedQuery(StewardSql.MOOT_REVIEWS).execute(Tuple.of(survivor, loser, actor))
              .compose(v -> moveRecords(conn, work, survivor, loser, why, actor));
        });
  }

  private Future<Void> moveRecords(SqlConnection conn, Work work, UUID survivor, UUID loser, JsonObject why,
                                   String actor) {
    return ProfileMoves.merge(conn, survivor, new UUID[] {loser}, why, actor).compose(mergedAway -> {
      Map<UUID, UUID> into = new HashMap<>();
      mergedAway.keySet().forEach(m -> into.put(m, survivor));
      mergedAway.forEach((m, version) -> work.changes.add(new ProfileChange(m, ProfileChange.MERGED, version, null,
          survivor, List.of())));
      return ProfileStore.writeMergedAway(conn, mergedAway, into)
          .compose(v -> store.recompute(conn, Set.of(survivor),
              ProfileStore.Cause.merged(Map.of(survivor, List.of(loser)), actor)))
          .compose(recomputed -> {
            work.changes.addAll(recomputed);
            return sync.log(conn, List.of(), into);
          });
    });
  }

  /** Where {@link #detach} took records: the new profile, and the attributes whose overrides went with them. */
  record Detached(UUID profile, List<String> overrides) {
  }

  /**
   * The {@code records} leave {@code profile} for one new profile, with the values set by hand that were set with
   * them ({@link OverrideOrigins}); both are recomputed.
   */
  Future<Detached> detach(SqlConnection conn, Work work, UUID profile, String kind, List<SourceKey> records,
                          JsonObject why) {
    return ProfileMoves.detach(conn, records, kind, why).compose(fresh -> moveOverrides(conn, profile, fresh, records)
        .compose(moved -> store.recompute(conn, Set.of(profile, fresh), ProfileStore.Cause.of(why.getString("actor")))
            .compose(recomputed -> {
              work.changes.addAll(recomputed);
              return reindex(conn, work, records);
            }).map(new Detached(fresh, moved))));
  }

  private static Future<List<String>> moveOverrides(SqlConnection conn, UUID from, UUID to, List<SourceKey> records) {
    return conn.preparedQuery(StewardSql.OVERRIDES_OF).execute(Tuple.of(from)).compose(rows -> {
      String stored = rows.size() == 0 ? null : rows.iterator().next().getString(0);
      if (stored == null) return Future.succeededFuture(List.of());
      Map<String, List<String>> setWith = new HashMap<>();
      new JsonObject(stored).forEach(e -> {
        JsonArray with = ((JsonObject) e.getValue()).getJsonArray(OverrideOrigins.SET_WITH);
        setWith.put(e.getKey(), with == null ? null : with.stream().map(String::valueOf).toList());
      });
      List<String> moved = OverrideOrigins.movedWith(setWith,
          records.stream().map(SourceKey::asString).collect(Collectors.toSet()));
      if (moved.isEmpty()) return Future.succeededFuture(moved);
      return conn.preparedQuery(StewardSql.MOVE_OVERRIDES).execute(Tuple.of(from, to, moved.toArray(String[]::new)))
          .map(moved);
    });
  }

  /** Every node's candidate index reads {@code records} back as they are after this transaction: moved, or gone. */
  Future<Void> reindex(SqlConnection conn, Work work, List<SourceKey> records) {
    work.reindexed = true;
    return sync.log(conn, records, Map.of());
  }

  /**
   * This node's candidate index reads the records back now, not when the next batch links: until then it would
   * still offer them as candidates and count their values, which after an erasure are the values just erased.
   */
  private Future<Void> catchUp(Work work, String what) {
    if (!work.reindexed) return Future.succeededFuture();
    return pool.withTransaction(sync::catchUp).recover(err -> {
      LOG.warn("the candidate index reads the records of {} back with the next batch: {}", what, err.getMessage());
      return Future.succeededFuture();
    });
  }

  /** Recomputes a profile a steward restated (an override set or removed): a new version, though it read the same. */
  Future<Void> restate(SqlConnection conn, Work work, UUID profile, String actor) {
    return store.recompute(conn, Set.of(profile), ProfileStore.Cause.restated(profile, actor)).map(recomputed -> {
      work.changes.addAll(recomputed);
      return null;
    });
  }

  /**
   * Stores steward decisions on record pairs ({@code merged} or {@code kept-apart}), replacing whatever was known
   * of each pair; pairs kept apart are also enforced from now on, pairs merged no longer.
   */
  Future<Void> decidePairs(SqlConnection conn, Work work, List<SourceKey[]> pairs, String status, String actor,
                           JsonObject why) {
    if (pairs.isEmpty()) return Future.succeededFuture();
    int n = pairs.size();
    String[] ls = new String[n], li = new String[n], rs = new String[n], ri = new String[n];
    for (int i = 0; i < n; i++) {
      SourceKey a = pairs.get(i)[0], b = pairs.get(i)[1];
      SourceKey left = a.compareTo(b) <= 0 ? a : b, right = left == a ? b : a;
      ls[i] = left.source();
      li[i] = left.sourceId();
      rs[i] = right.source();
      ri[i] = right.sourceId();
    }
    if ("kept-apart".equals(status)) work.keptApart.addAll(pairs);
    else work.together.addAll(pairs);
    return conn.preparedQuery(StewardSql.DECIDE_PAIRS)
        .execute(Tuple.of(ls, li, rs, ri, status, actor, why.encode())).mapEmpty();
  }

  Future<Void> audit(SqlConnection conn, String actor, String action, String subject, JsonObject detail) {
    return conn.preparedQuery(StewardSql.AUDIT).execute(Tuple.of(actor, action, subject, detail.encode())).mapEmpty();
  }

  static SourceKey key(JsonObject o) {
    return new SourceKey(o.getString("source"), o.getString("sourceId"));
  }
}

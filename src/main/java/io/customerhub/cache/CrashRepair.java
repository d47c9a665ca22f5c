package io.customerhub.cache;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
import com.hazelcast.map.IMap;
import io.customerhub.metrics.HubMetrics;
import io.customerhub.record.SourceKey;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Cache entries a node may have left older than PostgreSQL by dying. A node writes the cache after each commit, and
 * repairs a write that failed once the cluster answers again ({@link CacheRepairs}); a node killed between a commit
 * and its cache write, or with repairs pending, left those entries as they were until their profiles changed again,
 * which may be never: routing answered a merged customer by its old profile.
 * <p>
 * So when a member leaves, the longest-standing member left repairs what commits of the last
 * {@code windowSeconds} changed, read from the logs every commit writes (the outbox, {@code index_change}): see
 * {@link CrashRepairPlan}. A node that stops in order says first that its writes are done (it waits for the ingest
 * under way before it leaves) and is left alone. If PostgreSQL cannot say what changed, the cache is emptied.
 * Nothing of this is on the ingest path.
 * <p>
 * A member that was cut off (frozen past the heartbeat, or a network partition) formed a cluster of its own, and
 * the two sides took commits' cache writes apart; when Hazelcast merges them, the merged side's entries may lose to
 * the other side's older ones. So a member whose cluster merged repairs the window's changes too, as after a death.
 */
public final class CrashRepair implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(CrashRepair.class);
  /** Members that said they leave in order ({@link #sayLeaving}), by UUID. */
  static final String LEFT_CLEANLY = "hub-left-cleanly";
  /** Past this many entries to repair, emptying the cache is cheaper: as many as failed writes may wait for repair. */
  private static final int MAX_ENTRIES = CacheRepairs.MAX_PENDING;

  private final Vertx vertx;
  private final Context context;
  private final Pool pool;
  private final ProfileCache cache;
  private final HazelcastInstance hz;
  private final int windowSeconds;
  private final HubMetrics metrics;
  private UUID listener;
  private UUID lifecycle;

  public CrashRepair(Vertx vertx, Pool pool, ProfileCache cache, HazelcastInstance hz, int windowSeconds,
                     HubMetrics metrics) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.pool = pool;
    this.cache = cache;
    this.hz = hz;
    this.windowSeconds = windowSeconds;
    this.metrics = metrics;
    // at 0 from the start, so that an alert on a rise sees the first departure too
    for (String outcome : new String[] {"clean", "repaired", "emptied"}) metrics.memberDepartures(outcome);
  }

  /** Starts watching the cluster's members. */
  public synchronized CrashRepair watch() {
    listener = hz.getCluster().addMembershipListener(new MembershipListener() {
      @Override
      public void memberAdded(MembershipEvent event) {
      }

      @Override
      public void memberRemoved(MembershipEvent event) {
        // one member repairs, the oldest (first in the list every member agrees on)
        if (windowSeconds > 0 && event.getMembers().iterator().next().localMember()) {
          Member gone = event.getMember();
          context.runOnContext(v -> after(gone));
        }
      }
    });
    lifecycle = hz.getLifecycleService().addLifecycleListener(event -> {
      if (windowSeconds > 0 && event.getState() == LifecycleEvent.LifecycleState.MERGED) {
        context.runOnContext(v -> afterMerge());
      }
    });
    return this;
  }

  /** This member's cluster merged into another after a split: what either side committed meanwhile is repaired. */
  Future<Void> afterMerge() {
    return repair("this member's cluster merged again after a split (a freeze or a partition)", false)
        .onFailure(e -> LOG.warn("after the cluster merged: {}", e.getMessage()));
  }

  /**
   * Tells the other members, as this node leaves, that no cache write of its commits is left undone (none failed
   * and waits for its repair), so that they repair nothing when it goes. Blocking: called while the node stops,
   * after the work under way has finished.
   */
  public void leaving(int repairsPending) {
    if (repairsPending > 0 || !hz.getLifecycleService().isRunning()) return;
    try {
      sayLeaving(hz);
    } catch (RuntimeException e) {
      LOG.warn("could not tell the cluster this node leaves in order (its members will repair what it changed): {}",
          e.getMessage());
    }
  }

  /** Marks {@code member} as leaving in order, for an hour: long past the membership event that reads it. */
  static void sayLeaving(HazelcastInstance member) {
    member.<String, String>getMap(LEFT_CLEANLY).put(member.getCluster().getLocalMember().getUuid().toString(),
        Instant.now().toString(), 1, TimeUnit.HOURS);
  }

  @Override
  public synchronized void close() {
    if (listener != null && hz.getLifecycleService().isRunning()) hz.getCluster().removeMembershipListener(listener);
    if (lifecycle != null && hz.getLifecycleService().isRunning()) {
      hz.getLifecycleService().removeLifecycleListener(lifecycle);
    }
    listener = null;
    lifecycle = null;
  }

  private IMap<String, String> leftCleanly() {
    return hz.getMap(LEFT_CLEANLY);
  }

  private void after(Member gone) {
    String id = gone.getUuid().toString();
    vertx.executeBlocking(() -> leftCleanly().containsKey(id), false)
        .compose(clean -> {
          if (clean) {
            count("clean");
            return Future.succeededFuture();
          }
          return repair("member " + gone.getAddress() + " left without saying its cache writes were done", true);
        })
        .onFailure(e -> LOG.warn("after member {} left: {}", gone.getAddress(), e.getMessage()));
  }

  /**
   * Repairs the entries commits of the window may have left stale; empties the cache when it cannot tell which.
   * {@code why} says what happened; {@code departure}: a member's, counted as such.
   */
  private Future<Void> repair(String why, boolean departure) {
    return plan().recover(e -> {
      LOG.warn("{}, and PostgreSQL could not say what changed ({}): the cache is emptied", why, e.getMessage());
      return Future.succeededFuture(CrashRepairPlan.EMPTY_ALL);
    }).compose(plan -> {
      if (plan.emptyAll()) {
        LOG.warn("{}; more than {} entries changed in the last {} s: the cache is emptied and fills again from "
            + "PostgreSQL", why, MAX_ENTRIES, windowSeconds);
        if (departure) count("emptied");
        return cache.emptied();
      }
      LOG.warn("{}: repairing the {} cache entries changed in the last {} s", why, plan.size(), windowSeconds);
      if (departure) count("repaired");
      return cache.repair(plan.views(), plan.answers());
    });
  }

  private Future<CrashRepairPlan> plan() {
    return pool.preparedQuery(CacheSql.CHANGES_IN_WINDOW).execute(Tuple.of(windowSeconds)).compose(count ->
        count.iterator().next().getLong(0) > MAX_ENTRIES ? Future.succeededFuture(CrashRepairPlan.EMPTY_ALL) : read());
  }

  private Future<CrashRepairPlan> read() {
    return pool.preparedQuery(CacheSql.CHANGED_PROFILES).execute(Tuple.of(windowSeconds, MAX_ENTRIES + 1))
        .compose(rows -> {
          List<CrashRepairPlan.ProfileNow> profiles = new ArrayList<>();
          for (Row r : rows) profiles.add(new CrashRepairPlan.ProfileNow(r.getUUID(0).toString(), r.getLong(1)));
          if (profiles.size() > MAX_ENTRIES) return Future.succeededFuture(CrashRepairPlan.EMPTY_ALL);
          UUID[] ids = profiles.stream().map(p -> UUID.fromString(p.profileId())).toArray(UUID[]::new);
          return pool.preparedQuery(CacheSql.KEYS_NOW)
              .execute(Tuple.of(windowSeconds, ids, MAX_ENTRIES - profiles.size() + 1))
              .map(keyRows -> {
                List<CrashRepairPlan.KeyNow> keys = new ArrayList<>();
                for (Row r : keyRows) {
                  UUID profile = r.getUUID(2);
                  // a profile without a row yet: its creating batch stopped between its two transactions, and the
                  // recovery of its mark writes its first version, which a repair at 0 lets in
                  Long version = r.getLong(3);
                  keys.add(new CrashRepairPlan.KeyNow(new SourceKey(r.getString(0), r.getString(1)).asString(),
                      profile == null ? null : profile.toString(), version == null ? 0 : version));
                }
                return CrashRepairPlan.of(profiles, keys, MAX_ENTRIES, ProfileCache.TOMBSTONE_TTL_SECONDS);
              });
        });
  }

  private void count(String outcome) {
    metrics.memberDepartures(outcome).increment();
  }
}

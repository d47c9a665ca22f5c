package io.customerhub.cache;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Cache entries that a commit failed to write, made safe once the cluster answers again. Without this, an entry
 * whose member did not answer within Hazelcast's call timeout (a frozen or overloaded member) kept the state
 * before the commit, and readers got it until the profile's next change, which may never come.
 * <p>
 * Each such key gets its commit's {@link VersionedPut#repairOf repair}, a tombstone that sends readers to
 * PostgreSQL and that the next read-through replaces. Repairs are retried with backoff until the cluster takes
 * them. A node that tracks more than {@link #MAX_PENDING} keys stops tracking them and empties both maps instead,
 * once the cluster answers: every entry then fills again from PostgreSQL. Repairs live in the node's memory: a
 * node that dies with repairs pending leaves those entries stale until their profiles change.
 */
final class CacheRepairs {

  /** Sends one value to one key of one of the cache's maps. */
  interface Sender {
    Future<Boolean> send(String map, String key, VersionedPut value);
  }

  private static final Logger LOG = LoggerFactory.getLogger(CacheRepairs.class);
  static final int MAX_PENDING = 100_000;
  /** Repairs sent at once: a batch of a bulk load fails a few thousand writes when its member freezes. */
  static final int ROUND_SIZE = 2_000;
  static final long FIRST_DELAY_MILLIS = 1_000;
  static final long MAX_DELAY_MILLIS = 30_000;

  private record Target(String map, String key) {
  }

  private final Vertx vertx;
  private final Sender sender;
  private final Supplier<Future<Void>> clearAll;
  private final long ttlSeconds;
  private final Map<Target, VersionedPut> pending = new LinkedHashMap<>();
  private boolean overflowed;
  private boolean scheduled;
  private long delayMillis = FIRST_DELAY_MILLIS;

  CacheRepairs(Vertx vertx, Sender sender, Supplier<Future<Void>> clearAll, long ttlSeconds) {
    this.vertx = vertx;
    this.sender = sender;
    this.clearAll = clearAll;
    this.ttlSeconds = ttlSeconds;
  }

  /** A commit's value that did not reach {@code key}: its repair is sent later. A later failure replaces it. */
  synchronized void failed(String map, String key, VersionedPut value) {
    if (!overflowed) {
      pending.put(new Target(map, key), value.repairOf(ttlSeconds));
      if (pending.size() > MAX_PENDING) {
        LOG.error("{} cache entries wait for repair; the cache is emptied once it answers again", pending.size());
        pending.clear();
        overflowed = true;
      }
    }
    schedule();
  }

  /** Keys whose repair has not reached the cache yet. */
  synchronized int pending() {
    return pending.size() + (overflowed ? 1 : 0);
  }

  private void schedule() {
    if (scheduled) return;
    scheduled = true;
    vertx.setTimer(delayMillis, id -> round());
  }

  private void round() {
    Future<Boolean> done;
    try {
      synchronized (this) {
        done = overflowed ? clear() : send();
      }
    } catch (RuntimeException e) {
      // a round that cannot even be sent (the member shutting down) must not stop the ones after it
      done = Future.failedFuture(e);
    }
    done.onComplete(result -> settle(result.succeeded() && result.result()));
  }

  /** Empties the maps, which replaces every repair; answers whether it went through. */
  private Future<Boolean> clear() {
    overflowed = false;
    return clearAll.get().map(v -> {
      LOG.info("the cache was emptied after too many failed writes; reads fill it again from PostgreSQL");
      return true;
    }).otherwise(failure -> {
      synchronized (this) {
        overflowed = true;
      }
      return false;
    });
  }

  /** Sends one round of repairs; each that went through is done unless a newer failure replaced it meanwhile. */
  private Future<Boolean> send() {
    // a snapshot: a send the cluster answers at once completes, and leaves the queue, before the next is sent
    List<Map.Entry<Target, VersionedPut>> round = new ArrayList<>();
    for (Map.Entry<Target, VersionedPut> e : pending.entrySet()) {
      if (round.size() == ROUND_SIZE) break;
      round.add(Map.entry(e.getKey(), e.getValue()));
    }
    List<Future<Boolean>> sent = new ArrayList<>();
    for (Map.Entry<Target, VersionedPut> e : round) {
      Target target = e.getKey();
      VersionedPut repair = e.getValue();
      sent.add(sender.send(target.map(), target.key(), repair).map(applied -> {
        synchronized (this) {
          pending.remove(target, repair);
        }
        return true;
      }).otherwise(false));
    }
    return Future.join(sent).map(all -> sent.stream().allMatch(Future::result));
  }

  private synchronized void settle(boolean allWent) {
    scheduled = false;
    delayMillis = allWent ? FIRST_DELAY_MILLIS : Math.min(delayMillis * 2, MAX_DELAY_MILLIS);
    if (allWent && pending.isEmpty()) LOG.info("every cache entry a failed write left behind is repaired");
    if (!pending.isEmpty() || overflowed) schedule();
  }
}

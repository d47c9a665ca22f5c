package io.customerhub.cache;

import io.customerhub.testing.OwnVertx;
import io.customerhub.testing.HubTestNode;
import io.vertx.core.Future;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The repair queue's own rules, with a stand-in for the cluster that answers as told: what the cluster does with
 * a repair is {@link VersionedPutTest}'s, and a real member's timeout is {@code CacheRepairIT}'s.
 */
class CacheRepairsTest extends OwnVertx {

  private static final String P1 = "5f0c6c38-1b1e-4a53-9d59-6f0d7c1c0a01";

  private static void eventually(BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) HubTestNode.sleep(20);
    assertTrue(condition.getAsBoolean());
  }

  /** Applies what it is sent to a map of entries, failing the first {@code failures} sends. */
  private static final class Cluster {
    final Map<String, String> entries = new ConcurrentHashMap<>();
    final List<String> sent = new CopyOnWriteArrayList<>();
    final AtomicInteger failures;
    final AtomicInteger clears = new AtomicInteger();

    Cluster(int failures) {
      this.failures = new AtomicInteger(failures);
    }

    Future<Boolean> send(String map, String key, VersionedPut value) {
      if (failures.getAndDecrement() > 0) return Future.failedFuture("member does not answer");
      Map.Entry<String, String> entry = new java.util.AbstractMap.SimpleEntry<>(key, entries.get(map + key));
      boolean applied = value.process(entry);
      if (entry.getValue() != null) entries.put(map + key, entry.getValue());
      sent.add(map + key);
      return Future.succeededFuture(applied);
    }

    CacheRepairs repairs() {
      return new CacheRepairs(vertx, this::send, () -> {
        clears.incrementAndGet();
        entries.clear();
        return Future.succeededFuture();
      }, 60);
    }
  }

  @Test
  void aFailedWriteLeavesATombstoneOfItsVersionOnceTheClusterAnswersAgain() {
    Cluster cluster = new Cluster(1);
    cluster.entries.put("profiles" + P1, "4|" + P1 + "|stale");
    CacheRepairs repairs = cluster.repairs();

    repairs.failed("profiles", P1, new VersionedPut(5, P1, "committed"));
    assertEquals(1, repairs.pending());

    eventually(() -> repairs.pending() == 0);
    assertEquals("5|" + P1 + "|", cluster.entries.get("profiles" + P1), "the stale state is gone");
    assertEquals(List.of("profiles" + P1), cluster.sent, "one repair went through after one that failed");
  }

  @Test
  void aKeyThatFailsAgainIsRepairedOnceWithItsLatestCommit() {
    Cluster cluster = new Cluster(0);
    CacheRepairs repairs = cluster.repairs();

    repairs.failed("routing", "crm:1", new VersionedPut(5, P1, "a"));
    repairs.failed("routing", "crm:1", new VersionedPut(6, P1, "b"));
    repairs.failed("profiles", "crm:1", new VersionedPut(6, P1, "view"));
    assertEquals(2, repairs.pending(), "per map and key");

    eventually(() -> repairs.pending() == 0);
    assertEquals("6|" + P1 + "|", cluster.entries.get("routing" + "crm:1"));
    assertEquals(2, cluster.sent.size());
  }

  @Test
  void pastItsLimitTheNodeEmptiesTheCacheInsteadOfTrackingKeys() {
    Cluster cluster = new Cluster(0);
    cluster.entries.put("routingstale", "1|" + P1 + "|x");
    CacheRepairs repairs = cluster.repairs();

    for (int i = 0; i <= CacheRepairs.MAX_PENDING; i++) repairs.failed("routing", "k" + i, new VersionedPut(1, P1, "a"));
    assertEquals(1, repairs.pending(), "the clear it owes");
    repairs.failed("routing", "later", new VersionedPut(1, P1, "a"));

    eventually(() -> repairs.pending() == 0 && cluster.clears.get() == 1);
    assertTrue(cluster.entries.isEmpty(), "the maps were emptied");
    assertTrue(cluster.sent.isEmpty(), "and no key was sent one by one");
  }
}

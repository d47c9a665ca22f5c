package io.customerhub.cache;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.customerhub.record.SourceKey;
import io.customerhub.testing.HubTestNode;
import io.customerhub.testing.OneHubPerClass;
import io.customerhub.testing.TestInfra;
import io.customerhub.testing.WireRecords;
import io.customerhub.testing.WireRecords.Rec;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static io.customerhub.testing.WireRecords.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Design: a member that dies between a commit and its cache write (here: its write is undone by hand, putting the
 * entries back as they were before the commit) does not leave the cache older than PostgreSQL for good: the
 * longest-standing member left repairs what changed in the last minutes, and the next read answers from
 * PostgreSQL. A member that says it leaves in order costs nothing.
 */
class CrashRepairIT extends OneHubPerClass {

  private static final String DEPARTURES = "hub_cache_member_departures_total";

  private static IMap<String, String> map(String name) {
    return TestInfra.hazelcast().getMap(name);
  }

  private static void await(BooleanSupplier done, String what) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!done.getAsBoolean() && System.nanoTime() < deadline) HubTestNode.sleep(200);
    assertTrue(done.getAsBoolean(), what);
  }

  @Test
  void entriesADeadMemberLeftOlderThanPostgresAreRepaired() {
    HazelcastInstance other = SecondMember.join();
    Rec record = WireRecords.distinctPerson("crm", "C");
    String profileId = hub.accept(record).getString("profileId");
    String before = hub.profile(profileId).getString("givenName"); // the read fills the view
    String key = new SourceKey(record.source(), record.sourceId()).asString();
    String staleView = map(ProfileCache.PROFILES).get(profileId);
    String staleAnswer = map(ProfileCache.ROUTING).get(key);

    hub.accept(record.copy().name("Renamed", "Later").updatedAt(at(10)));
    assertEquals("Renamed", hub.profile(profileId).getString("givenName"));
    // the dead member's write never happened: the entries keep the state before the commit
    map(ProfileCache.PROFILES).put(profileId, staleView);
    map(ProfileCache.ROUTING).put(key, staleAnswer);
    assertEquals(before, hub.profile(profileId).getString("givenName"), "served from the stale entry");
    double repaired = hub.counter(DEPARTURES, "outcome=\"repaired\"");

    other.getLifecycleService().terminate();
    await(() -> "Renamed".equals(hub.profile(profileId).getString("givenName")), "the committed name is served");
    assertEquals(repaired + 1, hub.counter(DEPARTURES, "outcome=\"repaired\""));
    String answer = map(ProfileCache.ROUTING).get(key);
    assertNotEquals(staleAnswer, answer);
    VersionedPut.Versioned cached = VersionedPut.Versioned.parse(answer);
    assertTrue(cached.version() >= 2, "the routing entry is of the profile's version now, or a tombstone of it: "
        + answer);
    assertEquals(profileId, cached.profileId());
    SecondMember.awaitSafe(TestInfra.hazelcast());
  }

  /**
   * A member back from a split (frozen past the heartbeat, or cut off) merges its cluster into the other: the
   * entries its side kept may be older than what the other side committed meanwhile, and win the merge. Hazelcast
   * says MERGED to the member; the member repairs the window's changes as after a death (Hazelcast's event is not
   * raised here: the repair it starts is called as the listener calls it).
   */
  @Test
  void entriesLeftOlderThanPostgresByASplitAreRepairedOnceTheClusterMerged() {
    Rec record = WireRecords.distinctPerson("crm", "C");
    String profileId = hub.accept(record).getString("profileId");
    String before = hub.profile(profileId).getString("givenName");
    String staleView = map(ProfileCache.PROFILES).get(profileId);
    hub.accept(record.copy().name("Merged", "Again").updatedAt(at(10)));
    map(ProfileCache.PROFILES).put(profileId, staleView); // the other side's older entry won the merge
    assertEquals(before, hub.profile(profileId).getString("givenName"), "served from the stale entry");

    hub.node().services().crashRepair().afterMerge().toCompletionStage().toCompletableFuture().join();

    assertEquals("Merged", hub.profile(profileId).getString("givenName"), "the committed name is served");
  }

  @Test
  void aHubNodeThatStopsInOrderSaysSo() {
    HubTestNode second = HubTestNode.builder().postgresUrl(hub.pgUrl()).ownHazelcastMember().start();
    double clean = hub.counter(DEPARTURES, "outcome=\"clean\"");
    double repaired = hub.counter(DEPARTURES, "outcome=\"repaired\"");
    try {
      second.accept(WireRecords.distinctPerson("crm", "C"));
    } finally {
      second.close();
    }
    await(() -> hub.counter(DEPARTURES, "outcome=\"clean\"") == clean + 1, "the stop is counted as clean");
    assertEquals(repaired, hub.counter(DEPARTURES, "outcome=\"repaired\""), "nothing repaired");
    SecondMember.awaitSafe(TestInfra.hazelcast());
  }

  @Test
  void aMemberThatSaysItLeavesInOrderIsLeftAlone() {
    HazelcastInstance other = SecondMember.join();
    double clean = hub.counter(DEPARTURES, "outcome=\"clean\"");
    double repaired = hub.counter(DEPARTURES, "outcome=\"repaired\"");
    CrashRepair.sayLeaving(other);
    other.shutdown();
    await(() -> hub.counter(DEPARTURES, "outcome=\"clean\"") == clean + 1, "the departure is counted as clean");
    assertEquals(repaired, hub.counter(DEPARTURES, "outcome=\"repaired\""), "nothing repaired");
    SecondMember.awaitSafe(TestInfra.hazelcast());
  }
}

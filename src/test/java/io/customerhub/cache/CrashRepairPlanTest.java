package io.customerhub.cache;

import io.customerhub.cache.CrashRepairPlan.KeyNow;
import io.customerhub.cache.CrashRepairPlan.ProfileNow;
import org.junit.jupiter.api.Test;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Design: after a member died, a repair sends readers to PostgreSQL exactly where an entry is older than it. */
class CrashRepairPlanTest {

  private static final String P = "5f0c6c38-1b1e-4a53-9d59-6f0d7c1c0a01";
  private static final String Q = "9a3e1d2b-7c4f-4e0a-8b6d-2c5e9f1a3b02";
  private static final long TTL = 600;

  /** Applies {@code put} to an entry holding {@code cached}; returns what the entry holds after. */
  private static String applied(VersionedPut put, String cached) {
    Map.Entry<String, String> e = new AbstractMap.SimpleEntry<>("k", cached);
    put.process(e);
    return e.getValue();
  }

  private static boolean sendsToPostgres(String value) {
    return value != null && VersionedPut.Versioned.parse(value).tombstone();
  }

  private static CrashRepairPlan plan(List<ProfileNow> profiles, List<KeyNow> keys) {
    return CrashRepairPlan.of(profiles, keys, 100, TTL);
  }

  @Test
  void aViewOlderThanPostgresIsReplacedAndTheCurrentOneKept() {
    VersionedPut view = plan(List.of(new ProfileNow(P, 5)), List.of()).views().get(P);
    assertTrue(sendsToPostgres(applied(view, "4|" + P + "|{\"givenName\":\"Old\"}")), "the state before the commit");
    assertEquals("5|" + P + "|{\"givenName\":\"New\"}", applied(view, "5|" + P + "|{\"givenName\":\"New\"}"));
    assertEquals("6|" + P + "|{}", applied(view, "6|" + P + "|{}"), "a newer commit's value");
  }

  @Test
  void aKeyThatMovedToAnotherProfileIsReplacedWhateverItsVersion() {
    VersionedPut answer = plan(List.of(), List.of(new KeyNow("crm:C1", Q, 2))).answers().get("crm:C1");
    assertTrue(sendsToPostgres(applied(answer, "40|" + P + "|{\"route\":\"old\"}")), "still naming the old profile");
    assertEquals("2|" + Q + "|{\"route\":\"new\"}", applied(answer, "2|" + Q + "|{\"route\":\"new\"}"));
  }

  @Test
  void aKeyInNoProfileLosesAnyAnswer() {
    VersionedPut answer = plan(List.of(), List.of(new KeyNow("crm:C1", null, 0))).answers().get("crm:C1");
    assertTrue(sendsToPostgres(applied(answer, "7|" + P + "|{\"route\":\"x\"}")));
    String tombstone = applied(answer, null);
    assertTrue(sendsToPostgres(tombstone), "an empty entry gets the tombstone too: no fill that read before wins");
  }

  @Test
  void aFillAfterTheRepairTakesTheEntryAgain() {
    VersionedPut view = plan(List.of(new ProfileNow(P, 5)), List.of()).views().get(P);
    String repaired = applied(view, "4|" + P + "|old");
    assertEquals("5|" + P + "|now", applied(VersionedPut.fill(5, P, "now"), repaired));
    assertTrue(sendsToPostgres(applied(VersionedPut.fill(4, Q, "other"), repaired)), "not another profile's read");
  }

  @Test
  void aKeyOfAProfileNotWrittenYetLetsItsFirstVersionIn() {
    // the batch that creates Q stopped between its two transactions: the key names Q, which has no row yet
    VersionedPut answer = plan(List.of(), List.of(new KeyNow("crm:C1", Q, 0))).answers().get("crm:C1");
    String repaired = applied(answer, "3|" + P + "|{\"route\":\"old\"}");
    assertTrue(sendsToPostgres(repaired));
    assertEquals("1|" + Q + "|{\"route\":\"new\"}", applied(new VersionedPut(1, Q, "{\"route\":\"new\"}"), repaired),
        "the recovery's commit of Q's first version");
  }

  @Test
  void pastTheLimitTheCacheIsEmptiedInstead() {
    List<KeyNow> keys = new ArrayList<>();
    for (int i = 0; i < 60; i++) keys.add(new KeyNow("crm:C" + i, P, 1));
    List<ProfileNow> profiles = new ArrayList<>();
    for (int i = 0; i < 41; i++) profiles.add(new ProfileNow("p" + i, 1));
    CrashRepairPlan over = CrashRepairPlan.of(profiles, keys, 100, TTL);
    assertTrue(over.emptyAll());
    assertEquals(0, over.size());
    CrashRepairPlan at = CrashRepairPlan.of(profiles.subList(0, 40), keys, 100, TTL);
    assertFalse(at.emptyAll());
    assertEquals(100, at.size());
  }

  @Test
  void nothingChangedMeansNothingWritten() {
    CrashRepairPlan none = plan(List.of(), List.of());
    assertFalse(none.emptyAll());
    assertEquals(0, none.size());
  }

  /**
   * Property: whatever an entry holds, after the repair of the state PostgreSQL holds now it is either that state
   * (or newer, of the same profile) or a tombstone, never a state of an older version or of another profile.
   */
  @Test
  void noStaleStateSurvivesARepair() {
    Random random = new Random(42);
    String[] profiles = {P, Q, VersionedPut.NO_PROFILE};
    for (int i = 0; i < 5_000; i++) {
      String now = profiles[random.nextInt(3)];
      long version = now.isEmpty() ? 0 : 1 + random.nextInt(5);
      String cachedProfile = profiles[random.nextInt(2)];
      long cachedVersion = 1 + random.nextInt(6);
      String cached = random.nextInt(5) == 0 ? null
          : cachedVersion + "|" + cachedProfile + "|" + (random.nextBoolean() ? "" : "{\"v\":" + cachedVersion + "}");
      VersionedPut answer = plan(List.of(), List.of(new KeyNow("k", now.isEmpty() ? null : now, version)))
          .answers().get("k");
      String after = applied(answer, cached);
      VersionedPut.Versioned v = VersionedPut.Versioned.parse(after);
      boolean current = !now.isEmpty() && v.profileId().equals(now) && v.version() >= version;
      assertTrue(v.tombstone() || current, () -> "cached " + cached + ", now " + now + "@" + version + " -> " + after);
    }
  }
}

package io.customerhub.cache;

import org.junit.jupiter.api.Test;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VersionedPutTest {

  private static final String P1 = "5f0c6c38-1b1e-4a53-9d59-6f0d7c1c0a01";
  private static final String P2 = "9a3e1d2b-7c4f-4e0a-8b6d-2c5e9f1a3b02";

  private static Map.Entry<String, String> entry(String value) {
    return new AbstractMap.SimpleEntry<>("crm:C-1001", value);
  }

  @Test
  void emptyEntryIsWritten() {
    Map.Entry<String, String> e = entry(null);
    assertTrue(new VersionedPut(1, P1, "{\"v\":1}").process(e));
    assertEquals("1|" + P1 + "|{\"v\":1}", e.getValue());
  }

  @Test
  void newerVersionOfTheSameProfileReplaces() {
    Map.Entry<String, String> e = entry("3|" + P1 + "|old");
    assertTrue(new VersionedPut(4, P1, "new").process(e));
    assertEquals("4|" + P1 + "|new", e.getValue());
  }

  @Test
  void olderVersionOfTheSameProfileIsRefused() {
    Map.Entry<String, String> e = entry("4|" + P1 + "|new");
    assertFalse(new VersionedPut(3, P1, "old").process(e));
    assertEquals("4|" + P1 + "|new", e.getValue());
  }

  @Test
  void sameVersionIsWrittenAgain() {
    Map.Entry<String, String> e = entry("4|" + P1 + "|a");
    assertTrue(new VersionedPut(4, P1, "a").process(e));
    assertEquals("4|" + P1 + "|a", e.getValue());
  }

  @Test
  void valueForAnotherProfileAlwaysReplaces() {
    // versions are per profile: a key that moved (merge, split) carries its new profile's version
    Map.Entry<String, String> e = entry("40|" + P1 + "|x");
    assertTrue(new VersionedPut(1, P2, "").process(e));
    assertEquals("1|" + P2 + "|", e.getValue());
    assertTrue(new VersionedPut(100, P1, "y").process(e));
    assertEquals("100|" + P1 + "|y", e.getValue());
  }

  @Test
  void payloadMayContainTheSeparator() {
    Map.Entry<String, String> e = entry(null);
    new VersionedPut(7, P1, "redirect|to|" + P2).process(e);
    assertEquals(new VersionedPut.Versioned(7, P1, "redirect|to|" + P2), VersionedPut.Versioned.parse(e.getValue()));
  }

  @Test
  void parseReadsVersionProfileAndPayload() {
    assertEquals(new VersionedPut.Versioned(12, P1, "{\"a\":1}"), VersionedPut.Versioned.parse("12|" + P1 + "|{\"a\":1}"));
    assertEquals(new VersionedPut.Versioned(0, "p", ""), VersionedPut.Versioned.parse("0|p|"));
    assertEquals(new VersionedPut.Versioned(Long.MAX_VALUE, P2, "x"),
        VersionedPut.Versioned.parse(Long.MAX_VALUE + "|" + P2 + "|x"));
  }

  @Test
  void writtenValuesParseBackToWhatWasPut() {
    Random rnd = new Random(99L);
    String alphabet = "ab|{}\":,张 \n";
    for (int i = 0; i < 1_000; i++) {
      long version = rnd.nextLong() & Long.MAX_VALUE;
      String profile = rnd.nextBoolean() ? P1 : P2;
      StringBuilder payload = new StringBuilder();
      for (int k = rnd.nextInt(20); k > 0; k--) payload.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
      Map.Entry<String, String> e = entry(null);
      new VersionedPut(version, profile, payload.toString()).process(e);
      assertEquals(new VersionedPut.Versioned(version, profile, payload.toString()),
          VersionedPut.Versioned.parse(e.getValue()));
    }
  }

  @Test
  void writesOfOneProfileInAnyOrderLeaveTheNewestVersion() {
    Random rnd = new Random(100L);
    for (int round = 0; round < 500; round++) {
      List<Long> versions = new ArrayList<>();
      for (int v = 1 + rnd.nextInt(8); v > 0; v--) versions.add((long) rnd.nextInt(20));
      long newest = Collections.max(versions);
      Collections.shuffle(versions, rnd);
      Map.Entry<String, String> e = entry(null);
      for (long v : versions) new VersionedPut(v, P1, "v" + v).process(e);
      assertEquals(new VersionedPut.Versioned(newest, P1, "v" + newest), VersionedPut.Versioned.parse(e.getValue()),
          versions::toString);
    }
  }

  @Test
  void aFillWritesAnEmptyEntry() {
    Map.Entry<String, String> e = entry(null);
    assertTrue(VersionedPut.fill(3, P1, "a").process(e));
    assertEquals("3|" + P1 + "|a", e.getValue());
  }

  @Test
  void aFillNeverReplacesAValueNorANewerOrOtherProfilesTombstone() {
    // a fill read PostgreSQL before it arrives: whatever a commit wrote since is at least as new, even when the
    // key moved to another profile and the versions cannot be compared; a deletion bumps the version, so its
    // tombstone is newer than any read of the profile before it
    for (String current : List.of("3|" + P1 + "|old", "1|" + P2 + "|moved", "5|" + P1 + "|", "1|" + P2 + "|",
        "0|" + VersionedPut.NO_PROFILE + "|")) {
      Map.Entry<String, String> e = entry(current);
      assertFalse(VersionedPut.fill(4, P1, "read-before").process(e), current);
      assertEquals(current, e.getValue());
    }
  }

  @Test
  void aTombstoneReadsAsNoValue() {
    Map.Entry<String, String> e = entry("3|" + P1 + "|x");
    assertTrue(VersionedPut.tombstone(4, P1, 60).process(e));
    assertTrue(VersionedPut.Versioned.parse(e.getValue()).tombstone());
    assertFalse(VersionedPut.Versioned.parse("3|" + P1 + "|x").tombstone());
  }

  @Test
  void aDeletedProfilesTombstoneRefusesItsOlderVersionsAndYieldsToNewerOnes() {
    Map.Entry<String, String> e = entry(null);
    VersionedPut.tombstone(5, P1, 60).process(e);
    assertFalse(new VersionedPut(4, P1, "older").process(e));
    assertTrue(VersionedPut.Versioned.parse(e.getValue()).tombstone());
    assertTrue(new VersionedPut(6, P1, "@" + P2).process(e), "a deleted profile later redirected");
    assertEquals("6|" + P1 + "|@" + P2, e.getValue());
  }

  @Test
  void aDetachedKeysTombstoneReplacesAnyValueAndYieldsToAnyCommit() {
    Map.Entry<String, String> e = entry("9|" + P1 + "|x");
    assertTrue(VersionedPut.tombstone(0, VersionedPut.NO_PROFILE, 60).process(e));
    assertFalse(VersionedPut.fill(9, P1, "x").process(e));
    assertTrue(new VersionedPut(1, P2, "linked again").process(e));
    assertEquals("1|" + P2 + "|linked again", e.getValue());
  }

  @Test
  void aFillReplacesItsOwnProfilesTombstoneAtItsVersionOrOlder() {
    for (long tombstone : new long[] {3, 4}) {
      Map.Entry<String, String> e = entry(tombstone + "|" + P1 + "|");
      assertTrue(VersionedPut.fill(4, P1, "read").process(e));
      assertEquals("4|" + P1 + "|read", e.getValue());
    }
  }

  @Test
  void aRepairTombstonesOlderStatesAndOtherProfilesButLeavesItsVersionAndNewer() {
    VersionedPut repair = new VersionedPut(5, P1, "committed").repairOf(60);
    for (String stale : new String[] {null, "4|" + P1 + "|old", "9|" + P2 + "|other", "0||"}) {
      Map.Entry<String, String> e = entry(stale);
      assertTrue(repair.process(e), String.valueOf(stale));
      assertEquals(new VersionedPut.Versioned(5, P1, ""), VersionedPut.Versioned.parse(e.getValue()));
    }
    for (String current : new String[] {"5|" + P1 + "|committed", "6|" + P1 + "|newer", "5|" + P1 + "|"}) {
      Map.Entry<String, String> e = entry(current);
      assertFalse(repair.process(e), current);
      assertEquals(current, e.getValue());
    }
  }

  @Test
  void afterARepairTheNextReadAtTheCommitsVersionFillsAndAnOlderReadDoesNot() {
    Map.Entry<String, String> e = entry("4|" + P1 + "|stale");
    new VersionedPut(5, P1, "committed").repairOf(60).process(e);
    assertFalse(VersionedPut.fill(4, P1, "read before the commit").process(e));
    assertTrue(VersionedPut.fill(5, P1, "read after").process(e));
    assertEquals("5|" + P1 + "|read after", e.getValue());
  }

  @Test
  void aRepairOfAnyWriteOrderEndsWithTheNewestStateOrATombstone() {
    // commits of one profile, some of whose writes failed and were repaired later, in any order: the entry ends
    // with the newest committed value, or a tombstone that sends readers to PostgreSQL, never an older value
    Random rnd = new Random(7L);
    for (int round = 0; round < 500; round++) {
      List<VersionedPut> ops = new ArrayList<>();
      long newest = 0;
      for (int v = 1 + rnd.nextInt(6); v > 0; v--) {
        long version = 1 + rnd.nextInt(20);
        newest = Math.max(newest, version);
        VersionedPut put = new VersionedPut(version, P1, "v" + version);
        ops.add(rnd.nextBoolean() ? put : put.repairOf(60));
      }
      Collections.shuffle(ops, rnd);
      Map.Entry<String, String> e = entry(null);
      for (VersionedPut op : ops) op.process(e);
      VersionedPut.Versioned end = VersionedPut.Versioned.parse(e.getValue());
      assertTrue(end.tombstone() || end.version() == newest, e.getValue());
    }
  }
}

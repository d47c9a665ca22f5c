package io.customerhub.resolve.index;

import io.customerhub.record.Kind;
import io.customerhub.record.SourceKey;
import io.customerhub.resolve.match.Field;
import io.customerhub.resolve.match.TermFrequencies;
import io.customerhub.resolve.standardize.StandardRecord;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CandidateIndexTest {

  private static final UUID P1 = new UUID(0, 1), P2 = new UUID(0, 2), P3 = new UUID(0, 3);

  private static CandidateIndex.Indexed rec(String id, UUID profile, long... hashes) {
    return new CandidateIndex.Indexed(new SourceKey("crm", id), profile, standard(id, List.of("ny:a|b:1970")), hashes);
  }

  private static String standard(String id, List<String> blockingKeys) {
    return new StandardRecord(new SourceKey("crm", id), Kind.PERSON, "ann", "bo", null, "1970-01-02", null, null,
        List.of("ann@example.com"), List.of(), List.of(), blockingKeys).encode();
  }

  private static Set<String> ids(List<CandidateIndex.Entry> entries) {
    Set<String> out = new HashSet<>();
    if (entries != null) entries.forEach(e -> out.add(e.key().sourceId()));
    return out;
  }

  @Test
  void recordsAreFoundUnderEachOfTheirKeys() {
    CandidateIndex index = new CandidateIndex();
    index.put(rec("A", P1, 10, 20), 1);
    index.put(rec("B", P2, 20, 30), 1);

    Map<Long, List<CandidateIndex.Entry>> found = index.lookup(new long[] {10, 20, 30, 40}, 100);

    assertEquals(Set.of("A"), ids(found.get(10L)));
    assertEquals(Set.of("A", "B"), ids(found.get(20L)));
    assertEquals(Set.of("B"), ids(found.get(30L)));
    assertNull(found.get(40L), "a key nobody has is left out");
    // the index keeps what scoring needs: the values without the blocking keys it holds as hashes
    assertEquals(standard("A", List.of()), found.get(10L).get(0).standard());
  }

  @Test
  void aNewStateReplacesTheKeysTheRecordIsFoundBy() {
    CandidateIndex index = new CandidateIndex();
    index.put(rec("A", P1, 10, 20), 1);
    index.put(rec("A", P1, 20, 30), 2);

    Map<Long, List<CandidateIndex.Entry>> found = index.lookup(new long[] {10, 20, 30}, 100);

    assertNull(found.get(10L));
    assertEquals(Set.of("A"), ids(found.get(20L)));
    assertEquals(Set.of("A"), ids(found.get(30L)));
    assertEquals(1, index.records());
    assertEquals(2, index.keyEntries());
  }

  @Test
  void anOlderStateArrivingLateChangesNothing() {
    CandidateIndex index = new CandidateIndex();
    index.put(rec("A", P2, 30), 5);
    index.put(rec("A", P1, 10), 3); // read back from the database before change 5 committed

    assertEquals(P2, index.get(new SourceKey("crm", "A")).profileId());
    assertNull(index.lookup(new long[] {10}, 100).get(10L));
  }

  @Test
  void aRemovedRecordIsNotBroughtBackByAnOlderState() {
    CandidateIndex index = new CandidateIndex();
    index.put(rec("A", P1, 10), 1);
    index.remove(new SourceKey("crm", "A"), 4);
    index.put(rec("A", P1, 10), 2);

    assertNull(index.get(new SourceKey("crm", "A")));
    assertEquals(0, index.records());

    index.put(rec("A", P3, 10), 6); // stored again later
    assertEquals(P3, index.get(new SourceKey("crm", "A")).profileId());
  }

  @Test
  void membersOfAMergedProfileAreFoundUnderTheSurvivorAlongTheWholeChain() {
    CandidateIndex index = new CandidateIndex();
    index.put(rec("A", P1, 10), 1);
    index.merged(P1, P2, 2);
    index.merged(P2, P3, 3);

    assertEquals(P3, index.lookup(new long[] {10}, 100).get(10L).get(0).profileId());
    assertEquals(P3, index.get(new SourceKey("crm", "A")).profileId());
  }

  @Test
  void forgettingOldRemovalsAndRedirectsChangesNoAnswer() {
    CandidateIndex index = new CandidateIndex();
    index.put(rec("A", P1, 10), 1);
    index.put(rec("B", P2, 10), 2);
    index.put(rec("C", P2, 20), 2);
    index.merged(P1, P2, 3);
    index.merged(P2, P3, 4);
    index.remove(new SourceKey("crm", "C"), 5);

    assertEquals(3, index.forgetBefore(5));

    assertEquals(0, index.remembered());
    assertEquals(List.of(P3, P3), index.lookup(new long[] {10}, 100).get(10L).stream()
        .map(CandidateIndex.Entry::profileId).toList());
    assertNull(index.lookup(new long[] {20}, 100).get(20L));
    index.put(rec("C", P3, 20), 6); // stored again, after the forgotten removal
    assertEquals(P3, index.get(new SourceKey("crm", "C")).profileId());
  }

  @Test
  void whatStatesStillArrivingMayNeedIsKept() {
    CandidateIndex index = new CandidateIndex();
    index.put(rec("A", P1, 10), 1);
    index.put(rec("B", P2, 10), 1);
    index.remove(new SourceKey("crm", "B"), 5);
    index.merged(P1, P2, 6);

    assertEquals(0, index.forgetBefore(4));

    index.put(rec("B", P2, 10), 3); // read back before the removal committed
    assertNull(index.get(new SourceKey("crm", "B")));
    index.put(rec("D", P1, 30), 5); // linked to the loser before the merge
    assertEquals(P2, index.get(new SourceKey("crm", "D")).profileId());
  }

  /** Records that keep changing their keys leave emptied keys behind: the table drops them instead of doubling. */
  @Test
  void aTableWhoseRecordsKeepChangingKeysKeepsItsSize() {
    CandidateIndex index = new CandidateIndex();
    long stamp = 0, next = 0;
    for (int round = 0; round < 50; round++) {
      for (int r = 0; r < 1_000; r++) index.put(rec("R" + r, P1, next++, next++, next++), ++stamp);
    }

    assertEquals(3_000, index.keyEntries());
    assertTrue(index.keyCapacity() <= 16_384, "capacity " + index.keyCapacity() + " for 3,000 live keys");
  }

  @Test
  void aBlockIsCutAtTheCap() {
    CandidateIndex index = new CandidateIndex();
    for (int i = 0; i < 50; i++) index.put(rec("R" + i, P1, 7), 1);

    assertEquals(10, index.lookup(new long[] {7}, 10).get(7L).size());
  }

  /** Random puts and removes against a plain map of sets: the primitive tables grow, reuse and shrink alike. */
  @Test
  void behavesLikeAMapOfSetsUnderRandomChanges() {
    Random random = new Random(42);
    CandidateIndex index = new CandidateIndex();
    Map<String, long[]> model = new HashMap<>();
    long stamp = 0;
    for (int step = 0; step < 20_000; step++) {
      String id = "R" + random.nextInt(3_000);
      if (random.nextInt(5) == 0) {
        index.remove(new SourceKey("crm", id), ++stamp);
        model.remove(id);
      } else {
        long[] hashes = random.longs(1 + random.nextInt(6), 0, 5_000).distinct().sorted().toArray();
        index.put(rec(id, P1, hashes), ++stamp);
        model.put(id, hashes);
      }
    }
    Map<Long, Set<String>> expected = new HashMap<>();
    model.forEach((id, hashes) -> {
      for (long h : hashes) expected.computeIfAbsent(h, k -> new HashSet<>()).add(id);
    });
    long[] all = new long[5_000];
    for (int i = 0; i < all.length; i++) all[i] = i;
    Map<Long, List<CandidateIndex.Entry>> found = index.lookup(all, Integer.MAX_VALUE);
    Map<Long, Set<String>> actual = new HashMap<>();
    found.forEach((h, entries) -> actual.put(h, ids(entries)));

    assertEquals(expected, actual);
    assertEquals(model.size(), index.records());
    assertEquals(expected.values().stream().mapToInt(Set::size).sum(), index.keyEntries());
    List<String> wrong = new ArrayList<>();
    model.forEach((id, hashes) -> {
      if (!java.util.Arrays.equals(hashes, index.get(new SourceKey("crm", id)).hashes())) wrong.add(id);
    });
    assertTrue(wrong.isEmpty(), () -> "hashes differ for " + wrong);
  }

  @Test
  void valueCountsFollowTheRecordsHeldAndIgnoreStatesArrivingLate() {
    CandidateIndex index = new CandidateIndex();
    index.put(named("A", P1, "ann"), 1);
    index.put(named("B", P2, "ann"), 1);
    index.put(named("A", P3, "ann"), 2); // moved to another profile: the same values
    index.put(named("A", P3, "ann"), 2); // its own commit read back: the same state again
    TermFrequencies tf = index.frequencies();
    assertEquals(2, tf.count(Field.GIVEN_NAME, "ann"));
    assertEquals(2, tf.count(Field.FAMILY_NAME, "bo"));

    index.put(named("A", P3, "eve"), 4);
    index.put(named("A", P3, "zoe"), 3); // older than what is held: ignored, and not counted
    index.remove(new SourceKey("crm", "B"), 5);
    index.remove(new SourceKey("crm", "B"), 5);
    index.put(named("B", P2, "ann"), 4); // a state from before its removal

    assertEquals(0, tf.count(Field.GIVEN_NAME, "ann"));
    assertEquals(1, tf.count(Field.GIVEN_NAME, "eve"));
    assertEquals(0, tf.count(Field.GIVEN_NAME, "zoe"));
    assertEquals(1, tf.total(Field.FAMILY_NAME));
  }

  /** An index whose name hashes are the given name's length and the family name's (enough to tell apart here). */
  private static CandidateIndex byNameIndex() {
    return new CandidateIndex(standard -> {
      String[] kindAndNames = StandardRecord.kindAndNames(standard);
      return kindAndNames[1] == null ? new long[0] : new long[] {kindAndNames[1].hashCode()};
    });
  }

  private static CandidateIndex.Indexed named(String id, UUID profile, String given) {
    return new CandidateIndex.Indexed(new SourceKey("crm", id), profile,
        new StandardRecord(new SourceKey("crm", id), Kind.PERSON, given, "bo", null, null, null, null, List.of(),
            List.of(), List.of(), List.of()).encode(), new long[] {id.hashCode()});
  }

  @Test
  void personsAreFoundByNameAndLeaveThatBlockWhenTheirNameChangesOrTheyGo() {
    CandidateIndex index = byNameIndex();
    index.put(named("A", P1, "ann"), 1);
    index.put(named("B", P2, "ann"), 1);
    index.put(named("C", P3, "eve"), 1);
    long ann = "ann".hashCode(), eve = "eve".hashCode();

    assertEquals(Set.of("A", "B"), ids(index.lookupByName(new long[] {ann}, 10).entries()));
    assertEquals(Set.of("A", "B", "C"), ids(index.lookupByName(new long[] {ann, eve}, 10).entries()));
    index.put(named("B", P2, "eve"), 2);
    index.remove(new SourceKey("crm", "A"), 3);
    assertEquals(Set.of(), ids(index.lookupByName(new long[] {ann}, 10).entries()));
    assertEquals(Set.of("B", "C"), ids(index.lookupByName(new long[] {eve}, 10).entries()));
    assertTrue(index.lookup(new long[] {ann, eve}, 10).isEmpty(), "name hashes are never linking keys");
  }

  @Test
  void aNameSharedByMoreThanTheCapSaysSo() {
    CandidateIndex index = byNameIndex();
    for (int i = 0; i < 5; i++) index.put(named("P" + i, new UUID(1, i), "ann"), 1);
    long ann = "ann".hashCode();

    CandidateIndex.ByName three = index.lookupByName(new long[] {ann, ann}, 3);
    CandidateIndex.ByName all = index.lookupByName(new long[] {ann}, 5);

    assertEquals(3, three.entries().size());
    assertTrue(three.capped());
    assertEquals(5, all.entries().size());
    assertEquals(false, all.capped(), "exactly the cap is not more than it");
  }
}

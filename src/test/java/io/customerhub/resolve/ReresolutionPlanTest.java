package io.customerhub.resolve;

import io.customerhub.record.Kind;
import io.customerhub.record.SourceKey;
import io.customerhub.resolve.match.Blocker;
import io.customerhub.resolve.standardize.StandardRecord;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where a re-resolution puts records, from decisions given by the test: joins, vetoes, reviews and kept ids. */
class ReresolutionPlanTest {

  private static final UUID P1 = new UUID(0, 1);
  private static final UUID P2 = new UUID(0, 2);
  private static final UUID P3 = new UUID(0, 3);

  /** Records r0..r(n-1), each in the profile given, every profile made at the time given in {@code created}. */
  private static ReresolutionPlan.Snapshot snapshot(List<UUID> profiles, Map<String, List<Integer>> links,
                                                    Map<UUID, Long> created) {
    List<SourceKey> keys = new ArrayList<>();
    List<StandardRecord> standards = new ArrayList<>();
    for (int i = 0; i < profiles.size(); i++) {
      SourceKey key = new SourceKey("t", "r" + i);
      keys.add(key);
      standards.add(new StandardRecord(key, Kind.PERSON, List.of(), List.of(), null, null));
    }
    return new ReresolutionPlan.Snapshot(keys, standards, profiles, links, new HashMap<>(created));
  }

  private static Blocker.Candidates pairs(int[]... pairs) {
    long[] out = new long[pairs.length];
    for (int k = 0; k < pairs.length; k++) out[k] = ((long) pairs[k][0] << 32) | pairs[k][1];
    return new Blocker.Candidates(out, Map.of(), pairs.length);
  }

  private static int index(StandardRecord r) {
    return Integer.parseInt(r.key().sourceId().substring(1));
  }

  /** MERGE with the given weight for the pairs listed, REVIEW for those in {@code review}, APART otherwise. */
  private static PairDecider decider(Map<Set<Integer>, Double> merge, Set<Set<Integer>> review) {
    return LinkerTest.stub((a, b) -> {
      Set<Integer> pair = Set.of(index(a), index(b));
      if (merge.containsKey(pair)) {
        return new PairDecider.Decision(PairDecider.Band.MERGE, 0.99, "stub-merge", Map.of("weight", merge.get(pair)));
      }
      return review.contains(pair) ? LinkerTest.REVIEW : LinkerTest.APART;
    });
  }

  @Test
  void aClusterKeepsTheProfileMostOfItsRecordsHadAndTheOtherIsLeftForARedirect() {
    var s = snapshot(List.of(P1, P1, P2), Map.of(), Map.of(P1, 1L, P2, 2L));
    var plan = ReresolutionPlan.of(s, pairs(new int[] {0, 2}, new int[] {1, 2}),
        decider(Map.of(Set.of(0, 2), 10.0, Set.of(1, 2), 8.0), Set.of()), Linker.Guard.NONE);

    assertArrayEquals(new UUID[] {P1, P1, P1}, plan.target());
    assertTrue(plan.reviews().isEmpty());
    assertEquals(0, plan.joinedWith()[2], "r2 was joined by its strongest pair, with r0");
    assertEquals(10.0, plan.joinedBy()[2].explanation().get("weight"));
  }

  @Test
  void onATieTheOlderProfileKeepsItsIdAndABiggerClusterChoosesFirst() {
    // r0, r1 (P2) with r2, r3 (P1): two votes each, P1 is older; r4 alone was in P1 too, and gets a new id
    var s = snapshot(List.of(P2, P2, P1, P1, P1), Map.of(), Map.of(P1, 1L, P2, 2L));
    var plan = ReresolutionPlan.of(s, pairs(new int[] {0, 2}, new int[] {1, 3}, new int[] {0, 1}, new int[] {2, 3}),
        decider(Map.of(Set.of(0, 2), 9.0, Set.of(1, 3), 9.0, Set.of(0, 1), 9.0, Set.of(2, 3), 9.0), Set.of()),
        Linker.Guard.NONE);

    for (int i = 0; i < 4; i++) assertEquals(P1, plan.target()[i], "r" + i);
    assertNotEquals(P1, plan.target()[4]);
    assertNotEquals(P2, plan.target()[4], "P2's records all went to P1's cluster: it is left to redirect");
  }

  @Test
  void linkedRecordsStayTogetherWhateverTheirPairSaysAndTheirReviewIsDropped() {
    var s = snapshot(List.of(P1, P2, P3), Map.of("t:r0", List.of(0, 2)), Map.of(P1, 1L, P2, 2L, P3, 3L));
    var plan = ReresolutionPlan.of(s, pairs(new int[] {0, 2}), decider(Map.of(), Set.of(Set.of(0, 2))),
        Linker.Guard.NONE);

    assertEquals(plan.target()[0], plan.target()[2]);
    assertEquals(P1, plan.target()[0], "the older of two equal votes");
    assertEquals(P2, plan.target()[1]);
    assertNull(plan.joinedBy()[2], "joined by a link, not by a scored pair");
    assertTrue(plan.reviews().isEmpty(), "a review between records that end up in one profile is moot");
  }

  @Test
  void aVetoedJoinBecomesAReviewAndReviewsWithinOneProfileAreDropped() {
    var s = snapshot(List.of(P1, P1, P2, P3), Map.of(), Map.of(P1, 1L, P2, 2L, P3, 3L));
    Set<Set<Integer>> reviews = Set.of(Set.of(0, 1), Set.of(2, 3));
    PairDecider decider = decider(Map.of(Set.of(0, 1), 12.0, Set.of(1, 2), 7.0), reviews);
    // the guard refuses any join that would put r2 with others
    Linker.Guard guard = (left, right) -> left.size() + right.size() > 2 ? Optional.of("too big") : Optional.empty();
    var plan = ReresolutionPlan.of(s, pairs(new int[] {0, 1}, new int[] {1, 2}, new int[] {2, 3}), decider, guard);

    assertEquals(P1, plan.target()[0]);
    assertEquals(P1, plan.target()[1]);
    assertEquals(P2, plan.target()[2]);
    assertEquals(P3, plan.target()[3]);
    Set<Set<Integer>> open = new HashSet<>();
    for (long[] p : plan.reviews()) open.add(Set.of((int) p[0], (int) p[1]));
    assertEquals(Set.of(Set.of(1, 2), Set.of(2, 3)), open, "the vetoed join and the review across profiles");
    int vetoed = plan.reviews().indexOf(plan.reviews().stream().filter(p -> p[0] == 1).findFirst().orElseThrow());
    assertEquals("cluster-guard", plan.reviewDecisions().get(vetoed).rule());
    assertEquals("too big", plan.reviewDecisions().get(vetoed).explanation().get("guard"), "the steward sees why");
    assertNull(plan.joinedBy()[2]);
  }

  /** Protects keep-apart decisions against re-resolution: the guard sees a link group whole, not one record of it. */
  @Test
  void theGuardJudgesAJoinAgainstEveryRecordOfALinkGroup() {
    // r1 and r2 are held together by a link; a steward kept r0 and r1 apart; r0~r2 is a strong pair
    var s = snapshot(List.of(P1, P2, P2), Map.of("t:r1", List.of(1, 2)), Map.of(P1, 1L, P2, 2L));
    KeptApart keptApart = new KeptApart();
    keptApart.add(s.keys().get(0), s.keys().get(1));
    var plan = ReresolutionPlan.of(s, pairs(new int[] {0, 2}), decider(Map.of(Set.of(0, 2), 12.0), Set.of()),
        keptApart::check);

    assertEquals(P1, plan.target()[0], "r0 stays apart from r1's link group");
    assertEquals(P2, plan.target()[1]);
    assertEquals(P2, plan.target()[2]);
    assertEquals(1, plan.reviews().size(), "the vetoed join is left for review");
  }

  /** Protects a steward's split from re-resolution: a link group does not join across a pair kept apart. */
  @Test
  void aLinkGroupDoesNotJoinRecordsAStewardKeptApart() {
    // r1 and r2 link to r0; a steward split r1 off (kept apart from r0)
    var s = snapshot(List.of(P1, P2, P1), Map.of("t:r0", List.of(0, 1, 2)), Map.of(P1, 1L, P2, 2L));
    KeptApart keptApart = new KeptApart();
    keptApart.add(s.keys().get(0), s.keys().get(1));
    var plan = ReresolutionPlan.of(s, pairs(), decider(Map.of(), Set.of()), Linker.Guard.NONE, keptApart::check);

    assertEquals(P1, plan.target()[0]);
    assertEquals(P2, plan.target()[1], "the split record stays in its own profile");
    assertEquals(P1, plan.target()[2], "the other link holds");
  }
}

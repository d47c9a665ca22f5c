package io.customerhub.resolve;

import io.customerhub.generate.PairwiseMetrics;
import io.customerhub.record.Kind;
import io.customerhub.record.SourceKey;
import io.customerhub.resolve.match.Blocker;
import io.customerhub.resolve.match.MatchingConfig;
import io.customerhub.resolve.match.MatchModel;
import io.customerhub.resolve.standardize.StandardRecord;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The threshold table: clusters of the pairs at or above each threshold, scored against the truth. */
class ThresholdSweepTest {

  private static List<SourceKey> keys(int n) {
    List<SourceKey> keys = new ArrayList<>();
    for (int i = 0; i < n; i++) keys.add(new SourceKey("t", "r" + i));
    return keys;
  }

  /** Records r0..r(n-1), the i-th of entity {@code entities[i]}. */
  private static Map<SourceKey, String> truth(int... entities) {
    Map<SourceKey, String> truth = new HashMap<>();
    for (int i = 0; i < entities.length; i++) truth.put(new SourceKey("t", "r" + i), "E" + entities[i]);
    return truth;
  }

  /** Pairs as {left, right, probability, mergeable (1 or 0)}. */
  private static ScoredPairs pairs(int n, double[]... pairs) {
    int[] l = new int[pairs.length], r = new int[pairs.length];
    double[] p = new double[pairs.length];
    boolean[] m = new boolean[pairs.length];
    for (int k = 0; k < pairs.length; k++) {
      l[k] = (int) pairs[k][0];
      r[k] = (int) pairs[k][1];
      p[k] = pairs[k][2];
      m[k] = pairs[k][3] == 1;
    }
    return new ScoredPairs(keys(n), 3, l, r, p, m);
  }

  /** r0 r1 r2 are one person, r3 r4 another, r5 a third; r2–r3 is a wrong pair, r4–r5 one its own rule vetoes. */
  private static final Map<SourceKey, String> TRUTH = truth(1, 1, 1, 2, 2, 3);
  private static final ScoredPairs PAIRS = pairs(6,
      new double[] {0, 1, 0.99, 1}, new double[] {1, 2, 0.85, 1}, new double[] {3, 4, 0.97, 1},
      new double[] {2, 3, 0.60, 1}, new double[] {4, 5, 0.99, 0});

  @Test
  void atTheMergeThresholdOnlyTheStrongPairsJoinAndTheBandBelowIsForReview() {
    ThresholdSweep.Row row = ThresholdSweep.row(PAIRS, TRUTH, 0.95, 0.80, "merge");
    assertEquals(4, row.profiles()); // {r0 r1} {r2} {r3 r4} {r5}
    assertEquals(2, row.metrics().truePositives());
    assertEquals(0, row.metrics().falsePositives());
    assertEquals(2, row.metrics().falseNegatives());
    assertEquals(1.0, row.metrics().precision());
    assertEquals(0.5, row.metrics().recall());
    assertEquals(2, row.reviewPairs()); // r1–r2 scored in the review band, r4–r5 vetoed above the threshold
  }

  @Test
  void aLowerThresholdJoinsMoreAndAWrongPairChainsTwoPeople() {
    ThresholdSweep.Row atReview = ThresholdSweep.row(PAIRS, TRUTH, 0.80, 0.80, "review");
    assertEquals(1.0, atReview.metrics().f1());
    assertEquals(1, atReview.reviewPairs());
    ThresholdSweep.Row low = ThresholdSweep.row(PAIRS, TRUTH, 0.50, 0.80, "");
    assertEquals(2, low.profiles()); // r0..r4 chained through r2–r3, r5 alone
    assertEquals(4, low.metrics().truePositives());
    assertEquals(6, low.metrics().falsePositives()); // 10 pairs in the chain of five, 4 of them true
    assertEquals(0.4, low.metrics().precision(), 1e-12);
    // below the review threshold the review band starts at the threshold itself: only the vetoed pair is left
    assertEquals(1, low.reviewPairs());
  }

  @Test
  void aPairItsOwnRuleVetoesNeverJoinsAtAnyThreshold() {
    ScoredPairs vetoed = pairs(2, new double[] {0, 1, 0.999, 0});
    for (double t : ThresholdSweep.thresholds(0.95, 0.80)) {
      ThresholdSweep.Row row = ThresholdSweep.row(vetoed, truth(1, 1), t, 0.80, "");
      assertEquals(2, row.profiles(), "at " + t);
      assertEquals(1, row.reviewPairs(), "at " + t);
    }
  }

  @Test
  void aboveEveryScoreNothingIsJoinedAndPrecisionIsOneAsDefinedForNoClaims() {
    ThresholdSweep.Row row = ThresholdSweep.row(PAIRS, TRUTH, 0.9999, 0.80, "");
    assertEquals(6, row.profiles());
    assertEquals(0, row.metrics().truePositives() + row.metrics().falsePositives());
    assertEquals(1.0, row.metrics().precision()); // PairwiseMetrics: no pair claimed, no wrong claim made
    assertEquals(0.0, row.metrics().recall());
    assertEquals(0.0, row.metrics().f1());
    assertEquals(4, row.reviewPairs()); // every pair from 0.8 up; r2–r3 scores below
  }

  @Test
  void asTheThresholdFallsRecallAndJoinedPairsNeverDecreaseAndProfilesNeverIncrease() {
    Random random = new Random(7);
    for (int trial = 0; trial < 200; trial++) {
      int n = 2 + random.nextInt(40);
      int[] entities = new int[n];
      for (int i = 0; i < n; i++) entities[i] = random.nextInt(1 + n / 2);
      int count = random.nextInt(3 * n);
      double[][] raw = new double[count][];
      for (int k = 0; k < count; k++) {
        int a = random.nextInt(n), b = random.nextInt(n);
        raw[k] = new double[] {a, b, random.nextDouble(), random.nextInt(10) == 0 ? 0 : 1};
      }
      ScoredPairs pairs = pairs(n, raw);
      Map<SourceKey, String> truth = truth(entities);
      ThresholdSweep.Row before = null;
      for (double t = 1.0; t >= 0.0; t -= 0.01) {
        ThresholdSweep.Row row = ThresholdSweep.row(pairs, truth, t, 0.5, "");
        PairwiseMetrics.Result m = row.metrics();
        if (before != null) {
          PairwiseMetrics.Result b = before.metrics();
          String at = "trial " + trial + " at " + t;
          assertTrue(m.recall() >= b.recall(), at);
          assertTrue(m.truePositives() + m.falsePositives() >= b.truePositives() + b.falsePositives(), at);
          assertTrue(row.profiles() <= before.profiles(), at);
          assertEquals(b.truePositives() + b.falseNegatives(), m.truePositives() + m.falseNegatives(), at);
        }
        before = row;
      }
    }
  }

  @Test
  void theGridHoldsTheConfiguredThresholdsOnceInOrderAndMarksThem() {
    assertEquals(List.of(0.5, 0.8, 0.9, 0.95, 0.97, 0.98, 0.99, 0.995, 0.999),
        ThresholdSweep.thresholds(0.97, 0.80));
    List<ThresholdSweep.Row> rows = ThresholdSweep.rows(PAIRS, TRUTH, 0.97, 0.80);
    assertEquals(9, rows.size());
    assertEquals("review", rows.get(1).mark());
    assertEquals("merge", rows.get(4).mark());
    assertEquals("", rows.get(3).mark());
  }

  @Test
  void theTableIsAlignedWithTheHubsOwnFiguresFirst() {
    ThresholdSweep.Row hub = new ThresholdSweep.Row(Double.NaN, "as the hub did", 4, 2,
        PairwiseMetrics.evaluate(TRUTH, TRUTH));
    List<String> lines = ThresholdSweep.table(hub, ThresholdSweep.rows(PAIRS, TRUTH, 0.95, 0.80));
    assertEquals(1 + 1 + 8, lines.size());
    assertTrue(lines.get(0).startsWith("merge threshold"), lines.get(0));
    assertTrue(lines.get(1).startsWith("as the hub did"), lines.get(1));
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("0.95 (merge)")), String.join("\n", lines));
    assertTrue(lines.stream().allMatch(l -> l.length() == lines.get(0).length()), String.join("\n", lines));
  }

  @Test
  void scoringKeepsThePairsFromTheFloorUpAndMarksThoseTheirOwnRuleVetoes() {
    StandardRecord wei = person("a", "110101199003070011");
    StandardRecord weiAgain = person("b", null);
    StandardRecord otherId = person("c", "220202198001010022"); // all else the same: conflicting national ids
    StandardRecord stranger = new StandardRecord(new SourceKey("t", "d"), Kind.PERSON, "anna", "schmidt", null,
        "1971-11-30", null, null, List.of("anna@example.de"), List.of(), List.of(), List.of());
    List<StandardRecord> records = List.of(wei, weiAgain, otherId, stranger);
    long[] candidates = {pair(0, 1), pair(0, 2), pair(0, 3)};
    MatchEngine engine = new MatchEngine(MatchingConfig.defaults());
    ScoredPairs scored = ScoredPairs.of(records, new Blocker.Candidates(candidates, Map.of(), 1),
        engine.scorerBelowEveryThreshold(MatchModel.defaults()), 7, 0.5);
    assertEquals(2, scored.size()); // the stranger scores below the floor
    assertArrayEquals(new int[] {1, 2}, scored.right());
    assertTrue(scored.mergeable()[0]);
    assertFalse(scored.mergeable()[1]);
    assertTrue(scored.probability()[1] >= 0.5);
    assertEquals(7, scored.modelVersion());
    assertEquals(List.of(wei.key(), weiAgain.key(), otherId.key(), stranger.key()), scored.keys());
  }

  private static StandardRecord person(String id, String nationalId) {
    return new StandardRecord(new SourceKey("t", id), Kind.PERSON, "wei", "zhang", null, "1990-03-07", nationalId,
        null, List.of("wei.zhang@example.com"), List.of("+8613800138000"), List.of(), List.of());
  }

  private static long pair(int a, int b) {
    return ((long) a << 32) | b;
  }
}

package io.customerhub.generate;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PairwiseMetricsTest {

  /** a b c are one person, d e another, f a third. */
  private static final Map<String, String> TRUTH = Map.of("a", "E1", "b", "E1", "c", "E1", "d", "E2", "e", "E2", "f", "E3");

  @Test
  void countsPairsOfAMixedClusteringByHand() {
    // True pairs: ab ac bc de = 4. Predicted pairs: ab cd ef = 3, of which only ab is right.
    PairwiseMetrics.Result r = PairwiseMetrics.evaluate(TRUTH,
        Map.of("a", "C1", "b", "C1", "c", "C2", "d", "C2", "e", "C3", "f", "C3"));
    assertEquals(6, r.records());
    assertEquals(1, r.truePositives());
    assertEquals(2, r.falsePositives());
    assertEquals(3, r.falseNegatives());
    assertEquals(1.0 / 3, r.precision(), 1e-12);
    assertEquals(1.0 / 4, r.recall(), 1e-12);
    assertEquals(2.0 / 7, r.f1(), 1e-12);
  }

  @Test
  void perfectClusteringScoresOne() {
    PairwiseMetrics.Result r = PairwiseMetrics.evaluate(TRUTH,
        Map.of("a", 7, "b", 7, "c", 7, "d", 8, "e", 8, "f", 9));
    assertEquals(4, r.truePositives());
    assertEquals(0, r.falsePositives());
    assertEquals(0, r.falseNegatives());
    assertEquals(1.0, r.f1());
  }

  @Test
  void singletonsOnlyClaimNothingAndFindNothing() {
    Map<String, String> singletons = new HashMap<>();
    TRUTH.keySet().forEach(k -> singletons.put(k, "cluster-" + k));
    PairwiseMetrics.Result r = PairwiseMetrics.evaluate(TRUTH, singletons);
    assertEquals(0, r.truePositives());
    assertEquals(0, r.falsePositives());
    assertEquals(4, r.falseNegatives());
    assertEquals(1.0, r.precision());
    assertEquals(0.0, r.recall());
    assertEquals(0.0, r.f1());
  }

  @Test
  void everythingInOneClusterFindsAllPairsAndManyWrongOnes() {
    Map<String, String> one = new HashMap<>();
    TRUTH.keySet().forEach(k -> one.put(k, "all"));
    PairwiseMetrics.Result r = PairwiseMetrics.evaluate(TRUTH, one);
    assertEquals(4, r.truePositives());
    assertEquals(11, r.falsePositives()); // C(6,2) = 15 predicted pairs
    assertEquals(0, r.falseNegatives());
    assertEquals(4.0 / 15, r.precision(), 1e-12);
    assertEquals(1.0, r.recall());
    assertEquals(8.0 / 19, r.f1(), 1e-12);
  }

  @Test
  void recordsMissingFromThePredictionAreSingletonsAndExtraOnesAreIgnored() {
    PairwiseMetrics.Result r = PairwiseMetrics.evaluate(TRUTH,
        Map.of("a", "C1", "b", "C1", "x", "C1", "y", "C1"));
    assertEquals(1, r.truePositives());
    assertEquals(0, r.falsePositives());
    assertEquals(3, r.falseNegatives());
  }

  @Test
  void truthWithoutPairsAndEmptyInputAreWellDefined() {
    PairwiseMetrics.Result empty = PairwiseMetrics.evaluate(Map.of(), Map.of());
    assertEquals(1.0, empty.precision());
    assertEquals(1.0, empty.recall());
    assertEquals(1.0, empty.f1());
    PairwiseMetrics.Result distinct = PairwiseMetrics.evaluate(Map.of("a", "E1", "b", "E2"), Map.of("a", "C", "b", "C"));
    assertEquals(1, distinct.falsePositives());
    assertEquals(0.0, distinct.precision());
    assertEquals(1.0, distinct.recall());
    assertEquals(0.0, distinct.f1());
  }

  @Test
  void largeClustersCountInLongsWithoutEnumeratingPairs() {
    Map<Integer, String> truth = new HashMap<>();
    Map<Integer, String> predicted = new HashMap<>();
    for (int i = 0; i < 200_000; i++) {
      truth.put(i, "E" + (i % 2));
      predicted.put(i, "all");
    }
    PairwiseMetrics.Result r = PairwiseMetrics.evaluate(truth, predicted);
    assertEquals(200_000L * 199_999 / 2, r.truePositives() + r.falsePositives());
    assertEquals(2 * (100_000L * 99_999 / 2), r.truePositives());
    assertEquals(0, r.falseNegatives());
  }
}

package io.customerhub.generate;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Pairwise precision, recall and F1 of a clustering against the ground truth, the usual yardstick of entity
 * resolution: a pair of records is a true positive when both the truth and the prediction put them together.
 *
 * <p>Counted from the contingency table (entity × cluster sizes) in O(n), never by enumerating pairs:
 * TP = Σ C(n<sub>ec</sub>, 2), predicted pairs = Σ C(n<sub>c</sub>, 2), true pairs = Σ C(n<sub>e</sub>, 2).
 *
 * <p>Only records in the truth are evaluated. A truth record the prediction does not mention counts as a
 * singleton cluster (the resolver said nothing about it); predicted records outside the truth are ignored.
 */
public final class PairwiseMetrics {

  private PairwiseMetrics() {
  }

  /**
   * @param truePositives  pairs together in both
   * @param falsePositives pairs put together by the prediction but of different entities
   * @param falseNegatives pairs of one entity the prediction keeps apart
   * @param precision      TP / (TP + FP); 1 when nothing was put together (no wrong claim was made)
   * @param recall         TP / (TP + FN); 1 when the truth has no pairs (nothing was missed)
   * @param f1             harmonic mean of precision and recall; 0 when both are 0
   */
  public record Result(long records, long truePositives, long falsePositives, long falseNegatives,
                       double precision, double recall, double f1) {

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "records=%d tp=%d fp=%d fn=%d precision=%.4f recall=%.4f f1=%.4f",
          records, truePositives, falsePositives, falseNegatives, precision, recall, f1);
    }
  }

  /**
   * @param truth     record key → true entity id
   * @param predicted record key → predicted cluster id (e.g. profile id)
   */
  public static <K> Result evaluate(Map<K, ?> truth, Map<K, ?> predicted) {
    Map<Object, Long> entitySizes = new HashMap<>();
    Map<Object, Long> clusterSizes = new HashMap<>();
    Map<Cell, Long> cells = new HashMap<>();
    for (Map.Entry<K, ?> e : truth.entrySet()) {
      Object entity = e.getValue();
      Object cluster = predicted.get(e.getKey());
      // An unmentioned record is its own cluster: the key itself is a cluster id no other record shares.
      if (cluster == null) cluster = new Singleton(e.getKey());
      entitySizes.merge(entity, 1L, Long::sum);
      clusterSizes.merge(cluster, 1L, Long::sum);
      cells.merge(new Cell(entity, cluster), 1L, Long::sum);
    }
    long tp = pairs(cells);
    long predictedPairs = pairs(clusterSizes);
    long truePairs = pairs(entitySizes);
    long fp = predictedPairs - tp;
    long fn = truePairs - tp;
    double precision = predictedPairs == 0 ? 1.0 : (double) tp / predictedPairs;
    double recall = truePairs == 0 ? 1.0 : (double) tp / truePairs;
    double f1 = precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
    return new Result(truth.size(), tp, fp, fn, precision, recall, f1);
  }

  private record Cell(Object entity, Object cluster) {
  }

  private record Singleton(Object key) {
  }

  private static long pairs(Map<?, Long> sizes) {
    long sum = 0;
    for (long n : sizes.values()) sum += n * (n - 1) / 2;
    return sum;
  }
}

package io.customerhub.resolve;

import io.customerhub.generate.PairwiseMetrics;
import io.customerhub.record.SourceKey;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * What the merge threshold trades, for choosing one: at each threshold of a grid, the clusters that the scored
 * pairs at or above it make (connected components), their pairwise precision, recall and F1 against the truth,
 * and the pairs left for a steward. A guide, not what the hub would do: it ignores the cluster guard, explicit
 * links and steward decisions, which only the hub's own run applies (its figures are the table's first line).
 * A pair that a rule of its own sends to review (conflicting ids, a household) is never joined, as in the hub.
 * Pure.
 */
public final class ThresholdSweep {

  /** Match probabilities a sweep looks at besides the configured thresholds. */
  public static final List<Double> GRID = List.of(0.50, 0.80, 0.90, 0.95, 0.98, 0.99, 0.995, 0.999);

  private ThresholdSweep() {
  }

  /**
   * One line of the table.
   *
   * @param threshold   the merge threshold, NaN for the hub's own figures
   * @param mark        which configured threshold it is ({@code merge}, {@code review}), or the hub's line's name
   * @param profiles    clusters of all stored records, singletons included
   * @param reviewPairs pairs between review threshold and {@code threshold} (or vetoed above it) whose records end
   *                    up in different clusters: the review queue had the merge threshold been {@code threshold}
   */
  public record Row(double threshold, String mark, long profiles, long reviewPairs, PairwiseMetrics.Result metrics) {
  }

  /** The grid with the configured thresholds, ascending, each once. */
  public static List<Double> thresholds(double merge, double review) {
    TreeSet<Double> all = new TreeSet<>(GRID);
    all.add(merge);
    all.add(review);
    return List.copyOf(all);
  }

  /** A row per threshold of {@link #thresholds}, ascending. */
  public static List<Row> rows(ScoredPairs pairs, Map<SourceKey, String> truth, double merge, double review) {
    List<Row> rows = new ArrayList<>();
    for (double t : thresholds(merge, review)) {
      String mark = t == merge && t == review ? "merge, review" : t == merge ? "merge" : t == review ? "review" : "";
      rows.add(row(pairs, truth, t, review, mark));
    }
    return rows;
  }

  /**
   * The clusters the pairs at or above {@code threshold} make. A review threshold above it counts as the threshold
   * itself: no pair can be too weak to merge and strong enough for review at once.
   */
  static Row row(ScoredPairs pairs, Map<SourceKey, String> truth, double threshold, double review, String mark) {
    int n = pairs.keys().size();
    Linker.UnionFind clusters = new Linker.UnionFind(n);
    for (int i = 0; i < pairs.size(); i++) {
      if (joins(pairs, i, threshold)) clusters.union(pairs.left()[i], pairs.right()[i]);
    }
    double reviewFrom = Math.min(review, threshold);
    long reviews = 0;
    for (int i = 0; i < pairs.size(); i++) {
      if (pairs.probability()[i] >= reviewFrom && !joins(pairs, i, threshold)
          && clusters.find(pairs.left()[i]) != clusters.find(pairs.right()[i])) {
        reviews++;
      }
    }
    Map<SourceKey, Integer> predicted = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) predicted.put(pairs.keys().get(i), clusters.find(i));
    long profiles = predicted.values().stream().distinct().count();
    return new Row(threshold, mark, profiles, reviews, PairwiseMetrics.evaluate(truth, predicted));
  }

  private static boolean joins(ScoredPairs pairs, int i, double threshold) {
    return pairs.mergeable()[i] && pairs.probability()[i] >= threshold;
  }

  /** The table, aligned, a header line first; {@code hub} (the hub's own figures) is its first row. */
  public static List<String> table(Row hub, List<Row> rows) {
    List<String> lines = new ArrayList<>();
    String format = "%-22s %9s %9s %9s %9s %9s %9s %9s %12s";
    lines.add(String.format(Locale.ROOT, format, "merge threshold", "profiles", "precision", "recall", "F1",
        "true pos", "false pos", "false neg", "review pairs"));
    List<Row> all = new ArrayList<>();
    all.add(hub);
    all.addAll(rows);
    for (Row r : all) {
      PairwiseMetrics.Result m = r.metrics();
      lines.add(String.format(Locale.ROOT, format, label(r), count(r.profiles()),
          String.format(Locale.ROOT, "%.4f", m.precision()), String.format(Locale.ROOT, "%.4f", m.recall()),
          String.format(Locale.ROOT, "%.4f", m.f1()), count(m.truePositives()),
          count(m.falsePositives()), count(m.falseNegatives()),
          count(r.reviewPairs())));
    }
    return lines;
  }

  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static String label(Row r) {
    if (Double.isNaN(r.threshold())) return r.mark();
    String t = BigDecimal.valueOf(r.threshold()).stripTrailingZeros().toPlainString();
    return r.mark().isEmpty() ? t : t + " (" + r.mark() + ")";
  }
}

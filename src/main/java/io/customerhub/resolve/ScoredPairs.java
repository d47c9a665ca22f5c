package io.customerhub.resolve;

import io.customerhub.record.SourceKey;
import io.customerhub.resolve.match.Band;
import io.customerhub.resolve.match.Blocker;
import io.customerhub.resolve.match.PairScore;
import io.customerhub.resolve.match.PairScorer;
import io.customerhub.resolve.standardize.StandardRecord;
import io.customerhub.support.Parallel;

import java.util.Arrays;
import java.util.List;

/**
 * The candidate pairs of all stored records with their match probability under one model, for questions about
 * thresholds ({@link ThresholdSweep}). Pure. The pairs are primitive arrays (indexes into {@code keys}), and only
 * those at or above a floor are kept: a pass over 250,000 records blocks millions of pairs, nearly all far below
 * any threshold worth asking about.
 *
 * @param keys         the records, in the order the pairs' indexes refer to
 * @param modelVersion the version of the model that scored them
 * @param left         per pair, one record
 * @param right        per pair, the other
 * @param probability  per pair, the match probability
 * @param mergeable    per pair, false where a rule of the pair itself (conflicting ids, a household) sends it to
 *                     review however high it scores
 */
public record ScoredPairs(List<SourceKey> keys, long modelVersion, int[] left, int[] right, double[] probability,
                          boolean[] mergeable) {

  public ScoredPairs {
    keys = List.copyOf(keys);
    int n = left.length;
    if (right.length != n || probability.length != n || mergeable.length != n) {
      throw new IllegalArgumentException("the pairs' arrays differ in length");
    }
  }

  public int size() {
    return left.length;
  }

  /**
   * Scores {@code candidates} of {@code records} on every core.
   *
   * @param scorer a scorer whose thresholds are below every probability
   *               ({@link MatchEngine#scorerBelowEveryThreshold}), so that its band says whether the pair itself
   *               vetoes a merge
   * @param floor  pairs scoring below it are let go
   */
  static ScoredPairs of(List<StandardRecord> records, Blocker.Candidates candidates, PairScorer scorer,
                        long modelVersion, double floor) {
    long[] all = candidates.pairs();
    List<ScoredPairs> parts = Parallel.ranges(all.length, (from, to) -> {
      int[] l = new int[to - from], r = new int[to - from];
      double[] p = new double[to - from];
      boolean[] m = new boolean[to - from];
      int k = 0;
      for (int i = from; i < to; i++) {
        int a = Blocker.Candidates.left(all[i]), b = Blocker.Candidates.right(all[i]);
        PairScore s = scorer.score(records.get(a), records.get(b));
        if (s.probability() < floor) continue;
        l[k] = a;
        r[k] = b;
        p[k] = s.probability();
        m[k] = s.band() == Band.MERGE;
        k++;
      }
      return new ScoredPairs(List.of(), modelVersion, Arrays.copyOf(l, k), Arrays.copyOf(r, k), Arrays.copyOf(p, k),
          Arrays.copyOf(m, k));
    });
    int n = parts.stream().mapToInt(ScoredPairs::size).sum();
    int[] l = new int[n], r = new int[n];
    double[] p = new double[n];
    boolean[] m = new boolean[n];
    int at = 0;
    for (ScoredPairs part : parts) {
      System.arraycopy(part.left, 0, l, at, part.size());
      System.arraycopy(part.right, 0, r, at, part.size());
      System.arraycopy(part.probability, 0, p, at, part.size());
      System.arraycopy(part.mergeable, 0, m, at, part.size());
      at += part.size();
    }
    return new ScoredPairs(records.stream().map(StandardRecord::key).toList(), modelVersion, l, r, p, m);
  }
}

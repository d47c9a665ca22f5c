package io.customerhub.resolve.match;

import io.customerhub.resolve.standardize.StandardRecord;
import io.customerhub.resolve.standardize.Standardizer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scoring is the inner loop of resolution (target: above 200k pair comparisons per second per core). The
 * asserted bound is lower because the build machine is shared; it catches pathologies, not small regressions.
 */
class ScoringThroughputTest {

  @Test
  void scoresHundredsOfThousandsOfPairsPerSecond() {
    Standardizer std = new Standardizer();
    List<StandardRecord> rs = new SyntheticCustomers(3).generate(20_000, 0.2).stream()
        .map(l -> std.standardize(l.record())).toList();
    MatchingConfig cfg = MatchingConfig.defaults();
    PairScorer scorer = new PairScorer(MatchModel.defaults(), TermFrequencies.of(rs), cfg);
    long[] pairs = new Blocker(cfg).candidates(rs).pairs();
    double best = 0;
    for (int round = 0; round < 5; round++) {
      long t0 = System.nanoTime();
      double sink = 0;
      for (long p : pairs) sink += scorer.score(rs.get(Blocker.Candidates.left(p)), rs.get(Blocker.Candidates.right(p))).weight();
      double rate = pairs.length / ((System.nanoTime() - t0) / 1e9);
      best = Math.max(best, rate);
      assertTrue(!Double.isNaN(sink));
    }
    System.out.printf("scoring: %.0f pairs/s (one thread, %d candidate pairs)%n", best, pairs.length);
    assertTrue(best > 50_000, "pairs/s " + best);
  }
}

package io.customerhub.resolve.match;

import io.customerhub.record.CanonicalRecord;
import io.customerhub.resolve.standardize.StandardRecord;
import io.customerhub.resolve.standardize.Standardizer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * End-to-end matching in memory, as the hub does it but without a database: standardize, count term
 * frequencies, train by EM, block, score every candidate pair, then join clusters by MERGE pairs (most
 * probable first) through the cluster guard. Measures pairwise precision and recall against known entities.
 */
final class MatchEvaluation {

  record Result(int records, long candidatePairs, long truePairs, long predictedPairs, long correctPairs,
                int reviewPairs, int oversizedBlocks, double standardizePerSecond, double pairsPerSecond,
                MatchModel model, List<String> errors) {

    double precision() {
      return predictedPairs == 0 ? 1.0 : (double) correctPairs / predictedPairs;
    }

    double recall() {
      return truePairs == 0 ? 1.0 : (double) correctPairs / truePairs;
    }

    double f1() {
      double p = precision(), r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    double reviewShare() {
      return (double) reviewPairs / records;
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "records=%d candidates=%d truePairs=%d predicted=%d correct=%d "
              + "precision=%.4f recall=%.4f F1=%.4f review=%d (%.2f%% of records) oversized=%d "
              + "standardize=%.0f rec/s scoring=%.0f pairs/s", records, candidatePairs, truePairs, predictedPairs,
          correctPairs, precision(), recall(), f1(), reviewPairs, 100 * reviewShare(), oversizedBlocks,
          standardizePerSecond, pairsPerSecond);
    }
  }

  private MatchEvaluation() {
  }

  static Result run(List<CanonicalRecord> records, List<String> entities, MatchingConfig cfg) {
    Standardizer std = new Standardizer(cfg.standardizer());
    long t0 = System.nanoTime();
    List<StandardRecord> rs = new ArrayList<>();
    for (CanonicalRecord r : records) rs.add(std.standardize(r));
    double stdRate = records.size() / ((System.nanoTime() - t0) / 1e9);

    // MATCH_UNTRAINED=1 measures the default priors, as the hub runs before its first training
    MatchModel model = System.getenv("MATCH_UNTRAINED") != null ? MatchModel.defaults() : EmTrainer.train(rs, cfg, 42);
    PairScorer scorer = new PairScorer(model, TermFrequencies.of(rs), cfg);
    Blocker.Candidates candidates = new Blocker(cfg).candidates(rs);
    List<long[]> merges = new ArrayList<>();
    List<long[]> reviews = new ArrayList<>();
    long t1 = System.nanoTime();
    for (long p : candidates.pairs()) {
      PairScore s = scorer.score(rs.get(Blocker.Candidates.left(p)), rs.get(Blocker.Candidates.right(p)));
      // ordered by weight, not probability: probabilities of strong pairs all round to 1.0
      long[] scored = {p, Double.doubleToLongBits(s.weight())};
      if (s.band() == Band.MERGE) merges.add(scored);
      else if (s.band() == Band.REVIEW) reviews.add(scored);
    }
    double pairRate = candidates.size() / Math.max(1e-9, (System.nanoTime() - t1) / 1e9);

    merges.sort(Comparator.comparingDouble((long[] m) -> Double.longBitsToDouble(m[1])).reversed());
    ClusterGuard guard = new ClusterGuard(cfg, model);
    Map<String, Integer> guardVetoes = new java.util.TreeMap<>();
    int[] parent = new int[rs.size()];
    List<List<StandardRecord>> members = new ArrayList<>();
    for (int i = 0; i < rs.size(); i++) {
      parent[i] = i;
      members.add(new ArrayList<>(List.of(rs.get(i))));
    }
    for (long[] m : merges) {
      int a = find(parent, Blocker.Candidates.left(m[0]));
      int b = find(parent, Blocker.Candidates.right(m[0]));
      if (a == b) continue;
      java.util.Optional<String> veto = guard.check(members.get(a), members.get(b));
      if (veto.isPresent()) {
        reviews.add(m);
        if (guardVetoes.merge(veto.get(), 1, Integer::sum) <= 3 && System.getenv("MATCH_DEBUG") != null) {
          System.out.println("VETO " + veto.get() + " A=" + members.get(a).stream().map(x -> x.encode() + " " + entities.get(rs.indexOf(x))).toList()
              + "\n  B=" + members.get(b).stream().map(x -> x.encode() + " " + entities.get(rs.indexOf(x))).toList());
        }
        continue;
      }
      parent[b] = a;
      members.get(a).addAll(members.get(b));
      members.get(b).clear();
    }
    int openReviews = 0;
    for (long[] r : reviews) {
      if (find(parent, Blocker.Candidates.left(r[0])) != find(parent, Blocker.Candidates.right(r[0]))) openReviews++;
    }
    Result r = score(rs, entities, parent, candidates, openReviews, stdRate, pairRate, model, scorer);
    long found = 0;
    for (long p : candidates.pairs()) {
      if (entities.get(Blocker.Candidates.left(p)).equals(entities.get(Blocker.Candidates.right(p)))) found++;
    }
    if (System.getenv("MATCH_DEBUG") != null) {
      java.util.Set<Long> cand = new java.util.HashSet<>();
      for (long p : candidates.pairs()) cand.add(p);
      Map<String, List<Integer>> byEntity = new HashMap<>();
      for (int i = 0; i < rs.size(); i++) byEntity.computeIfAbsent(entities.get(i), k -> new ArrayList<>()).add(i);
      int shown = 0;
      for (List<Integer> group : byEntity.values()) {
        for (int x = 0; x < group.size(); x++) {
          for (int y = x + 1; y < group.size(); y++) {
            if (!cand.contains(Blocker.pair(group.get(x), group.get(y))) && shown++ < 25) {
              System.out.println("UNBLOCKED " + rs.get(group.get(x)).encode() + "\n    " + rs.get(group.get(y)).encode());
            }
          }
        }
      }
    }
    r.errors().add(0, String.format(Locale.ROOT, "blocking recall: %d of %d true pairs are candidates (%.4f)", found,
        r.truePairs(), r.truePairs() == 0 ? 1.0 : (double) found / r.truePairs()));
    if (!guardVetoes.isEmpty()) r.errors().add(0, "guard vetoes: " + guardVetoes);
    return r;
  }

  private static Result score(List<StandardRecord> rs, List<String> entities, int[] parent,
                              Blocker.Candidates candidates, int reviews, double stdRate, double pairRate,
                              MatchModel model, PairScorer scorer) {
    Map<Integer, Integer> clusterSizes = new HashMap<>();
    Map<String, Integer> entitySizes = new HashMap<>();
    Map<String, Integer> both = new HashMap<>();
    for (int i = 0; i < rs.size(); i++) {
      int root = find(parent, i);
      clusterSizes.merge(root, 1, Integer::sum);
      entitySizes.merge(entities.get(i), 1, Integer::sum);
      both.merge(root + "|" + entities.get(i), 1, Integer::sum);
    }
    long predicted = clusterSizes.values().stream().mapToLong(n -> (long) n * (n - 1) / 2).sum();
    long truth = entitySizes.values().stream().mapToLong(n -> (long) n * (n - 1) / 2).sum();
    long correct = both.values().stream().mapToLong(n -> (long) n * (n - 1) / 2).sum();
    List<String> errors = new ArrayList<>();
    int limit = System.getenv("MATCH_ERRORS") == null ? 40 : Integer.parseInt(System.getenv("MATCH_ERRORS"));
    for (int i = 0; i < rs.size() && errors.size() < limit; i++) {
      for (int j = i + 1; j < rs.size() && errors.size() < limit; j++) {
        boolean same = entities.get(i).equals(entities.get(j));
        boolean joined = find(parent, i) == find(parent, j);
        if (same != joined) {
          errors.add((same ? "MISSED " : "FALSE ") + scorer.score(rs.get(i), rs.get(j)).toMap() + "\n   "
              + rs.get(i).encode() + "\n   " + rs.get(j).encode());
        }
      }
    }
    return new Result(rs.size(), candidates.size(), truth, predicted, correct, reviews,
        candidates.oversizedBlocks().size(), stdRate, pairRate, model, errors);
  }

  private static int find(int[] parent, int x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }
}

package io.customerhub.resolve.match;

import io.customerhub.record.CanonicalRecord;
import io.customerhub.resolve.standardize.StandardRecord;
import io.customerhub.resolve.standardize.Standardizer;
import io.customerhub.resolve.standardize.StandardizerConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped configuration on Western person data shaped like febrl4 (5,000 originals, one duplicate each,
 * see {@link FebrlStyleData}), because the project's generator is Chinese-centric and the product will be
 * judged on unseen public data. Runs the same in-memory path as {@link SyntheticEvaluationTest}, for the
 * default rules and for the default rules plus the bare name key ("name_key"), each once with soc_sec_id and
 * once without it (much public person data has no id, and the id's strong key hides what the name keys miss).
 * Prints the comparison; asserts only a floor well below what was measured.
 */
class FebrlStyleEvaluationTest {

  /** -Dfebrl.seed=N (and -Dfebrl.originals=N) evaluate another draw. */
  private static final int ORIGINALS = Integer.getInteger("febrl.originals", 5000);
  private static final long SEED = Long.getLong("febrl.seed", 4);

  @Test
  void defaultRulesMatchFebrlStyleData() {
    MatchingConfig shipped = MatchingConfig.load(Path.of("conf/matching.json"));
    List<String> plus = new ArrayList<>(shipped.standardizer().blockingRules());
    plus.add("name_key");
    MatchingConfig withNameKey = withRules(shipped, plus);
    List<String[]> rows = new FebrlStyleData(SEED).generate(ORIGINALS);

    MatchEvaluation.Result withId = evaluate("default", shipped, rows, true);
    evaluate("default+name_key", withNameKey, rows, true);
    MatchEvaluation.Result noId = evaluate("default, no ssn", shipped, rows, false);
    evaluate("default+name_key, no ssn", withNameKey, rows, false);

    // measured with seeds 4-6: F1 0.997-0.998 with the id, 0.965-0.967 without it (see the report in git log)
    assertTrue(withId.f1() >= 0.97, "F1 " + withId);
    assertTrue(noId.f1() >= 0.93, "F1 without soc_sec_id " + noId);
  }

  private static MatchEvaluation.Result evaluate(String name, MatchingConfig cfg, List<String[]> rows, boolean ssn) {
    long t0 = System.nanoTime();
    List<CanonicalRecord> records = new ArrayList<>();
    List<String> entities = new ArrayList<>();
    for (String[] row : rows) {
      String[] f = row.clone();
      if (!ssn) f[10] = "";
      records.add(FebrlFixtureTest.febrl(f));
      entities.add(f[0].substring(0, f[0].indexOf('-')));
    }
    MatchEvaluation.Result r = MatchEvaluation.run(records, entities, cfg);
    List<String> unblocked = unblocked(records, cfg);
    System.out.printf(Locale.ROOT, "febrl-style %-26s precision=%.4f recall=%.4f F1=%.4f pairs/record=%.2f "
            + "true pairs sharing no key=%d of %d (blocking recall %.4f) reviews=%d %.1fs%n", name, r.precision(),
        r.recall(), r.f1(), (double) r.candidatePairs() / r.records(), unblocked.size(), r.truePairs(),
        1 - (double) unblocked.size() / r.truePairs(), r.reviewPairs(), (System.nanoTime() - t0) / 1e9);
    // MATCH_DEBUG=1 shows why: the pairs no key brings together and the first misses and false merges
    if (System.getenv("MATCH_DEBUG") != null) {
      unblocked.stream().limit(15).forEach(System.out::println);
      r.errors().stream().limit(15).forEach(System.out::println);
    }
    return r;
  }

  /** Original/duplicate pairs (rows 2n, 2n+1) whose standardized records share no blocking key at all. */
  private static List<String> unblocked(List<CanonicalRecord> records, MatchingConfig cfg) {
    Standardizer std = new Standardizer(cfg.standardizer());
    List<String> out = new ArrayList<>();
    for (int i = 0; i + 1 < records.size(); i += 2) {
      StandardRecord a = std.standardize(records.get(i)), b = std.standardize(records.get(i + 1));
      if (Collections.disjoint(a.blockingKeys(), b.blockingKeys())) {
        out.add("  NO KEY " + a.encode() + "\n         " + b.encode());
      }
    }
    return out;
  }

  private static MatchingConfig withRules(MatchingConfig c, List<String> rules) {
    StandardizerConfig s = c.standardizer();
    return new MatchingConfig(new StandardizerConfig(s.defaultRegion(), s.stripGmailDots(), rules, s.batchRules(), s.nicknames()),
        c.maxBlockSize(), c.blockWindow(), c.mergeProbability(), c.reviewProbability(), c.nameNear(),
        c.nameSimilar(), c.tfMinimum(), c.maxClusterSize(), c.maxIterations(), c.randomPairs(),
        c.maxTrainingPairs(), c.maxTrainingRecords(), c.nicknames(), c.surnames());
  }
}

package io.customerhub.resolve.match;

import io.customerhub.record.CanonicalRecord;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The product targets on data with 20% duplicates and every error type: F1 >= 0.98, reviews < 2% of records. */
class SyntheticEvaluationTest {

  @Test
  void meetsTheQualityTargetsOnSyntheticCustomers() {
    MatchingConfig cfg = MatchingConfig.load(Path.of("conf/matching.json"));
    List<SyntheticCustomers.Labeled> data = new SyntheticCustomers(7).generate(20_000, 0.2);
    List<CanonicalRecord> records = data.stream().map(SyntheticCustomers.Labeled::record).toList();
    List<String> entities = data.stream().map(SyntheticCustomers.Labeled::entity).toList();
    MatchEvaluation.Result r = MatchEvaluation.run(records, entities, cfg);
    System.out.println("synthetic: " + r);
    System.out.println(r.model().toJson());
    System.out.println(r.model().note());
    r.errors().stream().limit(25).forEach(System.out::println);
    assertTrue(r.f1() >= 0.98, "F1 " + r.f1());
    assertTrue(r.reviewShare() < 0.02, "review share " + r.reviewShare());
  }
}

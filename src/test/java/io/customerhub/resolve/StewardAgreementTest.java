package io.customerhub.resolve;

import io.customerhub.record.Kind;
import io.customerhub.record.SourceKey;
import io.customerhub.resolve.match.Band;
import io.customerhub.resolve.match.PairScore;
import io.customerhub.resolve.standardize.StandardRecord;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Stewards' decisions against a model's bands, with a scorer the test makes up: each pair's band by its id. */
class StewardAgreementTest {

  private static StewardAgreement.Decided pair(long id, boolean merged) {
    return pair(id, merged, null);
  }

  private static StewardAgreement.Decided pair(long id, boolean merged, String guard) {
    SourceKey l = new SourceKey("crm", "L" + id), r = new SourceKey("erp", "R" + id);
    return new StewardAgreement.Decided(id, merged, l, record(l), r, record(r), guard);
  }

  /** The record carries the pair's id in its key, so that the scorer below knows which pair it scores. */
  private static StandardRecord record(SourceKey key) {
    return new StandardRecord(key, Kind.PERSON, List.of(), List.of(), null, null);
  }

  /** Bands and probabilities by pair id: 1 MERGE .99, 2 REVIEW .7, 3 APART .01, 4 MERGE .9, 5 APART .2. */
  private static PairScore score(StandardRecord a, StandardRecord b) {
    int id = Integer.parseInt(a.key().sourceId().substring(1));
    Band band = switch (id) {
      case 1, 4 -> Band.MERGE;
      case 2 -> Band.REVIEW;
      default -> Band.APART;
    };
    double p = Map.of(1, .99, 2, .7, 3, .01, 4, .9, 5, .2).get(id);
    return new PairScore(0, p, band, List.of(), "test");
  }

  @Test
  void eachDecisionIsCountedByTheBandTheModelGivesIt() {
    StewardAgreement a = StewardAgreement.of(List.of(pair(1, true), pair(2, true), pair(3, true), pair(4, false),
        pair(5, false)), StewardAgreementTest::score);

    assertEquals(5, a.pairs());
    assertEquals(Map.of(Band.MERGE, 1, Band.REVIEW, 1, Band.APART, 1), a.merged());
    assertEquals(Map.of(Band.MERGE, 1, Band.REVIEW, 0, Band.APART, 1), a.keptApart());
    assertEquals(2, a.agreeing(), "1 merged and merged, 5 kept apart and apart");
    assertEquals(1, a.unsure());
    assertEquals(List.of(3L, 4L), a.disagreements().stream().map(StewardAgreement.Disagreement::reviewId).toList(),
        "3 (merged, the model 0.01) is more sure than 4 (kept apart, the model 0.9)");
  }

  @Test
  void noDecisionsNoFigures() {
    StewardAgreement a = StewardAgreement.of(List.of(), StewardAgreementTest::score);
    assertEquals(0, a.pairs());
    assertEquals(0, a.agreeing());
    assertEquals(0, a.unsure());
    assertEquals(List.of(), a.disagreements());
  }

  @Test
  void disagreementsStopAtTwentyMostConfidentFirst() {
    List<StewardAgreement.Decided> many = new ArrayList<>();
    for (int i = 0; i < 30; i++) many.add(pair(3, true));
    StewardAgreement a = StewardAgreement.of(many, StewardAgreementTest::score);
    assertEquals(30, a.merged().get(Band.APART));
    assertEquals(StewardAgreement.EXAMPLES, a.disagreements().size());
  }

  @Test
  void aPairTheGuardSentToReviewAndAStewardKeptApartIsUnsureNotAgainst() {
    StewardAgreement a = StewardAgreement.of(List.of(pair(4, false, "conflicting national ids"), pair(4, false),
        pair(1, true, "conflicting birth dates"), pair(5, false, "conflicting national ids")),
        StewardAgreementTest::score);

    assertEquals(Map.of(Band.MERGE, 2, Band.REVIEW, 0, Band.APART, 1), a.keptApart(), "the model's bands as they are");
    assertEquals(1, a.guarded(), "4 kept apart after the guard stopped its merge");
    assertEquals(1, a.unsure());
    assertEquals(2, a.agreeing(), "1 merged (guarded or not, the model merges it), 5 kept apart and apart");
    assertEquals(List.of(4L), a.disagreements().stream().map(StewardAgreement.Disagreement::reviewId).toList(),
        "only the 4 that no guard stopped: the model alone sent it to review, and would now merge it");
  }
}

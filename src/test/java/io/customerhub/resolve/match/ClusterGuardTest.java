package io.customerhub.resolve.match;

import io.customerhub.resolve.standardize.StandardRecord;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.customerhub.resolve.match.Fixtures.org;
import static io.customerhub.resolve.match.Fixtures.person;
import static io.customerhub.resolve.match.Fixtures.weiZhang;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClusterGuardTest {

  private final ClusterGuard guard = new ClusterGuard(MatchingConfig.defaults());

  @Test
  void consistentClustersMayMerge() {
    List<StandardRecord> a = List.of(weiZhang("a1"), weiZhang("a2"));
    StandardRecord typo = person("b", "Wei", "Zhang", "1990-03-08", "110101199003070017", null, null, null, null);
    assertEquals(Optional.empty(), guard.check(a, List.of(typo)));
  }

  /**
   * Two clusters of several records that only one pair across joins go to review: namesakes meet through the one
   * record of either that a typo made alike. A second pair that is at least REVIEW lets them join, and a cluster of
   * one record is judged by its own pair's score.
   */
  @Test
  void clustersOfSeveralRecordsNeedASecondPairAcross() {
    MatchModel model = MatchModel.defaults();
    ClusterGuard guard = new ClusterGuard(MatchingConfig.defaults(), model,
        new PairScorer(model, TermFrequencies.none(), MatchingConfig.defaults()));
    StandardRecord mary = person("m", "Mary", "Smith", "1990-03-07", null, "mary.smith@example.org", null, null, null);
    StandardRecord john = person("j", "John", "Brown", "1990-03-07", null, "john.brown@example.org", null, null, null);
    List<StandardRecord> a = List.of(weiZhang("a1"), mary);
    assertEquals(Optional.of("clusters of several records that one pair alone joins"),
        guard.check(a, List.of(weiZhang("b1"), john)));
    assertEquals(Optional.empty(), guard.check(a, List.of(weiZhang("b1"), weiZhang("b2"))), "two pairs across");
    assertEquals(Optional.empty(), guard.check(a, List.of(weiZhang("b1"))), "one record: its own pair decides");
    assertEquals(Optional.empty(), new ClusterGuard(MatchingConfig.defaults(), model).check(a,
        List.of(weiZhang("b1"), john)), "without a scorer, no second pair is asked for");
  }

  /** A record without a suffix matches both a father's and his son's: it must not chain them into one profile. */
  @Test
  void clustersOfTwoGenerationsOfOneNameDoNotJoin() {
    StandardRecord senior = person("s", "John", "Smith Sr", null, null, null, "+1 206 473 1762", "12 Oak St", "27601");
    StandardRecord junior = person("j", "John", "Smith Jr", null, null, null, "+1 206 473 1762", "12 Oak St", "27601");
    StandardRecord unsaid = person("u", "John", "Smith", null, null, null, "+1 206 473 1762", "12 Oak St", "27601");
    assertEquals(Optional.of("conflicting generations (Jr and Sr)"),
        guard.check(List.of(senior, unsaid), List.of(junior)));
    StandardRecord juniorAgain = person("k", "John Jr.", "Smith", null, null, null, null, "12 Oak St", "27601");
    assertEquals(Optional.empty(), guard.check(List.of(junior, unsaid), List.of(juniorAgain)), "one generation");
    assertEquals(Optional.empty(), guard.check(List.of(senior), List.of(unsaid)), "one side names none");
  }

  @Test
  void clearlyDifferentNationalIdsAcrossClustersGoToReview() {
    List<StandardRecord> a = List.of(weiZhang("a1"), weiZhang("a2"));
    StandardRecord father = person("b", "Wei", "Zhang", "1962-08-01", "110101196208010034", null,
        "+86 138 0013 8000", null, null);
    assertEquals(Optional.of("conflicting national ids"), guard.check(a, List.of(father)));
  }

  @Test
  void conflictingBirthDatesGoToReviewUnlessANationalIdIsShared() {
    List<StandardRecord> a = List.of(weiZhang("a1"), weiZhang("a2"));
    StandardRecord noId = person("b", "Wei", "Zhang", "1962-08-01", null, "wei.zhang@example.com", null, null, null);
    StandardRecord sameId = person("c", "Wei", "Zhang", "1962-08-01", "110101199003070011", null, null, null, null);
    assertEquals(Optional.of("conflicting birth dates"), guard.check(a, List.of(noId)));
    assertEquals(Optional.empty(), guard.check(a, List.of(sameId)));
  }

  @Test
  void birthDatesLessThanAYearApartAreATypoNotAConflict() {
    List<StandardRecord> a = List.of(weiZhang("a1"), weiZhang("a2"));
    StandardRecord months = person("b", "Wei", "Zhang", "1989-11-20", null, "wei.zhang@example.com", null, null, null);
    StandardRecord overAYear = person("c", "Wei", "Zhang", "1991-04-07", null, "wei.zhang@example.com", null, null, null);
    StandardRecord impossible = person("d", "Wei", "Zhang", "1990-13-45", null, "wei.zhang@example.com", null, null, null);
    assertEquals(Optional.empty(), guard.check(a, List.of(months)));
    assertEquals(Optional.of("conflicting birth dates"), guard.check(a, List.of(overAYear)));
    assertDoesNotThrow(() -> guard.check(a, List.of(impossible)));
  }

  /**
   * Where the data shows duplicates often carrying another birth date (FEBRL replaces the date of one duplicate in
   * twenty), the learned model says so, and a conflict is no reason to stop a merge the pair scores made; where
   * they rarely do, it still is.
   */
  @Test
  void whetherBirthDatesDecideIsLearnedFromTheData() {
    List<StandardRecord> a = List.of(weiZhang("a1"), weiZhang("a2"));
    StandardRecord typedAnother = person("b", "Wei", "Zhang", "1962-08-01", null, "wei.zhang@example.com", null, null,
        null);
    ClusterGuard datesOftenWrong = new ClusterGuard(MatchingConfig.defaults(), learned(0.05));
    ClusterGuard datesReliable = new ClusterGuard(MatchingConfig.defaults(), learned(0.0007));
    assertEquals(Optional.empty(), datesOftenWrong.check(a, List.of(typedAnother)));
    assertEquals(Optional.of("conflicting birth dates"), datesReliable.check(a, List.of(typedAnother)));
    assertTrue(MatchModel.defaults().isDefaults() && !learned(0.05).isDefaults());
  }

  /**
   * The year of one duplicate replaced (1990-03-07 and 1988-03-07): where the learned model weighs two of year,
   * month and day the same as evidence for a match, those dates agree; with the defaults, or where such dates are
   * no likelier among duplicates than among strangers, they conflict as before.
   */
  @Test
  void twoDatePartsTheSameAgreeWhereTheModelLearnedThemAsEvidence() {
    List<StandardRecord> a = List.of(weiZhang("a1"), weiZhang("a2"));
    StandardRecord yearReplaced = person("b", "Wei", "Zhang", "1988-03-07", null, "wei.zhang@example.com", null, null,
        null);
    assertEquals(Optional.of("conflicting birth dates"), guard.check(a, List.of(yearReplaced)), "defaults");
    assertEquals(Optional.empty(),
        new ClusterGuard(MatchingConfig.defaults(), twoParts(0.02, 0.0025)).check(a, List.of(yearReplaced)));
    assertEquals(Optional.of("conflicting birth dates"),
        new ClusterGuard(MatchingConfig.defaults(), twoParts(0.003, 0.0025)).check(a, List.of(yearReplaced)));
  }

  /** Learned-looking parameters (clearly different dates decisive) with these m and u of TWO_PARTS. */
  private static MatchModel twoParts(double m, double u) {
    MatchModel base = learned(0.0007);
    double[][] ms = base.mCopy();
    double[][] us = base.uCopy();
    int twoParts = Field.BIRTH_DATE.levels().indexOf("TWO_PARTS");
    ms[Field.BIRTH_DATE.ordinal()][0] += ms[Field.BIRTH_DATE.ordinal()][twoParts] - m;
    ms[Field.BIRTH_DATE.ordinal()][twoParts] = m;
    us[Field.BIRTH_DATE.ordinal()][Field.BIRTH_DATE.different()] += us[Field.BIRTH_DATE.ordinal()][twoParts] - u;
    us[Field.BIRTH_DATE.ordinal()][twoParts] = u;
    return new MatchModel(1e-4, ms, us, "em test");
  }

  /** The default parameters, as if learned, with this share of duplicates carrying a clearly different birth date. */
  private static MatchModel learned(double differentDates) {
    MatchModel d = MatchModel.defaults();
    double[][] m = d.mCopy();
    double[] dates = m[Field.BIRTH_DATE.ordinal()];
    dates[0] += dates[Field.BIRTH_DATE.different()] - differentDates;
    dates[Field.BIRTH_DATE.different()] = differentDates;
    return new MatchModel(1e-4, m, d.uCopy(), "em test");
  }

  @Test
  void twoSingleRecordsAreLeftToTheirPairScore() {
    StandardRecord b = person("b", "Wei", "Zhang", "1962-08-01", "440101198512120022", null, null, null, null);
    assertEquals(Optional.empty(), guard.check(List.of(weiZhang("a")), List.of(b)));
  }

  @Test
  void sizeLimitAndKindsAreEnforced() {
    List<StandardRecord> big = new ArrayList<>();
    for (int i = 0; i < 199; i++) big.add(weiZhang("a" + i));
    assertEquals(Optional.empty(), guard.check(big, List.of(weiZhang("b"))), "a repeat customer's 200 records");
    big.add(weiZhang("a199"));
    assertTrue(guard.check(big, List.of(weiZhang("b"))).orElseThrow().contains("exceeds the limit of 200"));
    assertEquals(Optional.of("person and organization"),
        guard.check(List.of(weiZhang("a")), List.of(org("o", "Acme", null, null, null, null))));
  }
}

package io.customerhub.resolve.match;

import io.customerhub.resolve.standardize.StandardRecord;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The last check before two clusters are joined by a MERGE pair. Pairwise scores are local: A~B and B~C
 * can chain two people into one profile through a shared household phone. The guard looks at the clusters
 * as wholes and sends a merge to REVIEW when they would hold a national or tax id, or a birth date, that
 * agrees with nothing on the other side (dates only count when no national id is shared, and dates less
 * than a year apart agree: that is how mistyped dates look, not how two relatives' dates do), or when the
 * result would exceed the size limit, or when they would hold two generations of one name (Jr and Sr). Two single
 * records pass: their own pair score weighed every field.
 * Whether a conflict of ids or of birth dates stops a merge is learned: where the data shows duplicates often
 * carrying another value, a conflict is one more field the pair scores already weighed, not a reason to stop.
 * Two clusters of several records each join only where a second pair across them is at least a REVIEW pair: one
 * customer's records, written apart, agree in more than one place, while two namesakes' clusters meet through the
 * one record of either that a typo made alike (Ivy Taylor, 1980-03-02, and Ivy of 1989-03-02, both in London).
 */
public final class ClusterGuard {

  private static final int TWO_PARTS = Field.BIRTH_DATE.levelIndex("TWO_PARTS");
  /** Bits for a match from which TWO_PARTS counts as agreeing dates: duplicates carry such dates twice as often. */
  private static final double TWO_PARTS_EVIDENCE = 1.0;

  private final int maxClusterSize;
  private final MatchModel model;
  /** Scores the pairs across two clusters; null: a join needs no second pair. */
  private final PairScorer scorer;

  public ClusterGuard(MatchingConfig cfg) {
    this(cfg, MatchModel.defaults());
  }

  /** The model tells whether ids are reliable enough in this data for a conflict to matter. */
  public ClusterGuard(MatchingConfig cfg, MatchModel model) {
    this(cfg, model, null);
  }

  /** As above, and {@code scorer} scores the pairs across two clusters of several records for a second pair. */
  public ClusterGuard(MatchingConfig cfg, MatchModel model, PairScorer scorer) {
    this.maxClusterSize = cfg.maxClusterSize();
    this.model = model;
    this.scorer = scorer;
  }

  /** Empty when the merge may go ahead; otherwise why it needs a steward. */
  public Optional<String> check(List<StandardRecord> clusterA, List<StandardRecord> clusterB) {
    int size = clusterA.size() + clusterB.size();
    if (size > maxClusterSize) return Optional.of("cluster of " + size + " records exceeds the limit of " + maxClusterSize);
    for (StandardRecord a : clusterA) {
      for (StandardRecord b : clusterB) {
        if (!Comparisons.comparableKinds(a.kind(), b.kind())) return Optional.of("person and organization");
      }
    }
    // two single records: their own pair score already weighed every field
    if (clusterA.size() == 1 && clusterB.size() == 1) return Optional.empty();
    if (model.conflictIsDecisive(Field.NATIONAL_ID) && disjoint(clusterA, clusterB, StandardRecord::nationalId)) {
      return Optional.of("conflicting national ids");
    }
    if (model.conflictIsDecisive(Field.TAX_ID) && disjoint(clusterA, clusterB, StandardRecord::taxId)) {
      return Optional.of("conflicting tax ids");
    }
    if (model.birthDatesDecide() && birthDatesConflict(clusterA, clusterB) && !shareNationalId(clusterA, clusterB)) {
      return Optional.of("conflicting birth dates");
    }
    if (generationsConflict(clusterA, clusterB)) return Optional.of("conflicting generations (Jr and Sr)");
    if (scorer != null && clusterA.size() > 1 && clusterB.size() > 1 && !secondPair(clusterA, clusterB)) {
      return Optional.of("clusters of several records that one pair alone joins");
    }
    return Optional.empty();
  }

  /**
   * At least two pairs across the clusters score REVIEW or MERGE: the one that proposes the join, and another. At
   * most {@code maxClusterSize}²/4 scores (two halves of the largest cluster allowed), and the first two found end it.
   */
  private boolean secondPair(List<StandardRecord> xs, List<StandardRecord> ys) {
    int pairs = 0;
    for (StandardRecord x : xs) {
      for (StandardRecord y : ys) {
        if (scorer.score(x, y).band() != Band.APART && ++pairs == 2) return true;
      }
    }
    return false;
  }

  /** Both sides have ids and not one id of either side is within two edits of one on the other side. */
  private static boolean disjoint(List<StandardRecord> xs, List<StandardRecord> ys,
                                  Function<StandardRecord, String> id) {
    boolean anyX = false;
    boolean anyY = false;
    for (StandardRecord x : xs) {
      String a = id.apply(x);
      if (a == null) continue;
      anyX = true;
      for (StandardRecord y : ys) {
        String b = id.apply(y);
        if (b == null) continue;
        anyY = true;
        if (Comparisons.identifier(a, b) < 3) return false;
      }
    }
    return anyX && anyY;
  }

  /**
   * Both sides name a generation (Jr, Sr, III) and none on one side is named on the other: a record without a
   * suffix must not chain a father's records to his son's.
   */
  private static boolean generationsConflict(List<StandardRecord> xs, List<StandardRecord> ys) {
    boolean anyX = false;
    for (StandardRecord x : xs) {
      if (x.generation() == null) continue;
      anyX = true;
      for (StandardRecord y : ys) if (x.generation().equals(y.generation())) return false;
    }
    return anyX && ys.stream().anyMatch(y -> y.generation() != null);
  }

  /** Households share phones, e-mails and addresses, not national ids: a shared one outweighs a date typo. */
  private static boolean shareNationalId(List<StandardRecord> xs, List<StandardRecord> ys) {
    for (StandardRecord x : xs) {
      if (x.nationalId() == null) continue;
      for (StandardRecord y : ys) if (x.nationalId().equals(y.nationalId())) return true;
    }
    return false;
  }

  /**
   * Both sides have full birth dates and none agrees with one on the other side: not exact, swapped, one
   * digit off, nor less than a year apart; nor two of year, month and day the same where the model learned
   * that duplicates carry such dates far more often than strangers do (a source that replaces the year of one
   * duplicate in ten: 1931-01-11 and 1929-01-11 then weigh for the merge, and are no conflict either).
   */
  private boolean birthDatesConflict(List<StandardRecord> xs, List<StandardRecord> ys) {
    boolean twoPartsAgree = !model.isDefaults() && model.weight(Field.BIRTH_DATE, TWO_PARTS) >= TWO_PARTS_EVIDENCE;
    boolean compared = false;
    for (StandardRecord x : xs) {
      if (x.birthDay() == 0) continue;
      for (StandardRecord y : ys) {
        if (y.birthDay() == 0) continue;
        compared = true;
        int level = Comparisons.birthDate(x, y);
        if (level <= 2 || Comparisons.withinAYear(x, y) || (twoPartsAgree && level == TWO_PARTS)) return false;
      }
    }
    return compared;
  }
}

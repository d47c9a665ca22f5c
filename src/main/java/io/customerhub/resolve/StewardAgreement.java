package io.customerhub.resolve;

import io.customerhub.record.SourceKey;
import io.customerhub.resolve.match.Band;
import io.customerhub.resolve.match.PairScore;
import io.customerhub.resolve.standardize.StandardRecord;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * How a match model agrees with what stewards decided: the review pairs they merged and kept apart, each scored
 * again by the model alone (the pair's own score, as {@code POST /match} answers it). Stewards' decisions are
 * labels nobody had to make for the purpose, so this is the measure of a model on the hub's own customers that
 * needs no ground truth: a model that would merge many pairs stewards kept apart, or keep apart many they merged,
 * is one to retrain or to replace by an earlier version. Pure.
 * A pair the cluster guard sent to review (its profiles held conflicting ids or birth dates) that the steward kept
 * apart and the model puts in MERGE is unsure, not against: the guard judged it, as it would again while the two
 * profiles conflict so, and the hub as a whole did what the steward did. Counted against, such pairs made every
 * model look worse the better its guard worked.
 *
 * @param pairs         the decided pairs scored
 * @param merged        the pairs stewards merged, by the band the model gives them
 * @param keptApart     the pairs stewards kept apart, by the band the model gives them
 * @param guarded       of {@code keptApart}'s MERGE, those the cluster guard had sent to review
 * @param disagreements the pairs where the model says the opposite of the steward (a merged pair APART, a pair kept
 *                      apart MERGE that no guard stopped), the most confident first, at most {@link #EXAMPLES}
 */
public record StewardAgreement(int pairs, Map<Band, Integer> merged, Map<Band, Integer> keptApart, int guarded,
                               List<Disagreement> disagreements) {

  static final int EXAMPLES = 20;

  /**
   * A pair a steward decided ({@code merged}: merged, else kept apart), with both records as stored now; {@code
   * guard}: why the cluster guard sent it to review, null when the pair's own score did.
   */
  public record Decided(long reviewId, boolean merged, SourceKey left, StandardRecord leftRecord, SourceKey right,
                        StandardRecord rightRecord, String guard) {
  }

  public record Disagreement(long reviewId, boolean merged, SourceKey left, SourceKey right, Band band,
                             double probability) {
  }

  /** The pairs the model puts in the band the steward chose: MERGE for a merge, APART for a keep-apart. */
  public int agreeing() {
    return merged.get(Band.MERGE) + keptApart.get(Band.APART);
  }

  /** The pairs the hub would send to review again: by their score, or by the guard that sent them. */
  public int unsure() {
    return merged.get(Band.REVIEW) + keptApart.get(Band.REVIEW) + guarded;
  }

  static StewardAgreement of(List<Decided> decided, BiFunction<StandardRecord, StandardRecord, PairScore> score) {
    Map<Band, Integer> merged = zeros(), keptApart = zeros();
    List<Disagreement> against = new ArrayList<>();
    int guarded = 0;
    for (Decided d : decided) {
      PairScore s = score.apply(d.leftRecord(), d.rightRecord());
      (d.merged() ? merged : keptApart).merge(s.band(), 1, Integer::sum);
      if (!d.merged() && s.band() == Band.MERGE && d.guard() != null) {
        guarded++;
      } else if (s.band() == (d.merged() ? Band.APART : Band.MERGE)) {
        against.add(new Disagreement(d.reviewId(), d.merged(), d.left(), d.right(), s.band(), s.probability()));
      }
    }
    // the most confident first: a merged pair the model finds least likely, a kept-apart one it finds most likely
    against.sort(Comparator.comparingDouble((Disagreement x) -> x.merged() ? x.probability() : 1 - x.probability())
        .thenComparingLong(Disagreement::reviewId));
    return new StewardAgreement(decided.size(), merged, keptApart, guarded,
        List.copyOf(against.subList(0, Math.min(EXAMPLES, against.size()))));
  }

  private static Map<Band, Integer> zeros() {
    Map<Band, Integer> m = new EnumMap<>(Band.class);
    for (Band b : Band.values()) m.put(b, 0);
    return m;
  }
}

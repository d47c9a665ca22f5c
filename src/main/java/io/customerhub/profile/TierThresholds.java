package io.customerhub.profile;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The effective minimum 12-month value per tier for the current population: the larger of the percentile
 * cut-off and the rule's floor. Percentiles need every profile's value, which only the caller has (e.g. the
 * stored 12-month value at each rule's cut-off rank among active profiles); it computes thresholds once per batch
 * or on a schedule and passes them into {@link ProfileAssembler#assemble}.
 */
public record TierThresholds(List<Cutoff> cutoffs, String fallback, String noOrders) {

  /** Reaching {@code minValue12m} (and having ordered) gives {@code tier}. */
  public record Cutoff(String tier, BigDecimal minValue12m) {
  }

  public TierThresholds {
    cutoffs = List.copyOf(cutoffs);
  }

  /** No population known yet: only the absolute floors apply. */
  public static TierThresholds floorsOnly(TierRules rules) {
    return fromQuantiles(rules, Map.of());
  }

  /**
   * From the population's value at each rule's cut-off rank ({@link TierRules.Rule#topCount}), keyed by tier name;
   * a tier missing from the map uses its floor only.
   */
  public static TierThresholds fromQuantiles(TierRules rules, Map<String, ? extends Number> valueAtCutoff) {
    List<Cutoff> cutoffs = new ArrayList<>();
    for (TierRules.Rule r : rules.rules()) {
      Number q = valueAtCutoff.get(r.tier());
      BigDecimal percentile = q == null ? BigDecimal.ZERO : new BigDecimal(q.toString());
      cutoffs.add(new Cutoff(r.tier(), percentile.max(r.minValue12m())));
    }
    return new TierThresholds(cutoffs, rules.fallback(), rules.noOrders());
  }

  /**
   * From every profile's 12-month value, sorted ascending. "Top p%" means the ceil(p% · n) highest values, so
   * the cut-off is the value at index n − ceil(p% · n); ties at the cut-off all make the tier.
   */
  public static TierThresholds fromSorted(TierRules rules, double[] sortedAscending) {
    int n = sortedAscending.length;
    Map<String, Double> values = new java.util.HashMap<>();
    if (n > 0) {
      for (TierRules.Rule r : rules.rules()) values.put(r.tier(), sortedAscending[n - r.topCount(n)]);
    }
    return fromQuantiles(rules, values);
  }

  /** The tier of a profile with these order aggregates. */
  public String tierFor(OrderAggregates orders) {
    if (orders.orderCount() == 0) return noOrders;
    for (Cutoff c : cutoffs) {
      if (orders.value12m().signum() > 0 && orders.value12m().compareTo(c.minValue12m()) >= 0) return c.tier();
    }
    return fallback;
  }
}

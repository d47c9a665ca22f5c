package io.customerhub.profile;

import java.math.BigDecimal;
import java.util.List;

/**
 * Value tier rules (conf/profile.json {@code tiers}), best tier first. A profile reaches a tier when its
 * trailing 12-month value is within the top {@code topPercent} of the population AND at least
 * {@code minValue12m}; the floor keeps tiny or young populations sensible (the only customer of a new hub is not
 * platinum for buying one pencil). Profiles with orders that reach no rule get {@code fallback}, profiles
 * without any order {@code noOrders}.
 */
public record TierRules(List<Rule> rules, String fallback, String noOrders) {

  public record Rule(String tier, double topPercent, BigDecimal minValue12m) {
    public Rule {
      if (tier == null || tier.isBlank()) throw new IllegalArgumentException("tier rule without tier name");
      if (topPercent <= 0 || topPercent > 100) throw new IllegalArgumentException(
          "tier " + tier + ": topPercent must be in (0, 100], got " + topPercent);
      if (minValue12m == null) minValue12m = BigDecimal.ZERO;
    }

    /** The population quantile (0..1) whose value is this rule's percentile cut-off, e.g. 0.8 for top 20%. */
    public double quantile() {
      return 1.0 - topPercent / 100.0;
    }
  }

  public TierRules {
    rules = rules == null ? defaultRules() : List.copyOf(rules);
    if (fallback == null) fallback = "standard";
    if (noOrders == null) noOrders = "none";
  }

  public static TierRules defaults() {
    return new TierRules(null, null, null);
  }

  private static List<Rule> defaultRules() {
    return List.of(new Rule("platinum", 20, new BigDecimal("5000")), new Rule("gold", 50, new BigDecimal("1000")),
        new Rule("silver", 80, new BigDecimal("100")));
  }
}

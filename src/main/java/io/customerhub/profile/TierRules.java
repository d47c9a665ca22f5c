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

    /**
     * How many of {@code n} customers make the top {@code topPercent}: ceil(p% · n), at least one, so the value of
     * the customer at that rank (1 = highest) is this rule's cut-off. Computed here, not by PostgreSQL's
     * {@code percentile_disc}, whose cut-off let one customer too many in whenever p% · n is a whole number.
     */
    public int topCount(long n) {
      return (int) Math.max(1, Math.min(n, (long) Math.ceil(topPercent / 100.0 * n - 1e-9)));
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

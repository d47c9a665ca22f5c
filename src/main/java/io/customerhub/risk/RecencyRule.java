package io.customerhub.risk;

import io.customerhub.profile.OrderAggregates;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Fires on the age of the first or last order: {@code olderThanDays} (e.g. dormant: last order over a year
 * ago) or {@code withinDays} (e.g. new customer: first order in the last 90 days). Profiles that never ordered
 * have no such date and never fire, so a prospect is neither dormant nor new.
 */
public record RecencyRule(String code, String severity, String field, Integer olderThanDays, Integer withinDays)
    implements RiskRule {

  private static final Set<String> FIELDS = Set.of("firstOrderAt", "lastOrderAt");

  public RecencyRule {
    if (!FIELDS.contains(field)) throw new IllegalArgumentException(code + ": recency field must be one of " + FIELDS);
    if ((olderThanDays == null) == (withinDays == null)) {
      throw new IllegalArgumentException(code + ": recency needs exactly one of olderThanDays, withinDays");
    }
  }

  @Override
  public List<RiskEvidence> evaluate(RiskContext context) {
    OrderAggregates a = context.aggregates();
    Instant at = field.equals("firstOrderAt") ? a.firstOrderAt() : a.lastOrderAt();
    if (at == null) return List.of();
    long days = Duration.between(at, context.now()).toDays();
    boolean fires = olderThanDays != null ? days > olderThanDays : days <= withinDays;
    return fires ? List.of(new RiskEvidence(null, "orders." + field, at.toString())) : List.of();
  }
}

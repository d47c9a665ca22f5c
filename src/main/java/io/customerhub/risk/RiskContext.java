package io.customerhub.risk;

import io.customerhub.profile.AttributeLineage;
import io.customerhub.profile.Golden;
import io.customerhub.profile.Lineage;
import io.customerhub.profile.OrderAggregates;
import io.customerhub.profile.OrderFact;
import io.customerhub.record.CanonicalRecord;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What risk rules look at: the live member records (for per-source attribute rules), the latest state of each
 * order, the aggregates, the per-attribute lineage (every candidate value, for conflicts, and the values a steward
 * set by hand) and the time.
 */
public record RiskContext(List<CanonicalRecord> members, List<OrderFact> orders, OrderAggregates aggregates,
                          Map<String, AttributeLineage> lineage, Instant now) {

  public RiskContext {
    members = members.stream().filter(r -> !r.deleted()).toList();
    orders = List.copyOf(orders);
  }

  /**
   * The own attributes a steward set by hand on the profile, by name without {@code attributes.}: the steward's
   * decision of the customer's true value, which rules read in place of what each record says.
   */
  public Map<String, Object> settledAttributes() {
    Map<String, Object> settled = new HashMap<>();
    lineage.forEach((name, l) -> {
      if (name.startsWith(Golden.ATTRIBUTE_PREFIX) && Lineage.OVERRIDE_RULE.equals(l.rule())) {
        settled.put(name.substring(Golden.ATTRIBUTE_PREFIX.length()), l.chosen());
      }
    });
    return settled;
  }
}

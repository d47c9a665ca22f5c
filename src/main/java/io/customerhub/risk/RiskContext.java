package io.customerhub.risk;

import io.customerhub.profile.AttributeLineage;
import io.customerhub.profile.OrderAggregates;
import io.customerhub.profile.OrderFact;
import io.customerhub.record.CanonicalRecord;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What risk rules look at: the live member records (for per-source attribute rules), the latest state of each
 * order, the aggregates, the per-attribute lineage (every candidate value, for conflicts) and the time.
 */
public record RiskContext(List<CanonicalRecord> members, List<OrderFact> orders, OrderAggregates aggregates,
                          Map<String, AttributeLineage> lineage, Instant now) {

  public RiskContext {
    members = members.stream().filter(r -> !r.deleted()).toList();
    orders = List.copyOf(orders);
  }
}

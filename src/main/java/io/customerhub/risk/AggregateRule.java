package io.customerhub.risk;

import io.customerhub.profile.OrderAggregates;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fires when one order aggregate of the profile compares to {@code value} as {@code op} says, e.g. lifetime
 * {@code returnRate gt 0.5} or {@code cancellations gte 10}. Evidence is the aggregate as {@code orders.<field>}.
 */
public record AggregateRule(String code, String severity, String field, Condition.Op op, Object value)
    implements RiskRule {

  static final Set<String> FIELDS = Set.of("orderCount", "keptOrders", "spend", "averageOrderValue", "value12m",
      "returns", "returnRate", "cancellations");

  public AggregateRule {
    if (!FIELDS.contains(field)) throw new IllegalArgumentException(code + ": unknown aggregate " + field
        + ", expected one of " + FIELDS);
    new Condition(field, op, value, null); // validates op and value at load time, not at first use
  }

  @Override
  public List<RiskEvidence> evaluate(RiskContext context) {
    Object actual = read(context.aggregates(), field);
    return new Condition(field, op, value, null).test(null, Map.of(field, actual))
        .map(e -> List.of(new RiskEvidence(null, "orders." + field, e.get(0).value())))
        .orElse(List.of());
  }

  private static Object read(OrderAggregates a, String field) {
    return switch (field) {
      case "orderCount" -> a.orderCount();
      case "keptOrders" -> a.keptOrders();
      case "spend" -> a.spend();
      case "averageOrderValue" -> a.averageOrderValue();
      case "value12m" -> a.value12m();
      case "returns" -> a.returns();
      case "returnRate" -> BigDecimal.valueOf(a.returnRate());
      case "cancellations" -> a.cancellations();
      default -> throw new IllegalStateException(field);
    };
  }
}

package io.customerhub.risk;

import io.customerhub.profile.OrderFact;
import io.customerhub.record.OrderStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Fires when, among the orders placed in the last {@code windowDays} (all orders when 0) that were not
 * cancelled, the share in one of {@code statuses} exceeds {@code threshold} and there are at least
 * {@code minOrders} of them, so that one return out of two orders is not yet a pattern. Evidence: the ratio and
 * every order that counted towards it.
 */
public record OrderRatioRule(String code, String severity, List<OrderStatus> statuses, int windowDays,
                             int minOrders, double threshold) implements RiskRule {

  public OrderRatioRule {
    if (statuses == null || statuses.isEmpty()) throw new IllegalArgumentException(code + ": order_ratio needs statuses");
    statuses = List.copyOf(statuses);
    if (windowDays < 0 || minOrders < 0) throw new IllegalArgumentException(code + ": negative window or minimum");
    if (threshold < 0 || threshold >= 1) { // a share is at most 1: a threshold of 1 or more never fires
      throw new IllegalArgumentException(code + ": threshold is a share of orders, from 0 up to 1, got " + threshold);
    }
  }

  @Override
  public List<RiskEvidence> evaluate(RiskContext context) {
    Instant from = windowDays == 0 ? Instant.MIN : context.now().minus(Duration.ofDays(windowDays));
    int considered = 0;
    List<RiskEvidence> hits = new ArrayList<>();
    for (OrderFact o : context.orders()) {
      if (o.status() == OrderStatus.CANCELLED || o.orderedAt() == null || !o.orderedAt().isAfter(from)
          || o.datedAhead(context.now())) {
        continue;
      }
      considered++;
      // an order may come without a status (every field but the key may be missing): it is none of the statuses
      if (o.status() != null && statuses.contains(o.status())) {
        hits.add(new RiskEvidence(o.key(), "status", o.status().wire()));
      }
    }
    if (considered == 0 || considered < minOrders) return List.of();
    double ratio = Math.round(10_000.0 * hits.size() / considered) / 10_000.0;
    if (ratio <= threshold) return List.of();
    List<RiskEvidence> evidence = new ArrayList<>();
    evidence.add(new RiskEvidence(null, "orders.ratio", ratio));
    evidence.add(new RiskEvidence(null, "orders.considered", considered));
    evidence.addAll(hits);
    return evidence;
  }
}

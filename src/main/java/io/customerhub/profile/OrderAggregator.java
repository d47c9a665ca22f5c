package io.customerhub.profile;

import io.customerhub.record.OrderStatus;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Computes {@link OrderAggregates} from the latest state of each order. The caller passes one fact per order
 * key, so a status change (delivered → returned) replaces the order's contribution instead of adding to it.
 */
public final class OrderAggregator {

  private final OrderRules rules;

  public OrderAggregator(OrderRules rules) {
    this.rules = rules;
  }

  public OrderAggregates aggregate(List<OrderFact> orders, Instant now) {
    if (orders.isEmpty()) return OrderAggregates.NONE;
    Instant windowStart = now.minus(Duration.ofDays(rules.valueWindowDays()));
    BigDecimal spend = BigDecimal.ZERO;
    BigDecimal value12m = BigDecimal.ZERO;
    int kept = 0, returns = 0, cancellations = 0, unpriced = 0;
    Instant first = null, last = null;
    TreeSet<String> channels = new TreeSet<>();
    TreeSet<String> currencies = new TreeSet<>();
    for (OrderFact o : orders) {
      if (o.status() == OrderStatus.CANCELLED) {
        cancellations++;
        continue;
      }
      // a date further ahead than any clock or zone explains is a typo (2062 for 2026): as the last order it hid
      // a dormant customer and gave the best recency for decades, as the first it kept them new as long
      if (o.orderedAt() != null && !o.datedAhead(now)) {
        first = first == null || o.orderedAt().isBefore(first) ? o.orderedAt() : first;
        last = last == null || o.orderedAt().isAfter(last) ? o.orderedAt() : last;
      }
      if (o.channel() != null && !o.channel().isBlank()) channels.add(o.channel().strip().toLowerCase(Locale.ROOT));
      boolean noCurrency = o.currency() == null || o.currency().isBlank();
      currencies.add(noCurrency ? rules.currency().base() : Currencies.code(o.currency())); // none: the base one
      if (o.status() == OrderStatus.RETURNED) {
        returns++;
        continue;
      }
      kept++;
      BigDecimal factor = rules.currency().factor(o.currency());
      if (factor == null || o.amount() == null) { // no rate, or no amount: a 0 would lower the average, a guess lie
        unpriced++;
        continue;
      }
      BigDecimal amount = o.amount().multiply(factor);
      spend = spend.add(amount);
      // an order dated a little after now was placed all the same (a source's clock ahead, a local time read as
      // UTC): it counts like one placed now, as it does for recency. One dated further ahead than any clock or
      // zone explains is a typo (2062 for 2026): counted, it would lift the 12-month value for decades
      if (o.orderedAt() != null && o.orderedAt().isAfter(windowStart) && !o.datedAhead(now)) {
        value12m = value12m.add(amount);
      }
    }
    int notCancelled = orders.size() - cancellations;
    double returnRate = notCancelled == 0 ? 0.0 : round4((double) returns / notCancelled);
    int priced = kept - unpriced;
    BigDecimal average = priced == 0 ? Money.ZERO : spend.divide(BigDecimal.valueOf(priced), 2, RoundingMode.HALF_UP);
    OrderAggregates.Rfm rfm = last == null ? null : rfm(last, kept, spend, now);
    return new OrderAggregates(orders.size(), kept, Money.of(spend), average, first, last, returns, returnRate,
        cancellations, List.copyOf(channels), List.copyOf(currencies), rfm, Money.of(value12m),
        rules.currency().base(), unpriced);
  }

  private OrderAggregates.Rfm rfm(Instant last, int kept, BigDecimal spend, Instant now) {
    long days = Math.max(0, Duration.between(last, now).toDays());
    List<Integer> r = rules.rfm().recencyDays();
    int recency = 1;
    for (int i = 0; i < r.size(); i++) {
      if (days <= r.get(i)) {
        recency = 5 - i;
        break;
      }
    }
    int frequency = 1 + (int) rules.rfm().frequency().stream().filter(t -> kept >= t).count();
    int monetary = 1 + (int) rules.rfm().monetary().stream().filter(t -> spend.doubleValue() >= t).count();
    return new OrderAggregates.Rfm(recency, frequency, monetary);
  }

  private static double round4(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }
}

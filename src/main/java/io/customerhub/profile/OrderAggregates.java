package io.customerhub.profile;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Order figures of one profile, computed from the latest state of each order. {@code orderCount} counts every
 * order; {@code keptOrders} those neither cancelled nor returned, which are the ones {@code spend},
 * {@code averageOrderValue} and {@code value12m} sum over. {@code returnRate} is returns over orders that were
 * not cancelled. First and last order ignore cancelled orders. {@code rfm} is null when nothing was ordered.
 * Money figures are in {@code valueCurrency} ({@link Currencies});
 * {@code unpricedOrders} are kept orders in a currency without a rate, counted but not in the money figures.
 */
public record OrderAggregates(int orderCount, int keptOrders, BigDecimal spend, BigDecimal averageOrderValue,
                              Instant firstOrderAt, Instant lastOrderAt, int returns, double returnRate,
                              int cancellations, List<String> channels, List<String> currencies, Rfm rfm,
                              BigDecimal value12m, String valueCurrency, int unpricedOrders) {

  /** Recency, frequency and monetary scores, 1 (worst) to 5 (best), thresholds from conf/profile.json. */
  public record Rfm(int recency, int frequency, int monetary) {
  }

  public static final OrderAggregates NONE = new OrderAggregates(0, 0, Money.ZERO, Money.ZERO, null, null, 0, 0.0,
      0, List.of(), List.of(), null, Money.ZERO, null, 0);

  public OrderAggregates {
    channels = channels == null ? List.of() : List.copyOf(channels);
    currencies = currencies == null ? List.of() : List.copyOf(currencies);
  }
}

package io.customerhub.profile;

import io.customerhub.record.OrderStatus;
import io.customerhub.record.SourceKey;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static io.customerhub.profile.Records.NOW;
import static io.customerhub.profile.Records.daysAgo;
import static io.customerhub.profile.Records.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class OrderAggregatorTest {

  private final OrderAggregator aggregator = new OrderAggregator(OrderRules.defaults());

  @Test
  void noOrdersGiveEmptyAggregates() {
    OrderAggregates a = aggregator.aggregate(List.of(), NOW);
    assertEquals(OrderAggregates.NONE, a);
    assertNull(a.rfm());
    assertNull(a.firstOrderAt());
  }

  @Test
  void spendExcludesCancelledAndReturnedOrders() {
    OrderAggregates a = aggregator.aggregate(List.of(
        order("O-1", 10, "100.00", OrderStatus.DELIVERED, "web"), order("O-2", 20, "50.50", OrderStatus.SHIPPED, "App"),
        order("O-3", 30, "70", OrderStatus.RETURNED, "store"), order("O-4", 5, "999", OrderStatus.CANCELLED, "web")),
        NOW);
    assertEquals(4, a.orderCount());
    assertEquals(2, a.keptOrders());
    assertEquals(new BigDecimal("150.50"), a.spend());
    assertEquals(new BigDecimal("75.25"), a.averageOrderValue());
    assertEquals(1, a.returns());
    assertEquals(0.3333, a.returnRate(), "returns over the 3 orders that were not cancelled");
    assertEquals(1, a.cancellations());
    assertEquals(daysAgo(30), a.firstOrderAt());
    assertEquals(daysAgo(10), a.lastOrderAt(), "the cancelled order 5 days ago is not the last order");
    assertEquals(List.of("app", "store", "web"), a.channels());
    assertEquals(new BigDecimal("150.50"), a.value12m());
  }

  @Test
  void deliveredThenReturnedReplacesTheOrderInsteadOfCountingTwice() {
    OrderFact delivered = order("O-1", 10, "200", OrderStatus.DELIVERED, "web");
    OrderFact other = order("O-2", 20, "100", OrderStatus.DELIVERED, "web");
    OrderAggregates before = aggregator.aggregate(List.of(delivered, other), NOW);
    assertEquals(new BigDecimal("300.00"), before.spend());
    OrderFact returned = new OrderFact(delivered.key(), delivered.orderedAt(), delivered.amount(), "CNY",
        OrderStatus.RETURNED, "web", NOW);
    OrderAggregates after = aggregator.aggregate(List.of(returned, other), NOW);
    assertEquals(2, after.orderCount());
    assertEquals(new BigDecimal("100.00"), after.spend());
    assertEquals(1, after.returns());
    assertEquals(0.5, after.returnRate());
    assertEquals(new BigDecimal("100.00"), after.value12m());
  }

  @Test
  void twelveMonthValueOnlyCountsTheTrailingWindow() {
    OrderAggregates a = aggregator.aggregate(List.of(order("O-1", 364, "10", OrderStatus.DELIVERED, "web"),
        order("O-2", 366, "1000", OrderStatus.DELIVERED, "web")), NOW);
    assertEquals(new BigDecimal("10.00"), a.value12m());
    assertEquals(new BigDecimal("1010.00"), a.spend());
  }

  /**
   * A source's clock a little ahead of the hub's, or a local time sent without its offset (read as UTC), dates an
   * order that was placed in the hub's future: it counts in the 12-month value like in spend, or a new platinum
   * customer stays standard until the next re-assessment.
   */
  @Test
  void anOrderDatedAheadOfTheHubsClockCountsInTheTwelveMonthValue() {
    OrderFact ahead = new OrderFact(new SourceKey("orders", "O-1"), NOW.plusSeconds(8 * 3600), new BigDecimal("6000"),
        "CNY", OrderStatus.PAID, "web", NOW);
    OrderAggregates a = aggregator.aggregate(List.of(ahead), NOW);
    assertEquals(new BigDecimal("6000.00"), a.spend());
    assertEquals(new BigDecimal("6000.00"), a.value12m());
  }

  @Test
  void anOrderDatedYearsAheadIsATypoAndStaysOutOfTheTwelveMonthValue() {
    OrderFact typo = new OrderFact(new SourceKey("orders", "O-1"), NOW.plus(java.time.Duration.ofDays(36 * 365)),
        new BigDecimal("6000"), "CNY", OrderStatus.PAID, "web", NOW);
    OrderAggregates a = aggregator.aggregate(List.of(typo), NOW);
    assertEquals(new BigDecimal("6000.00"), a.spend(), "the money was paid all the same");
    assertEquals(new BigDecimal("0.00"), a.value12m());
    assertNull(a.lastOrderAt(), "no date to trust: no first or last order, no recency");
    assertNull(a.rfm());

    OrderAggregates withOld = aggregator.aggregate(List.of(typo, order("O-2", 800, "10", OrderStatus.DELIVERED,
        "web")), NOW);
    assertEquals(daysAgo(800), withOld.lastOrderAt(), "the last order a clock can have seen");
    assertEquals(daysAgo(800), withOld.firstOrderAt());
    assertEquals(1, withOld.rfm().recency());
  }

  @Test
  void anOrderWithoutAnAmountIsUnpricedNotWorthNothing() {
    OrderAggregates a = aggregator.aggregate(List.of(order("O-1", 10, "100", OrderStatus.PAID, "web"),
        new OrderFact(new SourceKey("orders", "O-2"), daysAgo(20), null, "CNY", null, "web", NOW)), NOW);
    assertEquals(new BigDecimal("100.00"), a.averageOrderValue(), "not halved by an amount nobody gave");
    assertEquals(2, a.keptOrders(), "an order without a status was placed all the same");
    assertEquals(1, a.unpricedOrders());
  }

  @Test
  void amountsInOtherCurrenciesAreAddedAtTheirRatesAndOnesWithoutARateAreCountedOnly() {
    OrderAggregator yuan = new OrderAggregator(new OrderRules(365, null,
        new Currencies("CNY", java.util.Map.of("USD", new BigDecimal("7.10")))));
    OrderAggregates a = yuan.aggregate(List.of(
        new OrderFact(new SourceKey("orders", "O-1"), daysAgo(10), new BigDecimal("100"), "CNY", OrderStatus.PAID, "web", NOW),
        new OrderFact(new SourceKey("orders", "O-2"), daysAgo(20), new BigDecimal("10"), "usd", OrderStatus.PAID, "app", NOW),
        new OrderFact(new SourceKey("orders", "O-3"), daysAgo(30), new BigDecimal("500"), "XAF", OrderStatus.PAID, "web", NOW),
        new OrderFact(new SourceKey("orders", "O-4"), daysAgo(40), new BigDecimal("50"), null, OrderStatus.PAID, "web", NOW)),
        NOW);
    assertEquals(new BigDecimal("221.00"), a.spend(), "100 + 10 x 7.10 + 50 in the base currency; XAF has no rate");
    assertEquals(new BigDecimal("221.00"), a.value12m());
    assertEquals(new BigDecimal("73.67"), a.averageOrderValue(), "over the three orders with a worth");
    assertEquals(4, a.keptOrders(), "the unpriced order was kept all the same");
    assertEquals(1, a.unpricedOrders());
    assertEquals("CNY", a.valueCurrency());
    assertEquals(List.of("CNY", "USD", "XAF"), a.currencies());
  }

  @Test
  void rfmScoresFollowTheConfiguredThresholds() {
    OrderAggregates recentBig = aggregator.aggregate(List.of(order("O-1", 5, "6000", OrderStatus.DELIVERED, "web"),
        order("O-2", 50, "4000", OrderStatus.DELIVERED, "web")), NOW);
    assertEquals(new OrderAggregates.Rfm(5, 2, 5), recentBig.rfm());
    OrderAggregates oldSmall = aggregator.aggregate(List.of(order("O-1", 400, "20", OrderStatus.DELIVERED, "web")), NOW);
    assertEquals(new OrderAggregates.Rfm(1, 1, 1), oldSmall.rfm());
    OrderAggregates boundary = aggregator.aggregate(List.of(order("O-1", 90, "100", OrderStatus.DELIVERED, "web")), NOW);
    assertEquals(new OrderAggregates.Rfm(4, 1, 2), boundary.rfm(), "90 days is still within the second band");
  }
}

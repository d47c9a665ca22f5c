package io.customerhub.profile;

import io.customerhub.record.OrderStatus;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.customerhub.profile.Records.NOW;
import static io.customerhub.profile.Records.order;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TierThresholdsTest {

  private final TierRules rules = TierRules.defaults();
  private final OrderAggregator aggregator = new OrderAggregator(OrderRules.defaults());

  private OrderAggregates spent(String amount) {
    return aggregator.aggregate(List.of(order("O-1", 10, amount, OrderStatus.DELIVERED, "web")), NOW);
  }

  @Test
  void topTwentyPercentOfTheSortedPopulationIsPlatinum() {
    double[] values = IntStream.rangeClosed(1, 10).mapToDouble(i -> i * 10_000).toArray();
    TierThresholds t = TierThresholds.fromSorted(rules, values);
    assertEquals(new BigDecimal("90000.0"), t.cutoffs().get(0).minValue12m());
    assertEquals("platinum", t.tierFor(spent("90000")));
    assertEquals("gold", t.tierFor(spent("89999.99")), "just below the platinum cut-off");
    assertEquals("gold", t.tierFor(spent("60000")));
    assertEquals("silver", t.tierFor(spent("59999")));
    assertEquals("silver", t.tierFor(spent("30000")));
    assertEquals("standard", t.tierFor(spent("29999")));
  }

  @Test
  void floorsApplyWhenThePopulationIsTinyOrPoor() {
    TierThresholds one = TierThresholds.fromSorted(rules, new double[] {20});
    assertEquals("standard", one.tierFor(spent("20")), "the only customer is not platinum for 20");
    TierThresholds none = TierThresholds.floorsOnly(rules);
    assertEquals("platinum", none.tierFor(spent("5000")));
    assertEquals("gold", none.tierFor(spent("4999.99")));
    assertEquals("silver", none.tierFor(spent("100")));
    assertEquals("standard", none.tierFor(spent("99.99")));
  }

  @Test
  void quantilesComputedByTheCallerGiveTheSameCutoffs() {
    TierThresholds t = TierThresholds.fromQuantiles(rules, Map.of("platinum", 90000, "gold", 60000, "silver", 30000));
    assertEquals("platinum", t.tierFor(spent("90000")));
    assertEquals("gold", t.tierFor(spent("60000")));
    assertEquals(2, rules.rules().get(0).topCount(10), "the top 20% of ten customers");
    assertEquals(7, rules.rules().get(0).topCount(35));
  }

  @Test
  void noOrdersIsNoneAndOnlyCancelledOrdersIsTheFallback() {
    TierThresholds t = TierThresholds.floorsOnly(rules);
    assertEquals("none", t.tierFor(OrderAggregates.NONE));
    assertEquals("standard", t.tierFor(aggregator.aggregate(
        List.of(order("O-1", 10, "9000", OrderStatus.CANCELLED, "web")), NOW)));
  }

  @Test
  void theAssemblerUsesTheSuppliedPopulationThresholds() {
    java.util.concurrent.atomic.AtomicReference<TierThresholds> current =
        new java.util.concurrent.atomic.AtomicReference<>(TierThresholds.floorsOnly(rules));
    ProfileAssembler assembler = new ProfileAssembler(ProfileRules.defaults(), current::get);
    ProfileInput input = Records.input("p", List.of(), List.of(order("O-1", 10, "6000", OrderStatus.DELIVERED, "web")),
        null);
    assertEquals("platinum", assembler.assemble(input, NOW).tier(), "by the floor alone");
    current.set(TierThresholds.fromQuantiles(rules, Map.of("platinum", 20000, "gold", 5000)));
    assertEquals("gold", assembler.assemble(input, NOW).tier(), "richer population, same customer");
    assertEquals("platinum", assembler.assemble(input, TierThresholds.floorsOnly(rules), NOW).tier());
  }
}

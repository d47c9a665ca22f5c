package io.customerhub.risk;

import io.customerhub.profile.OrderFact;
import io.customerhub.profile.Profile;
import io.customerhub.profile.ProfileAssembler;
import io.customerhub.profile.ProfileInput;
import io.customerhub.record.CanonicalRecord;
import io.customerhub.record.OrderStatus;
import io.customerhub.record.SourceKey;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.customerhub.profile.Records.NOW;
import static io.customerhub.profile.Records.daysAgo;
import static io.customerhub.profile.Records.input;
import static io.customerhub.profile.Records.order;
import static io.customerhub.profile.Records.rec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each default rule raising with its evidence, and not raising just below its condition. */
class RiskRulesTest {

  private final ProfileAssembler assembler = new ProfileAssembler();

  private Profile assess(List<CanonicalRecord> members, List<OrderFact> orders) {
    return assembler.assemble(input("p1", members, orders, null), NOW);
  }

  /** The profile of {@code members} with the golden values a steward set by hand. */
  private Profile assessSetByHand(List<CanonicalRecord> members, Map<String, Object> overrides) {
    ProfileInput in = input("p1", members, List.of(), null);
    return assembler.assemble(new ProfileInput(in.profileId(), in.version(), in.createdAt(), in.members(), in.orders(),
        null, overrides), NOW);
  }

  private static RiskTag tag(Profile p, String code) {
    return p.riskTags().stream().filter(t -> t.code().equals(code)).findFirst()
        .orElseThrow(() -> new AssertionError(code + " not raised, tags: " + p.riskCodes()));
  }

  @Test
  void creditOverdueNeedsDaysAndAmountOnTheSameErpAccount() {
    CanonicalRecord overdue = rec("erp", "K-1", daysAgo(1)).org("ACME", "T1")
        .attr("overdueDays", 45).attr("overdueAmount", "1200.50").build();
    RiskTag t = tag(assess(List.of(overdue), List.of()), "CREDIT_OVERDUE");
    assertEquals("high", t.severity());
    assertEquals(List.of(new RiskEvidence(new SourceKey("erp", "K-1"), "overdueDays", 45),
        new RiskEvidence(new SourceKey("erp", "K-1"), "overdueAmount", "1200.50")), t.evidence());

    CanonicalRecord daysOnly = rec("erp", "K-2", daysAgo(1)).attr("overdueDays", 45).attr("overdueAmount", 0).build();
    CanonicalRecord amountOnly = rec("erp", "K-3", daysAgo(1)).attr("overdueDays", 10).attr("overdueAmount", 99).build();
    CanonicalRecord crm = rec("crm", "C-1", daysAgo(1)).attr("overdueDays", 99).attr("overdueAmount", 99).build();
    assertEquals(List.of(), assess(List.of(daysOnly, amountOnly, crm), List.of()).riskCodes());
  }

  @Test
  void creditLimitExceededComparesTwoAttributesOfOneRecord() {
    CanonicalRecord erp = rec("erp", "K-1", daysAgo(1)).attr("creditLimit", 5000).attr("openReceivables", 6200.5).build();
    RiskTag t = tag(assess(List.of(erp), List.of()), "CREDIT_LIMIT_EXCEEDED");
    assertEquals(List.of(new RiskEvidence(erp.key(), "openReceivables", 6200.5),
        new RiskEvidence(erp.key(), "creditLimit", 5000)), t.evidence());
    CanonicalRecord within = rec("erp", "K-2", daysAgo(1)).attr("creditLimit", 5000).attr("openReceivables", 5000).build();
    assertEquals(List.of(), assess(List.of(within), List.of()).riskCodes());
  }

  /**
   * A steward who set the credit limit by hand has decided the customer's true limit (raised after a review, or cut
   * after a default): the rule compares with it, not with what the account still says, and the evidence shows it as
   * the profile's value, from no record.
   */
  @Test
  void aCreditLimitAStewardSetByHandIsTheLimitTheRuleComparesWith() {
    CanonicalRecord over = rec("erp", "K-1", daysAgo(1)).attr("creditLimit", 5000).attr("openReceivables", 6200.5).build();
    assertEquals(List.of(), assessSetByHand(List.of(over), Map.of("attributes.creditLimit", 8000)).riskCodes(),
        "raised above the receivables: nothing exceeded");
    RiskTag t = tag(assessSetByHand(List.of(over), Map.of("attributes.creditLimit", "6000")), "CREDIT_LIMIT_EXCEEDED");
    assertEquals(List.of(new RiskEvidence(over.key(), "openReceivables", 6200.5),
        new RiskEvidence(null, "creditLimit", "6000")), t.evidence());

    CanonicalRecord within = rec("erp", "K-2", daysAgo(1)).attr("creditLimit", 5000).attr("openReceivables", 4000).build();
    CanonicalRecord noLimit = rec("erp", "K-3", daysAgo(1)).attr("openReceivables", 3500).build();
    RiskTag cut = tag(assessSetByHand(List.of(within, noLimit), Map.of("attributes.creditLimit", 3000)),
        "CREDIT_LIMIT_EXCEEDED");
    assertEquals(List.of(new RiskEvidence(within.key(), "openReceivables", 4000),
        new RiskEvidence(null, "creditLimit", 3000), new RiskEvidence(noLimit.key(), "openReceivables", 3500),
        new RiskEvidence(null, "creditLimit", 3000)), cut.evidence(),
        "cut below the receivables: exceeded on every account of the customer, one without a limit of its own too");
  }

  @Test
  void highReturnRateNeedsTheMinimumOrdersInsideTheWindow() {
    List<OrderFact> orders = new ArrayList<>(List.of(order("O-1", 10, "100", OrderStatus.RETURNED, "web"),
        order("O-2", 20, "100", OrderStatus.RETURNED, "web"), order("O-3", 30, "100", OrderStatus.DELIVERED, "web"),
        order("O-4", 40, "100", OrderStatus.DELIVERED, "web"), order("O-6", 60, "100", OrderStatus.CANCELLED, "web")));
    CanonicalRecord crm = rec("crm", "C-1", daysAgo(1)).build();
    assertEquals(List.of("NEW_CUSTOMER"), assess(List.of(crm), orders).riskCodes(),
        "2 returns of 4 is a high rate, but cancelled orders do not count and 5 orders are the minimum");
    orders.add(order("O-7", 70, "100", OrderStatus.DELIVERED, "web"));
    RiskTag t = tag(assess(List.of(crm), orders), "HIGH_RETURN_RATE");
    assertTrue(t.evidence().contains(new RiskEvidence(null, "orders.ratio", 0.4)));
    assertTrue(t.evidence().contains(new RiskEvidence(null, "orders.considered", 5)));
    assertTrue(t.evidence().contains(new RiskEvidence(new SourceKey("orders", "O-1"), "status", "returned")));
    orders.set(0, order("O-1", 400, "100", OrderStatus.RETURNED, "web"));
    assertEquals(List.of(), assess(List.of(crm), orders).riskCodes().stream()
        .filter("HIGH_RETURN_RATE"::equals).toList(), "a return outside the window no longer counts");
  }

  @Test
  void litigationFiresOnAnyNegativeFactFromTheRiskSource() {
    CanonicalRecord court = rec("risk", "R-1", daysAgo(3)).org("ACME", "T1").attr("litigationCount", 2).build();
    assertEquals(List.of(new RiskEvidence(court.key(), "litigationCount", 2)),
        tag(assess(List.of(court), List.of()), "LITIGATION").evidence());
    CanonicalRecord flagged = rec("risk", "R-2", daysAgo(3)).attr("litigationCount", 0).attr("debtFlag", "Y").build();
    assertEquals(List.of(new RiskEvidence(flagged.key(), "debtFlag", "Y")),
        tag(assess(List.of(flagged), List.of()), "LITIGATION").evidence());
    CanonicalRecord clean = rec("risk", "R-3", daysAgo(3)).attr("litigationCount", 0).attr("debtFlag", false)
        .attr("overdueFlag", "N").build();
    CanonicalRecord otherSource = rec("crm", "C-1", daysAgo(3)).attr("litigationCount", 5).build();
    assertEquals(List.of(), assess(List.of(clean, otherSource), List.of()).riskCodes());
  }

  @Test
  void dataConflictShowsEveryDisagreeingValueWithItsRecord() {
    CanonicalRecord a = rec("crm", "C-1", daysAgo(3)).birthDate("1990-03-07").taxId("91110000-MA01").build();
    CanonicalRecord b = rec("erp", "K-1", daysAgo(2)).birthDate("1990-07-03").taxId("91110000MA01").build();
    RiskTag t = tag(assess(List.of(a, b), List.of()), "DATA_CONFLICT");
    assertEquals(2, t.evidence().size(), "the tax ids differ only in formatting and do not conflict");
    assertTrue(t.evidence().contains(new RiskEvidence(a.key(), "birthDate", "1990-03-07")));
    assertTrue(t.evidence().contains(new RiskEvidence(b.key(), "birthDate", "1990-07-03")));
    CanonicalRecord c = rec("web", "W-1", daysAgo(1)).birthDate("1990-03-07").build();
    assertEquals(List.of(), assess(List.of(a, c), List.of()).riskCodes());
    CanonicalRecord yearOnly = rec("web", "W-2", daysAgo(1)).birthDate("1990").build();
    CanonicalRecord monthOnly = rec("app", "A-1", daysAgo(1)).birthDate("1990-03").build();
    assertEquals(List.of(), assess(List.of(a, yearOnly, monthOnly), List.of()).riskCodes(),
        "a date known to the year or month agrees with the full date it starts");
    CanonicalRecord otherMonth = rec("app", "A-2", daysAgo(1)).birthDate("1990-04").build();
    assertEquals(List.of("DATA_CONFLICT"), assess(List.of(a, otherMonth), List.of()).riskCodes());
  }

  /**
   * One source's typo of the customer's resident id (it fails its ISO 7064 check) is no reason to send the customer
   * to review: the golden record passes it over. Two ids that both pass, or both fail, still conflict.
   */
  @Test
  void anIdThatFailsItsCheckBesideTheRealOneIsNoConflict() {
    CanonicalRecord real = rec("crm", "C-1", daysAgo(3)).nationalId("110101199003070011").build();
    CanonicalRecord typo = rec("erp", "K-1", daysAgo(2)).nationalId("110101199003070021").build();
    Profile p = assess(List.of(real, typo), List.of());
    assertEquals(List.of("INVALID_ID"), p.riskCodes(), "the typo is the source's to fix: seen, not reviewed");
    assertEquals(List.of(new RiskEvidence(typo.key(), "nationalId", "110101199003070021")),
        tag(p, "INVALID_ID").evidence());
    assertEquals("110101199003070011", p.golden().nationalId());
    CanonicalRecord other = rec("web", "W-1", daysAgo(1)).nationalId("110101199003070038").build();
    assertEquals(List.of("DATA_CONFLICT", "INVALID_ID"), assess(List.of(real, typo, other), List.of()).riskCodes(),
        "another id that passes its check is another person's, or a real conflict");
    CanonicalRecord misread = rec("web", "W-2", daysAgo(1)).nationalId("G868S3895").build();
    CanonicalRecord passport = rec("app", "A-1", daysAgo(1)).nationalId("G86853895").build();
    Profile read = assess(List.of(misread, passport), List.of());
    assertEquals(List.of("INVALID_ID"), read.riskCodes(), "S read for 5: no conflict");
    assertEquals(List.of(new RiskEvidence(misread.key(), "nationalId", "G868S3895")), tag(read, "INVALID_ID").evidence());
    CanonicalRecord typo2 = rec("app", "A-2", daysAgo(1)).nationalId("110101199003070031").build();
    assertEquals(List.of("DATA_CONFLICT", "INVALID_ID"), assess(List.of(typo, typo2), List.of()).riskCodes(),
        "two typos: which is right, nothing says");
    assertEquals(List.of(), assess(List.of(real), List.of()).riskCodes(), "a valid id alone is nothing to report");
  }

  /** A steward who set the birth date by hand has settled which record is right: the customer leaves review. */
  @Test
  void aConflictAStewardSettledByHandRaisesNothing() {
    CanonicalRecord a = rec("crm", "C-1", daysAgo(3)).birthDate("1990-03-07").build();
    CanonicalRecord b = rec("erp", "K-1", daysAgo(2)).birthDate("1990-07-03").build();
    Profile settled = assessSetByHand(List.of(a, b), Map.of("birthDate", "1990-03-07"));
    assertEquals(List.of(), settled.riskCodes());
    assertEquals("1990-03-07", settled.golden().birthDate());
  }

  /**
   * 1900-01-01 is what a system writes when it knows no birth date (the matcher counts it as none): it neither
   * conflicts with the customer's real date, which would send them to review, nor outvotes it in the golden record.
   */
  @Test
  void aPlaceholderBirthDateIsNoBirthDate() {
    CanonicalRecord crm = rec("crm", "C-1", daysAgo(3)).birthDate("1990-03-07").build();
    CanonicalRecord erp = rec("erp", "K-1", daysAgo(2)).birthDate("1900-01-01").build();
    CanonicalRecord shop = rec("shop", "S-1", daysAgo(1)).birthDate("1900-01-01").build();
    Profile p = assess(List.of(crm, erp, shop), List.of());
    assertEquals(List.of(), p.riskCodes());
    assertEquals("1990-03-07", p.golden().birthDate());
  }

  @Test
  void dormantOnlyForCustomersWhoOrderedAndNotRecently() {
    CanonicalRecord crm = rec("crm", "C-1", daysAgo(1)).build();
    RiskTag t = tag(assess(List.of(crm), List.of(order("O-1", 400, "10", OrderStatus.DELIVERED, "web"))), "DORMANT");
    assertEquals(List.of(new RiskEvidence(null, "orders.lastOrderAt", daysAgo(400).toString())), t.evidence());
    assertEquals(List.of(), assess(List.of(crm), List.of()).riskCodes(), "a prospect is not dormant");
    assertEquals(List.of(), assess(List.of(crm), List.of(order("O-1", 200, "10", OrderStatus.DELIVERED, "web")))
        .riskCodes());
  }

  /**
   * An order without a status (every field but the key may be missing) crashed the return-rate rule, and with it
   * every recompute of the customer's profile; a date decades ahead (a typo) hid a dormant customer.
   */
  @Test
  void ordersWithoutAStatusOrWithADateYearsAheadTakeNoRuleDown() {
    CanonicalRecord crm = rec("crm", "C-1", daysAgo(1)).build();
    List<OrderFact> orders = new ArrayList<>();
    for (int i = 1; i <= 5; i++) orders.add(order("O-" + i, 400 + i, "10", null, "web"));
    assertEquals(List.of("DORMANT"), assess(List.of(crm), orders).riskCodes());
    orders.add(new OrderFact(new SourceKey("orders", "O-typo"), NOW.plus(java.time.Duration.ofDays(36 * 365)),
        new java.math.BigDecimal("10"), "CNY", OrderStatus.RETURNED, "web", NOW));
    assertEquals(List.of("DORMANT"), assess(List.of(crm), orders).riskCodes(),
        "still dormant, and the typo's return is not counted in the window");
  }

  @Test
  void newCustomerWhenTheFirstOrderIsRecent() {
    CanonicalRecord crm = rec("crm", "C-1", daysAgo(1)).build();
    assertEquals(List.of("NEW_CUSTOMER"),
        assess(List.of(crm), List.of(order("O-1", 30, "10", OrderStatus.PAID, "web"))).riskCodes());
    assertEquals(List.of(), assess(List.of(crm), List.of(order("O-1", 30, "10", OrderStatus.PAID, "web"),
        order("O-0", 120, "10", OrderStatus.DELIVERED, "web"))).riskCodes());
  }

  @Test
  void aggregateRuleComparesAnOrderFigure() {
    RiskRule rule = new AggregateRule("MANY_CANCELLATIONS", "low", "cancellations", Condition.Op.GTE, 2);
    ProfileAssembler custom = new ProfileAssembler(new io.customerhub.profile.ProfileRules(null, null, null,
        new RiskRules(10, List.of(rule)), null));
    Profile p = custom.assemble(input("p1", List.of(), List.of(order("O-1", 3, "1", OrderStatus.CANCELLED, "web"),
        order("O-2", 4, "1", OrderStatus.CANCELLED, "web")), null), NOW);
    assertEquals(List.of(new RiskEvidence(null, "orders.cancellations", 2)), tag(p, "MANY_CANCELLATIONS").evidence());
  }

  @Test
  void rulesAreDataAndBadRulesAreRejectedAtLoad() {
    RiskRules rules = RiskRules.fromMap(Map.of("rules", List.of(Map.of("code", "BIG_SPENDER", "severity", "info",
        "type", "aggregate", "field", "value12m", "op", "gte", "value", 10000))));
    assertEquals(List.of(new AggregateRule("BIG_SPENDER", "info", "value12m", Condition.Op.GTE, 10000)), rules.rules());
    assertThrows(IllegalArgumentException.class, () -> RiskRules.fromMap(Map.of("rules", List.of(
        Map.of("code", "X", "severity", "info", "type", "astrology")))));
    assertThrows(IllegalArgumentException.class, () -> RiskRules.fromMap(Map.of("rules", List.of(
        Map.of("code", "X", "severity", "dire", "type", "conflict", "attributes", List.of("taxId"))))));
    assertThrows(IllegalArgumentException.class, () -> RiskRules.fromMap(Map.of("rules", List.of(
        Map.of("code", "X", "severity", "low", "type", "recency", "field", "lastOrderAt")))));
    // each was accepted, and the rule could never fire
    assertThrows(IllegalArgumentException.class, () -> new Condition("overdueDays", Condition.Op.GT, "thirty", null));
    assertEquals("30", new Condition("overdueDays", Condition.Op.GT, "30", null).value(), "a number as text is one");
    assertThrows(IllegalArgumentException.class, () -> new OrderRatioRule("R", "low", List.of(OrderStatus.RETURNED),
        180, 5, 3));
    assertThrows(IllegalArgumentException.class, () -> RiskRules.fromMap(Map.of("historyLimit", -1)));
  }
}

package io.customerhub.profile;

import io.customerhub.record.CanonicalRecord;
import io.customerhub.record.OrderStatus;
import io.customerhub.record.SourceKey;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static io.customerhub.profile.Records.NOW;
import static io.customerhub.profile.Records.daysAgo;
import static io.customerhub.profile.Records.input;
import static io.customerhub.profile.Records.order;
import static io.customerhub.profile.Records.rec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProfileAssemblerTest {

  private final ProfileAssembler assembler = new ProfileAssembler(ProfileRules.defaults());

  static CanonicalRecord crm() {
    return rec("crm", "C-1001", daysAgo(2)).name("Wei", "Zhang").emails("wei.zhang@example.com")
        .phones("+86 138 0013 8000").birthDate("1990-03-07").nationalId("110101199003070011")
        .address("8 Jianguo Rd", "Beijing", "100022").attr("segment", "retail").attr("consent", "email").build();
  }

  static CanonicalRecord erp() {
    return rec("erp", "K-77", daysAgo(1)).org("Zhang Wei Trading Co., Ltd.", "91110000MA01").name("W", "Zhang")
        .emails("WEI.ZHANG@example.com", "billing@zwt.cn").phones("+86-138-0013-8000")
        .attr("segment", "wholesale").attr("creditLimit", 5000).attr("overdueDays", 0).build();
  }

  @Test
  void goldenRecordFollowsTheConfiguredRulesPerAttribute() {
    Profile p = assembler.assemble(input("p1", List.of(crm(), erp()), List.of(), null), NOW);
    Golden g = p.golden();
    assertEquals("Wei", g.givenName(), "as many records say Wei as W: the initial is less likely, and CRM comes first");
    assertEquals("Zhang Wei Trading Co., Ltd.", g.orgName());
    assertEquals("91110000MA01", g.taxId());
    assertEquals(List.of("wei.zhang@example.com", "billing@zwt.cn"), g.emails());
    assertEquals(List.of("+86 138 0013 8000"), g.phones());
    assertEquals("retail", g.attributes().get("segment"), "CRM owns the segment");
    assertEquals(5000, g.attributes().get("creditLimit"));
    assertEquals(List.of(new SourceKey("crm", "C-1001"), new SourceKey("erp", "K-77")), p.records());
    assertEquals("organization", p.kind());
  }

  @Test
  void everyCandidateIsKeptWithItsRecordAndTimestamp() {
    Profile p = assembler.assemble(input("p1", List.of(crm(), erp()), List.of(), null), NOW);
    AttributeLineage given = p.lineage().get("givenName");
    assertEquals(2, given.candidates().size());
    assertTrue(given.candidates().contains(new Candidate(new SourceKey("erp", "K-77"), daysAgo(1), "W")));
    AttributeLineage segment = p.lineage().get("attributes.segment");
    assertEquals(List.of("retail", "wholesale"), segment.candidates().stream().map(Candidate::value).toList());
  }

  @Test
  void aValueSetByHandWinsAndKeepsEveryCandidate() {
    ProfileInput in = input("p1", List.of(crm(), erp()), List.of(), null);
    Profile p = assembler.assemble(new ProfileInput(in.profileId(), in.version(), in.createdAt(), in.members(),
        in.orders(), null, Map.of("givenName", "Wei-Ming", "attributes.segment", "vip", "attributes.tierNote", 3)), NOW);

    assertEquals("Wei-Ming", p.golden().givenName());
    assertEquals("vip", p.golden().attributes().get("segment"));
    assertEquals(3, p.golden().attributes().get("tierNote"), "an attribute no record has");
    AttributeLineage given = p.lineage().get("givenName");
    assertEquals(Lineage.OVERRIDE_RULE, given.rule());
    assertEquals(List.of(), given.chosenFrom());
    assertEquals(2, given.candidates().size(), "the records' values stay, for when the override goes");
    assertEquals("Zhang", p.golden().familyName(), "the other attributes follow survivorship");
  }

  @Test
  void deletedMembersOfferNoValues() {
    CanonicalRecord gone = rec("crm", "C-9", daysAgo(0)).name("Ghost", "Gone").deleted().build();
    Profile p = assembler.assemble(input("p1", List.of(crm(), gone), List.of(), null), NOW);
    assertEquals("Wei", p.golden().givenName());
    assertEquals("person", p.kind());
  }

  /**
   * PostgreSQL returns a profile's orders in no particular order (it changes as rows are updated and plans
   * change): the profile must not, or every recomputation that reads them differently writes a new version.
   */
  @Test
  void theProfileDoesNotDependOnTheOrderItsOrdersArriveIn() {
    List<OrderFact> orders = new java.util.ArrayList<>();
    for (int i = 0; i < 6; i++) {
      orders.add(order("O-" + i, 10 + i, "10", i % 2 == 0 ? OrderStatus.RETURNED : OrderStatus.DELIVERED, "web"));
    }
    List<OrderFact> reversed = new java.util.ArrayList<>(orders);
    java.util.Collections.reverse(reversed);
    Profile p = assembler.assemble(input("p1", List.of(crm()), orders, null), NOW);
    assertTrue(p.riskCodes().contains("HIGH_RETURN_RATE"), "the premise: a tag whose evidence names orders");
    Profile other = assembler.assemble(input("p1", List.of(crm()), reversed, null), NOW);
    assertEquals(p.riskTags(), other.riskTags());
    assertEquals(p, other);
  }

  @Test
  void aProfileWithoutOrdersHasTierNoneAndEmptyAggregates() {
    Profile p = assembler.assemble(input("p1", List.of(crm()), List.of(), null), NOW);
    assertEquals("none", p.tier());
    assertEquals(0, p.orders().orderCount());
    assertEquals(new BigDecimal("0.00"), p.orders().spend());
    assertNull(p.orders().rfm());
  }

  @Test
  void viewCarriesTheContractFieldsAtTopLevel() {
    Profile p = assembler.assemble(input("p1", List.of(crm(), erp()),
        List.of(order("O-1", 10, "129.90", OrderStatus.DELIVERED, "web")), null), NOW);
    Map<String, Object> view = p.toView(false);
    for (String field : List.of("profileId", "version", "kind", "records", "givenName", "familyName", "fullName",
        "orgName", "taxId", "nationalId", "birthDate", "emails", "phones", "addresses", "attributes", "tier",
        "orders", "riskTags", "updatedAt")) {
      assertTrue(view.containsKey(field), field);
    }
    assertFalse(view.containsKey("lineage"));
    assertEquals(List.of(Map.of("source", "crm", "sourceId", "C-1001"), Map.of("source", "erp", "sourceId", "K-77")),
        view.get("records"));
    assertEquals("Wei", view.get("givenName"));
    assertEquals(NOW.toString(), view.get("updatedAt"));
    @SuppressWarnings("unchecked") Map<String, Object> orders = (Map<String, Object>) view.get("orders");
    assertEquals(1, orders.get("orderCount"));
    assertEquals(new BigDecimal("129.90"), orders.get("spend"));
    @SuppressWarnings("unchecked") List<Map<String, Object>> addresses = (List<Map<String, Object>>) view.get("addresses");
    assertEquals("Beijing", addresses.get(0).get("city"));
  }

  @Test
  void lineageViewShowsChosenValueAndEveryCandidateWithSourceAndTime() {
    Profile p = assembler.assemble(input("p1", List.of(crm(), erp()), List.of(), null), NOW);
    @SuppressWarnings("unchecked") Map<String, Map<String, Object>> lineage =
        (Map<String, Map<String, Object>>) p.toView(true).get("lineage");
    Map<String, Object> given = lineage.get("givenName");
    assertEquals("Wei", given.get("value"));
    assertEquals("most_frequent", given.get("rule"));
    assertEquals(List.of(
            Map.of("source", "crm", "sourceId", "C-1001", "at", daysAgo(2).toString(), "value", "Wei"),
            Map.of("source", "erp", "sourceId", "K-77", "at", daysAgo(1).toString(), "value", "W")),
        given.get("candidates"));
  }
}

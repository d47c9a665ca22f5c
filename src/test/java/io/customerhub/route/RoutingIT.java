package io.customerhub.route;

import io.customerhub.testing.HubTestNode;
import io.customerhub.testing.HubTestNode.Response;
import io.customerhub.testing.WireRecords;
import io.customerhub.testing.WireRecords.Rec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static io.customerhub.testing.HubTestNode.segment;
import static io.customerhub.testing.WireRecords.at;
import static io.customerhub.testing.WireRecords.daysAgo;
import static io.customerhub.testing.WireRecords.distinctPerson;
import static io.customerhub.testing.WireRecords.organization;
import static io.customerhub.testing.WireRecords.uniqueEmail;
import static io.customerhub.testing.WireRecords.uniqueId;
import static io.customerhub.testing.WireRecords.uniqueMobile;
import static io.customerhub.testing.WireRecords.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /api/v1/routing/{source}/{sourceId}} for customers built to hit each case of conf/routing.json: the
 * first lane rule that holds decides (HOLD before REVIEW before PRIORITY, else STANDARD), the priority adds up the
 * base and the points of lane, tier and risks, reasons name what decided, and the answer carries no raw PII.
 */
class RoutingIT {

  private static HubTestNode hub;
  private static String router;

  @BeforeAll
  static void startNode() {
    // Tiers by the configured floors only: a cut-off refresh from this class's handful of buyers in the middle of
    // the run would move them (that population logic has its own tests).
    hub = HubTestNode.builder().env("HUB_UPKEEP_TIER_REFRESH_SECONDS", "0").start();
    router = hub.token("router");
  }

  @AfterAll
  static void stopNode() {
    if (hub != null) hub.close();
  }

  @Test
  void holdComesFirstThenReviewThenTheTierLaneAsTheAccountsRisksClear() {
    Rec account = organization("erp", uniqueId("K")).set("orgName", uniqueName() + " Holdings Co., Ltd.")
        .set("taxId", "91110105" + uniqueMobile().substring(3) + "Y").emails(uniqueEmail("ap"))
        .phones(WireRecords.international(uniqueMobile())).attribute("creditLimit", 10000)
        .attribute("openReceivables", 15000).attribute("overdueDays", 45).attribute("overdueAmount", 5000)
        .updatedAt(at(0));
    hub.accept(account);
    hub.accept(order(account, 8000, 100));

    assertRouting(account, "platinum", List.of("CREDIT_OVERDUE", "CREDIT_LIMIT_EXCEEDED"), "HOLD", 30 - 20 + 50,
        Set.of("RISK_CREDIT_OVERDUE", "TIER_PLATINUM"));

    hub.accept(account.copy().attribute("overdueDays", 0).attribute("overdueAmount", 0).updatedAt(at(10)));
    assertRouting(account, "platinum", List.of("CREDIT_LIMIT_EXCEEDED"), "REVIEW", 30 + 50,
        Set.of("RISK_CREDIT_LIMIT_EXCEEDED", "TIER_PLATINUM"));

    hub.accept(account.copy().attribute("overdueDays", 0).attribute("overdueAmount", 0)
        .attribute("openReceivables", 4000).updatedAt(at(20)));
    assertRouting(account, "platinum", List.of(), "PRIORITY", 30 + 10 + 50, Set.of("TIER_PLATINUM"));
  }

  @Test
  void aGoldCustomerGetsThePriorityLane() {
    Rec customer = distinctPerson("crm", "C");
    hub.accept(customer);
    hub.accept(order(customer, 2000, 100));

    assertRouting(customer, "gold", List.of(), "PRIORITY", 30 + 10 + 35, Set.of("TIER_GOLD"));
  }

  /**
   * The hub told the order's sender the customer's profile; routing by the order's key answered UNKNOWN_CUSTOMER,
   * and the profile by that key was a 404.
   */
  @Test
  void anOrderIsRoutedByItsOwnKeyAsItsCustomer() {
    Rec customer = distinctPerson("crm", "C");
    hub.accept(customer);
    Rec order = order(customer, 2000, 100);
    hub.accept(order);

    assertEquals(routing(customer), routing(order));
    assertEquals("PRIORITY", routing(order).getString("lane"));
    Response profile = hub.get("/api/v1/profiles/by-key/" + order.source() + "/" + segment(order.sourceId()),
        hub.token("reader"));
    assertEquals(200, profile.status(), profile::toString);
    assertEquals(routing(customer).getString("profileId"), profile.json().getString("profileId"),
        "the profile of the customer the order names, as by any source key");
  }

  @Test
  void aNewSilverCustomerGetsTheDefaultLaneWithPointsForTierAndNewness() {
    Rec customer = distinctPerson("crm", "C");
    hub.accept(customer);
    hub.accept(order(customer, 300, 5));

    assertRouting(customer, "silver", List.of("NEW_CUSTOMER"), "STANDARD", 30 + 20 + 10,
        Set.of("DEFAULT_LANE", "TIER_SILVER", "RISK_NEW_CUSTOMER"));
  }

  @Test
  void aProspectWithoutOrdersGetsTheDefaultLaneAndTheBasePriority() {
    Rec customer = distinctPerson("crm", "C");
    hub.accept(customer);

    assertRouting(customer, "none", List.of(), "STANDARD", 30, Set.of("DEFAULT_LANE"));
  }

  @Test
  void anUnknownCustomerGetsTheConfiguredAnswerNotAnError() {
    Rec nobody = distinctPerson("crm", "nobody");

    JsonObject answer = routing(nobody);

    JsonObject expected = new JsonObject().putNull("profileId").putNull("tier").put("riskCodes", new JsonArray())
        .put("lane", "STANDARD").put("priority", 20).put("reasons", new JsonArray().add("UNKNOWN_CUSTOMER"));
    assertEquals(expected, answer);
  }

  // ---- helpers ----------------------------------------------------------------------------------------------------

  /** A delivered order of {@code amount} CNY placed {@code daysAgo} days ago; within 12 months it sets the tier. */
  private static Rec order(Rec customer, int amount, int daysAgo) {
    return WireRecords.order(uniqueId("O"), customer.source(), customer.sourceId())
        .ordered(daysAgo(daysAgo), amount + ".00", "delivered").updatedAt(at(0));
  }

  /** The routing answer for a record's key: the contract's six fields and nothing of the record's PII. */
  private static JsonObject routing(Rec customer) {
    Response r = hub.get("/api/v1/routing/" + customer.source() + "/" + segment(customer.sourceId()), router);
    assertEquals(200, r.status(), r::toString);
    assertTrue(r.contentType().startsWith("application/json"), r::toString);
    JsonObject answer = r.json();
    assertEquals(Set.of("profileId", "tier", "riskCodes", "lane", "priority", "reasons"), answer.fieldNames(),
        r.body());
    String body = r.body().toLowerCase(Locale.ROOT);
    for (String pii : pii(customer)) {
      assertFalse(body.contains(pii.toLowerCase(Locale.ROOT)), () -> "'" + pii + "' in " + r.body());
    }
    return answer;
  }

  /** Every identifying value the record carries, and phones also as bare digits. */
  private static List<String> pii(Rec customer) {
    JsonObject json = customer.json();
    List<String> values = new ArrayList<>();
    for (String field : List.of("givenName", "familyName", "orgName", "taxId", "nationalId", "birthDate")) {
      if (json.getString(field) != null) values.add(json.getString(field));
    }
    for (String field : List.of("emails", "phones")) {
      for (Object v : json.getJsonArray(field, new JsonArray())) values.add(v.toString());
    }
    for (Object v : json.getJsonArray("phones", new JsonArray())) values.add(v.toString().replaceAll("\\D", ""));
    for (Object a : json.getJsonArray("addresses", new JsonArray())) values.add(((JsonObject) a).getString("line1"));
    return values;
  }

  private static void assertRouting(Rec customer, String tier, List<String> riskCodes, String lane, int priority,
                                    Set<String> reasons) {
    JsonObject answer = routing(customer);
    String all = answer.encode();
    assertEquals(hub.profileByKey(customer).getString("profileId"), answer.getString("profileId"), all);
    assertEquals(tier, answer.getString("tier"), all);
    assertEquals(riskCodes, answer.getJsonArray("riskCodes").getList(), all);
    assertEquals(lane, answer.getString("lane"), all);
    assertEquals(priority, answer.getInteger("priority"), all);
    assertEquals(reasons, Set.copyOf(answer.getJsonArray("reasons").getList()), all);
  }
}

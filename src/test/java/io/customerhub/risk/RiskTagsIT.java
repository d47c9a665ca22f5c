package io.customerhub.risk;


import io.customerhub.testing.HubTestNode;
import io.customerhub.testing.OneHubPerClass;
import io.customerhub.testing.WireRecords;
import io.customerhub.testing.WireRecords.Rec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;


import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static io.customerhub.testing.WireRecords.at;
import static io.customerhub.testing.WireRecords.daysAgo;
import static io.customerhub.testing.WireRecords.distinctPerson;
import static io.customerhub.testing.WireRecords.organization;
import static io.customerhub.testing.WireRecords.person;
import static io.customerhub.testing.WireRecords.uniqueEmail;
import static io.customerhub.testing.WireRecords.uniqueId;
import static io.customerhub.testing.WireRecords.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each default rule of conf/risk.json, end to end: records arrive over HTTP, the profile answer carries the tag with
 * its severity, the time it was raised and the facts that fired it; a later record clears it and the profile's risk
 * history remembers both.
 */
class RiskTagsIT extends OneHubPerClass {

  // ---- identity sources -------------------------------------------------------------------------------------------

  @Test
  void creditOverdueIsRaisedFromTheErpAccountKeepsItsSinceWhileOverdueAndClearsWhenPaid() {
    Rec account = erpAccount().attribute("creditLimit", 50000).attribute("overdueDays", 45)
        .attribute("overdueAmount", 1200.5);
    Instant before = Instant.now();
    String profileId = hub.accept(account).getString("profileId");

    JsonObject tag = tag(hub.profile(profileId), "CREDIT_OVERDUE");
    assertEquals("high", tag.getString("severity"));
    Instant since = raisedBetween(tag, before, Instant.now());
    assertEquals(List.of(evidence(account, "overdueDays", 45), evidence(account, "overdueAmount", 1200.5)),
        evidenceOf(tag), "both figures of the one ERP account");

    hub.accept(account.copy().attribute("overdueDays", 60).updatedAt(at(10)));
    JsonObject still = tag(hub.profile(profileId), "CREDIT_OVERDUE");
    assertEquals(since.toString(), still.getString("since"), "still the same overdue episode");
    assertEquals(60, evidenceValue(still, "overdueDays").intValue(), "the evidence is current");

    hub.accept(account.copy().attribute("overdueDays", 0).attribute("overdueAmount", 0).updatedAt(at(20)));
    assertClearedAfterBeingRaised(hub.profile(profileId), "CREDIT_OVERDUE", since);
  }

  /**
   * A merge assessed the survivor's risk against its own tags alone: the absorbed account's overdue looked raised
   * at the merge, and its history was gone.
   */
  @Test
  void aTagTheMergedAwayProfileHeldKeepsTheTimeItWasRaisedAndItsHistory() throws InterruptedException {
    Rec account = erpAccount().attribute("creditLimit", 50000).attribute("overdueDays", 45)
        .attribute("overdueAmount", 1200.5);
    String absorbed = hub.accept(account).getString("profileId");
    Instant since = Instant.parse(tag(hub.profile(absorbed), "CREDIT_OVERDUE").getString("since"));
    Rec customer = organization("crm", uniqueId("C")).set("orgName", uniqueName() + " Holdings Ltd.")
        .emails(uniqueEmail("office")).updatedAt(at(0));
    String survivor = hub.accept(customer).getString("profileId");
    Thread.sleep(5); // the merge's own time is later than the raise

    HubTestNode.Response merged = hub.post("/api/v1/profiles/" + survivor + "/merge", "application/json",
        new JsonObject().put("with", absorbed).put("note", "one customer").encode(), hub.token("steward"));
    assertEquals(200, merged.status(), merged::toString);

    JsonObject profile = hub.profile(survivor);
    assertEquals(since.toString(), tag(profile, "CREDIT_OVERDUE").getString("since"), "raised before the merge");
    List<String> raised = new ArrayList<>();
    profile.getJsonArray("riskHistory").forEach(e -> {
      JsonObject event = (JsonObject) e;
      if ("CREDIT_OVERDUE".equals(event.getString("code"))) {
        raised.add(event.getString("change") + "@" + event.getString("at"));
      }
    });
    assertEquals(List.of("raised@" + since), raised, "one raise, when it happened");
  }

  @Test
  void creditLimitExceededComparesOpenReceivablesWithTheLimitOfTheSameAccount() {
    Rec account = erpAccount().attribute("creditLimit", 10000).attribute("openReceivables", 12000);
    Instant before = Instant.now();
    String profileId = hub.accept(account).getString("profileId");

    JsonObject tag = tag(hub.profile(profileId), "CREDIT_LIMIT_EXCEEDED");
    assertEquals("medium", tag.getString("severity"));
    Instant since = raisedBetween(tag, before, Instant.now());
    assertEquals(List.of(evidence(account, "openReceivables", 12000), evidence(account, "creditLimit", 10000)),
        evidenceOf(tag));

    hub.accept(account.copy().attribute("openReceivables", 8000).updatedAt(at(10)));
    assertClearedAfterBeingRaised(hub.profile(profileId), "CREDIT_LIMIT_EXCEEDED", since);
  }

  @Test
  void litigationInARiskReportLinkedToTheAccountIsRaisedAndClearsWithANewerReport() {
    String taxId = "91110108" + WireRecords.uniqueMobile().substring(3) + "X";
    String name = uniqueName() + " Trading Co., Ltd.";
    Rec account = erpAccount().set("orgName", name).set("taxId", taxId);
    Rec report = organization("risk", uniqueId("R")).set("orgName", name).set("taxId", taxId)
        .link(account.source(), account.sourceId()).attribute("litigationCount", 2).attribute("debtFlag", false)
        .updatedAt(at(0));
    String profileId = hub.accept(account).getString("profileId");
    Instant before = Instant.now();
    assertEquals(profileId, hub.accept(report).getString("profileId"), "the report joins the account's profile");

    JsonObject tag = tag(hub.profile(profileId), "LITIGATION");
    assertEquals("high", tag.getString("severity"));
    Instant since = raisedBetween(tag, before, Instant.now());
    assertEquals(List.of(evidence(report, "litigationCount", 2)), evidenceOf(tag),
        "only the condition that holds is evidence; debtFlag false is not");

    hub.accept(report.copy().attribute("litigationCount", 0).attribute("enforcementCount", 0)
        .attribute("overdueFlag", "no").updatedAt(at(10)));
    assertClearedAfterBeingRaised(hub.profile(profileId), "LITIGATION", since);
  }

  @Test
  void dataConflictShowsEachRecordsBirthDateAndClearsWhenTheSourcesAgree() {
    Rec crm = distinctPerson("crm", "C").birthDate("1984-03-07");
    Rec erp = person("erp", uniqueId("K")).name(uniqueName(), uniqueName()).emails(uniqueEmail("erp-side"))
        .birthDate("1984-07-03").link(crm.source(), crm.sourceId()).updatedAt(at(0));
    String profileId = hub.accept(crm).getString("profileId");
    Instant before = Instant.now();
    assertEquals(profileId, hub.accept(erp).getString("profileId"), "the link joins the two records");

    JsonObject tag = tag(hub.profile(profileId), "DATA_CONFLICT");
    assertEquals("medium", tag.getString("severity"));
    Instant since = raisedBetween(tag, before, Instant.now());
    assertEquals(List.of(evidence(crm, "birthDate", "1984-03-07"), evidence(erp, "birthDate", "1984-07-03")),
        sortedBySource(evidenceOf(tag)), "every conflicting value with the record it came from");

    hub.accept(crm.copy().birthDate("1984-07-03").updatedAt(at(10)));
    assertClearedAfterBeingRaised(hub.profile(profileId), "DATA_CONFLICT", since);
  }

  // ---- orders -----------------------------------------------------------------------------------------------------

  /**
   * Orders placed about four months ago: inside the rule's 180-day window, but old enough that the customer is not
   * also NEW_CUSTOMER and recent enough not to be DORMANT.
   */
  @Test
  void highReturnRateNeedsFiveOrdersThenFiresAboveThirtyPercentAndClearsWhenDiluted() {
    Rec customer = distinctPerson("crm", "C");
    String profileId = hub.accept(customer).getString("profileId");
    Rec kept1 = order(customer, 120, "delivered");
    Rec kept2 = order(customer, 121, "delivered");
    Rec returned1 = order(customer, 122, "returned");
    Rec returned2 = order(customer, 123, "returned");
    hub.acceptAll(kept1, kept2, returned1, returned2);
    assertNull(findTag(hub.profile(profileId), "HIGH_RETURN_RATE"), "2 of 4 returned: fewer than 5 orders");

    Instant before = Instant.now();
    hub.accept(order(customer, 124, "delivered"));

    JsonObject tag = tag(hub.profile(profileId), "HIGH_RETURN_RATE");
    assertEquals("medium", tag.getString("severity"));
    Instant since = raisedBetween(tag, before, Instant.now());
    List<JsonObject> evidence = evidenceOf(tag);
    assertEquals(0.4, evidenceValue(tag, "orders.ratio").doubleValue(), 1e-9, tag::encode);
    assertEquals(5, evidenceValue(tag, "orders.considered").intValue(), tag::encode);
    assertTrue(evidence.containsAll(List.of(evidence(returned1, "status", "returned"),
        evidence(returned2, "status", "returned"))), "each returned order is evidence: " + evidence);
    assertEquals(4, evidence.size(), "ratio, count and the two returns: " + evidence);

    hub.acceptAll(order(customer, 125, "delivered"), order(customer, 126, "delivered"));
    assertClearedAfterBeingRaised(hub.profile(profileId), "HIGH_RETURN_RATE", since);
  }

  @Test
  void dormantIsRaisedWhenTheLastOrderIsOverAYearOldAndClearsWithANewOrder() {
    Rec customer = distinctPerson("crm", "C");
    String profileId = hub.accept(customer).getString("profileId");
    Rec oldOrder = order(customer, 400, "delivered");
    Instant before = Instant.now();
    hub.accept(oldOrder);

    JsonObject profile = hub.profile(profileId);
    JsonObject tag = tag(profile, "DORMANT");
    assertEquals("low", tag.getString("severity"));
    Instant since = raisedBetween(tag, before, Instant.now());
    assertEquals(List.of(new JsonObject().put("attribute", "orders.lastOrderAt")
        .put("value", oldOrder.json().getString("orderedAt"))), evidenceOf(tag));
    assertNull(findTag(profile, "NEW_CUSTOMER"), "a customer of 400 days is not new");

    hub.accept(order(customer, 3, "delivered"));
    profile = hub.profile(profileId);
    assertClearedAfterBeingRaised(profile, "DORMANT", since);
    assertNull(findTag(profile, "NEW_CUSTOMER"), "still a customer since 400 days");
  }

  @Test
  void newCustomerIsRaisedByARecentFirstOrderAndClearsWhenThatOrderIsCancelled() {
    Rec customer = distinctPerson("crm", "C");
    String profileId = hub.accept(customer).getString("profileId");
    Rec first = order(customer, 10, "paid");
    Instant before = Instant.now();
    hub.accept(first);

    JsonObject tag = tag(hub.profile(profileId), "NEW_CUSTOMER");
    assertEquals("info", tag.getString("severity"));
    Instant since = raisedBetween(tag, before, Instant.now());
    assertEquals(List.of(new JsonObject().put("attribute", "orders.firstOrderAt")
        .put("value", first.json().getString("orderedAt"))), evidenceOf(tag));

    hub.accept(first.copy().set("status", "cancelled").updatedAt(at(10)));
    assertClearedAfterBeingRaised(hub.profile(profileId), "NEW_CUSTOMER", since);
  }

  // ---- helpers ----------------------------------------------------------------------------------------------------

  private static Rec erpAccount() {
    return organization("erp", uniqueId("K")).set("orgName", uniqueName() + " Trading Co., Ltd.")
        .emails(uniqueEmail("billing")).updatedAt(at(0));
  }

  /** An order of the customer, placed {@code daysAgo} days ago, in the given state. */
  private static Rec order(Rec customer, int daysAgo, String status) {
    return WireRecords.order(uniqueId("O"), customer.source(), customer.sourceId())
        .ordered(daysAgo(daysAgo), "100.00", status).updatedAt(at(0));
  }

  private static JsonObject findTag(JsonObject profile, String code) {
    JsonArray tags = profile.getJsonArray("riskTags");
    for (int i = 0; i < tags.size(); i++) {
      if (code.equals(tags.getJsonObject(i).getString("code"))) return tags.getJsonObject(i);
    }
    return null;
  }

  private static JsonObject tag(JsonObject profile, String code) {
    JsonObject tag = findTag(profile, code);
    assertNotNull(tag, () -> code + " expected among " + profile.getJsonArray("riskTags").encode());
    return tag;
  }

  /** The tag's {@code since}, which must lie within the request that raised it. */
  private static Instant raisedBetween(JsonObject tag, Instant before, Instant after) {
    Instant since = Instant.parse(tag.getString("since"));
    assertFalse(since.isBefore(before.minusMillis(1)) || since.isAfter(after.plusMillis(1)),
        () -> "since " + since + " lies within the raising request [" + before + ", " + after + "]");
    return since;
  }

  private static JsonObject evidence(Rec record, String attribute, Object value) {
    return new JsonObject().put("source", record.source()).put("sourceId", record.sourceId())
        .put("attribute", attribute).put("value", value);
  }

  private static List<JsonObject> evidenceOf(JsonObject tag) {
    List<JsonObject> evidence = new ArrayList<>();
    tag.getJsonArray("evidence").forEach(e -> evidence.add((JsonObject) e));
    return evidence;
  }

  private static Number evidenceValue(JsonObject tag, String attribute) {
    return evidenceOf(tag).stream().filter(e -> attribute.equals(e.getString("attribute")))
        .map(e -> (Number) e.getValue("value")).findFirst()
        .orElseThrow(() -> new AssertionError("no evidence " + attribute + " in " + tag.encode()));
  }

  private static List<JsonObject> sortedBySource(List<JsonObject> evidence) {
    return evidence.stream().sorted(Comparator.comparing(e -> e.getString("source"))).toList();
  }

  /** The tag is gone, and the history holds its raising (at {@code since}) followed by its clearing. */
  private static void assertClearedAfterBeingRaised(JsonObject profile, String code, Instant since) {
    assertNull(findTag(profile, code), () -> code + " cleared: " + profile.getJsonArray("riskTags").encode());
    List<Map<String, Object>> history = new ArrayList<>();
    profile.getJsonArray("riskHistory").forEach(e -> {
      JsonObject event = (JsonObject) e;
      if (code.equals(event.getString("code"))) history.add(Map.of("change", event.getString("change"),
          "at", Instant.parse(event.getString("at"))));
    });
    assertEquals(2, history.size(), () -> "raised and cleared: " + profile.getJsonArray("riskHistory").encode());
    assertEquals(Map.of("change", "raised", "at", since), history.get(0));
    assertEquals("cleared", history.get(1).get("change"));
    assertTrue(((Instant) history.get(1).get("at")).isAfter(since), history::toString);
  }

  /** A customer whose CRM and ERP records give two birth dates: a {@code DATA_CONFLICT}. */
  private String conflictingCustomer() {
    Rec crm = distinctPerson("crm", "C").birthDate("1984-03-07");
    Rec erp = person("erp", uniqueId("K")).name(uniqueName(), uniqueName()).emails(uniqueEmail("erp-side"))
        .birthDate("1984-07-03").link(crm.source(), crm.sourceId()).updatedAt(at(0));
    hub.accept(crm);
    return hub.accept(erp).getString("profileId");
  }

  private List<String> listed(String query, String token) {
    HubTestNode.Response r = hub.get("/api/v1/profiles?" + query, token);
    assertEquals(200, r.status(), r::toString);
    List<String> ids = new ArrayList<>();
    for (Object o : r.json().getJsonArray("items")) ids.add(((JsonObject) o).getString("profileId"));
    return ids;
  }

  @Test
  void stewardsListTheCustomersWithATagPageByPageAndACustomerLeavesTheListWhenItClears() {
    String steward = hub.token("steward");
    String first = conflictingCustomer();
    String second = conflictingCustomer();
    String plain = hub.accept(distinctPerson("crm", "C")).getString("profileId");

    List<String> all = listed("risk=DATA_CONFLICT&limit=1000", steward);
    assertTrue(all.containsAll(List.of(first, second)), all::toString);
    assertFalse(all.contains(plain), "a customer without the tag is not listed");
    assertEquals(all.stream().sorted().toList(), all, "in id order");
    JsonObject one = hub.get("/api/v1/profiles?risk=DATA_CONFLICT&limit=1000", steward).json()
        .getJsonArray("items").stream().map(JsonObject.class::cast)
        .filter(p -> p.getString("profileId").equals(first)).findFirst().orElseThrow();
    assertNotNull(tag(one, "DATA_CONFLICT"), "each item is the profile, with the tag and its evidence");
    // V13's backfill of profiles stored before the column reads the same codes from the body as ingest writes
    long differ = hub.node().database().pool().query("""
        select count(*) from profile where status = 'active' and risk_codes is distinct from
          array(select t->>'code' from json_array_elements(body->'riskTags') as t)::text[]""").execute()
        .toCompletionStage().toCompletableFuture().join().iterator().next().getLong(0);
    assertEquals(0, differ, "profiles whose column and body disagree");

    // page by page: every page's last id is the next page's "after", until next is null
    List<String> walked = new ArrayList<>();
    String after = null;
    do {
      JsonObject page = hub.get("/api/v1/profiles?risk=DATA_CONFLICT&limit=1" + (after == null ? "" : "&after="
          + after), hub.token("reader")).json();
      for (Object o : page.getJsonArray("items")) walked.add(((JsonObject) o).getString("profileId"));
      after = page.getString("next");
    } while (after != null);
    assertTrue(walked.containsAll(List.of(first, second)), walked::toString);
    assertEquals(walked.stream().distinct().count(), walked.size(), "no customer on two pages");

    // the sources agree again: the tag clears, and so does the customer's place in the list
    Rec crm = distinctPerson("crm", "C").birthDate("1990-01-02");
    Rec erp = person("erp", uniqueId("K")).name(uniqueName(), uniqueName()).birthDate("1990-02-01")
        .link(crm.source(), crm.sourceId()).updatedAt(at(0));
    hub.accept(crm);
    String clearing = hub.accept(erp).getString("profileId");
    assertTrue(listed("risk=DATA_CONFLICT&limit=1000", steward).contains(clearing));
    hub.accept(erp.copy().birthDate("1990-01-02").updatedAt(at(10)));
    assertFalse(listed("risk=DATA_CONFLICT&limit=1000", steward).contains(clearing),
        "a customer whose tag cleared leaves the list");
  }

  @Test
  void aListOfCustomersByTagRefusesWhatItCannotAnswer() {
    String steward = hub.token("steward");
    for (String[] c : new String[][] {
        {"risk=NO_SUCH_TAG", "risk: 'NO_SUCH_TAG' is none of"},
        {"risk=", "risk: '' is none of"},
        {"risk=DATA_CONFLICT&limit=0", "limit"},
        {"risk=DATA_CONFLICT&limit=1001", "limit"},
        {"risk=DATA_CONFLICT&after=not-an-id", "after"}}) {
      HubTestNode.Response r = hub.get("/api/v1/profiles?" + c[0], steward);
      assertEquals(400, r.status(), r::toString);
      assertEquals("application/problem+json", r.contentType(), r::toString);
      assertTrue(r.json().getString("detail").contains(c[1]), r::toString);
    }
    assertEquals(401, hub.get("/api/v1/profiles?risk=DATA_CONFLICT", null).status());
    assertEquals(403, hub.get("/api/v1/profiles?risk=DATA_CONFLICT", hub.token("router")).status(),
        "routing callers see no PII");
  }
}

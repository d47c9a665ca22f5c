package io.customerhub.steward;

import io.customerhub.resolve.match.Field;
import io.customerhub.testing.HubTestNode.Response;
import io.customerhub.testing.OneHubPerClass;
import io.customerhub.testing.WireRecords;
import io.customerhub.testing.WireRecords.Rec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.customerhub.testing.ApiAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An administrator erases a customer at their request: afterwards no table of the database holds anything the
 * customer's records, a steward's override or note said about them, the profile and its records answer 404
 * everywhere, a source sending the records again is answered "erased" and nothing is stored, and other customers
 * are untouched.
 */
class ErasureIT extends OneHubPerClass {

  private static final String JSON = "application/json";
  /** Every table of the schema that holds rows about customers. */
  private static final List<String> TABLES = List.of("source_record", "profile", "crosswalk", "customer_order",
      "review_pair", "audit_log", "merge_history", "outbox", "index_change", "dead_letter", "retired_key");

  @Test
  void nothingOfAnErasedCustomerIsLeftAndTheirRecordsStayErased() {
    Rec crm = WireRecords.distinctPerson("crm", "C");
    Rec erp = crm.copyIn("erp", "E");
    Rec order = WireRecords.order(WireRecords.uniqueId("O"), "crm", crm.sourceId())
        .ordered(Instant.parse("2026-11-02T10:00:00Z"), "129.90", "delivered");
    Rec other = WireRecords.distinctPerson("crm", "C");
    hub.accept(crm);
    hub.accept(erp);
    hub.accept(order);
    hub.accept(other);
    String profile = hub.profileByKey(crm).getString("profileId");
    assertEquals(profile, hub.profileByKey(erp).getString("profileId"), "one customer, two records");
    String steward = hub.token("steward");
    String corrected = WireRecords.uniqueName();
    String noteName = WireRecords.uniqueName();
    assertEquals(200, hub.put("/api/v1/profiles/" + profile + "/overrides/familyName", JSON,
        new JsonObject().put("value", corrected).put("note", "passport says " + noteName).encode(), steward).status());
    JsonObject otherBefore = hub.profileByKey(other);
    List<String> personal = List.of(crm.json().getString("givenName"), crm.json().getString("familyName"),
        crm.json().getJsonArray("emails").getString(0), crm.json().getString("nationalId"), corrected, noteName);
    for (String value : personal) assertFalse(tablesHolding(value).isEmpty(), value + " is stored before");

    Response erased = hub.post("/api/v1/profiles/" + profile + "/erase", JSON, "{\"note\":\"DSAR-2026-117\"}",
        hub.adminToken());

    assertEquals(200, erased.status(), erased::toString);
    JsonObject what = erased.json().getJsonObject("erased");
    assertEquals(new JsonArray().add("crm:" + crm.sourceId()).add("erp:" + erp.sourceId()), what.getJsonArray("records"));
    assertEquals(1, what.getInteger("orders"));
    for (String value : personal) assertEquals(List.of(), tablesHolding(value), value + " is left in");
    String email = crm.json().getJsonArray("emails").getString(0);
    assertEquals(0, hub.node().services().engine().count(Field.EMAIL, email), "the matcher counts it no more");
    assertEquals(404, hub.profileResponse(profile).status());
    assertEquals(404, hub.profileByKeyResponse("crm", crm.sourceId()).status());
    Response routing = hub.get("/api/v1/routing/crm/" + crm.sourceId(), hub.token("router"));
    assertEquals("UNKNOWN_CUSTOMER", routing.json().getJsonArray("reasons").getString(0),
        "the cached routing answer is gone: " + routing);
    Map<String, String> crosswalk = hub.crosswalk();
    assertFalse(crosswalk.containsKey("crm:" + crm.sourceId()) || crosswalk.containsKey("erp:" + erp.sourceId()));
    assertEquals(otherBefore, hub.profileByKey(other), "another customer is untouched");
    assertProblem(404, hub.get("/api/v1/match/crm/" + crm.sourceId() + "/crm/" + other.sourceId(), steward));

    // the event tells every system fed by the hub which records to erase too
    Row event = one("select payload::text, change_type from outbox where profile_id = $1 order by id desc limit 1",
        Tuple.of(java.util.UUID.fromString(profile)));
    assertEquals("erased", event.getString(1));
    assertEquals(2, new JsonObject(event.getString(0)).getJsonArray("records").size(), event.getString(0));
    // the audit trail keeps who erased the customer and why, and nothing a steward wrote about them before
    JsonArray audit = hub.get("/api/v1/audit?subject=profile:" + profile, steward).json().getJsonArray("items");
    JsonObject last = audit.getJsonObject(audit.size() - 1);
    assertEquals("profile.erase", last.getString("action"));
    assertEquals("DSAR-2026-117", last.getJsonObject("detail").getString("note"));
    assertEquals(new JsonObject().put("erased", true), audit.getJsonObject(0).getJsonObject("detail"));

    // the source sends the records again, the same version and a newer one: nothing of them is stored
    Rec newer = crm.copy().updatedAt(Instant.parse("2026-12-01T00:00:00Z"));
    for (Rec sent : List.of(crm, newer)) {
      JsonObject line = hub.ingest(sent).get(0);
      assertEquals("accepted", line.getString("status"), line::encode);
      assertEquals("erased", line.getString("outcome"), line::encode);
      assertNull(line.getString("profileId"), line::encode);
    }
    for (String value : personal) assertEquals(List.of(), tablesHolding(value), value + " came back");
    assertProblem(409, hub.post("/api/v1/profiles/" + profile + "/erase", JSON, "{\"note\":\"again\"}",
        hub.adminToken()));

    // the same person through another source is a new customer: the hub kept nothing to know them by
    Rec web = crm.copyIn("web", "W");
    String fresh = hub.accept(web).getString("profileId");
    assertNotNull(fresh);
    assertNotEquals(profile, fresh);
  }

  @Test
  void whatTheProfilesMergedIntoTheErasedOneSaidGoesToo() {
    Rec kept = WireRecords.distinctPerson("crm", "C");
    Rec absorbed = WireRecords.distinctPerson("erp", "E");
    String survivor = hub.accept(kept).getString("profileId");
    String mergedAway = hub.accept(absorbed).getString("profileId");
    String noteName = WireRecords.uniqueName();
    assertEquals(200, hub.put("/api/v1/profiles/" + mergedAway + "/overrides/givenName", JSON,
        new JsonObject().put("value", WireRecords.uniqueName()).encode(), hub.token("steward")).status());
    assertEquals(200, hub.post("/api/v1/profiles/" + survivor + "/merge", JSON, new JsonObject()
        .put("with", mergedAway).put("note", "the same person, says " + noteName).encode(), hub.token("steward"))
        .status());
    List<String> personal = List.of(absorbed.json().getString("familyName"), absorbed.json().getString("nationalId"),
        noteName);
    for (String value : personal) assertFalse(tablesHolding(value).isEmpty(), value + " is stored before");

    Response erased = hub.post("/api/v1/profiles/" + survivor + "/erase", JSON, "{\"note\":\"DSAR-2\"}",
        hub.adminToken());

    assertEquals(200, erased.status(), erased::toString);
    assertEquals(2, erased.json().getJsonObject("erased").getInteger("profiles"), erased::toString);
    for (String value : personal) assertEquals(List.of(), tablesHolding(value), value + " is left in");
    assertEquals(404, hub.profileResponse(survivor).status());
    // nothing answers for the merged-away id either: a redirect would still say that two ids were one person
    assertEquals(404, hub.profileResponse(mergedAway).status());
    assertEquals(404, hub.get("/api/v1/profiles/" + mergedAway + "?lineage=true", hub.adminToken()).status());
    assertEquals(404, hub.get("/api/v1/profiles/" + mergedAway + "/history", hub.adminToken()).status());
    assertEquals(404, hub.get("/api/v1/profiles/" + mergedAway + "/explain", hub.adminToken()).status());
  }

  @Test
  void theNoteOfASplitGoesFromTheProfileItMadeToo() {
    Rec erased = WireRecords.distinctPerson("crm", "C");
    Rec namesake = erased.copyIn("web", "W");
    String profile = hub.accept(erased).getString("profileId");
    hub.accept(namesake);
    String noteName = WireRecords.uniqueName();
    Response split = hub.post("/api/v1/profiles/" + profile + "/split", JSON, new JsonObject()
        .put("records", new JsonArray().add(new JsonObject().put("source", "web").put("sourceId", namesake.sourceId())))
        .put("note", "not the account of " + noteName).encode(), hub.token("steward"));
    assertEquals(200, split.status(), split::toString);
    assertFalse(tablesHolding(noteName).isEmpty(), "stored before");

    assertEquals(200, hub.post("/api/v1/profiles/" + profile + "/erase", JSON, "{\"note\":\"DSAR-3\"}",
        hub.adminToken()).status());

    assertEquals(List.of(), tablesHolding(noteName), "the note is left in");
    assertEquals(200, hub.profileResponse(split.json().getString("newProfileId")).status(), "the namesake stays");
  }

  @Test
  void aCustomerWronglyMergedAndSplitOutAgainLeavesNothingInTheOtherCustomersProfileOrTheirOldId() {
    String steward = hub.token("steward");
    Rec wrong = WireRecords.distinctPerson("crm", "C"), right = WireRecords.distinctPerson("erp", "E");
    String earlier = hub.accept(wrong).getString("profileId"), keep = hub.accept(right).getString("profileId");
    String setByHand = WireRecords.uniqueName(), noteName = WireRecords.uniqueName();
    assertEquals(200, hub.put("/api/v1/profiles/" + earlier + "/overrides/givenName", JSON, new JsonObject()
        .put("value", setByHand).put("note", "phoned, says " + noteName).encode(), steward).status());
    assertEquals(200, hub.post("/api/v1/profiles/" + keep + "/merge", JSON, new JsonObject().put("with", earlier)
        .put("note", "same as " + noteName).encode(), steward).status());
    Response split = hub.post("/api/v1/profiles/" + keep + "/split", JSON, new JsonObject().put("records",
        new JsonArray().add(new JsonObject().put("source", "crm").put("sourceId", wrong.sourceId())))
        .put("note", "not " + noteName).encode(), steward);
    assertEquals(200, split.status(), split::toString);
    String fresh = split.json().getString("newProfileId");
    List<String> personal = List.of(wrong.json().getString("familyName"), wrong.json().getString("nationalId"),
        setByHand, noteName);
    for (String value : personal) assertFalse(tablesHolding(value).isEmpty(), value + " is stored before");
    JsonObject rightBefore = hub.profile(keep);

    Response erased = hub.post("/api/v1/profiles/" + fresh + "/erase", JSON, "{\"note\":\"DSAR-4\"}",
        hub.adminToken());

    assertEquals(200, erased.status(), erased::toString);
    for (String value : personal) assertEquals(List.of(), tablesHolding(value), value + " is left in");
    assertEquals(404, hub.profileResponse(earlier).status(), "the old id no longer says it was the other customer");
    JsonObject rightAfter = hub.profile(keep);
    assertEquals(rightBefore.getString("familyName"), rightAfter.getString("familyName"));
    assertEquals(right.json().getString("givenName"), rightAfter.getString("givenName"));
  }

  @Test
  void onlyAnAdministratorErasesAndSaysWhy() {
    Rec crm = WireRecords.distinctPerson("crm", "C");
    String profile = hub.accept(crm).getString("profileId");
    String path = "/api/v1/profiles/" + profile + "/erase";

    assertEquals(401, hub.post(path, JSON, "{\"note\":\"x\"}", null).status());
    assertEquals(403, hub.post(path, JSON, "{\"note\":\"x\"}", hub.token("steward")).status());
    assertEquals(403, hub.post(path, JSON, "{\"note\":\"x\"}", hub.token("reader")).status());
    assertTrue(assertProblem(400, hub.post(path, JSON, "{}", hub.adminToken())).getString("detail")
        .startsWith("note:"));
    assertProblem(400, hub.post(path, JSON, "[1]", hub.adminToken()));
    assertProblem(400, hub.post("/api/v1/profiles/x/erase", JSON, "{\"note\":\"x\"}", hub.adminToken()));
    assertProblem(404, hub.post("/api/v1/profiles/" + java.util.UUID.randomUUID() + "/erase", JSON,
        "{\"note\":\"x\"}", hub.adminToken()));

    assertEquals(200, hub.profileByKeyResponse("crm", crm.sourceId()).status(), "nothing was erased");
  }

  /** The orders of a record its source deleted stay with the customer (V29), and go with the customer's erasure. */
  @Test
  void theOrdersOfARecordItsSourceDeletedAreErasedWithTheCustomer() {
    Rec crm = WireRecords.distinctPerson("crm", "C");
    Rec erp = crm.copyIn("erp", "E").link("crm", crm.sourceId());
    Rec order = WireRecords.order(WireRecords.uniqueId("O"), "crm", crm.sourceId())
        .ordered(Instant.parse("2026-11-02T10:00:00Z"), "129.90", "delivered");
    hub.accept(crm);
    hub.accept(erp);
    hub.accept(order);
    hub.accept(crm.copy().deleted().updatedAt(WireRecords.at(30)));
    String profile = hub.profileByKey(erp).getString("profileId");
    assertEquals(1, hub.profileByKey(erp).getJsonObject("orders").getInteger("orderCount"));

    assertEquals(200, hub.post("/api/v1/profiles/" + profile + "/erase", JSON, "{\"note\":\"DSAR\"}",
        hub.adminToken()).status());

    assertEquals(0L, one("select count(*) from retired_key where source_id = $1", Tuple.of(crm.sourceId()))
        .getLong(0));
    assertEquals(0L, one("select count(*) from customer_order where source_id = $1", Tuple.of(order.sourceId()))
        .getLong(0), "the order is gone");
  }

  /**
   * The tables with a row holding {@code value} as a whole word, in any case: a value inside a longer word is another
   * customer's (generated names such as "Anjunwenna" and "Lanjunwenna" share letters).
   */
  private static List<String> tablesHolding(String value) {
    List<String> out = new ArrayList<>();
    String word = "\\m" + value.replaceAll("[.^$*+?()\\[\\]{}|\\\\-]", "\\\\$0") + "\\M";
    for (String table : TABLES) {
      long n = one("select count(*) from " + table + " t where t::text ~* $1", Tuple.of(word)).getLong(0);
      if (n > 0) out.add(table + " (" + n + ")");
    }
    return out;
  }

  private static Row one(String sql, Tuple args) {
    return hub.node().database().pool().preparedQuery(sql).execute(args).toCompletionStage().toCompletableFuture()
        .join().iterator().next();
  }
}

package io.customerhub.steward;

import io.customerhub.testing.HubTestNode.Response;
import io.customerhub.testing.OneHubPerClass;
import io.customerhub.testing.WireRecords;
import io.customerhub.testing.WireRecords.Rec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.customerhub.testing.ApiAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /api/v1/profiles/{id}/history}: what happened to a customer, newest first, from what the hub keeps. */
class ProfileHistoryIT extends OneHubPerClass {

  private static final String JSON = "application/json";

  private static List<String> events(JsonObject history) {
    return history.getJsonArray("events").stream().map(e -> ((JsonObject) e).getString("event")).toList();
  }

  @Test
  void aCustomersRecordsMergesAndStewardActionsNewestFirst() {
    Rec crm = WireRecords.distinctPerson("crm", "C");
    Rec erp = crm.copyIn("erp", "E");
    Rec other = WireRecords.distinctPerson("app", "A");
    hub.accept(crm);
    hub.accept(erp);
    hub.accept(other);
    String profile = hub.profileByKey(crm).getString("profileId");
    String absorbed = hub.profileByKey(other).getString("profileId");
    String steward = hub.token("steward");
    assertEquals(200, hub.post("/api/v1/profiles/" + profile + "/merge", JSON,
        new JsonObject().put("with", absorbed).put("note", "the same customer, says the call centre").encode(),
        steward).status());
    assertEquals(200, hub.put("/api/v1/profiles/" + profile + "/overrides/familyName", JSON,
        new JsonObject().put("value", "Lu").put("note", "passport").encode(), steward).status());

    Response r = hub.get("/api/v1/profiles/" + profile + "/history", hub.token("reader"));

    assertEquals(200, r.status(), r::toString);
    JsonObject history = r.json();
    List<String> events = events(history);
    assertEquals("steward-action", events.get(0), events::toString);
    assertEquals("created", events.get(events.size() - 1), events::toString);
    assertTrue(events.contains("profile-merged"), events::toString);
    JsonArray all = history.getJsonArray("events");
    JsonObject override = all.getJsonObject(0);
    assertEquals("profile.override-set", override.getString("action"), override::encode);
    assertEquals("passport", override.getJsonObject("detail").getString("note"), override::encode);
    JsonObject merged = all.stream().map(JsonObject.class::cast)
        .filter(e -> e.getString("event").equals("profile-merged")).findFirst().orElseThrow();
    assertEquals(absorbed, merged.getString("merged"));
    JsonObject erpLinked = all.stream().map(JsonObject.class::cast)
        .filter(e -> e.getString("event").equals("record-linked")
            && e.getJsonObject("record").getString("source").equals("erp")).findFirst().orElseThrow();
    assertEquals("MERGE", erpLinked.getString("band"), erpLinked::encode);
    assertEquals("crm", erpLinked.getJsonObject("matchedWith").getString("source"), erpLinked::encode);
    assertEquals(3, all.stream().map(JsonObject.class::cast).filter(e -> e.getString("event").equals("record-linked"))
        .count(), "each of the three records");

    JsonObject newest = hub.get("/api/v1/profiles/" + profile + "/history?limit=1", steward).json();
    assertEquals(List.of("steward-action"), events(newest));
    assertEquals(true, newest.getBoolean("truncated"));

    Response redirect = hub.get("/api/v1/profiles/" + absorbed + "/history", steward);
    assertEquals(308, redirect.status(), redirect::toString);
    assertTrue(redirect.header("Location").endsWith(profile + "/history"), redirect::toString);
  }

  @Test
  void aPairKeptApartAndASplitShowInTheHistoryOfEveryCustomerTheyConcern() {
    List<Rec> unsure = WireRecords.unsurePair();
    Rec crm = unsure.get(0), erp = unsure.get(1);
    hub.accept(crm);
    hub.accept(erp);
    String steward = hub.token("steward");
    JsonObject pair = hub.get("/api/v1/reviews?status=open&limit=1000", steward).json().getJsonArray("items").stream()
        .map(JsonObject.class::cast)
        .filter(p -> p.getJsonObject("left").getString("sourceId").equals(crm.sourceId())
            || p.getJsonObject("right").getString("sourceId").equals(crm.sourceId()))
        .findFirst().orElseThrow();
    assertEquals(200, hub.post("/api/v1/reviews/" + pair.getLong("id") + "/decision", JSON,
        "{\"decision\":\"keep-apart\",\"note\":\"father and son\"}", steward).status());

    for (Rec r : List.of(crm, erp)) {
      String profile = hub.profileByKey(r).getString("profileId");
      JsonObject kept = stewardAction(profile, "review.kept-apart");
      assertEquals("father and son", kept.getJsonObject("detail").getString("note"), kept::encode);
    }

    Rec web = crm.copyIn("web", "W");
    hub.accept(web);
    String profile = hub.profileByKey(crm).getString("profileId");
    Response split = hub.post("/api/v1/profiles/" + profile + "/split", JSON, new JsonObject()
        .put("records", new JsonArray().add(new JsonObject().put("source", "web").put("sourceId", web.sourceId())))
        .put("note", "a namesake's web account").encode(), steward);
    assertEquals(200, split.status(), split::toString);
    JsonObject splitFrom = stewardAction(split.json().getString("newProfileId"), "profile.split");
    assertEquals(profile, splitFrom.getJsonObject("detail").getString("splitFrom"), splitFrom::encode);
    assertEquals("a namesake's web account", splitFrom.getJsonObject("detail").getString("note"));
    assertEquals(split.json().getString("newProfileId"),
        stewardAction(profile, "profile.split").getJsonObject("detail").getString("newProfile"));
  }

  /** The newest steward action {@code action} in the history of {@code profile}. */
  private static JsonObject stewardAction(String profile, String action) {
    JsonObject history = hub.get("/api/v1/profiles/" + profile + "/history", hub.token("reader")).json();
    return history.getJsonArray("events").stream().map(JsonObject.class::cast)
        .filter(e -> "steward-action".equals(e.getString("event")) && action.equals(e.getString("action")))
        .findFirst().orElseThrow(() -> new AssertionError("no " + action + " in " + history.encode()));
  }

  @Test
  void badRequestsAreNamed() {
    assertProblem(404, hub.get("/api/v1/profiles/" + UUID.randomUUID() + "/history", hub.token("reader")));
    assertProblem(400, hub.get("/api/v1/profiles/not-a-uuid/history", hub.token("reader")));
    assertProblem(400, hub.get("/api/v1/profiles/" + UUID.randomUUID() + "/history?limit=0", hub.token("reader")));
    assertProblem(403, hub.get("/api/v1/profiles/" + UUID.randomUUID() + "/history", hub.token("router")));
    assertProblem(401, hub.get("/api/v1/profiles/" + UUID.randomUUID() + "/history", null));
  }
}

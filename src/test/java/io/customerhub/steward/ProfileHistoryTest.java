package io.customerhub.steward;

import io.customerhub.profile.Profile;
import io.customerhub.risk.RiskEvent;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProfileHistoryTest {

  private static final Instant T0 = Instant.parse("2026-11-01T08:00:00Z");

  private static String at(int minutes) {
    return T0.plusSeconds(60L * minutes).toString();
  }

  private static Profile profile(List<RiskEvent> risk) {
    return new Profile("p-1", 4, "person", T0, T0.plusSeconds(600), List.of(), null, null, null, null, null, risk);
  }

  private static JsonObject explained() {
    JsonObject first = new JsonObject().put("source", "crm").put("sourceId", "C-1").put("linkedAt", at(0));
    JsonObject second = new JsonObject().put("source", "erp").put("sourceId", "E-1").put("linkedAt", at(2))
        .put("rule", "fellegi-sunter").put("band", "MERGE").put("score", 0.998)
        .put("matchedWith", new JsonObject().put("source", "crm").put("sourceId", "C-1"))
        .put("explanation", new JsonObject().put("fields", new JsonArray()));
    JsonObject merge = new JsonObject().put("merged", "p-2").put("actor", "ann").put("at", at(5))
        .put("reason", new JsonObject().put("note", "same passport"));
    return new JsonObject().put("records", new JsonArray().add(first).add(second))
        .put("merges", new JsonArray().add(merge));
  }

  private static List<String> kinds(JsonObject history) {
    return history.getJsonArray("events").stream().map(e -> ((JsonObject) e).getString("event")).toList();
  }

  @Test
  void everythingThatHappenedToTheCustomerNewestFirst() {
    List<JsonObject> audit = List.of(new JsonObject().put("at", at(7)).put("actor", "ann")
        .put("action", "profile.override-set").put("detail", new JsonObject().put("attribute", "birthDate")));
    List<RiskEvent> risk = List.of(new RiskEvent("DATA_CONFLICT", "medium", RiskEvent.RAISED, T0.plusSeconds(120)),
        new RiskEvent("DATA_CONFLICT", "medium", RiskEvent.CLEARED, T0.plusSeconds(420)));

    JsonObject history = ProfileHistory.timeline(profile(risk), explained(), audit, 100);

    assertEquals("p-1", history.getString("profileId"));
    // at minute 2 the ERP record linked and the conflict it brought was raised; at minute 7 the steward's override
    // cleared it: at one instant, what came later first
    assertEquals(List.of("risk-cleared", "steward-action", "profile-merged", "risk-raised", "record-linked",
        "record-linked", "created"), kinds(history));
    JsonArray events = history.getJsonArray("events");
    JsonObject linked = events.getJsonObject(4);
    assertEquals(new JsonObject().put("source", "erp").put("sourceId", "E-1"), linked.getJsonObject("record"));
    assertEquals("MERGE", linked.getString("band"));
    assertEquals(0.998, linked.getDouble("score"));
    assertFalse(linked.containsKey("explanation"), "the field comparisons stay in /explain");
    assertEquals("p-2", events.getJsonObject(2).getString("merged"));
    assertEquals("ann", events.getJsonObject(1).getString("actor"));
    assertEquals("birthDate", events.getJsonObject(1).getJsonObject("detail").getString("attribute"));
    assertEquals("DATA_CONFLICT", events.getJsonObject(0).getString("code"));
    assertFalse(history.getBoolean("truncated"));
  }

  @Test
  void theNewestAreKeptWhenThereAreMoreThanAsked() {
    JsonObject history = ProfileHistory.timeline(profile(List.of()), explained(), List.of(), 2);
    assertEquals(List.of("profile-merged", "record-linked"), kinds(history));
    assertTrue(history.getBoolean("truncated"));
  }

  @Test
  void aProfileIsMadeWhenItsFirstRecordLinksThoughItsRowIsWrittenAMomentLater() {
    Profile written = new Profile("p-1", 1, "person", T0.plusMillis(40), T0.plusMillis(40), List.of(), null, null, null,
        null, null, null);
    JsonObject explained = new JsonObject().put("records", new JsonArray()
        .add(new JsonObject().put("source", "crm").put("sourceId", "C-1").put("linkedAt", at(0))));
    JsonObject history = ProfileHistory.timeline(written, explained, List.of(), 10);
    assertEquals(List.of("record-linked", "created"), kinds(history));
    assertEquals(at(0), history.getJsonArray("events").getJsonObject(1).getString("at"));
  }

  @Test
  void aProfileMadeAndLinkedAtOneInstantIsMadeFirst() {
    JsonObject explained = new JsonObject().put("records", new JsonArray()
        .add(new JsonObject().put("source", "crm").put("sourceId", "C-1").put("linkedAt", at(0))));
    assertEquals(List.of("record-linked", "created"),
        kinds(ProfileHistory.timeline(profile(List.of()), explained, List.of(), 10)));
  }
}

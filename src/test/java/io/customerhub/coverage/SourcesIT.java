package io.customerhub.coverage;

import io.customerhub.testing.OneHubPerClass;
import io.customerhub.testing.WireRecords;
import io.customerhub.testing.WireRecords.Rec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.customerhub.testing.ApiAssertions.assertProblem;
import static io.customerhub.testing.WireRecords.at;
import static io.customerhub.testing.WireRecords.distinctPerson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /api/v1/sources} against what was ingested: records by kind, profiles alone and shared. */
class SourcesIT extends OneHubPerClass {

  private static JsonObject source(JsonObject report, String name) {
    for (Object s : report.getJsonArray("sources")) {
      if (((JsonObject) s).getString("source").equals(name)) return (JsonObject) s;
    }
    throw new AssertionError("no source " + name + " in " + report.encodePrettily());
  }

  @Test
  void eachSourceSaysItsRecordsAndTheCustomersItSharesWithTheOthers() {
    String crm = WireRecords.uniqueId("crm"), erp = WireRecords.uniqueId("erp"), shop = WireRecords.uniqueId("shop");
    Rec both = distinctPerson(crm, "C");
    hub.accept(both);
    hub.accept(both.copyIn(erp, "E"));
    Rec alone = distinctPerson(crm, "C");
    hub.accept(alone);
    Rec gone = distinctPerson(crm, "C");
    hub.accept(gone);
    hub.accept(gone.copy().deleted().updatedAt(at(5)));
    hub.accept(WireRecords.order(WireRecords.uniqueId("O"), crm, alone.sourceId()).set("source", shop)
        .ordered(Instant.parse("2026-11-02T10:00:00Z"), "59.00", "delivered"));

    JsonObject report = hub.get("/api/v1/sources", hub.token("reader")).json();

    JsonObject c = source(report, crm);
    assertEquals(new JsonObject().put("persons", 2).put("organizations", 0).put("orders", 0).put("deleted", 1)
        .put("erased", 0), c.getJsonObject("records"));
    assertEquals(2, c.getLong("profiles"), c::encode);
    assertEquals(1, c.getLong("profilesOnlyHere"));
    assertEquals(new JsonObject().put(erp, 1), c.getJsonObject("profilesSharedWith"));
    assertEquals(at(5).toString(), c.getString("lastUpdatedAt"));
    assertTrue(Instant.parse(c.getString("lastStoredAt")).isAfter(Instant.now().minusSeconds(300)));
    JsonObject e = source(report, erp);
    assertEquals(1, e.getLong("profiles"));
    assertEquals(0, e.getLong("profilesOnlyHere"));
    assertEquals(new JsonObject().put(crm, 1), e.getJsonObject("profilesSharedWith"));
    JsonObject s = source(report, shop);
    assertEquals(1, s.getJsonObject("records").getLong("orders"));
    assertEquals(0, s.getLong("profiles"));

    JsonObject profiles = report.getJsonObject("profiles");
    assertTrue(profiles.getLong("active") >= 2);
    JsonArray combinations = profiles.getJsonArray("combinations");
    JsonArray shared = new JsonArray().add(crm).add(erp);
    assertTrue(combinations.stream().map(JsonObject.class::cast)
        .anyMatch(k -> k.getJsonArray("sources").equals(shared) && k.getLong("profiles") == 1), combinations::encode);
  }

  @Test
  void completenessSaysWhichFieldsEachSourceGives() {
    String web = WireRecords.uniqueId("web");
    hub.accept(distinctPerson(web, "W"));
    String given = WireRecords.uniqueName(), family = WireRecords.uniqueName();
    hub.accept(WireRecords.person(web, WireRecords.uniqueId("W")).name(given, family).updatedAt(at(0)));

    JsonObject report = hub.get("/api/v1/sources?completeness=true", hub.token("steward")).json();

    JsonObject persons = source(report, web).getJsonObject("completeness").getJsonObject("persons");
    assertEquals(2, persons.getLong("records"));
    assertEquals(1.0, persons.getDouble("name"));
    assertEquals(0.5, persons.getDouble("emails"), persons::encode);
    assertEquals(0.5, persons.getDouble("birthDate"));
    assertEquals(0.0, persons.getDouble("orgName"));
    assertFalse(source(hub.get("/api/v1/sources", hub.token("steward")).json(), web).containsKey("completeness"));
    assertProblem(400, hub.get("/api/v1/sources?completeness=yes", hub.token("steward")));
  }

  @Test
  void readersAndStewardsSeeCountsOnly() {
    assertProblem(401, hub.get("/api/v1/sources", null));
    assertProblem(403, hub.get("/api/v1/sources", hub.token("router")));
    assertProblem(403, hub.get("/api/v1/sources", hub.token("ingest")));
    assertEquals(200, hub.get("/api/v1/sources", hub.token("steward")).status());
  }
}

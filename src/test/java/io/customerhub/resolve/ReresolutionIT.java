package io.customerhub.resolve;

import io.customerhub.testing.HubTestNode;
import io.customerhub.testing.HubTestNode.Response;
import io.customerhub.testing.OneHubPerClass;
import io.customerhub.testing.WireRecords;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.customerhub.testing.Futures.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Data where each customer has several records, birth dates off by months: the default model (a prior made for
 * about one duplicate per record) keeps some of them apart; a model learned from the data merges each customer,
 * and every record re-resolution moves is explained by the pair that joined it, as online linking explains.
 */
class ReresolutionIT extends OneHubPerClass {

  private static final String JSON = "application/json";

  @Test
  void aLearnedModelMergesEachCustomerAndMovedRecordsAreExplainedByTheirPair() throws InterruptedException {
    List<JsonObject> records = WireRecords.customersWithSeveralRecords();
    assertEquals(200, hub.post("/api/v1/records/people", "application/x-ndjson", WireRecords.ndjson(records),
        hub.adminToken()).status());
    Map<String, String> asLoaded = hub.crosswalk();
    assertTrue(HubTestNode.partition(asLoaded).size() > WireRecords.byCustomer(records).size(),
        "the default model keeps some apart");

    // a value set by hand on each profile as loaded: wherever re-resolution puts its records, it goes along
    Map<String, String> markOf = new HashMap<>();
    for (String profile : new HashSet<>(asLoaded.values())) {
      String mark = "attributes.mark" + markOf.size();
      markOf.put(profile, mark);
      assertEquals(200, hub.put("/api/v1/profiles/" + profile + "/overrides/" + mark, JSON, "{\"value\":\"set\"}",
          hub.adminToken()).status());
    }

    assertEquals(200, hub.post("/api/v1/admin/train", JSON, "{}", hub.adminToken()).status());
    Response started = hub.post("/api/v1/admin/reresolve", JSON, "{}", hub.adminToken());
    JsonObject job = hub.awaitJob(started.header("Location"));

    assertEquals("done", job.getString("state"), job::encode);
    Map<String, String> after = hub.crosswalk();
    assertEquals(WireRecords.byCustomer(records), HubTestNode.partition(after), "one profile per customer");
    for (String record : asLoaded.keySet()) {
      JsonObject attributes = hub.get("/api/v1/profiles/" + after.get(record), hub.adminToken()).json()
          .getJsonObject("attributes");
      String mark = markOf.get(asLoaded.get(record)).substring("attributes.".length());
      assertEquals("set", attributes.getString(mark), () -> record + " came with " + mark + ": " + attributes);
    }
    // a profile that lost all its records redirects to the one that took most of them, from the page of moves that
    // emptied it: never written 'deleted' in between, which a run stopped after that page left for good
    Set<String> emptied = new HashSet<>(asLoaded.values());
    emptied.removeAll(after.values());
    assertFalse(emptied.isEmpty(), "the run merges profiles");
    for (String id : emptied) assertEquals(308, hub.get("/api/v1/profiles/" + id, hub.adminToken()).status(), id);
    RowSet<Row> events = await(hub.node().database().pool()
        .preparedQuery("select count(*) from outbox where change_type = 'deleted' and profile_id = any($1::uuid[])")
        .execute(Tuple.of(emptied.stream().map(UUID::fromString).toArray(UUID[]::new))));
    assertEquals(0L, events.iterator().next().getLong(0), "a merged customer announced as deleted first");

    String moved = asLoaded.keySet().stream().filter(k -> !asLoaded.get(k).equals(after.get(k))).findFirst()
        .orElseThrow();
    JsonObject why = explanationOf(after.get(moved), moved);
    assertEquals("re-resolution", why.getString("foundBy"), why::encode);
    assertEquals("MERGE", why.getString("band"), why::encode);
    assertNotNull(why.getJsonObject("matchedWith"), why::encode);
    assertNotNull(why.getJsonObject("explanation"), why::encode);
    assertTrue(why.getLong("modelVersion") > 0, why::encode);
  }

  private static JsonObject explanationOf(String profileId, String recordKey) {
    Response r = hub.get("/api/v1/profiles/" + profileId + "/explain", hub.adminToken());
    assertEquals(200, r.status(), r::toString);
    for (Object o : r.json().getJsonArray("records")) {
      JsonObject rec = (JsonObject) o;
      if ((rec.getString("source") + ":" + rec.getString("sourceId")).equals(recordKey)) return rec;
    }
    throw new AssertionError(recordKey + " not in the explanation of " + profileId + ": " + r.json().encode());
  }
}

package io.customerhub.resolve;

import io.customerhub.testing.OneHubPerClass;
import io.customerhub.testing.HubTestNode.Response;
import io.customerhub.testing.WireRecords;
import io.customerhub.testing.WireRecords.Rec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.customerhub.testing.ApiAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /admin/models/{version}/agreement}: the pairs stewards decided, scored again by a model version. A
 * pair the model was unsure of and a steward merged counts as unsure; a profile the model made and a steward split
 * is a disagreement, named with its pair.
 */
class StewardAgreementIT extends OneHubPerClass {

  private static final String JSON = "application/json";

  @Test
  void stewardsDecisionsAreScoredAgainAndTheDisagreementsNamed() {
    List<Rec> unsure = WireRecords.unsurePair();
    for (Rec r : unsure) hub.accept(r);
    long pairId = openPairId();
    Response merged = hub.post("/api/v1/reviews/" + pairId + "/decision", JSON, "{\"decision\":\"merge\"}",
        hub.token("steward"));
    assertEquals(200, merged.status(), merged::toString);
    // the same e-mail: merged at once by the model, then split by a steward who knows better
    List<Rec> copies = WireRecords.customersWithErpCopies(1, 1);
    String profile = hub.accept(copies.get(0)).getString("profileId");
    assertEquals(profile, hub.accept(copies.get(1)).getString("profileId"), "the model merged the two");
    Rec erp = copies.get(1);
    Response split = hub.post("/api/v1/profiles/" + profile + "/split", JSON, new JsonObject().put("records",
        new JsonArray().add(new JsonObject().put("source", erp.source()).put("sourceId", erp.sourceId()))).encode(),
        hub.token("steward"));
    assertEquals(200, split.status(), split::toString);

    Response answer = hub.get("/api/v1/admin/models/0/agreement", hub.token("steward"));

    assertEquals(200, answer.status(), answer::toString);
    JsonObject a = answer.json();
    assertEquals(2, a.getInteger("pairs"), a::encode);
    assertEquals(1, a.getJsonObject("merged").getInteger("REVIEW"), a::encode);
    assertEquals(1, a.getJsonObject("keptApart").getInteger("MERGE"), a::encode);
    assertEquals(0, a.getInteger("agreeing"));
    assertEquals(1, a.getInteger("unsure"));
    assertEquals(1, a.getInteger("disagreeing"));
    JsonObject against = a.getJsonArray("disagreements").getJsonObject(0);
    assertEquals("keep-apart", against.getString("decision"), a::encode);
    assertEquals("MERGE", against.getString("band"));
    assertTrue(List.of(against.getJsonObject("left").getString("sourceId"),
        against.getJsonObject("right").getString("sourceId")).contains(erp.sourceId()), a::encode);

    assertEquals(1, hub.get("/api/v1/admin/models/0/agreement?limit=1", hub.adminToken()).json()
        .getInteger("pairs"), "the newest decision only");
    assertProblem(404, hub.get("/api/v1/admin/models/987654/agreement", hub.adminToken()));
    assertProblem(400, hub.get("/api/v1/admin/models/0/agreement?limit=0", hub.adminToken()));
    assertProblem(400, hub.get("/api/v1/admin/models/0/agreement?limit=10001", hub.adminToken()));
    assertProblem(403, hub.get("/api/v1/admin/models/0/agreement", hub.token("reader", "router")));
  }

  private static long openPairId() {
    Response page = hub.get("/api/v1/reviews?status=open&limit=10", hub.token("steward"));
    assertEquals(200, page.status(), page::toString);
    JsonArray items = page.json().getJsonArray("items");
    assertEquals(1, items.size(), page::toString);
    return items.getJsonObject(0).getLong("id");
  }
}

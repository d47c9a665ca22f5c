package io.customerhub.steward;

import io.customerhub.testing.HubTestNode.Response;
import io.customerhub.testing.OneHubPerClass;
import io.customerhub.testing.WireRecords;
import io.customerhub.testing.WireRecords.Rec;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.customerhub.testing.ApiAssertions.assertProblem;
import static io.customerhub.testing.WireRecords.daysAgo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** {@code GET /api/v1/reviews?order=value}: the pairs of the best customers first, paged by a cursor. */
class ReviewQueueByValueIT extends OneHubPerClass {

  private static String leftOrRight(JsonObject pair) {
    return pair.getJsonObject("left").getString("sourceId") + "/" + pair.getJsonObject("right").getString("sourceId");
  }

  @Test
  void thePairsOfTheBestCustomersComeFirst() {
    Rec modest = WireRecords.distinctPerson("crm", "C"), best = WireRecords.distinctPerson("crm", "C");
    hub.accept(modest);
    hub.accept(WireRecords.sameCustomerOtherNationalId(modest));
    hub.accept(best);
    hub.accept(WireRecords.sameCustomerOtherNationalId(best));
    hub.accept(WireRecords.order(WireRecords.uniqueId("O"), "crm", best.sourceId())
        .ordered(daysAgo(3), "5000.00", "delivered"));
    String steward = hub.token("steward");

    JsonObject first = hub.get("/api/v1/reviews?order=value&limit=1", steward).json();
    JsonObject top = first.getJsonArray("items").getJsonObject(0);
    assertEquals(5000.0, top.getDouble("value12m"), top::encode);
    assertEquals(true, leftOrRight(top).contains(best.sourceId()), top::encode);
    String next = first.getString("next");
    assertEquals(true, next.endsWith(":" + top.getLong("id")), next);

    JsonObject second = hub.get("/api/v1/reviews?order=value&limit=1&after=" + next, steward).json();
    JsonObject then = second.getJsonArray("items").getJsonObject(0);
    assertEquals(0.0, then.getDouble("value12m"), then::encode);
    assertEquals(true, leftOrRight(then).contains(modest.sourceId()), then::encode);
    JsonObject last = hub.get("/api/v1/reviews?order=value&limit=1&after=" + second.getString("next"), steward)
        .json();
    assertEquals(0, last.getJsonArray("items").size());
    assertNull(last.getString("next"));
    assertEquals(2, hub.get("/api/v1/reviews?order=value", steward).json().getJsonArray("items").size());
  }

  @Test
  void aWrongOrderOrCursorIsNamed() {
    String steward = hub.token("steward");
    assertProblem(400, hub.get("/api/v1/reviews?order=score", steward));
    assertProblem(400, hub.get("/api/v1/reviews?order=value&after=12", steward));
    assertProblem(400, hub.get("/api/v1/reviews?order=value&after=-1:3", steward));
    assertProblem(400, hub.get("/api/v1/reviews?order=value&profile=" + UUID.randomUUID(), steward));
    Response byId = hub.get("/api/v1/reviews?order=id", steward);
    assertEquals(200, byId.status(), byId::toString);
  }
}

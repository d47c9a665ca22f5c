package io.customerhub.steward;

import io.customerhub.testing.HubTestNode.Response;
import io.customerhub.testing.OneHubPerClass;
import io.customerhub.testing.WireRecords;
import io.customerhub.testing.WireRecords.Rec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.customerhub.testing.ApiAssertions.assertProblem;
import static io.customerhub.testing.Futures.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stewards sharing the review queue part it: a steward claims the pair they open, the others' queue
 * ({@code available=true}) skips it and only the claimant may decide it while the claim lasts; a claim lapses by
 * itself and a decision ends it.
 */
class ReviewClaimsIT extends OneHubPerClass {

  private static final String JSON = "application/json";

  private static long openPair() {
    Rec crm = WireRecords.distinctPerson("crm", "C");
    Rec erp = WireRecords.sameCustomerOtherNationalId(crm);
    hub.accept(crm);
    hub.accept(erp);
    return pairs("/api/v1/reviews?limit=1000", hub.token("steward")).stream()
        .filter(p -> p.getJsonObject("left").getString("sourceId").equals(erp.sourceId())
            || p.getJsonObject("right").getString("sourceId").equals(erp.sourceId()))
        .findFirst().orElseThrow().getLong("id");
  }

  private static List<JsonObject> pairs(String path, String token) {
    Response r = hub.get(path, token);
    assertEquals(200, r.status(), r::toString);
    return r.json().getJsonArray("items").stream().map(JsonObject.class::cast).toList();
  }

  private static boolean lists(String path, String token, long pair) {
    return pairs(path, token).stream().anyMatch(p -> p.getLong("id") == pair);
  }

  private static Response claim(long pair, String body, String token) {
    return hub.post("/api/v1/reviews/" + pair + "/claim", JSON, body, token);
  }

  private static Response release(long pair, String token) {
    return hub.delete("/api/v1/reviews/" + pair + "/claim", token);
  }

  private static Response decide(long pair, String decision, String token) {
    return hub.post("/api/v1/reviews/" + pair + "/decision", JSON, "{\"decision\":\"" + decision + "\"}", token);
  }

  private static String steward(String name) {
    return hub.node().token(name, List.of("steward"));
  }

  @Test
  void aClaimedPairIsTheClaimantsToDecideAndLeavesTheOthersQueues() {
    long pair = openPair();
    String ann = steward("ann");
    String bob = steward("bob");

    Response claimed = claim(pair, "", ann);
    assertEquals(200, claimed.status(), claimed::toString);
    assertEquals("ann", claimed.json().getString("claimedBy"));
    Instant until = Instant.parse(claimed.json().getString("claimedUntil"));
    assertTrue(until.isAfter(Instant.now().plus(Duration.ofMinutes(14))), () -> "15 minutes by default: " + until);

    JsonObject refused = assertProblem(409, claim(pair, "", bob));
    assertTrue(refused.getString("detail").contains("claimed by ann"), refused::encode);
    assertProblem(409, decide(pair, "merge", bob));
    JsonObject many = hub.post("/api/v1/reviews/decisions", JSON, new JsonObject().put("decisions", new JsonArray()
        .add(new JsonObject().put("id", pair).put("decision", "merge"))).encode(), bob).json();
    assertEquals(409, many.getJsonArray("results").getJsonObject(0).getJsonObject("problem").getInteger("status"));

    assertFalse(lists("/api/v1/reviews?available=true&limit=1000", bob, pair), "not in bob's queue");
    assertFalse(lists("/api/v1/reviews?available=true&order=value&limit=1000", bob, pair), "by value neither");
    assertTrue(lists("/api/v1/reviews?available=true&limit=1000", ann, pair), "in ann's");
    assertTrue(lists("/api/v1/reviews?limit=1000", bob, pair), "the whole queue lists it");
    JsonObject item = hub.get("/api/v1/reviews/" + pair, bob).json();
    assertEquals("ann", item.getString("claimedBy"), item::encode);

    Response decided = decide(pair, "keep-apart", ann);
    assertEquals(200, decided.status(), decided::toString);
    assertNull(decided.json().getValue("claimedBy"), "a decision ends the claim");
    JsonObject late = assertProblem(409, claim(pair, "", bob));
    assertTrue(late.getString("detail").contains("decided already"), late::encode);
  }

  @Test
  void aClaimIsGivenUpOrLapsesAndIsThenAnyonesToTake() {
    long pair = openPair();
    String ann = steward("ann");
    String bob = steward("bob");
    assertEquals(200, claim(pair, "{\"minutes\": 5}", ann).status());
    assertEquals(200, release(pair, bob).status(), "giving up a claim one does not hold changes nothing");
    assertEquals("ann", hub.get("/api/v1/reviews/" + pair, ann).json().getString("claimedBy"));
    Response released = release(pair, ann);
    assertEquals(200, released.status(), released::toString);
    assertNull(released.json().getValue("claimedBy"));

    assertEquals(200, claim(pair, "{\"minutes\": 1}", bob).status());
    // bob's claim lapses (a closed browser tab gives nothing up)
    await(hub.node().database().pool().query("update review_pair set claimed_until = now() - interval '1 second' "
        + "where id = " + pair).execute());
    assertNull(hub.get("/api/v1/reviews/" + pair, ann).json().getValue("claimedBy"), "a lapsed claim shows no more");
    assertTrue(lists("/api/v1/reviews?available=true&limit=1000", ann, pair));
    Response taken = claim(pair, "", ann);
    assertEquals("ann", taken.json().getString("claimedBy"), taken::toString);
  }

  @Test
  void badClaimsAreRefusedNamingTheField() {
    long pair = openPair();
    String ann = steward("ann");
    assertProblem(400, claim(pair, "{\"minutes\": 0}", ann));
    assertProblem(400, claim(pair, "{\"minutes\": 241}", ann));
    assertProblem(400, claim(pair, "{\"minutes\": \"soon\"}", ann));
    assertProblem(404, claim(999_999_999L, "", ann));
    assertProblem(400, hub.get("/api/v1/reviews?available=maybe", ann));
    assertProblem(403, claim(pair, "", hub.token("reader")));
  }
}

package io.customerhub.steward;

import io.customerhub.testing.HubTestNode;
import io.customerhub.testing.HubTestNode.Response;
import io.customerhub.testing.OneHubPerClass;
import io.customerhub.testing.WireRecords;
import io.customerhub.testing.WireRecords.Rec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;

import static io.customerhub.testing.ApiAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stewards act on the version of a profile they read: a profile answers its version as its {@code ETag}, and an
 * action sent with it as {@code If-Match} is refused (412) once the profile has changed, so that two stewards never
 * silently overwrite each other.
 */
class IfMatchIT extends OneHubPerClass {

  private static final String JSON = "application/json";

  private static Response send(String method, String path, String body, String ifMatch, String token) {
    return send(hub, method, path, body, ifMatch, token);
  }

  private static String etag(String profile) {
    Response r = hub.get("/api/v1/profiles/" + profile, hub.token("reader"));
    assertEquals(200, r.status(), r::toString);
    assertEquals("\"" + r.json().getLong("version") + "\"", r.header("ETag"), "the version is the ETag");
    return r.header("ETag");
  }

  @Test
  void aStewardActingOnWhatChangedSinceTheyReadItIsToldSoAndNothingChanges() {
    Rec crm = WireRecords.distinctPerson("crm", "C");
    hub.accept(crm);
    String profile = hub.profileByKey(crm).getString("profileId");
    String steward = hub.token("steward");
    String path = "/api/v1/profiles/" + profile + "/overrides/givenName";
    String read = etag(profile);
    assertEquals(read, hub.profileByKeyResponse("crm", crm.sourceId()).header("ETag"), "by key too");

    Response first = send("PUT", path, "{\"value\":\"Wei\",\"note\":\"passport\"}", read, steward);
    assertEquals(200, first.status(), first::toString);
    assertEquals(etag(profile), first.header("ETag"), "the action answers the version it made, for the next one");
    // a second steward read the same version and sets another value: refused, naming both versions
    JsonObject stale = assertProblem(412, send("PUT", path, "{\"value\":\"Way\"}", read, steward));
    assertTrue(stale.getString("detail").contains("not " + read.replace("\"", "")), stale::encode);
    assertEquals("Wei", hub.profile(profile).getString("givenName"), "the first steward's value stands");

    String now = etag(profile);
    assertEquals(200, send("DELETE", path, null, "W/" + now, steward).status(), "a weak ETag is the same version");
    assertProblem(412, send("DELETE", path, null, now, steward));

    Rec other = WireRecords.distinctPerson("erp", "E");
    hub.accept(other);
    String absorbed = hub.profileByKey(other).getString("profileId");
    String merge = new JsonObject().put("with", absorbed).encode();
    assertProblem(412, send("POST", "/api/v1/profiles/" + profile + "/merge", merge, now, steward));
    JsonObject split = new JsonObject().put("records", new JsonArray()
        .add(new JsonObject().put("source", "crm").put("sourceId", crm.sourceId())));
    assertProblem(412, send("POST", "/api/v1/profiles/" + profile + "/split", split.encode(), now, steward));
    assertProblem(412, send("POST", "/api/v1/profiles/" + profile + "/erase", "{\"note\":\"DSAR-1\"}", now,
        hub.adminToken()));
    Response merged = send("POST", "/api/v1/profiles/" + profile + "/merge", merge, etag(profile), steward);
    assertEquals(200, merged.status(), merged::toString);
    assertEquals(etag(profile), merged.header("ETag"), merged::toString);
    assertEquals(merged.json().getLong("version"), hub.profile(profile).getLong("version"));
    assertEquals(200, send("PUT", path, "{\"value\":\"Wei\"}", "*", steward).status(), "* is any version");
  }

  @Test
  void anIfMatchThatIsNoVersionIsNamed() {
    Rec crm = WireRecords.distinctPerson("crm", "C");
    hub.accept(crm);
    String profile = hub.profileByKey(crm).getString("profileId");
    String path = "/api/v1/profiles/" + profile + "/overrides/givenName";
    for (String bad : new String[] {"abc", "\"x1\"", "\"0\"", "\"-3\""}) {
      JsonObject problem = assertProblem(400, send("PUT", path, "{\"value\":\"Wei\"}", bad, hub.token("steward")));
      assertTrue(problem.getString("detail").startsWith("If-Match:"), problem::encode);
    }
  }

  @Test
  void aReviewDecisionOnRecordsThatChangedSinceIsRefused() {
    Rec crm = WireRecords.distinctPerson("crm", "C");
    Rec erp = WireRecords.sameCustomerOtherNationalId(crm);
    hub.accept(crm);
    hub.accept(erp);
    String steward = hub.token("steward");
    JsonObject listed = hub.get("/api/v1/reviews?limit=1000", steward).json().getJsonArray("items").stream()
        .map(JsonObject.class::cast).filter(p -> p.getJsonObject("right").getString("sourceId").equals(erp.sourceId())
            || p.getJsonObject("left").getString("sourceId").equals(erp.sourceId())).findFirst().orElseThrow();
    long id = listed.getLong("id");
    Response read = hub.get("/api/v1/reviews/" + id, steward);
    assertEquals("\"" + listed.getString("version") + "\"", read.header("ETag"), read::toString);
    assertEquals("1.1", listed.getString("version"));
    String decision = "/api/v1/reviews/" + id + "/decision";

    // the ERP sends a new version of its record while the steward looks at the old one
    hub.accept(erp.copy().phones(WireRecords.international(WireRecords.uniqueMobile())).updatedAt(WireRecords.at(1)));
    JsonObject stale = assertProblem(412, send("POST", decision, "{\"decision\":\"merge\"}", read.header("ETag"),
        steward));
    assertTrue(stale.getString("detail").contains("not 1.1"), stale::encode);
    JsonObject many = hub.post("/api/v1/reviews/decisions", JSON, new JsonObject().put("decisions", new JsonArray()
        .add(new JsonObject().put("id", id).put("decision", "merge").put("version", "1.1"))).encode(), steward).json();
    assertEquals(412, many.getJsonArray("results").getJsonObject(0).getJsonObject("problem").getInteger("status"));
    assertEquals("open", hub.get("/api/v1/reviews/" + id, steward).json().getString("status"), "nothing decided");

    String now = hub.get("/api/v1/reviews/" + id, steward).header("ETag");
    Response decided = send("POST", decision, "{\"decision\":\"keep-apart\"}", now, steward);
    assertEquals(200, decided.status(), decided::toString);
    assertProblem(400, send("POST", decision, "{\"decision\":\"merge\"}", "\"7\"", steward));
    assertProblem(400, hub.post("/api/v1/reviews/decisions", JSON, new JsonObject().put("decisions", new JsonArray()
        .add(new JsonObject().put("id", id).put("decision", "merge").put("version", 11))).encode(), steward));
  }

  /** Pinning the value a profile already has changes its version: another steward must see the pin first. */
  @Test
  void anOverrideOfTheValueAlreadyThereIsANewVersionToo() {
    Rec crm = WireRecords.distinctPerson("crm", "C");
    hub.accept(crm);
    JsonObject profile = hub.profileByKey(crm);
    String id = profile.getString("profileId");
    String steward = hub.token("steward");
    String read = etag(id);
    String path = "/api/v1/profiles/" + id + "/overrides/givenName";
    Response pinned = send("PUT", path, new JsonObject().put("value", profile.getString("givenName")).encode(), read,
        steward);
    assertEquals(200, pinned.status(), pinned::toString);
    assertTrue(!read.equals(etag(id)), "the pin is a new version, though the golden record reads the same");
    assertProblem(412, send("PUT", path, "{\"value\":\"Other\"}", read, steward));
    assertEquals(profile.getString("givenName"), hub.profile(id).getString("givenName"));
    assertEquals(200, send("DELETE", path, null, etag(id), steward).status());
  }

  /** A hub that requires versions ({@code http.requireIfMatch}) takes no steward action without one. */
  @Test
  void aHubThatRequiresVersionsRefusesActionsWithoutThemWith428() {
    try (HubTestNode strict = HubTestNode.builder().env("HUB_HTTP_REQUIRE_IF_MATCH", "true").start()) {
      Rec crm = WireRecords.distinctPerson("crm", "C");
      Rec erp = WireRecords.sameCustomerOtherNationalId(crm);
      strict.accept(crm);
      strict.accept(erp);
      String steward = strict.token("steward");
      String profile = strict.profileByKey(crm).getString("profileId");
      String override = "/api/v1/profiles/" + profile + "/overrides/givenName";
      Response read = strict.get("/api/v1/profiles/" + profile, strict.token("reader"));

      JsonObject missing = assertProblem(428, send(strict, "PUT", override, "{\"value\":\"Wei\"}", null, steward));
      assertTrue(missing.getString("detail").startsWith("If-Match:"), missing::encode);
      assertProblem(428, send(strict, "PUT", override, "{\"value\":\"Wei\"}", "*", steward));
      assertEquals(read.header("ETag"), strict.get("/api/v1/profiles/" + profile, steward).header("ETag"),
          "nothing changed");
      assertEquals(200, send(strict, "PUT", override, "{\"value\":\"Wei\"}", read.header("ETag"), steward).status());

      long pair = strict.get("/api/v1/reviews", steward).json().getJsonArray("items").getJsonObject(0).getLong("id");
      assertProblem(428, send(strict, "POST", "/api/v1/reviews/" + pair + "/decision", "{\"decision\":\"merge\"}",
          null, steward));
      JsonObject list = assertProblem(428, strict.post("/api/v1/reviews/decisions", JSON, new JsonObject()
          .put("decisions", new JsonArray().add(new JsonObject().put("id", pair).put("decision", "merge"))).encode(),
          steward));
      assertTrue(list.getString("detail").startsWith("decisions[0].version:"), list::encode);
      assertEquals("open", strict.get("/api/v1/reviews/" + pair, steward).json().getString("status"));
      String version = strict.get("/api/v1/reviews/" + pair, steward).header("ETag");
      assertEquals(200, send(strict, "POST", "/api/v1/reviews/" + pair + "/decision",
          "{\"decision\":\"keep-apart\"}", version, steward).status());
    }
  }

  private static Response send(HubTestNode node, String method, String path, String body, String ifMatch,
                               String token) {
    HttpRequest.Builder b = node.request(path, token).header("Content-Type", JSON)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (ifMatch != null) b.header("If-Match", ifMatch);
    return HubTestNode.send(b.build());
  }
}

package io.customerhub.serve;

import io.customerhub.testing.HubTestNode;
import io.customerhub.testing.HubTestNode.Response;
import io.customerhub.testing.TestInfra;
import io.customerhub.testing.WireRecords;
import io.customerhub.testing.WireRecords.Rec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.customerhub.testing.ApiAssertions.assertProblem;
import static io.customerhub.testing.HubTestNode.NDJSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Contract 1.3: every API call needs a bearer token with a fitting role; health needs none. */
class AuthIT {

  private static HubTestNode hub;
  private static Rec customer;
  private static String profileId;

  @BeforeAll
  static void startNode() {
    hub = HubTestNode.start();
    customer = WireRecords.person("crm", WireRecords.uniqueId("C")).name("Li", "Na")
        .emails(WireRecords.uniqueEmail("li.na")).updatedAt(WireRecords.at(0));
    profileId = hub.accept(customer).getString("profileId");
  }

  @AfterAll
  static void stopNode() {
    if (hub != null) hub.close();
  }

  private static String profilePath() {
    return "/api/v1/profiles/" + profileId;
  }

  private static Response ingestAs(String token, Rec record) {
    return hub.post("/api/v1/records/crm", NDJSON, record.line() + "\n", token);
  }

  private static Rec anotherCustomer() {
    return WireRecords.person("crm", WireRecords.uniqueId("C")).emails(WireRecords.uniqueEmail("x"))
        .updatedAt(WireRecords.at(0));
  }

  @Test
  void requestWithoutTokenIsUnauthorizedWithBearerChallenge() {
    for (String path : List.of(profilePath(), "/api/v1/crosswalk", "/api/v1/routing/crm/" + customer.sourceId())) {
      Response r = hub.get(path, null);
      assertProblem(401, r);
      assertNotNull(r.header("WWW-Authenticate"), () -> "challenge on " + path);
      assertTrue(r.header("WWW-Authenticate").startsWith("Bearer"), r.header("WWW-Authenticate"));
    }
    assertProblem(401, ingestAs(null, anotherCustomer()));
  }

  @Test
  void tokenSignedWithAnotherKeyIsUnauthorized() {
    Auth foreign = new Auth(TestInfra.vertx(), "another-secret-that-is-also-32-characters-long", "customer-hub");
    assertProblem(401, hub.get(profilePath(), foreign.token("mallory", List.of("admin"), 60)));
  }

  @Test
  void expiredTokenIsUnauthorized() {
    JWTAuth sameKey = JWTAuth.create(TestInfra.vertx(), new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(HubTestNode.JWT_SECRET)));
    long fiveMinutesAgo = System.currentTimeMillis() / 1000 - 300;
    String expired = sameKey.generateToken(new JsonObject().put("sub", "late").put("iss", "customer-hub")
        .put("roles", new JsonArray().add("admin")).put("exp", fiveMinutesAgo), new JWTOptions().setAlgorithm("HS256"));
    assertProblem(401, hub.get(profilePath(), expired));
  }

  /** The JWT provider calls a token whose nbf is still to come "expired": the answer says what it is. */
  @Test
  void aTokenNotValidYetIsUnauthorizedAndSaysSo() {
    JWTAuth sameKey = JWTAuth.create(TestInfra.vertx(), new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(HubTestNode.JWT_SECRET)));
    long now = System.currentTimeMillis() / 1000;
    String early = sameKey.generateToken(new JsonObject().put("sub", "early").put("iss", "customer-hub")
        .put("roles", new JsonArray().add("admin")).put("exp", now + 3600).put("nbf", now + 600),
        new JWTOptions().setAlgorithm("HS256"));
    HubTestNode.Response r = hub.get(profilePath(), early);
    assertProblem(401, r);
    assertTrue(r.json().getString("detail").contains("not valid yet"), r::toString);
  }

  /** A verified token is remembered (VerifiedTokens), but never past its exp: before, the first minute it was. */
  @Test
  void aTokenThatExpiresIsRefusedFromThenOnEvenAfterBeingAccepted() throws InterruptedException {
    JWTAuth sameKey = JWTAuth.create(TestInfra.vertx(), new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(HubTestNode.JWT_SECRET)));
    long inTwoSeconds = System.currentTimeMillis() / 1000 + 2;
    String shortLived = sameKey.generateToken(new JsonObject().put("sub", "brief").put("iss", "customer-hub")
        .put("roles", new JsonArray().add("reader")).put("exp", inTwoSeconds), new JWTOptions().setAlgorithm("HS256"));
    assertEquals(200, hub.get(profilePath(), shortLived).status());
    while (System.currentTimeMillis() / 1000 <= inTwoSeconds) Thread.sleep(100);
    assertProblem(401, hub.get(profilePath(), shortLived));
  }

  @Test
  void tokenOfAnotherIssuerIsUnauthorized() {
    Auth otherIssuer = new Auth(TestInfra.vertx(), HubTestNode.JWT_SECRET, "someone-else");
    assertProblem(401, hub.get(profilePath(), otherIssuer.token("eve", List.of("admin"), 60)));
  }

  @Test
  void tokenWithoutAKnownRoleIsForbidden() {
    JWTAuth sameKey = JWTAuth.create(TestInfra.vertx(), new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(HubTestNode.JWT_SECRET)));
    String superuser = sameKey.generateToken(new JsonObject().put("sub", "x").put("iss", "customer-hub")
        .put("roles", new JsonArray().add("superuser")), new JWTOptions().setAlgorithm("HS256").setExpiresInMinutes(5));
    String noRoles = sameKey.generateToken(new JsonObject().put("sub", "y").put("iss", "customer-hub"),
        new JWTOptions().setAlgorithm("HS256").setExpiresInMinutes(5));
    assertProblem(403, hub.get(profilePath(), superuser));
    assertProblem(403, hub.get(profilePath(), noRoles));
  }

  @Test
  void malformedTokenIsUnauthorized() {
    assertProblem(401, hub.get(profilePath(), "not-a-jwt"));
  }

  @Test
  void routerCannotReadProfilesOrTheCrosswalk() {
    String router = hub.token("router");
    assertProblem(403, hub.get(profilePath(), router));
    assertProblem(403, hub.get("/api/v1/profiles/by-key/crm/" + customer.sourceId(), router));
    assertProblem(403, hub.get("/api/v1/crosswalk", router));
    assertEquals(200, hub.get("/api/v1/routing/crm/" + customer.sourceId(), router).status());
  }

  @Test
  void readerCannotIngestNorRoute() {
    String reader = hub.token("reader");
    assertProblem(403, ingestAs(reader, anotherCustomer()));
    assertProblem(403, hub.get("/api/v1/routing/crm/" + customer.sourceId(), reader));
    assertEquals(200, hub.get(profilePath(), reader).status());
  }

  @Test
  void ingestRoleCanIngestButNotRead() {
    String ingest = hub.token("ingest");
    Response r = ingestAs(ingest, anotherCustomer());
    assertEquals(200, r.status(), r::toString);
    assertEquals("accepted", r.ndjson().get(0).getString("status"), r::toString);
    assertProblem(403, hub.get(profilePath(), ingest));
  }

  @Test
  void adminCanDoEverything() {
    String admin = hub.token("admin");
    Response ingested = ingestAs(admin, anotherCustomer());
    assertEquals(200, ingested.status(), ingested::toString);
    assertEquals("accepted", ingested.ndjson().get(0).getString("status"));
    assertEquals(200, hub.get(profilePath(), admin).status());
    assertEquals(200, hub.get("/api/v1/profiles/by-key/crm/" + customer.sourceId(), admin).status());
    assertEquals(200, hub.get("/api/v1/crosswalk", admin).status());
    assertEquals(200, hub.get("/api/v1/routing/crm/" + customer.sourceId(), admin).status());
  }

  @Test
  void livenessNeedsNoToken() {
    Response r = hub.get("/health/live", null);
    assertEquals(200, r.status(), r::toString);
  }

  @Test
  void readinessNeedsNoTokenAndNamesEveryDependency() {
    Response r = hub.get("/health/ready", null);
    assertEquals(200, r.status(), r::toString);
    JsonObject checks = r.json().getJsonObject("checks");
    assertEquals("UP", r.json().getString("status"), r::toString);
    assertEquals("UP", checks.getJsonObject("postgres").getString("status"), r::toString);
    assertEquals("UP", checks.getJsonObject("hazelcast").getString("status"), r::toString);
    assertTrue(checks.getJsonObject("hazelcast").getInteger("members") >= 1, "the members it sees: " + r);
    assertEquals("off", checks.getJsonObject("kafka").getString("status"), "this node runs without Kafka: " + r);
  }

  @Test
  void afterTheSecretChangesTokensOfThePreviousOneWorkUntilTheyExpire() {
    String old = "the-secret-before-the-rotation-of-december-2026";
    Auth before = new Auth(TestInfra.vertx(), old, "customer-hub");
    String issuedBefore = before.token("order-service", List.of("router"), 60);
    try (HubTestNode rotated = HubTestNode.builder().env("HUB_AUTH_PREVIOUS_JWT_SECRETS", old).start()) {
      Response me = rotated.get("/api/v1/me", issuedBefore);
      assertEquals(200, me.status(), me::toString);
      assertEquals("order-service", me.json().getString("subject"));
      assertEquals(200, rotated.get("/api/v1/me", rotated.token("reader")).status(), "new tokens: the current secret");
      assertProblem(401, rotated.get("/api/v1/me", new Auth(TestInfra.vertx(),
          "a-secret-the-hub-never-had-of-32-characters", "customer-hub").token("eve", List.of("admin"), 60)));
    }
    // without it, the token of the previous secret is refused
    assertProblem(401, hub.get("/api/v1/me", issuedBefore));
  }

  @Test
  void aPreviousSecretTooShortIsRefusedAtStart() {
    IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
        () -> HubTestNode.builder().env("HUB_AUTH_PREVIOUS_JWT_SECRETS", "short").start());
    assertTrue(String.valueOf(e.getCause()).contains("auth.previousJwtSecrets (HUB_AUTH_PREVIOUS_JWT_SECRETS): each "
        + "must be at least 32 characters"), String.valueOf(e.getCause()));
  }
}

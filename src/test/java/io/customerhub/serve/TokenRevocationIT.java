package io.customerhub.serve;

import io.customerhub.testing.HubTestNode;
import io.customerhub.testing.HubTestNode.Response;
import io.customerhub.testing.TestInfra;
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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A leaked token is refused from the moment an administrator revokes it, on every node, until withdrawn. */
class TokenRevocationIT {

  private static final String JSON = "application/json";
  private static HubTestNode hub;
  private static Auth signer;

  @BeforeAll
  static void startNode() {
    hub = HubTestNode.start();
    signer = new Auth(TestInfra.vertx(), HubTestNode.JWT_SECRET, "customer-hub");
  }

  @AfterAll
  static void stopNode() {
    if (hub != null) hub.close();
  }

  private static String tokenOf(String subject) {
    return signer.token(subject, List.of("router"), 60);
  }

  private static Response me(HubTestNode node, String token) {
    return node.get("/api/v1/me", token);
  }

  private static Response revoke(HubTestNode node, JsonObject body) {
    return node.post("/api/v1/admin/revocations", JSON, body.encode(), node.adminToken());
  }

  @Test
  void aTokenRevokedByItsIdIsRefusedAtOnceAndTheSubjectsOtherTokensAreNot() {
    String leaked = tokenOf("order-service");
    String other = tokenOf("order-service");
    Response before = me(hub, leaked);
    assertEquals(200, before.status(), before::toString);
    String tokenId = before.json().getString("tokenId");
    assertEquals(Auth.tokenId(leaked), tokenId, "GET /me names the token's id");

    Response revoked = revoke(hub, new JsonObject().put("tokenId", tokenId).put("reason", "pasted in a ticket"));
    assertEquals(201, revoked.status(), revoked::toString);
    assertEquals(tokenId, revoked.json().getString("tokenId"));
    assertEquals("pasted in a ticket", revoked.json().getString("reason"));
    assertNotNull(revoked.header("Location"));

    Response refused = me(hub, leaked);
    assertProblem(401, refused);
    assertTrue(refused.json().getString("detail").contains("revoked"), refused::toString);
    assertEquals(200, me(hub, other).status(), "the subject's other token");
    assertProblem(401, hub.get("/api/v1/routing/crm/nobody", leaked));
  }

  @Test
  void aTokenIsRevokedByItselfAndTheRevocationLastsUntilItExpires() {
    String leaked = tokenOf("web-shop");
    assertEquals(200, me(hub, leaked).status());
    Response revoked = revoke(hub, new JsonObject().put("token", leaked));
    assertEquals(201, revoked.status(), revoked::toString);
    assertEquals(Auth.tokenId(leaked), revoked.json().getString("tokenId"));
    assertNotNull(revoked.json().getString("expiresAt"), "read from the token's exp");
    assertProblem(401, me(hub, leaked));
  }

  @Test
  void aSubjectsRevocationRefusesItsTokensIssuedSoFarAndTakesNewOnes() throws InterruptedException {
    String old = tokenOf("billing");
    assertEquals(200, me(hub, old).status());
    Response revoked = revoke(hub, new JsonObject().put("subject", "billing").put("reason", "credential leaked"));
    assertEquals(201, revoked.status(), revoked::toString);
    assertNotNull(revoked.json().getString("issuedBefore"));
    assertProblem(401, me(hub, old));
    // tokens count whole seconds: one issued in the second of the revocation cannot be told from an old one
    Thread.sleep(1_100);
    String renewed = tokenOf("billing");
    assertEquals(200, me(hub, renewed).status(), "a token issued after the revocation");
  }

  @Test
  void aWithdrawnRevocationLetsTheTokenInAgainAndTheAuditTrailKeepsBoth() {
    String token = tokenOf("mistaken");
    Response revoked = revoke(hub, new JsonObject().put("tokenId", Auth.tokenId(token)));
    long id = revoked.json().getLong("id");
    assertProblem(401, me(hub, token));
    JsonArray listed = hub.get("/api/v1/admin/revocations", hub.adminToken()).json().getJsonArray("revocations");
    assertTrue(listed.stream().anyMatch(r -> ((JsonObject) r).getLong("id") == id), listed::encode);

    Response withdrawn = hub.delete("/api/v1/admin/revocations/" + id, hub.adminToken());
    assertEquals(204, withdrawn.status(), withdrawn::toString);
    assertEquals(200, me(hub, token).status(), "withdrawn");
    assertProblem(404, hub.delete("/api/v1/admin/revocations/" + id, hub.adminToken()));

    Response audit = hub.get("/api/v1/audit?subject=revocation:" + id, hub.token("steward"));
    assertEquals(200, audit.status(), audit::toString);
    String trail = audit.body();
    assertTrue(trail.contains("token-revoked") && trail.contains("revocation-withdrawn"), trail);
  }

  @Test
  void onlyAdministratorsRevokeAndBadRequestsNameTheField() {
    String steward = hub.token("steward");
    assertProblem(403, hub.post("/api/v1/admin/revocations", JSON, "{\"subject\":\"x\"}", steward));
    assertProblem(403, hub.get("/api/v1/admin/revocations", steward));

    assertDetail(revoke(hub, new JsonObject()), "tokenId, token, subject: give exactly one");
    assertDetail(revoke(hub, new JsonObject().put("tokenId", "a").put("subject", "b")), "give exactly one");
    assertDetail(revoke(hub, new JsonObject().put("subject", 5)), "subject: must be a string");
    assertDetail(revoke(hub, new JsonObject().put("token", "not-a-jwt")), "token: is not a JSON web token");
    assertDetail(revoke(hub, new JsonObject().put("tokenId", "x".repeat(501))), "tokenId: is longer than 500");
    assertDetail(revoke(hub, new JsonObject().put("subject", "nul\u0000")), "subject: must not contain NUL");
    JWTAuth sameKey = JWTAuth.create(TestInfra.vertx(), new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(HubTestNode.JWT_SECRET)));
    String withoutId = sameKey.generateToken(new JsonObject().put("sub", "old").put("iss", "customer-hub"),
        new JWTOptions().setAlgorithm("HS256").setExpiresInMinutes(5));
    assertDetail(revoke(hub, new JsonObject().put("token", withoutId)), "token: carries no id (jti)");
    assertDetail(hub.post("/api/v1/admin/revocations", JSON, "[1,", hub.adminToken()), "body: is not a JSON object");
    assertDetail(hub.delete("/api/v1/admin/revocations/abc", hub.adminToken()), "id: 'abc' is not a whole number");
  }

  private static void assertDetail(Response r, String expected) {
    assertProblem(400, r);
    assertTrue(r.json().getString("detail").contains(expected), () -> expected + " in " + r);
  }

  /** Each node reads the revocations again every auth.revocationRefreshSeconds: here 1. */
  @Test
  void aTokenRevokedThroughOneNodeIsRefusedByAnotherWithinItsRefreshPeriod() throws InterruptedException {
    try (HubTestNode second = HubTestNode.builder().postgresUrl(hub.pgUrl())
        .env("HUB_AUTH_REVOCATION_REFRESH_SECONDS", "1").start()) {
      String leaked = tokenOf("partner-portal");
      assertEquals(200, me(second, leaked).status(), "known to the second node, and remembered as verified");
      assertEquals(201, revoke(hub, new JsonObject().put("token", leaked)).status());
      long deadline = System.currentTimeMillis() + 5_000;
      while (me(second, leaked).status() != 401 && System.currentTimeMillis() < deadline) Thread.sleep(100);
      assertProblem(401, me(second, leaked));
    }
  }

  /** The list is read from the database: a node lists a revocation another node took before its next refresh. */
  @Test
  void anotherNodeListsARevocationAtOnceAndRefusesTheTokenFromThen() {
    try (HubTestNode second = HubTestNode.builder().postgresUrl(hub.pgUrl())
        .env("HUB_AUTH_REVOCATION_REFRESH_SECONDS", "3600").start()) {
      String leaked = tokenOf("reporting-job");
      assertEquals(200, me(second, leaked).status());
      String id = revoke(hub, new JsonObject().put("token", leaked).put("reason", "pasted in a ticket")).json()
          .getValue("id").toString();
      JsonArray listed = second.get("/api/v1/admin/revocations", second.adminToken()).json()
          .getJsonArray("revocations");
      assertTrue(listed.stream().map(JsonObject.class::cast).anyMatch(r -> id.equals(r.getValue("id").toString())),
          listed::encode);
      assertProblem(401, me(second, leaked));
    }
  }
}

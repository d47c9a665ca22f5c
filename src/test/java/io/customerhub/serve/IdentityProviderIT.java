package io.customerhub.serve;

import io.customerhub.testing.FakeIdentityProvider;
import io.customerhub.testing.FakeIdentityProvider.Key;
import io.customerhub.testing.HubTestNode;
import io.customerhub.testing.HubTestNode.Response;
import io.customerhub.testing.TestInfra;
import io.customerhub.testing.WireRecords;
import io.customerhub.testing.WireRecords.Rec;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static io.customerhub.testing.ApiAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tokens of the organization's identity provider (a Keycloak-shaped one: realm roles under {@code realm_access},
 * the user's name in {@code preferred_username}), taken beside the hub's own: who the caller is, what the mapped
 * roles allow, which tokens are refused and why, a key rotation, and a provider out of reach.
 */
class IdentityProviderIT {

  private static final String JSON = "application/json";
  private static final Vertx VERTX = TestInfra.vertx();
  private static FakeIdentityProvider idp;
  private static Key key;
  private static HubTestNode hub;

  @BeforeAll
  static void start() {
    idp = FakeIdentityProvider.start(VERTX);
    key = idp.publishRsaKey(VERTX, "rsa-1");
    hub = node(idp);
  }

  private static HubTestNode node(FakeIdentityProvider provider) {
    return HubTestNode.builder().env("HUB_AUTH_OIDC_ISSUER", provider.issuer())
        .env("HUB_AUTH_OIDC_AUDIENCE", "customer-hub")
        .env("HUB_AUTH_OIDC_ROLES_CLAIM", "realm_access.roles")
        .env("HUB_AUTH_OIDC_ROLE_MAP", "hub-stewards=steward,hub-stewards=reader,order-service=router,"
            + "crm-sync=ingest")
        .env("HUB_AUTH_OIDC_SUBJECT_CLAIM", "preferred_username").start();
  }

  @AfterAll
  static void stop() {
    if (hub != null) hub.close();
    if (idp != null) idp.close();
  }

  private static JsonObject user(String name, String... realmRoles) {
    return new JsonObject().put("sub", "f:" + name.hashCode()).put("preferred_username", name).put("aud", "customer-hub")
        .put("realm_access", new JsonObject().put("roles", new JsonArray(List.of(realmRoles))));
  }

  private static String tokenOf(String name, String... realmRoles) {
    return idp.token(key, user(name, realmRoles), 300);
  }

  @Test
  void aUserSignedInAtTheProviderIsKnownByNameWithTheMappedRoles() {
    Response me = hub.get("/api/v1/me", tokenOf("alice", "hub-stewards", "offline_access"));
    assertEquals(200, me.status(), me::toString);
    assertEquals("alice", me.json().getString("subject"));
    assertEquals(new JsonArray().add("reader").add("steward"), me.json().getJsonArray("roles"));
    assertTrue(me.json().getString("expiresAt").startsWith("20"), me::toString);
  }

  @Test
  void theAuditTrailNamesTheProvidersUser() {
    String steward = tokenOf("bob.steward", "hub-stewards");
    Rec person = WireRecords.person("crm", WireRecords.uniqueId("C")).name("Ada", "Lovelace")
        .emails(WireRecords.uniqueEmail("ada")).updatedAt(WireRecords.at(0));
    String profile = hub.accept(person).getString("profileId");
    Response set = hub.put("/api/v1/profiles/" + profile + "/overrides/givenName", JSON,
        "{\"value\":\"Augusta Ada\",\"note\":\"passport\"}", steward);
    assertEquals(200, set.status(), set::toString);
    JsonArray audit = hub.get("/api/v1/audit?subject=profile:" + profile, steward).json().getJsonArray("items");
    assertEquals("bob.steward", audit.getJsonObject(0).getString("actor"), audit::encode);
  }

  @Test
  void aRoleTheMapDoesNotGrantIsForbidden() {
    String router = tokenOf("order-service", "order-service");
    Rec person = WireRecords.person("crm", WireRecords.uniqueId("C")).emails(WireRecords.uniqueEmail("r"))
        .updatedAt(WireRecords.at(0));
    hub.accept(person);
    assertEquals(200, hub.get("/api/v1/routing/crm/" + person.sourceId(), router).status());
    assertProblem(403, hub.get("/api/v1/profiles/by-key/crm/" + person.sourceId(), router));
    // a realm role named like a hub role grants nothing when a map is configured
    assertProblem(403, hub.get("/api/v1/crosswalk", tokenOf("mallory", "admin", "reader")));
  }

  /** A provider's token is revoked by its jti, or by the subject the hub knows its user by (here the user name). */
  @Test
  void aProvidersTokensAreRevokedByTheirIdOrTheirUser() {
    long issued = System.currentTimeMillis() / 1000 - 10;
    String first = idp.token(key, user("carol", "hub-stewards").put("jti", "idp-carol-1").put("iat", issued), 300);
    String second = idp.token(key, user("carol", "hub-stewards").put("jti", "idp-carol-2").put("iat", issued), 300);
    assertEquals(200, hub.get("/api/v1/me", first).status());
    String admin = hub.adminToken();
    assertEquals(201, hub.post("/api/v1/admin/revocations", JSON, "{\"tokenId\":\"idp-carol-1\"}", admin).status());
    assertProblem(401, hub.get("/api/v1/me", first));
    assertEquals(200, hub.get("/api/v1/me", second).status(), "her other token");
    assertEquals(201, hub.post("/api/v1/admin/revocations", JSON, "{\"subject\":\"carol\"}", admin).status());
    assertProblem(401, hub.get("/api/v1/me", second));
  }

  @Test
  void theHubsOwnTokensStillWork() {
    assertEquals(200, hub.get("/api/v1/me", hub.adminToken()).status());
  }

  @Test
  void aTokenForAnotherApplicationIsRefused() {
    String token = idp.token(key, user("alice", "hub-stewards").put("aud", "billing-app"), 300);
    JsonObject problem = assertProblem(401, hub.get("/api/v1/me", token));
    assertTrue(problem.getString("detail").contains("audience"), problem::encode);
  }

  @Test
  void aTokenThatNamesNobodyIsRefused() {
    JsonObject nobody = user("x", "hub-stewards");
    nobody.remove("sub");
    nobody.remove("preferred_username");
    JsonObject problem = assertProblem(401, hub.get("/api/v1/me", idp.token(key, nobody, 300)));
    assertTrue(problem.getString("detail").endsWith("it names nobody in preferred_username nor in sub"),
        problem::encode);
  }

  @Test
  void anExpiredTokenIsRefusedBeyondTheLeeway() {
    long past = System.currentTimeMillis() / 1000 - 120;
    String token = idp.token(key, user("alice", "hub-stewards").put("exp", past).put("iat", past - 300), 0);
    JsonObject problem = assertProblem(401, hub.get("/api/v1/me", token));
    assertTrue(problem.getString("detail").contains("expired"), problem::encode);
  }

  @Test
  void aTokenSignedWithAKeyTheProviderDoesNotPublishIsRefused() {
    // the same kid as the published key, another private key: a forgery
    Key forger = FakeIdentityProvider.rsaKey(VERTX, "rsa-1");
    JsonObject problem = assertProblem(401, hub.get("/api/v1/me", idp.token(forger, user("eve", "hub-stewards"), 300)));
    assertTrue(problem.getString("detail").contains("not valid"), problem::encode);
  }

  @Test
  void theProvidersIssuerWithTheHubsSecretOrNoSignatureIsRefused() {
    JWTAuth hubSecret = JWTAuth.create(VERTX, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(HubTestNode.JWT_SECRET)));
    String hs256 = hubSecret.generateToken(user("eve", "hub-stewards").put("iss", idp.issuer())
        .put("roles", new JsonArray().add("admin")), new JWTOptions().setAlgorithm("HS256").setExpiresInSeconds(300));
    JsonObject problem = assertProblem(401, hub.get("/api/v1/me", hs256));
    assertTrue(problem.getString("detail").contains("must be signed with one of its published keys, not with alg HS256"),
        problem::encode);

    String header = b64("{\"alg\":\"none\",\"kid\":\"rsa-1\"}");
    String payload = b64(user("eve", "hub-stewards").put("iss", idp.issuer()).encode());
    assertProblem(401, hub.get("/api/v1/me", header + "." + payload + "."));
    assertProblem(401, hub.get("/api/v1/me", header + "." + payload + ".c2lnbmF0dXJl"));
  }

  @Test
  void aRotatedKeyIsFetchedOnceWhenATokenNamesIt() throws InterruptedException {
    Key rotated = idp.publishEcKey(VERTX, "ec-2");
    int before = idp.keySetRequests();
    String token = idp.token(rotated, user("carol", "hub-stewards"), 300);
    // the hub goes back to the provider for an unknown key at most every five seconds: within that, it answers 401
    Response me = hub.get("/api/v1/me", token);
    for (int i = 0; i < 30 && me.status() != 200; i++) {
      assertEquals(401, me.status(), me::toString);
      Thread.sleep(250);
      me = hub.get("/api/v1/me", token);
    }
    assertEquals(200, me.status(), me::toString);
    assertEquals("carol", me.json().getString("subject"));
    assertEquals(before + 1, idp.keySetRequests());
    // made-up key ids right after do not send the hub to the provider again
    Key unknown = FakeIdentityProvider.rsaKey(VERTX, "made-up");
    for (int i = 0; i < 3; i++) {
      JsonObject problem = assertProblem(401, hub.get("/api/v1/me", idp.token(unknown, user("eve" + i), 300)));
      assertTrue(problem.getString("detail").contains("a key the identity provider does not publish (kid made-up)"),
          problem::encode);
    }
    assertEquals(before + 1, idp.keySetRequests());
  }

  @Test
  void recordsSentWithTheFirstTokenOfANewKeyAreIngestedWhileTheKeyIsFetched() throws InterruptedException {
    Key next = idp.publishRsaKey(VERTX, "rsa-3");
    // past the five seconds in which an unknown key does not send the hub back to the provider
    Thread.sleep(5_500);
    int before = idp.keySetRequests();
    Rec record = WireRecords.person("crm", WireRecords.uniqueId("C")).emails(WireRecords.uniqueEmail("sync"))
        .updatedAt(WireRecords.at(0));
    Response sent = hub.post("/api/v1/records/crm", HubTestNode.NDJSON, record.line() + "\n",
        idp.token(next, user("crm-sync", "crm-sync"), 300));
    assertEquals(200, sent.status(), sent::toString);
    assertEquals("accepted", sent.ndjson().get(0).getString("status"), sent::toString);
    assertEquals(before + 1, idp.keySetRequests());
  }

  @Test
  void aProviderOutOfReachAtStartHoldsBackOnlyItsOwnTokens() throws Exception {
    try (FakeIdentityProvider down = FakeIdentityProvider.start(VERTX)) {
      Key downKey = down.publishRsaKey(VERTX, "rsa-d");
      down.reachable(false);
      try (HubTestNode node = node(down)) {
        String token = down.token(downKey, user("dave", "hub-stewards"), 300);
        Response refused = node.get("/api/v1/me", token);
        JsonObject problem = assertProblem(503, refused);
        assertEquals("5", refused.header("Retry-After"), refused::toString);
        assertTrue(problem.getString("detail").contains("signing keys could not be fetched"), problem::encode);
        Response ready = node.get("/health/ready", null);
        assertEquals(200, ready.status(), ready::toString);
        assertTrue(ready.json().getJsonObject("checks").getJsonObject("identityProvider").getString("status")
            .startsWith("WAITING: no signing keys from " + down.issuer()), ready::toString);
        assertEquals(200, node.get("/api/v1/me", node.adminToken()).status(), "the hub's own tokens still work");

        down.reachable(true);
        Response me = null;
        for (int i = 0; i < 40 && (me == null || me.status() != 200); i++) {
          Thread.sleep(500);
          me = node.get("/api/v1/me", token);
        }
        assertEquals(200, me.status(), String.valueOf(me));
        assertEquals("dave", me.json().getString("subject"));
        assertEquals("UP", node.get("/health/ready", null).json().getJsonObject("checks")
            .getJsonObject("identityProvider").getString("status"));
        // operators see the failed fetches, which keys held before would hide from readiness
        assertTrue(node.counter("hub_auth_provider_key_fetches_total", "outcome=\"failed\"") >= 1);
        assertTrue(node.counter("hub_auth_provider_key_fetches_total", "outcome=\"ok\"") >= 1);
      }
    }
  }

  private static String b64(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}

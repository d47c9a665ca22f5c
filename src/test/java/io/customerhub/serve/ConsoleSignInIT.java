package io.customerhub.serve;

import io.customerhub.testing.BrowserScripts;
import io.customerhub.testing.FakeIdentityProvider;
import io.customerhub.testing.FakeSignIns;
import io.customerhub.testing.HubTestNode;
import io.customerhub.testing.HubTestNode.Response;
import io.customerhub.testing.TestInfra;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stewards sign in to the console at the organization's identity provider: what the pages are told about the
 * provider, the page's policy that lets them reach its token endpoint and nothing else, and the whole sign-in in a
 * browser ({@code src/test/browser/console-signin.mjs}): there and back with PKCE, a renewal past the access
 * token's life, the sign-out at the provider, a code the console did not ask for.
 */
class ConsoleSignInIT {

  private static final int ACCESS_SECONDS = 3;
  private static FakeIdentityProvider idp;
  private static FakeSignIns signIns;
  private static HubTestNode hub;

  @BeforeAll
  static void start() {
    idp = FakeIdentityProvider.start(TestInfra.vertx());
    FakeIdentityProvider.Key key = idp.publishRsaKey(TestInfra.vertx(), "rsa-1");
    signIns = idp.signInAs(key, new JsonObject().put("sub", "5f1c").put("preferred_username", "alice")
        .put("aud", "customer-hub").put("realm_access", new JsonObject()
            .put("roles", new JsonArray().add("hub-stewards"))), ACCESS_SECONDS);
    hub = HubTestNode.builder().env("HUB_AUTH_OIDC_ISSUER", idp.issuer())
        .env("HUB_AUTH_OIDC_AUDIENCE", "customer-hub")
        .env("HUB_AUTH_OIDC_ROLES_CLAIM", "realm_access.roles")
        .env("HUB_AUTH_OIDC_ROLE_MAP", "hub-stewards=steward,hub-stewards=reader")
        .env("HUB_AUTH_OIDC_SUBJECT_CLAIM", "preferred_username")
        // the renewal is what is tested: an expired token is refused at once
        .env("HUB_AUTH_OIDC_LEEWAY_SECONDS", "0")
        .env("HUB_AUTH_OIDC_CONSOLE_CLIENT_ID", "hub-console").start();
  }

  @AfterAll
  static void stop() {
    if (hub != null) hub.close();
    if (idp != null) idp.close();
  }

  @Test
  void thePagesLearnWhereToSignInAndMayReachTheTokenEndpointOnly() {
    Response signIn = hub.get("/console/sign-in.json", null);
    assertEquals(200, signIn.status(), signIn::toString);
    assertEquals("no-store", signIn.header("Cache-Control"));
    assertEquals(new JsonObject().put("authorizationEndpoint", idp.issuer() + "/auth")
        .put("tokenEndpoint", idp.issuer() + "/token").put("endSessionEndpoint", idp.issuer() + "/logout")
        .put("issuer", idp.issuer()).put("clientId", "hub-console").put("scope", "openid"),
        signIn.json().getJsonObject("provider"));
    String origin = idp.issuer().replace("/realms/acme", "");
    String policy = hub.get("/console/", null).header("Content-Security-Policy");
    assertTrue(policy.contains("connect-src 'self' " + origin + ";"), policy);
    assertTrue(policy.contains("script-src 'self';") && policy.contains("form-action 'none'"), policy);
  }

  @Test
  void aStewardSignsInAtTheProviderWorksPastTheTokensLifeAndSignsOut() throws Exception {
    BrowserScripts.assumeInstalled("the console's sign-in at the identity provider");
    String output = BrowserScripts.run("console-signin.mjs", Map.of("HUB_URL", "http://127.0.0.1:" + hub.port(),
        "ACCESS_SECONDS", String.valueOf(ACCESS_SECONDS)), Duration.ofMinutes(3));
    assertTrue(output.contains("✓ a code the console did not ask for is refused"), output);
    assertEquals(1, signIns.codeExchanges(), "one code, exchanged once");
    assertTrue(signIns.refreshes() >= 1, "the expired token was renewed with the refresh token");
    assertEquals(1, signIns.signOuts(), "the session ended at the provider");
  }
}

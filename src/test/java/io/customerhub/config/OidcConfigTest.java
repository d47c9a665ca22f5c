package io.customerhub.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code auth.oidc} as an operator sets it: through the environment, checked before the node starts. */
class OidcConfigTest {

  private static final String ISSUER = "https://login.example.com/realms/acme";

  private static Oidc load(Map<String, String> env) {
    return ConfigLoader.load(Path.of("conf", "hub.json"), env).auth().oidc();
  }

  private static Map<String, String> with(String... pairs) {
    Map<String, String> env = new HashMap<>(Map.of("HUB_AUTH_OIDC_ISSUER", ISSUER,
        "HUB_AUTH_OIDC_AUDIENCE", "customer-hub"));
    for (int i = 0; i < pairs.length; i += 2) env.put(pairs[i], pairs[i + 1]);
    return env;
  }

  @Test
  void everySettingComesFromTheEnvironment() {
    Oidc oidc = load(with("HUB_AUTH_OIDC_AUDIENCE", "customer-hub, account",
        "HUB_AUTH_OIDC_ROLES_CLAIM", "realm_access.roles",
        "HUB_AUTH_OIDC_ROLE_MAP", "hub-stewards=steward,hub-stewards=reader, crm-users = reader",
        "HUB_AUTH_OIDC_SUBJECT_CLAIM", "preferred_username", "HUB_AUTH_OIDC_LEEWAY_SECONDS", "10",
        "HUB_AUTH_OIDC_KEYS_REFRESH_MINUTES", "15", "HUB_AUTH_OIDC_JWKS_URI", ISSUER + "/protocol/openid-connect/certs",
        "HUB_AUTH_OIDC_CONSOLE_CLIENT_ID", "hub-console"));
    assertTrue(oidc.enabled());
    assertEquals(ISSUER, oidc.issuer());
    assertEquals(List.of("customer-hub", "account"), oidc.audience());
    assertEquals("realm_access.roles", oidc.rolesClaim());
    assertEquals(Map.of("hub-stewards", List.of("steward", "reader"), "crm-users", List.of("reader")), oidc.roleMap());
    assertEquals("preferred_username", oidc.subjectClaim());
    assertEquals(10, oidc.leewaySeconds());
    assertEquals(15, oidc.keysRefreshMinutes());
    assertEquals(ISSUER + "/protocol/openid-connect/certs", oidc.jwksUri());
    assertEquals("hub-console", oidc.consoleClientId());
  }

  @Test
  void offUnlessAnIssuerIsGiven() {
    assertEquals(Oidc.OFF, load(Map.of("HUB_AUTH_OIDC_AUDIENCE", "customer-hub")));
    assertEquals(Oidc.OFF, load(Map.of("HUB_AUTH_OIDC_ISSUER", "  ")));
  }

  @Test
  void defaultsReadTheRolesClaimAndTheSubject() {
    Oidc oidc = load(with());
    assertEquals("roles", oidc.rolesClaim());
    assertEquals(Map.of(), oidc.roleMap());
    assertEquals("sub", oidc.subjectClaim());
    assertEquals(30, oidc.leewaySeconds());
    assertEquals(60, oidc.keysRefreshMinutes());
    assertNull(oidc.jwksUri());
    assertNull(oidc.consoleClientId());
  }

  @Test
  void anAudienceIsRequiredSoThatOtherApplicationsTokensAreRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> load(Map.of("HUB_AUTH_OIDC_ISSUER", ISSUER)));
    assertTrue(e.getMessage().contains("auth.oidc.audience (HUB_AUTH_OIDC_AUDIENCE) is required"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://login.example.com/realms/acme", "ftp://login.example.com", "login.example.com",
      "https://", "http://10.0.0.5:8080/realms/acme"})
  void keysComeOverHttpsOrFromThisMachine(String issuer) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> load(with("HUB_AUTH_OIDC_ISSUER", issuer)));
    assertTrue(e.getMessage().startsWith("auth.oidc.issuer (HUB_AUTH_OIDC_ISSUER): '" + issuer + "'"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://127.0.0.1:8180/realms/acme", "http://localhost:8180", "https://idp.example.com"})
  void aProviderOnThisMachineMayUsePlainHttp(String issuer) {
    assertEquals(issuer, load(with("HUB_AUTH_OIDC_ISSUER", issuer)).issuer());
  }

  @Test
  void aJwksUriOverPlainHttpElsewhereIsRefusedToo() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> load(with("HUB_AUTH_OIDC_JWKS_URI", "http://idp.example.com/certs")));
    assertTrue(e.getMessage().startsWith("auth.oidc.jwksUri (HUB_AUTH_OIDC_JWKS_URI)"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"steward", "=steward", "hub-stewards=", "hub-stewards"})
  void aRoleMapEntryMustPairAValueWithARole(String entry) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> load(with("HUB_AUTH_OIDC_ROLE_MAP", entry)));
    assertEquals("auth.oidc.roleMap (HUB_AUTH_OIDC_ROLE_MAP): '" + entry + "' is not provider-value=hub-role",
        e.getMessage());
  }

  @Test
  void aProviderValueMayHoldEqualsSignsAndCommasInHubJson() {
    // an LDAP group's distinguished name, as some providers put in groups: the role follows the last '='
    Oidc oidc = Oidc.from(new JsonObject().put("issuer", ISSUER).put("audience", new JsonArray().add("customer-hub"))
        .put("roleMap", new JsonArray().add("cn=stewards,ou=groups,dc=acme=steward")));
    assertEquals(Map.of("cn=stewards,ou=groups,dc=acme", List.of("steward")), oidc.roleMap());
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "301"})
  void leewayIsBounded(String seconds) {
    assertThrows(IllegalArgumentException.class, () -> load(with("HUB_AUTH_OIDC_LEEWAY_SECONDS", seconds)));
  }

  @Test
  void keysAreRefreshedAtLeastEveryMinute() {
    assertThrows(IllegalArgumentException.class, () -> load(with("HUB_AUTH_OIDC_KEYS_REFRESH_MINUTES", "0")));
  }
}

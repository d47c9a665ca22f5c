package io.customerhub.serve;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Roles from the claims of the providers operators use, in the shapes those providers give them. */
class ClaimRolesTest {

  private static final Set<String> HUB_ROLES = Auth.ROLES;

  private static ClaimRoles named(String path) {
    return new ClaimRoles(path, Map.of(), HUB_ROLES);
  }

  @Test
  void keycloakRealmRolesAreNested() {
    Map<String, Object> claims = Map.of("realm_access", Map.of("roles", List.of("offline_access", "steward", "reader")));
    assertEquals(List.of("reader", "steward"), named("realm_access.roles").roles(claims));
  }

  @Test
  void keycloakClientRolesAreNestedUnderAClientNameWithADash() {
    Map<String, Object> claims = Map.of("resource_access",
        Map.of("customer-hub", Map.of("roles", List.of("router"))));
    assertEquals(List.of("router"), named("resource_access.customer-hub.roles").roles(claims));
  }

  @Test
  void auth0NamespacedClaimsAreNamesWithDotsNotPaths() {
    Map<String, Object> claims = Map.of("https://hub.example.com/roles", List.of("ingest"));
    assertEquals(List.of("ingest"), named("https://hub.example.com/roles").roles(claims));
  }

  @Test
  void scopesAreOneSpaceSeparatedString() {
    Map<String, Object> claims = Map.of("scope", "openid profile  reader\trouter ");
    assertEquals(List.of("reader", "router"), named("scope").roles(claims));
  }

  @Test
  void groupsAreTranslatedByTheMapAndOneGroupMayGrantSeveralRoles() {
    ClaimRoles roles = new ClaimRoles("groups", Map.of("Data Stewards", List.of("steward", "reader"),
        "order-service", List.of("router")), HUB_ROLES);
    assertEquals(List.of("reader", "steward"), roles.roles(Map.of("groups", List.of("Data Stewards", "Everyone"))));
    assertEquals(List.of("router"), roles.roles(Map.of("groups", List.of("order-service"))));
  }

  @Test
  void withAMapOnlyTheMapGrants() {
    ClaimRoles roles = new ClaimRoles("roles", Map.of("hub-admins", List.of("admin")), HUB_ROLES);
    assertEquals(List.of(), roles.roles(Map.of("roles", List.of("admin", "steward"))));
    assertEquals(List.of("admin"), roles.roles(Map.of("roles", List.of("hub-admins"))));
  }

  @Test
  void valuesAreComparedExactlyButForSurroundingSpace() {
    assertEquals(List.of(), named("roles").roles(Map.of("roles", List.of("Admin", "STEWARD", "administrator"))));
    assertEquals(List.of("reader"), named("roles").roles(Map.of("roles", List.of(" reader "))));
  }

  @Test
  void aClaimOfAnotherShapeGrantsNothing() {
    ClaimRoles roles = named("roles");
    assertEquals(List.of(), roles.roles(Map.of()));
    assertEquals(List.of(), roles.roles(Map.of("roles", Map.of("admin", true))));
    assertEquals(List.of(), roles.roles(Map.of("roles", 42)));
    assertEquals(List.of(), roles.roles(Map.of("roles", List.of(List.of("admin"), 7, true))));
    Map<String, Object> nullRoles = new LinkedHashMap<>();
    nullRoles.put("roles", null);
    assertEquals(List.of(), roles.roles(nullRoles));
    assertEquals(List.of(), named("realm_access.roles").roles(Map.of("realm_access", List.of("admin"))));
  }

  @Test
  void eachRoleOnceInOrder() {
    assertEquals(List.of("admin", "reader"), named("roles").roles(Map.of("roles", List.of("reader", "admin", "reader"))));
  }

  @Test
  void aMapNamingNoHubRoleIsRefusedWithTheRoles() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ClaimRoles("groups", Map.of("stewards", List.of("stewart")), HUB_ROLES));
    assertTrue(e.getMessage().startsWith("auth.oidc.roleMap: 'stewards=stewart': 'stewart' is not a hub role"),
        e.getMessage());
    assertTrue(e.getMessage().contains("[admin, ingest, monitor, reader, router, steward]"), e.getMessage());
  }

  @Test
  void theSubjectIsTextOrANumber() {
    assertEquals("alice", ClaimRoles.text(ClaimRoles.at(Map.of("preferred_username", "alice"), "preferred_username")));
    assertEquals("1042", ClaimRoles.text(ClaimRoles.at(Map.of("uid", 1042), "uid")));
    assertNull(ClaimRoles.text(ClaimRoles.at(Map.of("uid", List.of("a")), "uid")));
    assertNull(ClaimRoles.text(ClaimRoles.at(Map.of("uid", " "), "uid")));
    assertNull(ClaimRoles.text(ClaimRoles.at(Map.of(), "uid")));
  }

  @Test
  void aPathStopsAtTheFirstMissingOrNonObjectLevel() {
    assertNull(ClaimRoles.at(Map.of("a", "text"), "a.b"));
    assertNull(ClaimRoles.at(Map.of("a", Map.of()), "a.b.c"));
    assertNull(ClaimRoles.at(Map.of(), "a..b"));
  }
}

package io.customerhub.serve;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The hub roles an identity provider's token grants: read from the claim where the provider puts roles, groups or
 * scopes, and translated by the configured map. Pure: the claims are the token's decoded JSON (maps, lists,
 * strings, numbers).
 *
 * <p>Providers differ in where and how: Keycloak nests realm roles ({@code realm_access.roles}), Entra ID and
 * Auth0 put a list at the top (Auth0 under a name that is a URL, dots included), Okta lists {@code groups}, and
 * OAuth scopes are one space-separated string ({@code scope}). A value the map does not name grants nothing, and
 * so does a claim of the wrong shape: a token never gets a role by accident.
 */
public final class ClaimRoles {

  private final String claimPath;
  private final Map<String, List<String>> roleMap;

  /**
   * @param roleMap provider value → hub roles; empty: a value named like a hub role is that role
   * @throws IllegalArgumentException when the map names a role the hub does not have
   */
  public ClaimRoles(String claimPath, Map<String, List<String>> roleMap, Set<String> hubRoles) {
    for (Map.Entry<String, List<String>> e : roleMap.entrySet()) {
      for (String role : e.getValue()) {
        if (!hubRoles.contains(role)) {
          throw new IllegalArgumentException("auth.oidc.roleMap: '" + e.getKey() + "=" + role + "': '" + role
              + "' is not a hub role; the roles are " + new TreeSet<>(hubRoles));
        }
      }
    }
    this.claimPath = claimPath;
    this.roleMap = roleMap.isEmpty() ? identity(hubRoles) : Map.copyOf(roleMap);
  }

  /** The hub roles the claims grant, sorted, each once. */
  public List<String> roles(Map<String, ?> claims) {
    TreeSet<String> granted = new TreeSet<>();
    for (String value : values(at(claims, claimPath))) {
      List<String> roles = roleMap.get(value);
      if (roles != null) granted.addAll(roles);
    }
    return List.copyOf(granted);
  }

  /**
   * The claim at {@code path}: the claim of that exact name if there is one (Auth0's {@code https://…/roles}), else
   * the path's dot-separated names one level down each; null when absent.
   */
  public static Object at(Map<String, ?> claims, String path) {
    if (claims.containsKey(path)) return claims.get(path);
    Object node = claims;
    for (String name : path.split("\\.", -1)) {
      if (!(node instanceof Map<?, ?> map)) return null;
      node = map.get(name);
    }
    return node;
  }

  /** A claim as text, for the caller's name: a string or a number; null for anything else. */
  public static String text(Object claim) {
    if (claim instanceof String s) return s.isBlank() ? null : s;
    if (claim instanceof Number n) return n.toString();
    return null;
  }

  /** A list's strings, or a string's space-separated words (OAuth scopes); nothing for any other shape. */
  private static List<String> values(Object claim) {
    List<String> out = new ArrayList<>();
    if (claim instanceof String s) {
      for (String word : s.strip().split("\\s+")) if (!word.isEmpty()) out.add(word);
    } else if (claim instanceof Collection<?> list) {
      for (Object o : list) if (o instanceof String s) out.add(s.strip());
    }
    return out;
  }

  private static Map<String, List<String>> identity(Set<String> hubRoles) {
    Map<String, List<String>> map = new java.util.HashMap<>();
    for (String role : hubRoles) map.put(role, List.of(role));
    return Map.copyOf(map);
  }
}

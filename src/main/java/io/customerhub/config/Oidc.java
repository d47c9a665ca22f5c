package io.customerhub.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The organization's OpenID Connect identity provider (Keycloak, Entra ID, Okta, Auth0, …), whose signed access
 * tokens the hub accepts beside its own, so that people and services sign in where they already do and lose their
 * access there when they leave. Off while {@code issuer} is null.
 *
 * @param issuer             the provider's issuer, exactly as its tokens' {@code iss} says; its keys are found through
 *                           {@code <issuer>/.well-known/openid-configuration} unless {@code jwksUri} is given
 * @param audience           the hub's names at the provider: a token must name one of them in {@code aud}, so that a
 *                           token the provider issued for another application is refused
 * @param rolesClaim         where the token carries its roles or groups: a claim name or a dotted path
 *                           ({@code realm_access.roles} for Keycloak, {@code roles} for Entra ID app roles,
 *                           {@code groups}, {@code scope})
 * @param roleMap            provider value → hub roles; empty: values named like hub roles are those roles
 * @param subjectClaim       the claim that names the caller in the audit trail ({@code preferred_username},
 *                           {@code email} or the default {@code sub})
 * @param leewaySeconds      clock difference tolerated on {@code exp}, {@code nbf} and {@code iat}
 * @param keysRefreshMinutes how often the provider's keys are fetched again (also at once, at most every five seconds,
 *                           when a token names a key the hub does not know: the provider rotated its keys)
 * @param consoleClientId    the console's public client at the provider (authorization code with PKCE); null: the
 *                           console takes a pasted token only
 */
public record Oidc(String issuer, String jwksUri, List<String> audience, String rolesClaim,
                   Map<String, List<String>> roleMap, String subjectClaim, int leewaySeconds, int keysRefreshMinutes,
                   String consoleClientId) {

  private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "::1", "[::1]");

  public static final Oidc OFF = new Oidc(null, null, List.of(), "roles", Map.of(), "sub", 30, 60, null);

  public boolean enabled() {
    return issuer != null;
  }

  /** Decodes and checks {@code auth.oidc}; a mistake is refused at start, naming the setting. */
  static Oidc from(JsonObject json) {
    String issuer = HubConfig.blankToNull(json.getString("issuer"));
    if (issuer == null) return OFF;
    checkUrl("auth.oidc.issuer (HUB_AUTH_OIDC_ISSUER)", issuer);
    String jwksUri = HubConfig.blankToNull(json.getString("jwksUri"));
    if (jwksUri != null) checkUrl("auth.oidc.jwksUri (HUB_AUTH_OIDC_JWKS_URI)", jwksUri);
    List<String> audience = strings(json.getJsonArray("audience", new JsonArray()));
    if (audience.isEmpty()) {
      throw new IllegalArgumentException("auth.oidc.audience (HUB_AUTH_OIDC_AUDIENCE) is required with an issuer: "
          + "the hub's client id or audience at the provider, so that tokens issued for other applications are "
          + "refused");
    }
    String rolesClaim = json.getString("rolesClaim", "roles");
    if (rolesClaim == null || rolesClaim.isBlank()) {
      throw new IllegalArgumentException("auth.oidc.rolesClaim (HUB_AUTH_OIDC_ROLES_CLAIM) must name a claim");
    }
    String subjectClaim = json.getString("subjectClaim", "sub");
    if (subjectClaim == null || subjectClaim.isBlank()) {
      throw new IllegalArgumentException("auth.oidc.subjectClaim (HUB_AUTH_OIDC_SUBJECT_CLAIM) must name a claim");
    }
    int leeway = json.getInteger("leewaySeconds", 30);
    if (leeway < 0 || leeway > 300) {
      throw new IllegalArgumentException("auth.oidc.leewaySeconds must be 0 to 300, not " + leeway);
    }
    int refresh = json.getInteger("keysRefreshMinutes", 60);
    if (refresh < 1) {
      throw new IllegalArgumentException("auth.oidc.keysRefreshMinutes must be at least 1, not " + refresh);
    }
    return new Oidc(issuer, jwksUri, audience, rolesClaim.strip(), roleMap(json.getJsonArray("roleMap",
        new JsonArray())), subjectClaim.strip(), leeway, refresh, HubConfig.blankToNull(json.getString("consoleClientId")));
  }

  /** {@code "provider-value=hub-role"} entries; a value may be given several times for several roles. */
  private static Map<String, List<String>> roleMap(JsonArray entries) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (String entry : strings(entries)) {
      int eq = entry.lastIndexOf('=');
      if (eq <= 0 || eq == entry.length() - 1) {
        throw new IllegalArgumentException("auth.oidc.roleMap (HUB_AUTH_OIDC_ROLE_MAP): '" + entry
            + "' is not provider-value=hub-role");
      }
      map.computeIfAbsent(entry.substring(0, eq).strip(), k -> new ArrayList<>()).add(entry.substring(eq + 1).strip());
    }
    map.replaceAll((k, v) -> List.copyOf(v));
    return Collections.unmodifiableMap(map);
  }

  private static List<String> strings(JsonArray array) {
    List<String> out = new ArrayList<>();
    for (Object o : array) {
      if (o != null && !String.valueOf(o).isBlank()) out.add(String.valueOf(o).strip());
    }
    return List.copyOf(out);
  }

  /** Keys fetched over plain HTTP could be swapped by anyone on the way: only a provider on this machine may use it. */
  public static void checkUrl(String setting, String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(setting + ": '" + url + "' is not a URL: " + e.getMessage());
    }
    if (uri.getHost() == null || uri.getScheme() == null) {
      throw new IllegalArgumentException(setting + ": '" + url + "' is not an absolute URL");
    }
    boolean https = "https".equalsIgnoreCase(uri.getScheme());
    boolean localHttp = "http".equalsIgnoreCase(uri.getScheme()) && LOOPBACK.contains(uri.getHost());
    if (!https && !localHttp) {
      throw new IllegalArgumentException(setting + ": '" + url + "' must be https (http only on this machine)");
    }
  }
}

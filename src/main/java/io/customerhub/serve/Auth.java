package io.customerhub.serve;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import io.vertx.ext.web.RoutingContext;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Bearer tokens (HS256 JWT) carrying the contract's roles: {@code reader}, {@code router}, {@code ingest},
 * {@code steward}, {@code admin}; {@code admin} may do everything.
 */
public final class Auth {

  public static final Set<String> ROLES = Set.of("reader", "router", "ingest", "steward", "admin");
  public static final String ADMIN = "admin";

  private static final String BEARER = "Bearer ";
  /** Where {@link #authenticate()} leaves the verified claims of the request's token. */
  private static final String PRINCIPAL = "hub.principal";

  private final JWTAuth provider;
  private final String issuer;
  private final VerifiedTokens verified = new VerifiedTokens(10_000);

  public Auth(Vertx vertx, String secret, String issuer) {
    this.provider = JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(secret))
        .setJWTOptions(new JWTOptions().setIssuer(issuer)));
    this.issuer = issuer;
  }

  public String token(String subject, List<String> roles, int ttlMinutes) {
    for (String role : roles) {
      if (!ROLES.contains(role)) throw new IllegalArgumentException("unknown role '" + role + "'; roles are " + ROLES);
    }
    return provider.generateToken(new JsonObject().put("sub", subject).put("roles", new JsonArray(roles)),
        new JWTOptions().setAlgorithm("HS256").setIssuer(issuer).setExpiresInMinutes(ttlMinutes));
  }

  /** Rejects requests without a valid bearer token with 401; a valid token's claims become the request's. */
  public Handler<RoutingContext> authenticate() {
    return ctx -> {
      String header = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
      if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
        ctx.fail(new HubException(401, "Unauthorized", "a bearer token is required (Authorization: Bearer …)"));
        return;
      }
      String token = header.substring(BEARER.length()).trim();
      JsonObject known = verified.get(token, System.currentTimeMillis());
      if (known != null) {
        ctx.put(PRINCIPAL, known);
        ctx.next();
        return;
      }
      provider.authenticate(new TokenCredentials(token)).onComplete(result -> {
        if (result.failed()) {
          ctx.fail(new HubException(401, "Unauthorized", "the bearer token is not valid: "
              + result.cause().getMessage()));
          return;
        }
        // the JWT provider keeps exp among the user's attributes, not in the principal: copied there so that the
        // token is trusted no longer than it is valid (VerifiedTokens) and the console can say when it expires
        JsonObject principal = result.result().principal().copy();
        Object exp = result.result().attributes().getValue("exp");
        if (exp != null) principal.put("exp", exp);
        // the subject becomes the actor of audit rows, which PostgreSQL cannot store with a NUL character (a 500)
        if (principal.getValue("sub") instanceof String sub && Json.hasNul(sub)) {
          ctx.fail(new HubException(401, "Unauthorized", "the bearer token is not valid: sub holds a NUL character"));
          return;
        }
        verified.put(token, principal, System.currentTimeMillis());
        ctx.put(PRINCIPAL, principal);
        ctx.next();
      });
    };
  }

  /** Rejects requests whose token has none of the given roles (nor admin) with 403. */
  public static Handler<RoutingContext> require(String... roles) {
    Set<String> allowed = Set.of(roles);
    return ctx -> {
      JsonObject principal = ctx.get(PRINCIPAL);
      // a token signed with our key may still carry "roles" as a string or an object: that grants nothing (a 403),
      // where getJsonArray would throw and answer 500
      if (principal != null && principal.getValue("roles") instanceof JsonArray granted) {
        for (Object g : granted) {
          if (ADMIN.equals(g) || allowed.contains(String.valueOf(g))) {
            ctx.next();
            return;
          }
        }
      }
      ctx.fail(new HubException(403, "Forbidden", "this request needs one of the roles " + allowed));
    };
  }

  /**
   * Who the request's token says its caller is: subject, roles and expiry, for the console to say who is signed in
   * and to offer only what the roles allow (the API checks them again on every request).
   */
  public static JsonObject caller(RoutingContext ctx) {
    JsonObject principal = ctx.get(PRINCIPAL);
    Object roles = principal == null ? null : principal.getValue("roles");
    JsonObject caller = new JsonObject().put("subject", actor(ctx))
        .put("roles", roles instanceof JsonArray granted ? granted : new JsonArray());
    if (principal != null && principal.getValue("exp") instanceof Number exp) {
      caller.put("expiresAt", Instant.ofEpochSecond(exp.longValue()).toString());
    }
    return caller;
  }

  /** Who made the request, for the audit trail. */
  public static String actor(RoutingContext ctx) {
    JsonObject principal = ctx.get(PRINCIPAL);
    if (principal == null) return "anonymous";
    String sub = principal.getString("sub");
    return sub == null ? "unknown" : sub;
  }
}

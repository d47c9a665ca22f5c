package io.customerhub.serve;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.JWTAuthHandler;

import java.util.List;
import java.util.Set;

/**
 * Bearer tokens (HS256 JWT) carrying the contract's roles: {@code reader}, {@code router}, {@code ingest},
 * {@code steward}, {@code admin}; {@code admin} may do everything.
 */
public final class Auth {

  public static final Set<String> ROLES = Set.of("reader", "router", "ingest", "steward", "admin");
  public static final String ADMIN = "admin";

  private final JWTAuth provider;
  private final String issuer;

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

  /** Rejects requests without a valid token with 401. */
  public Handler<RoutingContext> authenticate() {
    return JWTAuthHandler.create(provider);
  }

  /** Rejects requests whose token has none of the given roles (nor admin) with 403. */
  public static Handler<RoutingContext> require(String... roles) {
    Set<String> allowed = Set.of(roles);
    return ctx -> {
      JsonArray granted = ctx.user() == null ? null : ctx.user().principal().getJsonArray("roles");
      if (granted != null) {
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

  /** Who made the request, for the audit trail. */
  public static String actor(RoutingContext ctx) {
    if (ctx.user() == null) return "anonymous";
    String sub = ctx.user().principal().getString("sub");
    return sub == null ? "unknown" : sub;
  }
}

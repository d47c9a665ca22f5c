package io.customerhub.serve;

import io.customerhub.access.Revocation;
import io.customerhub.access.Revocations;
import io.customerhub.access.TokenRevocations;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import io.vertx.ext.web.RoutingContext;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Bearer tokens carrying the contract's roles: {@code reader}, {@code router}, {@code ingest}, {@code steward},
 * {@code admin}; {@code admin} may do everything. Two kinds are taken: the hub's own (HS256 with its secret and
 * issuer, from {@code bin/hub token}) and, when configured, those of the organization's identity provider
 * ({@link IdentityProvider}), whose roles come from its claims.
 */
public final class Auth {

  /** {@code monitor} reads the metrics alone: a scraper needs no token that could erase a customer. */
  public static final Set<String> ROLES = Set.of("reader", "router", "ingest", "steward", "monitor", "admin");
  public static final String ADMIN = "admin";

  private static final String BEARER = "Bearer ";
  /** Where {@link #authenticate()} leaves the verified claims of the request's token. */
  private static final String PRINCIPAL = "hub.principal";

  private final JWTAuth provider;
  private final String issuer;
  private final VerifiedTokens verified = new VerifiedTokens(10_000);
  private final IdentityProvider identityProvider;
  private final List<JWTAuth> previous;
  private final Supplier<Revocations> revocations;

  /** Takes the hub's own tokens only (what the command line needs to sign and send them). */
  public Auth(Vertx vertx, String secret, String issuer) {
    this(vertx, secret, List.of(), issuer, null, () -> Revocations.NONE);
  }

  /**
   * @param previousSecrets  secrets the hub signed with before {@code secret}: their tokens are still taken until they
   *                         expire; nothing is signed with them
   * @param identityProvider the organization's OpenID Connect provider, whose tokens (those whose {@code iss} is its
   *                         issuer) are verified with its keys instead; null: none
   * @param revocations      the revocations in force now ({@link TokenRevocations}): a token they cover is refused
   *                         even where its signature and expiry are good
   */
  public Auth(Vertx vertx, String secret, List<String> previousSecrets, String issuer,
              IdentityProvider identityProvider, Supplier<Revocations> revocations) {
    this.provider = hs256(vertx, secret, issuer);
    // apart from the current secret's: a verifier holding several keys of one algorithm signs with any of them
    this.previous = previousSecrets.stream().map(old -> hs256(vertx, old, issuer)).toList();
    this.issuer = issuer;
    this.identityProvider = identityProvider;
    this.revocations = revocations;
  }

  private static JWTAuth hs256(Vertx vertx, String secret, String issuer) {
    return JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(secret))
        .setJWTOptions(new JWTOptions().setIssuer(issuer)));
  }

  /** The organization's identity provider whose tokens are taken too, if one is configured. */
  public Optional<IdentityProvider> identityProvider() {
    return Optional.ofNullable(identityProvider);
  }

  public String token(String subject, List<String> roles, int ttlMinutes) {
    String wrong = subjectProblem(subject);
    if (wrong != null) throw new IllegalArgumentException("subject: " + wrong);
    for (String role : roles) {
      if (!ROLES.contains(role)) throw new IllegalArgumentException("unknown role '" + role + "'; roles are " + ROLES);
    }
    // an id of its own, by which this one token can be revoked (POST /api/v1/admin/revocations)
    return provider.generateToken(new JsonObject().put("sub", subject).put("roles", new JsonArray(roles))
            .put("jti", UUID.randomUUID().toString()),
        new JWTOptions().setAlgorithm("HS256").setIssuer(issuer).setExpiresInMinutes(ttlMinutes));
  }

  /**
   * What keeps a subject from naming whom a token is for, or null. Its tokens must be revocable by it ({@code POST
   * /api/v1/admin/revocations {"subject": …}} takes 500 characters, read without surrounding spaces), and it names
   * the actor of audit rows, which no control character may garble.
   */
  public static String subjectProblem(String subject) {
    if (subject == null || subject.isBlank()) return "must name whom the token is for";
    if (subject.length() > MAX_SUBJECT) return "is longer than " + MAX_SUBJECT + " characters";
    if (!subject.equals(subject.strip())) return "must not start or end with a space";
    if (subject.codePoints().anyMatch(Character::isISOControl)) return "must not hold control characters";
    return null;
  }

  /** The id ({@code jti}) a token carries, read without verifying it; null where it has none. */
  public static String tokenId(String token) {
    TokenParts parts = TokenParts.parse(token);
    return parts != null && parts.claims().get("jti") instanceof String jti ? jti : null;
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
        admit(ctx, known);
        return;
      }
      Future<JsonObject> verification = verify(token);
      // an identity provider's keys may have to be fetched first: the request waits paused meanwhile, or its end
      // would pass before the body handler that comes next is there to read it
      boolean paused = !verification.isComplete();
      if (paused) ctx.request().pause();
      verification.onComplete(result -> {
        if (paused) ctx.request().resume();
        if (result.failed()) {
          if (result.cause() instanceof HubException e) {
            if (e.status() == 503) ctx.response().putHeader("Retry-After", "5");
            ctx.fail(e);
          } else {
            ctx.fail(new HubException(401, "Unauthorized", "the bearer token is not valid: "
                + refusal(token, result.cause().getMessage())));
          }
          return;
        }
        JsonObject principal = result.result();
        String misshapen = misshapenClaim(principal);
        if (misshapen != null) {
          ctx.fail(new HubException(401, "Unauthorized", "the bearer token is not valid: " + misshapen));
          return;
        }
        verified.put(token, principal, System.currentTimeMillis());
        admit(ctx, principal);
      });
    };
  }

  /**
   * Lets the request on with the token's claims, unless a revocation covers the token. Checked on every request,
   * also for a token verified before: a revocation applies from the moment this node knows of it.
   */
  private void admit(RoutingContext ctx, JsonObject principal) {
    Long issuedAt = principal.getValue("iat") instanceof Number n ? n.longValue() : null;
    Optional<Revocation> revoked = revocations.get()
        .revoking(principal.getValue("jti") instanceof String jti ? jti : null, principal.getString("sub"), issuedAt);
    if (revoked.isPresent()) {
      ctx.fail(new HubException(401, "Unauthorized", "the bearer token was revoked (revocation "
          + revoked.get().id() + ")"));
      return;
    }
    ctx.put(PRINCIPAL, principal);
    ctx.next();
  }

  /**
   * The verified principal of a token: the identity provider's token (its issuer in {@code iss}) with the provider's
   * published keys, any other with the hub's own key and issuer.
   */
  private Future<JsonObject> verify(String token) {
    if (identityProvider != null) {
      TokenParts parts = TokenParts.parse(token);
      if (parts != null && identityProvider.issuer().equals(parts.issuer())) {
        // never the hub's shared secret, nor no signature, for a token that claims to come from the provider
        if (!parts.asymmetricallySigned()) {
          return Future.failedFuture(new HubException(401, "Unauthorized", "the bearer token is not valid: a token "
              + "of " + parts.issuer() + " must be signed with one of its published keys, not with alg "
              + parts.algorithm()));
        }
        return identityProvider.verify(token, parts.keyId(), parts.claims());
      }
    }
    return hubToken(token, 0);
  }

  /**
   * Why a token was refused, in words its holder can act on: the JWT provider says "token expired" also for a token
   * whose nbf or iat is still to come, which is a clock or an issuer to look at, not an expiry.
   */
  static String refusal(String token, String verifierSays) {
    // the JSON parser's own words for a token that is no JWT name its internals (StreamReadFeature, byte offsets)
    if (verifierSays == null || verifierSays.contains("decode") || verifierSays.length() > MAX_REFUSAL) {
      return UNREADABLE;
    }
    if (!verifierSays.contains("expired")) return verifierSays;
    TokenParts parts = TokenParts.parse(token);
    long now = System.currentTimeMillis() / 1000;
    if (parts != null && parts.claims().get("exp") instanceof Number exp && exp.longValue() > now) {
      return "it is not valid yet (its nbf or iat is later than this hub's clock)";
    }
    return verifierSays;
  }

  static final String UNREADABLE = "it is no JWT this hub can read (three base64url parts: a JSON header, JSON "
      + "claims and a signature)";
  /** Longer than any refusal of the verifier's that tells a token's holder something. */
  private static final int MAX_REFUSAL = 120;

  /** The claims that hold times, in seconds since 1970. */
  private static final List<String> TIME_CLAIMS = List.of("exp", "iat", "nbf");
  /** 9999-12-31T23:59:59Z: a time past it is no time a token means, nor one every reader can show. */
  private static final long LAST_SECOND = 253_402_300_799L;
  /** The longest subject a revocation takes. */
  static final int MAX_SUBJECT = RevocationsModule.MAX_TEXT;

  /**
   * What is wrong with a verified token's claims, or null. A time it cannot mean (a string, 1e30) would fail the
   * request wherever it is read; the subject becomes the actor of audit rows, which must name someone (not
   * {@code {"a":1}}) and which PostgreSQL cannot store with a NUL character; a token's id is what revokes it.
   */
  static String misshapenClaim(JsonObject principal) {
    for (String claim : TIME_CLAIMS) {
      if (principal.getValue(claim) != null && !isTime(principal.getValue(claim))) {
        return "its " + claim + " is not a time in seconds since 1970 before the year 10000";
      }
    }
    for (String claim : List.of("sub", "jti")) {
      Object value = principal.getValue(claim);
      if (value != null && !(value instanceof String)) return "its " + claim + " is not a string";
      if (value instanceof String text && Json.hasNul(text)) return claim + " holds a NUL character";
    }
    return null;
  }

  /** Whether a claim's value is a time: a number of seconds from 1970 to the end of the year 9999. */
  static boolean isTime(Object value) {
    return value instanceof Number n && n.doubleValue() >= 0 && n.doubleValue() <= LAST_SECOND;
  }

  /** A token of the hub's own: signed with the current secret, else with one of the previous ones. */
  private Future<JsonObject> hubToken(String token, int tried) {
    JWTAuth verifier = tried == 0 ? provider : previous.get(tried - 1);
    Future<User> authenticated;
    try {
      authenticated = verifier.authenticate(new TokenCredentials(token));
    } catch (RuntimeException e) {
      // the provider throws, rather than fail, on claims of the wrong type (an exp that is a string)
      authenticated = Future.failedFuture("its exp, iat or nbf is not a time in seconds");
    }
    Future<JsonObject> verified = authenticated.map(user -> {
      // the JWT provider keeps exp and iat among the user's attributes, not in the principal: copied there so that
      // the token is trusted no longer than it is valid (VerifiedTokens), the console can say when it expires and
      // a revocation of its subject can tell whether it was issued before
      JsonObject principal = user.principal().copy();
      for (String claim : List.of("exp", "iat")) {
        Object value = user.attributes().getValue(claim);
        if (value != null) principal.put(claim, value);
      }
      return principal;
    });
    // the current secret's answer is the one reported when no secret signed it
    return tried >= previous.size() ? verified
        : verified.recover(refused -> hubToken(token, tried + 1).recover(also -> Future.failedFuture(refused)));
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
    // the id to revoke this token by, should it leak
    if (principal != null && principal.getValue("jti") instanceof String jti) caller.put("tokenId", jti);
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

package io.customerhub.serve;

import io.customerhub.config.Oidc;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.NoSuchKeyIdException;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Verifies access tokens of the organization's OpenID Connect provider ({@link Oidc}) with the provider's published
 * signing keys (its JWKS), fetched at start, every {@code keysRefreshMinutes}, and at once when a token names a key
 * the hub has not seen (the provider rotated its keys), at most every {@link #UNKNOWN_KEY_REFETCH_MILLIS} so that
 * made-up key ids cannot make the hub hammer the provider. Keys once fetched stay in use while the provider is out
 * of reach; until the first fetch succeeds, its tokens are answered 503 (the hub's own tokens still work).
 * What the provider publishes is read by {@link ProviderDocuments}.
 */
public final class IdentityProvider implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(IdentityProvider.class);
  static final long UNKNOWN_KEY_REFETCH_MILLIS = 5_000;
  private static final long RETRY_MIN_MILLIS = 2_000;
  private static final long RETRY_MAX_MILLIS = 60_000;

  /** The keys in use: their verifier, their ids, how many. */
  private record KeySet(JWTAuth verifier, Set<String> keyIds, int size) {
  }

  private final Vertx vertx;
  private final Oidc config;
  private final ClaimRoles roles;
  private final ProviderDocuments documents;
  private final Consumer<Boolean> fetched;
  private final AtomicReference<KeySet> keys = new AtomicReference<>();
  private final AtomicReference<String> lastError = new AtomicReference<>("not fetched yet");
  /** The discovery document's endpoints the console signs in with, once fetched. */
  private final AtomicReference<JsonObject> endpoints = new AtomicReference<>();
  private volatile long lastFetchStartMillis;
  private volatile long retryMillis = RETRY_MIN_MILLIS;
  private Future<Void> inFlight;
  private long refreshTimer = -1;
  private long retryTimer = -1;
  private volatile boolean closed;

  /** @param fetched told of every fetch of the keys, true when it succeeded (for the metrics) */
  public IdentityProvider(Vertx vertx, Oidc config, Consumer<Boolean> fetched) {
    this.vertx = vertx;
    this.config = config;
    this.fetched = fetched;
    this.roles = claimRoles(config);
    this.documents = new ProviderDocuments(vertx, config);
  }

  /** The roles part of the configuration, checked: a role map naming no hub role is refused before anything starts. */
  public static ClaimRoles claimRoles(Oidc config) {
    return new ClaimRoles(config.rolesClaim(), config.roleMap(), Auth.ROLES);
  }

  /** Fetches the keys now and then on schedule; never fails: an unreachable provider is retried, with backoff. */
  public Future<Void> start() {
    refreshTimer = vertx.setPeriodic(config.keysRefreshMinutes() * 60_000L, id -> fetch());
    return fetch().otherwiseEmpty();
  }

  public String issuer() {
    return config.issuer();
  }

  /**
   * For {@code /health/ready}: UP once keys are held (a later failed refresh keeps them in use), else WAITING with
   * the reason. It never makes the node unready: every node shares the one provider, and taking them all out of
   * service while it is away would refuse the callers with the hub's own tokens too.
   */
  public Future<String> health() {
    if (keys.get() != null) return Future.succeededFuture("UP");
    return Future.succeededFuture("WAITING: no signing keys from " + config.issuer() + " yet (" + lastError.get()
        + ")");
  }

  /**
   * The hub principal of a token of this provider ({@code sub}, {@code roles}, {@code exp}, {@code iss}), or a
   * failed future with the {@link HubException} to answer: 401 for a token that does not verify, 503 while the
   * provider's keys are not known.
   *
   * @param keyId  the {@code kid} of the token's header, or null
   * @param claims the token's payload, decoded (checked here only after the signature is)
   */
  Future<JsonObject> verify(String token, String keyId, Map<String, ?> claims) {
    KeySet held = keys.get();
    boolean unknownKey = held != null && keyId != null && !held.keyIds().contains(keyId);
    long sinceLastFetch = System.currentTimeMillis() - lastFetchStartMillis;
    if ((held == null && sinceLastFetch >= RETRY_MIN_MILLIS)
        || (unknownKey && sinceLastFetch >= UNKNOWN_KEY_REFETCH_MILLIS)) {
      return fetch().transform(done -> check(token, keyId, claims));
    }
    return check(token, keyId, claims);
  }

  private Future<JsonObject> check(String token, String keyId, Map<String, ?> claims) {
    KeySet held = keys.get();
    if (held == null) {
      return Future.failedFuture(HubException.unavailable("the identity provider's signing keys could not be fetched "
          + "yet (" + lastError.get() + "); retry later"));
    }
    return held.verifier().authenticate(new TokenCredentials(token)).transform(result -> {
      if (result.failed()) {
        Throwable cause = result.cause();
        String why = cause instanceof NoSuchKeyIdException
            ? "it is signed with a key the identity provider does not publish"
                + (keyId == null ? "" : " (kid " + keyId + ")")
            : String.valueOf(cause.getMessage());
        return Future.failedFuture(new HubException(401, "Unauthorized", "the bearer token is not valid: " + why));
      }
      JsonObject principal = principal(claims);
      if (principal.getString("sub") == null) {
        // the audit trail names who did what: a person or service the provider does not name may do nothing
        return Future.failedFuture(new HubException(401, "Unauthorized", "the bearer token is not valid: it names "
            + "nobody in " + config.subjectClaim() + (config.subjectClaim().equals("sub") ? "" : " nor in sub")));
      }
      return Future.succeededFuture(principal);
    });
  }

  /** What the rest of the hub knows of the caller: who (the configured claim, else {@code sub}) and the hub roles. */
  private JsonObject principal(Map<String, ?> claims) {
    String subject = ClaimRoles.text(ClaimRoles.at(claims, config.subjectClaim()));
    if (subject == null) subject = ClaimRoles.text(claims.get("sub"));
    JsonObject principal = new JsonObject().put("sub", subject).put("iss", config.issuer())
        .put("roles", new JsonArray(roles.roles(claims)));
    if (claims.get("exp") instanceof Number exp) principal.put("exp", exp.longValue());
    // what a revocation reads: the token's own id, and when it was issued
    if (claims.get("iat") instanceof Number iat) principal.put("iat", iat.longValue());
    if (claims.get("jti") instanceof String jti) principal.put("jti", jti);
    return principal;
  }

  /** One fetch at a time: callers that arrive meanwhile share it. */
  private synchronized Future<Void> fetch() {
    if (closed) return Future.failedFuture("closed");
    if (inFlight != null) return inFlight;
    lastFetchStartMillis = System.currentTimeMillis();
    Promise<Void> done = Promise.promise();
    inFlight = done.future();
    documents.fetch().map(this::keySet).onComplete(result -> {
      synchronized (this) {
        inFlight = null;
      }
      fetched.accept(result.succeeded());
      if (result.succeeded()) {
        KeySet previous = keys.getAndSet(result.result());
        retryMillis = RETRY_MIN_MILLIS;
        if (previous == null || !previous.keyIds().equals(result.result().keyIds())) {
          LOG.info("identity provider {}: {} signing keys {}", config.issuer(), result.result().size(),
              result.result().keyIds());
        }
        done.complete();
      } else {
        String why = String.valueOf(result.cause().getMessage());
        lastError.set(why);
        LOG.warn("identity provider {}: cannot fetch its signing keys ({}){}", config.issuer(), why,
            keys.get() == null ? "; its tokens are refused until it answers" : "; the keys fetched before stay in use");
        scheduleRetry();
        done.fail(result.cause());
      }
    });
    return inFlight;
  }

  /**
   * While no keys are held, one retry waits at a time, with backoff: fetches that requests start meanwhile must not
   * each leave a chain of retries behind.
   */
  private synchronized void scheduleRetry() {
    if (keys.get() != null || closed || retryTimer >= 0) return;
    long delay = retryMillis;
    retryMillis = Math.min(RETRY_MAX_MILLIS, retryMillis * 2);
    retryTimer = vertx.setTimer(delay, id -> {
      synchronized (this) {
        retryTimer = -1;
      }
      fetch();
    });
  }

  /**
   * What the console needs to sign a steward in at the provider (authorization code with PKCE), once the provider's
   * discovery document was read; empty when no console client is configured or before that.
   */
  public Optional<JsonObject> consoleSignIn() {
    JsonObject known = endpoints.get();
    if (config.consoleClientId() == null || known == null) return Optional.empty();
    return Optional.of(known.copy().put("issuer", config.issuer()).put("clientId", config.consoleClientId())
        .put("scope", "openid"));
  }

  private KeySet keySet(ProviderDocuments.Published published) {
    if (published.consoleEndpoints() != null) endpoints.set(published.consoleEndpoints());
    JWTAuth verifier = JWTAuth.create(vertx, new JWTAuthOptions().setJwks(published.keys()).setJWTOptions(
        new JWTOptions().setIssuer(config.issuer()).setAudience(config.audience()).setLeeway(config.leewaySeconds())));
    return new KeySet(verifier, published.keyIds(), published.keys().size());
  }

  @Override
  public void close() {
    closed = true;
    if (refreshTimer >= 0) vertx.cancelTimer(refreshTimer);
    synchronized (this) {
      if (retryTimer >= 0) vertx.cancelTimer(retryTimer);
    }
    documents.close();
  }
}

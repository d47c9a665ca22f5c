package io.customerhub.testing;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenID Connect provider as far as a resource server sees one: a discovery document and a key set (JWKS) over
 * HTTP on loopback, and tokens signed with its private keys. Keys can be added (a rotation) and the provider taken
 * out of reach, to see what the hub does then.
 */
public final class FakeIdentityProvider implements AutoCloseable {

  /** A signing key: what the provider publishes and what it signs with. */
  public record Key(String kid, JsonObject publicJwk, JWTAuth signer, String algorithm) {
  }

  private final HttpServer server;
  private final String issuer;
  private final List<Key> published = new ArrayList<>();
  private final AtomicInteger keySetRequests = new AtomicInteger();
  private volatile boolean reachable = true;
  private volatile FakeSignIns signIns;

  private FakeIdentityProvider(HttpServer server, String issuer) {
    this.server = server;
    this.issuer = issuer;
  }

  public static FakeIdentityProvider start(Vertx vertx) {
    FakeIdentityProvider[] self = new FakeIdentityProvider[1];
    HttpServer server = vertx.createHttpServer().requestHandler(req -> {
      FakeIdentityProvider idp = self[0];
      if (!idp.reachable) {
        req.response().setStatusCode(503).end();
        return;
      }
      if (req.path().equals("/realms/acme/.well-known/openid-configuration")) {
        req.response().putHeader("Content-Type", "application/json").end(new JsonObject().put("issuer", idp.issuer)
            .put("jwks_uri", idp.issuer + "/certs").put("authorization_endpoint", idp.issuer + "/auth")
            .put("token_endpoint", idp.issuer + "/token").put("end_session_endpoint", idp.issuer + "/logout")
            .encode());
      } else if (idp.signIns != null && idp.signIns.handle(req)) {
        return;
      } else if (req.path().equals("/realms/acme/certs")) {
        idp.keySetRequests.incrementAndGet();
        JsonArray keys = new JsonArray();
        synchronized (idp.published) {
          idp.published.forEach(k -> keys.add(k.publicJwk()));
        }
        req.response().putHeader("Content-Type", "application/json").end(new JsonObject().put("keys", keys).encode());
      } else {
        req.response().setStatusCode(404).end();
      }
    });
    Futures.await(server.listen(0, "127.0.0.1"));
    self[0] = new FakeIdentityProvider(server, "http://127.0.0.1:" + server.actualPort() + "/realms/acme");
    return self[0];
  }

  public String issuer() {
    return issuer;
  }

  /**
   * Signs browsers in from now on (authorization code with PKCE), as {@code user} with {@code key}, access tokens
   * lasting {@code accessSeconds}; returns what it saw, for the test to check.
   */
  public FakeSignIns signInAs(Key key, JsonObject user, int accessSeconds) {
    signIns = new FakeSignIns(this, key, user, accessSeconds);
    return signIns;
  }

  /** How often the key set was fetched. */
  public int keySetRequests() {
    return keySetRequests.get();
  }

  /** While false, every request answers 503. */
  public void reachable(boolean reachable) {
    this.reachable = reachable;
  }

  /** A new RSA key, published from now on. */
  public Key publishRsaKey(Vertx vertx, String kid) {
    return publish(rsaKey(vertx, kid));
  }

  /** A new EC P-256 key, published from now on. */
  public Key publishEcKey(Vertx vertx, String kid) {
    return publish(ecKey(vertx, kid));
  }

  public Key publish(Key key) {
    synchronized (published) {
      published.add(key);
    }
    return key;
  }

  /** A token signed with {@code key}: the claims as given, with this provider's issuer and an expiry. */
  public String token(Key key, JsonObject claims, int expiresInSeconds) {
    JsonObject all = new JsonObject().put("iss", issuer).mergeIn(claims);
    JWTOptions options = new JWTOptions().setAlgorithm(key.algorithm());
    if (expiresInSeconds != 0) options.setExpiresInSeconds(expiresInSeconds);
    else options.setNoTimestamp(true);
    return key.signer().generateToken(all, options);
  }

  public static Key rsaKey(Vertx vertx, String kid) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair pair = generator.generateKeyPair();
      RSAPublicKey pub = (RSAPublicKey) pair.getPublic();
      RSAPrivateCrtKey priv = (RSAPrivateCrtKey) pair.getPrivate();
      JsonObject publicJwk = new JsonObject().put("kty", "RSA").put("kid", kid).put("alg", "RS256").put("use", "sig")
          .put("n", b64(pub.getModulus())).put("e", b64(pub.getPublicExponent()));
      JsonObject privateJwk = publicJwk.copy().put("d", b64(priv.getPrivateExponent())).put("p", b64(priv.getPrimeP()))
          .put("q", b64(priv.getPrimeQ())).put("dp", b64(priv.getPrimeExponentP()))
          .put("dq", b64(priv.getPrimeExponentQ())).put("qi", b64(priv.getCrtCoefficient()));
      return new Key(kid, publicJwk, JWTAuth.create(vertx, new JWTAuthOptions().addJwk(privateJwk)), "RS256");
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static Key ecKey(Vertx vertx, String kid) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      KeyPair pair = generator.generateKeyPair();
      ECPublicKey pub = (ECPublicKey) pair.getPublic();
      ECPrivateKey priv = (ECPrivateKey) pair.getPrivate();
      JsonObject publicJwk = new JsonObject().put("kty", "EC").put("kid", kid).put("alg", "ES256").put("use", "sig")
          .put("crv", "P-256").put("x", b64(pub.getW().getAffineX(), 32)).put("y", b64(pub.getW().getAffineY(), 32));
      JsonObject privateJwk = publicJwk.copy().put("d", b64(priv.getS(), 32));
      return new Key(kid, publicJwk, JWTAuth.create(vertx, new JWTAuthOptions().addJwk(privateJwk)), "ES256");
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An unsigned big-endian integer, base64url without padding (RFC 7518 6.3.1). */
  private static String b64(BigInteger value) {
    byte[] bytes = value.toByteArray();
    if (bytes.length > 1 && bytes[0] == 0) bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The same, padded to {@code length} bytes, as EC coordinates must be (RFC 7518 6.2.1.2). */
  private static String b64(BigInteger value, int length) {
    byte[] bytes = value.toByteArray();
    byte[] fixed = new byte[length];
    int copy = Math.min(bytes.length, length);
    System.arraycopy(bytes, bytes.length - copy, fixed, length - copy, copy);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(fixed);
  }

  @Override
  public void close() {
    Futures.await(server.close());
  }
}

package io.customerhub.serve;

import io.customerhub.config.Oidc;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.impl.jose.JWK;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What an OpenID Connect provider publishes, as {@link IdentityProvider} needs it: its signing keys (the JWKS, at
 * the configured address or the one its discovery document names) and, for the console, its sign-in endpoints.
 * Every address must be https (http only on this machine), and the discovery document must name the issuer it was
 * fetched for.
 *
 * <p>Only asymmetric signing keys are taken (RSA, EC, EdDSA), each cut to what verifying needs: a shared secret
 * published in a key set would let anyone who reads it sign tokens, and a certificate chain the provider attaches
 * adds nothing the key does not say.
 */
final class ProviderDocuments implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ProviderDocuments.class);
  private static final int MAX_DOCUMENT_BYTES = 1 << 20;
  private static final Set<String> SIGNING_KEY_TYPES = Set.of("RSA", "EC", "OKP");
  private static final List<String> KEY_FIELDS = List.of("kty", "kid", "alg", "use", "n", "e", "crv", "x", "y");

  /**
   * @param keys             the usable signing keys as JWKs (never empty)
   * @param consoleEndpoints the console's sign-in endpoints, or null when no console client is configured
   */
  record Published(List<JsonObject> keys, Set<String> keyIds, JsonObject consoleEndpoints) {
  }

  private record Located(String jwksUri, JsonObject consoleEndpoints) {
  }

  private final Oidc config;
  private final WebClient client;

  ProviderDocuments(Vertx vertx, Oidc config) {
    this.config = config;
    this.client = WebClient.create(vertx, new WebClientOptions().setConnectTimeout(5_000).setIdleTimeout(30)
        .setUserAgent("customer-hub"));
  }

  /** Reads what the provider publishes now; fails with a reason that names the address at fault. */
  Future<Published> fetch() {
    return locate().compose(located -> get(located.jwksUri())
        .map(body -> keys(located.jwksUri(), body, located.consoleEndpoints())));
  }

  /**
   * The configured key set address, else the one the provider's discovery document names; the document is read
   * also when the console signs in at the provider, for its endpoints.
   */
  private Future<Located> locate() {
    if (config.jwksUri() != null && config.consoleClientId() == null) {
      return Future.succeededFuture(new Located(config.jwksUri(), null));
    }
    String discovery = config.issuer().replaceAll("/+$", "") + "/.well-known/openid-configuration";
    return get(discovery).compose(body -> {
      JsonObject doc = new JsonObject(body);
      // OpenID Connect Discovery 1.0, 4.3: the document must name the issuer it was fetched for
      if (!config.issuer().equals(doc.getString("issuer"))) {
        return Future.failedFuture(discovery + " names the issuer '" + doc.getString("issuer") + "', not '"
            + config.issuer() + "'");
      }
      String uri = config.jwksUri() != null ? config.jwksUri() : doc.getString("jwks_uri");
      if (uri == null) return Future.failedFuture(discovery + " has no jwks_uri");
      try {
        Oidc.checkUrl("jwks_uri of " + discovery, uri);
        return Future.succeededFuture(new Located(uri,
            config.consoleClientId() == null ? null : consoleEndpoints(discovery, doc)));
      } catch (IllegalArgumentException e) {
        return Future.failedFuture(e.getMessage());
      }
    });
  }

  private static JsonObject consoleEndpoints(String discovery, JsonObject doc) {
    JsonObject out = new JsonObject();
    for (String[] name : new String[][] {{"authorization_endpoint", "authorizationEndpoint"},
        {"token_endpoint", "tokenEndpoint"}, {"end_session_endpoint", "endSessionEndpoint"}}) {
      String url = doc.getString(name[0]);
      if (url == null) {
        if (!name[0].equals("end_session_endpoint")) {
          throw new IllegalArgumentException(discovery + " has no " + name[0] + " for the console to sign in with");
        }
        continue;
      }
      Oidc.checkUrl(name[0] + " of " + discovery, url);
      out.put(name[1], url);
    }
    return out;
  }

  private Future<Buffer> get(String uri) {
    return client.getAbs(uri).timeout(10_000).putHeader("Accept", "application/json").send()
        .compose((HttpResponse<Buffer> response) -> {
          if (response.statusCode() != 200) {
            return Future.failedFuture(uri + " answered " + response.statusCode());
          }
          Buffer body = response.body();
          if (body == null || body.length() > MAX_DOCUMENT_BYTES) {
            return Future.failedFuture(uri + " answered " + (body == null ? "no body" : "more than 1 MB"));
          }
          return Future.succeededFuture(body);
        });
  }

  private Published keys(String uri, Buffer body, JsonObject consoleEndpoints) {
    JsonArray published = new JsonObject(body).getJsonArray("keys", new JsonArray());
    List<JsonObject> usable = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (Object o : published) {
      if (!(o instanceof JsonObject key)) continue;
      if (!SIGNING_KEY_TYPES.contains(key.getString("kty"))) continue;
      if (key.getString("use") != null && !"sig".equals(key.getString("use"))) continue;
      JsonObject kept = new JsonObject();
      for (String field : KEY_FIELDS) if (key.containsKey(field)) kept.put(field, key.getValue(field));
      try {
        new JWK(kept);
      } catch (RuntimeException e) {
        // the verifier would skip it too, and with no key at all it would take unsigned tokens: counted out here
        LOG.warn("identity provider {}: key {} of {} cannot be used: {}", config.issuer(), key.getString("kid"), uri,
            e.getMessage());
        continue;
      }
      usable.add(kept);
      if (key.getString("kid") != null) ids.add(key.getString("kid"));
    }
    if (usable.isEmpty()) throw new IllegalStateException(uri + " publishes no signing key (RSA, EC or OKP)");
    return new Published(List.copyOf(usable), Set.copyOf(ids), consoleEndpoints);
  }

  @Override
  public void close() {
    client.close();
  }
}

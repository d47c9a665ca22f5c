package io.customerhub.testing;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The browser side of {@link FakeIdentityProvider}: an authorization endpoint that signs one preset user in at once
 * and sends the browser back with a code, a token endpoint that checks the code against its PKCE challenge and
 * redirect address and refreshes tokens, and an end-session endpoint. Strict where a real provider is: a code
 * serves once, for the client and address it was given for.
 */
public final class FakeSignIns {

  private record Grant(String clientId, String redirectUri, String challenge) {
  }

  private final FakeIdentityProvider idp;
  private final FakeIdentityProvider.Key key;
  private final JsonObject user;
  private final int accessSeconds;
  private final Map<String, Grant> codes = new ConcurrentHashMap<>();
  private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();
  private final AtomicInteger codeExchanges = new AtomicInteger();
  private final AtomicInteger refreshes = new AtomicInteger();
  private final AtomicInteger signOuts = new AtomicInteger();

  FakeSignIns(FakeIdentityProvider idp, FakeIdentityProvider.Key key, JsonObject user, int accessSeconds) {
    this.idp = idp;
    this.key = key;
    this.user = user;
    this.accessSeconds = accessSeconds;
  }

  public int codeExchanges() {
    return codeExchanges.get();
  }

  public int refreshes() {
    return refreshes.get();
  }

  public int signOuts() {
    return signOuts.get();
  }

  /** True when the request was one of the sign-in endpoints and is answered. */
  boolean handle(HttpServerRequest req) {
    switch (req.path()) {
      case "/realms/acme/auth" -> authorize(req);
      case "/realms/acme/token" -> req.setExpectMultipart(true).endHandler(v -> token(req, req.formAttributes()));
      case "/realms/acme/logout" -> {
        signOuts.incrementAndGet();
        req.response().setStatusCode(302).putHeader("Location", req.getParam("post_logout_redirect_uri")).end();
      }
      default -> {
        return false;
      }
    }
    return true;
  }

  private void authorize(HttpServerRequest req) {
    if (!"code".equals(req.getParam("response_type")) || !"S256".equals(req.getParam("code_challenge_method"))
        || req.getParam("code_challenge") == null || req.getParam("state") == null) {
      req.response().setStatusCode(400).end("a code with a S256 challenge and a state is required");
      return;
    }
    String code = UUID.randomUUID().toString();
    codes.put(code, new Grant(req.getParam("client_id"), req.getParam("redirect_uri"), req.getParam("code_challenge")));
    req.response().setStatusCode(302).putHeader("Location", req.getParam("redirect_uri") + "?code=" + code
        + "&state=" + req.getParam("state") + "&session_state=x").end();
  }

  private void token(HttpServerRequest req, MultiMap form) {
    // the console's page calls from its own origin: a simple CORS request (form-encoded body)
    String origin = req.getHeader("Origin");
    if (origin != null) req.response().putHeader("Access-Control-Allow-Origin", origin);
    req.response().putHeader("Content-Type", "application/json");
    String grant = form.get("grant_type");
    if ("authorization_code".equals(grant)) {
      Grant given = codes.remove(String.valueOf(form.get("code")));
      if (given == null || !given.clientId().equals(form.get("client_id"))
          || !given.redirectUri().equals(form.get("redirect_uri"))
          || !given.challenge().equals(s256(String.valueOf(form.get("code_verifier"))))) {
        req.response().setStatusCode(400).end(new JsonObject().put("error", "invalid_grant").encode());
        return;
      }
      codeExchanges.incrementAndGet();
    } else if ("refresh_token".equals(grant) && refreshTokens.remove(String.valueOf(form.get("refresh_token"))) != null) {
      refreshes.incrementAndGet();
    } else {
      req.response().setStatusCode(400).end(new JsonObject().put("error", "invalid_grant").encode());
      return;
    }
    String refresh = UUID.randomUUID().toString();
    refreshTokens.put(refresh, "user");
    req.response().end(new JsonObject().put("token_type", "Bearer").put("expires_in", accessSeconds)
        .put("access_token", idp.token(key, user.copy(), accessSeconds)).put("refresh_token", refresh)
        .put("id_token", idp.token(key, new JsonObject().put("sub", user.getString("sub")), accessSeconds)).encode());
  }

  private static String s256(String verifier) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

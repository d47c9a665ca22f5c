package io.customerhub.serve;

import io.customerhub.access.Revocation;
import io.customerhub.access.TokenRevocations;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Instant;

/**
 * Revoking bearer tokens before they expire, for administrators ({@link io.customerhub.access}):
 * {@code POST /admin/revocations} revokes one token (by its {@code tokenId}, or the {@code token} itself) or every
 * token of a {@code subject} issued so far; {@code GET} lists those in force; {@code DELETE /admin/revocations/{id}}
 * withdraws one made by mistake. Each is in the audit trail.
 */
public final class RevocationsModule implements HttpApiVerticle.ApiModule {

  /** A token is a few hundred bytes; an identity provider's with many claims a few thousand. */
  private static final int MAX_BODY_BYTES = 16 << 10;
  static final int MAX_TEXT = 500;

  private final TokenRevocations revocations;

  public RevocationsModule(TokenRevocations revocations) {
    this.revocations = revocations;
  }

  @Override
  public void mount(Router api) {
    api.post("/admin/revocations").handler(Auth.require("admin")).handler(this::revoke);
    api.get("/admin/revocations").handler(Auth.require("admin")).handler(this::list);
    api.delete("/admin/revocations/:id").handler(Auth.require("admin")).handler(this::withdraw);
  }

  private void revoke(RoutingContext ctx) {
    JsonObject body = Json.body(ctx, MAX_BODY_BYTES);
    String tokenId = field(body, "tokenId");
    String token = field(body, "token");
    String subject = field(body, "subject");
    String reason = field(body, "reason");
    int given = (tokenId == null ? 0 : 1) + (token == null ? 0 : 1) + (subject == null ? 0 : 1);
    if (given != 1) {
      throw HubException.invalid("tokenId, token, subject: give exactly one (a token's id, the token itself, or a "
          + "subject whose tokens issued so far are all revoked), not " + given);
    }
    Future<Revocation> done;
    if (subject != null) {
      done = revocations.revokeSubject(subject, reason, Auth.actor(ctx));
    } else if (tokenId != null) {
      done = revocations.revokeToken(tokenId, null, reason, Auth.actor(ctx));
    } else {
      // read, not verified: revoking a token only ever refuses its holder, so its signature need not be good
      TokenParts parts = TokenParts.parse(token);
      if (parts == null) throw HubException.invalid("token: is not a JSON web token (header.payload.signature)");
      if (!(parts.claims().get("jti") instanceof String id) || id.isBlank()) {
        throw HubException.invalid("token: carries no id (jti) to revoke it by; revoke its subject instead");
      }
      if (id.length() > MAX_TEXT || Json.hasNul(id)) {
        throw HubException.invalid("token: its id (jti) is longer than " + MAX_TEXT + " characters or holds a NUL "
            + "character; no token the hub takes has such an id");
      }
      Object exp = parts.claims().get("exp");
      if (exp != null && !Auth.isTime(exp)) {
        throw HubException.invalid("token: its exp is not a time in seconds since 1970 before the year 10000");
      }
      Instant expires = exp == null ? null : Instant.ofEpochSecond(((Number) exp).longValue());
      done = revocations.revokeToken(id, expires, reason, Auth.actor(ctx));
    }
    done.onSuccess(r -> ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json")
            .putHeader("Location", "/api/v1/admin/revocations/" + r.id()).end(json(r).encode()))
        .onFailure(ctx::fail);
  }

  /**
   * Read from the database, not from this node's copy, which may be a refresh behind a revocation another node
   * took: an administrator who revoked a token on one node and lists on another must see it. The read also brings
   * this node's copy up to date.
   */
  private void list(RoutingContext ctx) {
    revocations.refresh().onSuccess(v -> {
      JsonArray all = new JsonArray();
      for (Revocation r : revocations.current().all()) all.add(json(r));
      ProfileHandlers.json(ctx, new JsonObject().put("revocations", all).encode());
    }).onFailure(ctx::fail);
  }

  private void withdraw(RoutingContext ctx) {
    long id = Params.number("id", ctx.pathParam("id"), 1, Long.MAX_VALUE);
    revocations.withdraw(id, Auth.actor(ctx)).onSuccess(r -> {
      if (r.isEmpty()) {
        ctx.fail(HubException.notFound("no revocation " + id));
        return;
      }
      ctx.response().setStatusCode(204).end();
    }).onFailure(ctx::fail);
  }

  /** A text field of at most {@link #MAX_TEXT} characters without NUL, or null; another type is a 400 naming it. */
  private static String field(JsonObject body, String name) {
    Object v = body.getValue(name);
    if (v == null) return null;
    if (!(v instanceof String s)) throw HubException.invalid(name + ": must be a string");
    if (s.isBlank()) return null;
    int max = name.equals("token") ? MAX_BODY_BYTES : MAX_TEXT;
    if (s.length() > max) throw HubException.invalid(name + ": is longer than " + max + " characters");
    return Json.withoutNul(name, s.strip());
  }

  private static JsonObject json(Revocation r) {
    JsonObject o = new JsonObject().put("id", r.id());
    if (r.tokenId() != null) o.put("tokenId", r.tokenId());
    if (r.subject() != null) o.put("subject", r.subject()).put("issuedBefore", r.issuedBefore().toString());
    if (r.expiresAt() != null) o.put("expiresAt", r.expiresAt().toString());
    if (r.reason() != null) o.put("reason", r.reason());
    return o.put("revokedBy", r.revokedBy()).put("revokedAt", r.revokedAt().toString());
  }
}

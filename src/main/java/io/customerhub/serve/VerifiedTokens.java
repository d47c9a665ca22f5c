package io.customerhub.serve;

import io.vertx.core.json.JsonObject;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens whose signature, issuer and expiry were checked, by their exact text, until they expire. A service
 * sends the same token with thousands of requests; checking it once keeps the latency-critical routing path
 * free of a signature check and two JSON parses per request. The same text always verifies the same way, and
 * an entry never outlives the token's {@code exp}. Bounded: when full it is emptied and fills again.
 */
final class VerifiedTokens {

  /** How long a token without {@code exp} is trusted before it is checked again. */
  private static final long NO_EXPIRY_MILLIS = 60_000;

  private record Verified(JsonObject principal, long untilMillis) {
  }

  private final int capacity;
  private final ConcurrentHashMap<String, Verified> byToken = new ConcurrentHashMap<>();

  VerifiedTokens(int capacity) {
    this.capacity = capacity;
  }

  /** The principal of a token verified before and not expired at {@code nowMillis}, else null. */
  JsonObject get(String token, long nowMillis) {
    Verified v = byToken.get(token);
    if (v == null) return null;
    if (v.untilMillis() <= nowMillis) {
      byToken.remove(token, v);
      return null;
    }
    return v.principal();
  }

  void put(String token, JsonObject principal, long nowMillis) {
    Long exp = principal.getLong("exp");
    long until = exp == null ? nowMillis + NO_EXPIRY_MILLIS : exp * 1000;
    if (until <= nowMillis) return;
    if (byToken.size() >= capacity) byToken.clear();
    byToken.put(token, new Verified(principal, until));
  }
}

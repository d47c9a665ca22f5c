package io.customerhub.serve;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class VerifiedTokensTest {

  private static final long NOW = 1_800_000_000_000L;

  private static JsonObject claims(Long expSeconds) {
    JsonObject o = new JsonObject().put("sub", "svc");
    if (expSeconds != null) o.put("exp", expSeconds);
    return o;
  }

  @Test
  void aVerifiedTokenIsKnownUntilItExpires() {
    VerifiedTokens t = new VerifiedTokens(10);
    JsonObject c = claims(NOW / 1000 + 60);
    t.put("abc", c, NOW);
    assertEquals(c, t.get("abc", NOW + 59_000));
    assertNull(t.get("abc", NOW + 60_000), "not at or after exp");
    assertNull(t.get("abc", NOW + 1_000), "an expired entry is gone for good");
  }

  @Test
  void onlyTheExactTextIsKnown() {
    VerifiedTokens t = new VerifiedTokens(10);
    t.put("abc", claims(NOW / 1000 + 60), NOW);
    assertNull(t.get("abd", NOW));
    assertNull(t.get("abc ", NOW));
  }

  @Test
  void anAlreadyExpiredTokenIsNotKept() {
    VerifiedTokens t = new VerifiedTokens(10);
    t.put("old", claims(NOW / 1000 - 1), NOW);
    assertNull(t.get("old", NOW));
  }

  @Test
  void aTokenWithoutExpiryIsCheckedAgainAfterAMinute() {
    VerifiedTokens t = new VerifiedTokens(10);
    t.put("x", claims(null), NOW);
    assertEquals("svc", t.get("x", NOW + 59_000).getString("sub"));
    assertNull(t.get("x", NOW + 60_000));
  }

  @Test
  void staysBoundedWhateverTheNumberOfTokens() {
    VerifiedTokens t = new VerifiedTokens(3);
    for (int i = 0; i < 100; i++) t.put("t" + i, claims(NOW / 1000 + 60), NOW);
    int known = 0;
    for (int i = 0; i < 100; i++) if (t.get("t" + i, NOW) != null) known++;
    assertEquals(true, known <= 3, "at most the capacity: " + known);
    assertEquals(claims(NOW / 1000 + 60), t.get("t99", NOW), "the newest is kept");
  }
}

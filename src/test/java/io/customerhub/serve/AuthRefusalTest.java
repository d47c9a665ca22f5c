package io.customerhub.serve;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a caller whose token was refused is told: words to act on, never the JSON parser's internals. */
class AuthRefusalTest {

  @Test
  void theVerifiersOwnReasonIsKept() {
    assertEquals("Signature verification failed", Auth.refusal("a.b.c", "Signature verification failed"));
  }

  @Test
  void aTokenThatIsNoJwtIsSaidSoWithoutTheParsersWords() {
    String parser = "Failed to decode:Invalid UTF-8 start byte 0xb7 (to be enabled with StreamReadFeature."
        + "INCLUDE_SOURCE_IN_LOCATION) at [Source: REDACTED; line: 1, column: 3]";
    assertEquals(Auth.UNREADABLE, Auth.refusal("t0k3n", parser));
    assertEquals(Auth.UNREADABLE, Auth.refusal("t0k3n", null));
    assertEquals(Auth.UNREADABLE, Auth.refusal("t0k3n", "x".repeat(500)));
  }
}

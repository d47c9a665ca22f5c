package io.customerhub.ingest;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which lines hold a NUL character: raw, or as a JSON escape that no backslash before it escapes. */
class NulCharacterTest {

  private static final String BACKSLASH = "\\";

  private static String escapedNulAfter(int backslashes) {
    return "{\"note\":\"a" + BACKSLASH.repeat(backslashes) + BACKSLASH + "u0000\"}";
  }

  @Test
  void aRawNulIsOne() {
    assertTrue(IngestService.hasNul("{\"note\":\"a" + (char) 0 + "\"}"));
  }

  @Test
  void anEscapeIsOneUnlessABackslashBeforeItIsEscapedItself() {
    for (int before = 0; before <= 6; before++) {
      boolean escaped = before % 2 == 0; // an even run of backslashes is that many escaped backslashes
      String line = escapedNulAfter(before);
      if (escaped) assertTrue(IngestService.hasNul(line), line);
      else assertFalse(IngestService.hasNul(line), line);
    }
  }

  @Test
  void textWithoutNulIsNotOne() {
    assertFalse(IngestService.hasNul("{\"note\":\"u0000 and \\\\n\"}"));
    assertFalse(IngestService.hasNul(""));
  }
}

package io.customerhub.support;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Half a surrogate pair alone, which UTF-8 cannot carry: found in text, escapes and parsed records. */
class LoneSurrogatesTest {

  private static final String HIGH = "\uD802", LOW = "\uDC00", PAIR = "\uD83D\uDE00";

  @Test
  void aPairIsACharacterAndEitherHalfAloneIsNone() {
    assertFalse(LoneSurrogates.in("Zoë " + PAIR + " 张伟"));
    assertTrue(LoneSurrogates.in("a" + HIGH));
    assertTrue(LoneSurrogates.in(HIGH + "a"));
    assertTrue(LoneSurrogates.in(LOW + HIGH), "a pair in the wrong order is two halves alone");
    assertTrue(LoneSurrogates.in(PAIR + LOW));
    assertFalse(LoneSurrogates.in(""));
  }

  @Test
  void theFirstLookFindsRawSurrogatesAndTheirEscapesOnly() {
    assertTrue(LoneSurrogates.mayHold("{\"n\":\"lone\\ud802\"}"));
    assertTrue(LoneSurrogates.mayHold("{\"n\":\"\\uDC00\"}"));
    assertTrue(LoneSurrogates.mayHold("{\"n\":\"" + PAIR + "\"}"));
    assertFalse(LoneSurrogates.mayHold("{\"n\":\"\\u4e2d\\u00e9 ud802\"}"));
  }

  @Test
  void thePathNamesTheFieldInsideObjectsAndLists() {
    JsonObject json = new JsonObject("{\"sourceId\":\"ok\",\"addresses\":[{\"city\":\"Bern\"},{\"city\":\"x\\ud802\"}]}");
    assertEquals("addresses[1].city", LoneSurrogates.pathIn(json));
    assertEquals("sourceId", LoneSurrogates.pathIn(new JsonObject("{\"sourceId\":\"lone\\ud802\"}")));
    assertNull(LoneSurrogates.pathIn(new JsonObject("{\"sourceId\":\"" + PAIR + "\",\"n\":[1,null,true]}")));
    String named = LoneSurrogates.pathIn(new JsonObject("{\"a\":{\"b\\udc00\":1}}"));
    assertEquals("a.b\uFFFD (a field name)", named);
    assertFalse(LoneSurrogates.in(named), "the answer itself can be written in UTF-8");
  }

  @Test
  void replacingLeavesNoHalfAloneAndKeepsEverythingElse() {
    Random random = new Random(7);
    for (int n = 0; n < 2_000; n++) {
      StringBuilder s = new StringBuilder();
      for (int i = random.nextInt(12); i > 0; i--) {
        int pick = random.nextInt(5);
        s.append(pick == 0 ? HIGH : pick == 1 ? LOW : pick == 2 ? PAIR : pick == 3 ? "é" : "a");
      }
      String text = s.toString();
      String replaced = LoneSurrogates.replaced(text);
      assertFalse(LoneSurrogates.in(replaced), text);
      assertEquals(text.length(), replaced.length());
      if (!LoneSurrogates.in(text)) assertEquals(text, replaced);
    }
  }
}

package io.customerhub.ingest;

import io.vertx.core.json.DecodeException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Why an input is no record, said without the parser's Java classes or buffer positions. */
class NotAnObjectTest {

  private static String why(String text) {
    try {
      LenientJson.parse(text);
    } catch (DecodeException | ClassCastException e) {
      return IngestService.notAnObject(text, e);
    }
    throw new AssertionError("parsed: " + text);
  }

  @Test
  void aValueOfAnotherKindIsNamed() {
    assertTrue(why("[{\"sourceId\":\"1\"}]").startsWith("a JSON array"));
    assertEquals("a JSON string", why("\"C-1\""));
    assertEquals("a number", why("42"));
    assertEquals("a number", why("-1.5"));
    assertEquals("null", why("null"));
    assertEquals("true", why(" true "));
  }

  @Test
  void brokenJsonIsTheParsersReasonWithoutItsInternals() {
    for (String text : new String[] {"{\"a\":", "{bad", "{\"a\":1}}", "{\"a\":tru}"}) {
      String why = why(text);
      assertFalse(why.contains("java."), why);
      assertFalse(why.contains("[Source:"), why);
      assertFalse(why.startsWith("Failed to decode"), why);
      assertFalse(why.isBlank(), text);
    }
  }

  @Test
  void aParserLimitIsSaidInPlainWordsWithoutTheNamesOfItsSettings() {
    String deep = "{\"a\":" + "[".repeat(1_200) + "]".repeat(1_200) + "}";
    assertEquals("nests arrays and objects more than 1000 levels deep", why(deep));
    String longNumber = "{\"a\":" + "9".repeat(1_500) + "}";
    String said = why(longNumber);
    assertFalse(said.contains("StreamReadConstraints"), said);
    assertTrue(said.contains("longer than"), said);
  }
}

package io.customerhub.steward;

import io.customerhub.steward.StewardDecisions.ValueCursor;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ValueCursorTest {

  @Test
  void aCursorReadsBackAsWrittenWithTheExactValue() {
    for (String value : new String[] {"0", "5000.00", "0.01", "123456789012345678.99", "1E+3"}) {
      ValueCursor c = new ValueCursor(new BigDecimal(value), 42);
      ValueCursor back = ValueCursor.parse(c.toString());
      assertEquals(0, c.value().compareTo(back.value()), c.toString());
      assertEquals(c.id(), back.id());
      assertEquals(c.toString(), back.toString());
    }
    assertEquals("1000:7", new ValueCursor(new BigDecimal("1E+3"), 7).toString(), "plain digits, no exponent");
  }

  @Test
  void textNotWrittenAsACursorIsNone() {
    for (String text : new String[] {"", "12", ":3", "12:", "a:3", "12:b", "-1:3", "12:-3", "1:2:3", "12 :3",
        "1e999999999:1", "1E+2147483647:1", "1".repeat(41) + ":1", "+5:1"}) {
      assertNull(ValueCursor.parse(text), text);
    }
  }
}

package io.customerhub.profile;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NormalizeTest {

  // the regular expressions the loops replaced, kept here as the definition they must agree with
  private static final Pattern NON_DIGITS = Pattern.compile("\\D");
  private static final Pattern NON_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private static final String ALPHABET = "aZ9 \t\n\u000B\f\r\u00A0\u2003\u3000-.#张Ⅻ²٣😀ÉßİK";

  @Test
  void examples() {
    assertEquals("zhang wei", Normalize.form("givenName", "  Zhang \t\n  WEI "));
    assertEquals("8613800138000", Normalize.form("phones", "+86 138-0013-8000"));
    assertEquals("91310000MA1FL0XX1X", Normalize.form("taxId", "9131 0000-ma1f l0xx1x"));
    assertEquals("", Normalize.form("birthDate", "1900-01-01"));
    Map<String, Object> address = new java.util.LinkedHashMap<>();
    address.put("line1", "8  Jianguo Rd");
    address.put("city", "Beijing");
    assertEquals("8 jianguo rd beijing", Normalize.form("addresses", address));
  }

  @Test
  void theLoopsAgreeWithTheRegularExpressionsOnRandomText() {
    Random rnd = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      String s = random(rnd);
      assertEquals(SPACES.matcher(s.strip()).replaceAll(" ").toLowerCase(Locale.ROOT), Normalize.text(s), s);
      assertEquals(NON_DIGITS.matcher(s).replaceAll(""), Normalize.digits(s), s);
      assertEquals(NON_ALNUM.matcher(s).replaceAll(""), Normalize.lettersAndNumbers(s), s);
    }
  }

  @Test
  void unchangedTextIsReturnedAsItIs() {
    for (String s : List.of("", "abc", "a b c")) assertEquals(s, Normalize.text(s));
    String digits = "12345";
    assertEquals(digits, Normalize.digits(digits));
  }

  private static String random(Random rnd) {
    StringBuilder sb = new StringBuilder();
    int n = rnd.nextInt(12);
    for (int k = 0; k < n; k++) {
      int at = ALPHABET.offsetByCodePoints(0, rnd.nextInt(ALPHABET.codePointCount(0, ALPHABET.length())));
      sb.appendCodePoint(ALPHABET.codePointAt(at));
    }
    return sb.toString();
  }
}

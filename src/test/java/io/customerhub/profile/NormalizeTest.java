package io.customerhub.profile;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class NormalizeTest {

  // the regular expressions the loops replaced, kept here as the definition they must agree with
  private static final Pattern NON_DIGITS = Pattern.compile("\\D");
  private static final Pattern NON_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private static final String ALPHABET = "aZ9 \t\n\u000B\f\r\u00A0\u2003\u3000-.#张Ⅻ²٣😀ÉßİK";

  @Test
  void examples() {
    // name parts compare as latin letters, whatever the script, spacing or case
    assertEquals("zhangwei", Normalize.form("givenName", "  Zhang \t\n  WEI "));
    assertEquals("zhangwei", Normalize.form("familyName", "张伟"));
    assertEquals("13800138000", Normalize.form("phones", "+86 138-0013-8000"));
    assertEquals("91310000MA1FL0XX1X", Normalize.form("taxId", "9131 0000-ma1f l0xx1x"));
    assertEquals("", Normalize.form("birthDate", "1900-01-01"));
    // a placeholder for a name is no name: it neither outvotes nor conflicts with the customer's real one
    assertEquals("", Normalize.form("givenName", "BABY GIRL"));
    assertEquals("", Normalize.form("familyName", "No Last Name"));
    assertEquals("", Normalize.form("fullName", "Unknown"));
    assertEquals("babygirlsmith", Normalize.form("fullName", "Baby Girl Smith"));
    assertEquals("son", Normalize.form("familyName", "Son"));
    Map<String, Object> address = new java.util.LinkedHashMap<>();
    address.put("line1", "8  Jianguo Rd");
    address.put("city", "Beijing");
    assertEquals("8 jianguo rd beijing", Normalize.form("addresses", address));
  }

  @Test
  void aPhoneWithAndWithoutItsCountryCodeIsOneNumber() {
    String national = Normalize.form("phones", "(138) 5265-4732");
    assertEquals("13852654732", national);
    for (String same : List.of("0086 138 5265 4732", "+86 138 5265 4732", "+86-13852654732", "+86 (0) 138 5265 4732")) {
      assertEquals(national, Normalize.form("phones", same), same);
    }
    // a trunk prefix: the same Beijing line written nationally and internationally
    assertEquals(Normalize.form("phones", "+86 10 6552 9988"), Normalize.form("phones", "010 6552 9988"));
    // North America's code is one digit, Hong Kong's three
    assertEquals(Normalize.form("phones", "(206) 473-1762"), Normalize.form("phones", "+1 206 473 1762"));
    assertEquals(Normalize.form("phones", "2345 6789"), Normalize.form("phones", "+852 2345 6789"));
    // numbers that differ in their national number stay apart
    assertNotEquals(Normalize.form("phones", "+86 138 5265 4732"), Normalize.form("phones", "+86 158 5265 4732"));
    // an international prefix with no known code after it keeps its digits; no digits is no value
    assertEquals("999123", Normalize.form("phones", "+999 123"));
    assertEquals("", Normalize.form("phones", "n/a"));
  }

  @Test
  void everyCallingCodeInFrontOfANationalNumberGivesTheSameForm() {
    Random rnd = new Random(11);
    for (int code : com.google.i18n.phonenumbers.PhoneNumberUtil.getInstance().getSupportedCallingCodes()) {
      StringBuilder nsn = new StringBuilder().append(1 + rnd.nextInt(9));
      for (int i = 0, n = 5 + rnd.nextInt(8); i < n; i++) nsn.append(rnd.nextInt(10));
      String form = Normalize.form("phones", nsn.toString());
      assertEquals(form, Normalize.form("phones", "+" + code + " " + nsn), code + " " + nsn);
      assertEquals(form, Normalize.form("phones", "00" + code + "-" + nsn), code + " " + nsn);
      assertEquals(form, Normalize.form("phones", "0" + nsn), "trunk 0 " + nsn);
    }
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

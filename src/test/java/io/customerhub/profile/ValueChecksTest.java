package io.customerhub.profile;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValueChecksTest {

  private static final int[] RESIDENT_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
  private static final int[] ORG_CODE_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

  /** Born 1990-03-07 in Dongcheng, Beijing; computed here rather than copied so the check is the standard's. */
  private static final String RESIDENT_ID = residentId("11010119900307001");
  /** Beijing, organization code 12345678 with its check. */
  private static final String CREDIT_CODE = creditCode("91110000", "12345678");

  /** GB 11643: the ISO 7064 MOD 11-2 check character of a 17-digit body, appended. */
  private static String residentId(String body17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) sum += (body17.charAt(i) - '0') * RESIDENT_WEIGHTS[i];
    return body17 + "10X98765432".charAt(sum % 11);
  }

  /** GB 32100: registry, type and area, the organization code with its MOD 11 check, then the MOD 31 check. */
  private static String creditCode(String head8, String org8) {
    int sum = 0;
    for (int i = 0; i < 8; i++) sum += (org8.charAt(i) - '0') * ORG_CODE_WEIGHTS[i];
    int c = 11 - sum % 11;
    String body = head8 + org8 + (c == 10 ? 'X' : c == 11 ? '0' : (char) ('0' + c));
    int total = 0;
    for (int i = 0; i < 17; i++) total += USCC_CHARS.indexOf(body.charAt(i)) * USCC_WEIGHTS[i];
    return body + USCC_CHARS.charAt((31 - total % 31) % 31);
  }

  private static String with(String s, int at, char c) {
    return s.substring(0, at) + c + s.substring(at + 1);
  }

  @Test
  void theHelpersAgreeWithAKnownNumber() {
    // guards the test's own arithmetic: a published-style example with check character 1
    assertEquals("110101199003070011", RESIDENT_ID);
    assertEquals("91110000123456788M", CREDIT_CODE);
  }

  @Test
  void aResidentIdThatPassesItsCheckStandsAndGivesItsBirthDate() {
    assertFalse(ValueChecks.disproved("nationalId", RESIDENT_ID));
    assertEquals("1990-03-07", ValueChecks.birthDateOf(RESIDENT_ID));
  }

  /** Property: MOD 11-2 weights are all non-zero mod 11, so no single substituted digit keeps the check. */
  @Test
  void everySingleDigitChangeOfAResidentIdIsDisproved() {
    for (int at = 0; at < 18; at++) {
      for (char d = '0'; d <= '9'; d++) {
        if (d == RESIDENT_ID.charAt(at)) continue;
        String typo = with(RESIDENT_ID, at, d);
        assertTrue(ValueChecks.disproved("nationalId", typo), typo);
        assertNull(ValueChecks.birthDateOf(typo), "a disproved id backs no birth date: " + typo);
      }
    }
    assertTrue(ValueChecks.disproved("nationalId", with(RESIDENT_ID, 17, 'X')), "X is a check character too");
  }

  @Test
  void aLetterReadForADigitDisprovesAResidentId() {
    String misread = with(RESIDENT_ID, 3, 'O'); // 1101O1...: the area code's 0 read as the letter
    assertTrue(ValueChecks.disproved("nationalId", misread));
    assertNull(ValueChecks.birthDateOf(misread));
  }

  @Test
  void aCorrectCheckDoesNotSaveADateNoCalendarHas() {
    String month13 = residentId("11010119901307001");
    assertTrue(ValueChecks.disproved("nationalId", month13));
    assertNull(ValueChecks.birthDateOf(month13));
  }

  @Test
  void identifiersOfFormatsWithoutAKnownCheckAreNeverDisproved() {
    for (String id : List.of("P12195236", "260959624", "G86853895", "GB861491326")) {
      assertFalse(ValueChecks.disproved("nationalId", id), id);
      assertFalse(ValueChecks.disproved("taxId", id), id);
    }
    assertNull(ValueChecks.birthDateOf("P12195236"));
  }

  @Test
  void aCreditCodeThatPassesItsCheckStands() {
    assertFalse(ValueChecks.disproved("taxId", CREDIT_CODE));
  }

  /** Property: 31 is prime and no weight is a multiple of it, so no single substitution keeps the check. */
  @Test
  void everySingleCharacterChangeOfACreditCodeIsDisproved() {
    for (int at = 0; at < 18; at++) {
      for (char c : USCC_CHARS.toCharArray()) {
        if (c == CREDIT_CODE.charAt(at)) continue;
        // a letter in the area code makes it no credit code at all: nothing to check it against
        if (at >= 2 && at < 8 && !Character.isDigit(c)) continue;
        String typo = with(CREDIT_CODE, at, c);
        assertTrue(ValueChecks.disproved("taxId", typo), typo);
      }
    }
  }

  @Test
  void aLetterTheCreditCodeAlphabetLeavesOutDisprovesIt() {
    // O is not in the GB 32100 alphabet because it looks like 0
    assertTrue(ValueChecks.disproved("taxId", with(CREDIT_CODE, 9, 'O')));
    assertTrue(ValueChecks.disproved("taxId", with(CREDIT_CODE, 17, 'O')), "in the check position too");
  }

  @Test
  void misreadIsOneWayDigitsReadAsLetters() {
    assertTrue(ValueChecks.misreadOf("G868S3895", "G86853895"), "S read for 5");
    assertFalse(ValueChecks.misreadOf("G86853895", "G868S3895"), "a digit is not a misread letter");
    assertFalse(ValueChecks.misreadOf("G86853895", "G86853895"), "equal values are no misreading");
    assertFalse(ValueChecks.misreadOf("G868S3895", "G86853895X"), "another length is another value");
    assertTrue(ValueChecks.misreadOf("GB86149L326", "GB861491326"), "L read for 1; the prefix letters agree");
  }

  @Test
  void doubtfulFindsTheMisreadIdTheDigitNameAndNothingInOtherAttributes() {
    assertEquals(Map.of("G868S3895", "is G86853895 with a digit read as a letter"),
        ValueChecks.doubtful("nationalId", List.of("G868S3895", "G86853895")));
    assertEquals(Map.of("a1exandra", "has a digit in it"),
        ValueChecks.doubtful("givenName", List.of("a1exandra", "alexandra")));
    assertEquals(Map.of(), ValueChecks.doubtful("birthDate", List.of("1990-03-07", "1990-03-01", "1990-03", "1990")));
  }

  /** Sources send a swapped day and month, or a mistyped month beside the day, which the matcher compares as written. */
  @Test
  void aBirthDateNoCalendarHasIsDoubtful() {
    assertEquals(Map.of("1990-25-03", "is not a calendar date", "1949-15-25", "is not a calendar date",
            "1900-02-29", "is not a calendar date"),
        ValueChecks.doubtful("birthDate", List.of("1990-03-25", "1990-25-03", "1949-15-25", "1900-02-29", "2000-02-29")));
  }
}

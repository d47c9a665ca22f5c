package io.customerhub.profile;

import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Values that show they were mistyped or misread, so that survivorship prefers any other:
 * <ul>
 *   <li>identifiers whose own check characters fail: a Chinese resident identity number (GB 11643, ISO 7064
 *       MOD 11-2 check, the birth date inside) or a Chinese unified social credit code (GB 32100, MOD 31 check). A
 *       single wrong digit always fails these checks, and so does a letter read in place of a digit;</li>
 *   <li>an identifier of another format (no check the hub knows) that is another candidate with a digit read as
 *       the letter it looks like: G868S3895 beside G86853895;</li>
 *   <li>a name with a digit in it (A1exandra);</li>
 *   <li>a birth date no calendar has (a swapped 1990-25-03, a mistyped 1949-15-25), which the decoder keeps for the
 *       matcher to compare.</li>
 * </ul>
 * Values come in {@link Normalize#form} shape (ids: letters and digits, upper case; names: latin letters and
 * digits).
 */
public final class ValueChecks {

  private static final int[] RESIDENT_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String RESIDENT_CHECK = "10X98765432";
  private static final String USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
  /** Letters a reader mistakes for digits (O, Q and D for 0, I and L for 1, S for 5, B for 8, Z for 2, G for 6). */
  private static final String DIGIT_LOOKALIKES = "OILSBZGQD";
  /** The digit each of {@link #DIGIT_LOOKALIKES} is mistaken for. */
  private static final String LOOKALIKE_DIGITS = "011582600";

  private ValueChecks() {
  }

  /**
   * The forms among {@code forms}, the candidates of {@code attribute}, that show they are wrong, each with what
   * shows it.
   */
  public static Map<String, String> doubtful(String attribute, Collection<String> forms) {
    Map<String, String> out = new HashMap<>();
    for (String f : forms) {
      if (disproved(attribute, f)) {
        out.put(f, "fails the check of its format");
      } else if (attribute.equals("birthDate")) {
        if (f.length() == 10 && !realDate(f.replace("-", ""))) out.put(f, "is not a calendar date");
      } else if (attribute.equals("givenName") || attribute.equals("familyName") || attribute.equals("fullName")) {
        if (f.chars().anyMatch(Character::isDigit)) out.put(f, "has a digit in it");
      } else if (attribute.equals("nationalId") || attribute.equals("taxId")) {
        for (String other : forms) {
          if (misreadOf(f, other)) {
            out.put(f, "is " + other + " with a digit read as a letter");
            break;
          }
        }
      }
    }
    return out;
  }

  /** Whether {@code form} is {@code digits} with one or more of its digits read as letters that look like them. */
  static boolean misreadOf(String form, String digits) {
    if (form.length() != digits.length() || form.equals(digits)) return false;
    for (int i = 0; i < form.length(); i++) {
      char c = form.charAt(i);
      char d = digits.charAt(i);
      if (c == d) continue;
      int k = DIGIT_LOOKALIKES.indexOf(c);
      if (k < 0 || LOOKALIKE_DIGITS.charAt(k) != d) return false;
    }
    return true;
  }

  /** Whether {@code form}, a value of {@code attribute}, fails the check of the format it is written in. */
  static boolean disproved(String attribute, String form) {
    return switch (attribute) {
      case "nationalId" -> residentIdDisproved(form);
      case "taxId" -> creditCodeDisproved(form);
      default -> false;
    };
  }

  /**
   * The birth date ({@code yyyy-mm-dd}) written in a Chinese resident identity number that passes its check;
   * null for any other value.
   */
  static String birthDateOf(String nationalId) {
    if (nationalId.length() != 18 || !digits(nationalId, 0, 17) || residentIdDisproved(nationalId)) return null;
    return nationalId.substring(6, 10) + "-" + nationalId.substring(10, 12) + "-" + nationalId.substring(12, 14);
  }

  /**
   * An 18-character number of digits (the last may be X) is a resident identity number: disproved by a wrong
   * check character or a birth date no calendar has. One with a few digit look-alikes in it was mistyped.
   */
  static boolean residentIdDisproved(String id) {
    if (id.length() != 18) return false;
    int lookalikes = 0;
    for (int i = 0; i < 18; i++) {
      char c = id.charAt(i);
      if (c >= '0' && c <= '9' || i == 17 && c == 'X') continue;
      if (DIGIT_LOOKALIKES.indexOf(c) < 0) return false;
      lookalikes++;
    }
    if (lookalikes > 0) return lookalikes <= 3;
    return residentIdCheck(id) != id.charAt(17) || !realDate(id.substring(6, 14));
  }

  /**
   * The check character of a resident identity number (GB 11643, ISO 7064 MOD 11-2) whose first 17 characters are
   * digits: the one the hub checks ids by, and the one generated ids carry.
   */
  public static char residentIdCheck(CharSequence body17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) sum += (body17.charAt(i) - '0') * RESIDENT_WEIGHTS[i];
    return RESIDENT_CHECK.charAt(sum % 11);
  }

  /**
   * The check character of a unified social credit code (GB 32100, MOD 31) whose first 17 characters are of its
   * alphabet: the one the hub checks codes by, and the one generated codes carry.
   */
  public static char creditCodeCheck(CharSequence body17) {
    int total = 0;
    for (int i = 0; i < 17; i++) total += USCC_CHARS.indexOf(body17.charAt(i)) * USCC_WEIGHTS[i];
    return USCC_CHARS.charAt((31 - total % 31) % 31);
  }

  /**
   * An 18-character code with a six-digit area code after two characters is a credit code: disproved by its
   * check, or by a letter the code's alphabet leaves out because it looks like a digit (I, O, S, V, Z).
   */
  static boolean creditCodeDisproved(String code) {
    if (code.length() != 18 || !digits(code, 2, 8)) return false;
    for (int i = 0; i < 17; i++) {
      if (USCC_CHARS.indexOf(code.charAt(i)) < 0) return "IOSVZ".indexOf(code.charAt(i)) >= 0;
    }
    return creditCodeCheck(code) != code.charAt(17);
  }

  private static boolean digits(String s, int from, int to) {
    for (int i = from; i < to; i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
    return true;
  }

  /** Whether eight digits are a date a calendar has (19900230 is not). */
  private static boolean realDate(String yyyymmdd) {
    if (yyyymmdd.length() != 8 || !digits(yyyymmdd, 0, 8)) return false;
    int year = Integer.parseInt(yyyymmdd.substring(0, 4));
    int month = Integer.parseInt(yyyymmdd.substring(4, 6));
    int day = Integer.parseInt(yyyymmdd.substring(6, 8));
    return month >= 1 && month <= 12 && day >= 1 && day <= YearMonth.of(year, month).lengthOfMonth();
  }
}

package io.customerhub.profile;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.customerhub.record.CanonicalRecord;
import io.customerhub.resolve.standardize.Latinizer;
import io.customerhub.resolve.standardize.Standardizer;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Simple standardized forms used to deduplicate multi-valued attributes and to count or compare values.
 * Deliberately lighter than the resolver's standardizers: here it only has to decide "same value or not".
 * Addresses that name one place in other words (another script, other abbreviations) are told apart from
 * different places by {@link Places}, which uses the resolver's address standardizer.
 */
public final class Normalize {

  // loops, not regular expressions: this runs for every value of every member each time a profile is assembled,
  // and the three patterns it used took 3% of the hub's CPU during a load

  private Normalize() {
  }

  /** The comparison form of a value of the given golden attribute; empty string means "no value". */
  public static String form(String attribute, Object value) {
    if (value == null) return "";
    return switch (attribute) {
      case "emails" -> value.toString().trim().toLowerCase(Locale.ROOT);
      case "phones" -> phone(value.toString());
      case "taxId", "nationalId" -> lettersAndNumbers(value.toString()).toUpperCase(Locale.ROOT);
      // a placeholder ("Baby Girl", "Unknown") is a source saying it knows no name: as for dates below
      case "givenName", "familyName", "fullName" -> withoutPlaceholder(attribute, name(value.toString()));
      // a placeholder is a source saying it knows no date: it must neither outvote nor conflict with a real one
      case "birthDate" -> CanonicalRecord.isPlaceholderBirthDate(value.toString().strip()) ? ""
          : text(value.toString());
      case "addresses" -> value instanceof Map<?, ?> m ? text(String.join(" ", m.values().stream()
          .map(v -> v == null ? "" : v.toString()).toList())) : text(value.toString());
      default -> value instanceof Number n ? number(n) : text(value.toString());
    };
  }

  /** {@code name}, a name form of {@code attribute}, or "" where it is a placeholder (a full name: of either part). */
  private static String withoutPlaceholder(String attribute, String name) {
    boolean placeholder = switch (attribute) {
      case "givenName" -> Standardizer.isPlaceholderName(name, false);
      case "familyName" -> Standardizer.isPlaceholderName(name, true);
      default -> Standardizer.isPlaceholderName(name, false) || Standardizer.isPlaceholderName(name, true);
    };
    return placeholder ? "" : name;
  }

  /**
   * A name part as latin letters and digits: 张伟, "ZHANG wei" and "Zhang-Wei" are one name, so that a customer's
   * records written in two scripts vote for one value.
   */
  public static String name(String s) {
    String latin = Latinizer.latin(s);
    if (latin == null) return "";
    // a loop, not a stream of code points: every name of every member, each time a profile is assembled
    StringBuilder out = null;
    for (int i = 0; i < latin.length(); ) {
      int cp = latin.codePointAt(i);
      boolean keep = Character.isLetterOrDigit(cp);
      if (keep && out != null) out.appendCodePoint(cp);
      if (!keep && out == null) out = new StringBuilder(latin.length()).append(latin, 0, i);
      i += Character.charCount(cp);
    }
    return out == null ? latin : out.toString();
  }

  /** The distinct comparison forms of {@code candidates}, values of {@code attribute}, in their order. */
  public static Set<String> forms(String attribute, List<Candidate> candidates) {
    Set<String> out = new LinkedHashSet<>();
    for (Candidate c : candidates) out.add(form(attribute, c.value()));
    return out;
  }

  /** How complete a value is: longer names and fuller addresses win under most_complete. */
  public static int completeness(Object value) {
    if (value instanceof Map<?, ?> m) {
      int filled = 0;
      for (Object v : m.values()) if (v != null && !v.toString().isBlank()) filled++;
      return filled * 1000 + form("addresses", value).length();
    }
    return value == null ? 0 : value.toString().strip().length();
  }

  /** Stripped, lower case, each run of ASCII white space (space, tab, line breaks, form feed) one space. */
  static String text(String s) {
    String t = s.strip();
    StringBuilder out = null;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (!asciiSpace(c) || (c == ' ' && (i + 1 == t.length() || !asciiSpace(t.charAt(i + 1))))) {
        if (out != null) out.append(c);
        continue;
      }
      if (out == null) out = new StringBuilder(t.length()).append(t, 0, i);
      out.append(' ');
      while (i + 1 < t.length() && asciiSpace(t.charAt(i + 1))) i++;
    }
    return (out == null ? t : out.toString()).toLowerCase(Locale.ROOT);
  }

  private static boolean asciiSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  /** The ASCII digits of {@code s}. */
  static String digits(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') out.append(c);
    }
    return out.length() == s.length() ? s : out.toString();
  }

  /**
   * A phone number's comparison form: its national number, so that one number written with its country code
   * ("+86 138 5265 4732", "0086 138 5265 4732") and without it ("(138) 5265-4732") counts once among a profile's
   * phones. The code is dropped rather than guessed for the numbers that lack one: which country a number
   * written without it belongs to is not known here. A trunk prefix 0 ("010 6552 9988" for "+86 10 6552 9988")
   * is not part of the number either. Two numbers of one person that differ only in their country code are one
   * here; the matcher reads such pairs the same way (see Comparisons.phone).
   */
  static String phone(String s) {
    String d = digits(s);
    String number;
    if (s.strip().startsWith("+")) number = d;
    else if (d.startsWith("00")) number = d.substring(2);
    else return withoutTrunkZero(d);
    // calling codes are prefix-free (E.164): the first one to three digits that are one are the code
    for (int length = 1; length <= 3 && length < number.length(); length++) {
      if (CALLING_CODES.contains(number.substring(0, length))) return withoutTrunkZero(number.substring(length));
    }
    return number;
  }

  private static final Set<String> CALLING_CODES = callingCodes();

  private static Set<String> callingCodes() {
    Set<String> codes = new HashSet<>();
    for (int code : PhoneNumberUtil.getInstance().getSupportedCallingCodes()) codes.add(Integer.toString(code));
    return Set.copyOf(codes);
  }

  private static String withoutTrunkZero(String digits) {
    return digits.length() > 1 && digits.charAt(0) == '0' ? digits.substring(1) : digits;
  }

  /** The letters and numbers of {@code s}, in any script (Unicode categories L and N). */
  static String lettersAndNumbers(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (Character.isLetter(cp) || isNumber(cp)) out.appendCodePoint(cp);
      i += Character.charCount(cp);
    }
    return out.length() == s.length() ? s : out.toString();
  }

  private static boolean isNumber(int cp) {
    int type = Character.getType(cp);
    return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
        || type == Character.OTHER_NUMBER;
  }

  private static String number(Number n) {
    try {
      return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
    } catch (NumberFormatException e) {
      return n.toString();
    }
  }
}

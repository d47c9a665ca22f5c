package io.customerhub.record;

import java.util.Locale;
import java.util.Set;

/**
 * Text that sources write where they have no value: {@code nan} and {@code None} from a data frame turned into
 * text, {@code NULL} and {@code N/A} from exports, {@code 000-00-0000} for an identifier nobody asked for, an
 * e-mail address at {@code noemail@}. Kept as values, they would make every record without one agree with every
 * other on it: two strangers sharing the national id "N/A" look like one person. They are read as missing.
 */
public final class MissingValues {

  /** Placeholders in any field, compared in lower case. */
  private static final Set<String> WORDS = Set.of("nan", "nat", "none", "null", "n/a", "#n/a", "<na>", "undefined",
      "unknown", "not known", "not available", "n/k", "-", "--", "?", ".");
  /**
   * Placeholders only where no real value could read so: "NA" and "Nan" are also names (Na, a family name in Korea
   * and China; Nan, a given name), so in names only the lower-case "nan" of a data frame counts.
   */
  private static final Set<String> CODE_WORDS = Set.of("na", "n.a.", "0", "x", "xx", "xxx");
  /** Local parts of the addresses sources put where a customer gave none. */
  private static final Set<String> NO_EMAIL = Set.of("none", "noemail", "no-email", "no_email", "no.email", "null",
      "nomail", "noreply", "no-reply", "donotreply", "unknown", "na", "n/a");

  private MissingValues() {
  }

  /** A name, a street, a town: words that are placeholders whatever the field (stripped text). */
  public static boolean inText(String s) {
    String lower = s.toLowerCase(Locale.ROOT);
    if (!WORDS.contains(lower)) return false;
    return !lower.equals("nan") || s.equals("nan") || s.equals("NaN");
  }

  /**
   * An identifier, a phone number, a postcode, a date: the words above, "NA", and a code whose letters and digits
   * are all one character repeated (000-00-0000, 9999999999, XXXXXX).
   */
  public static boolean inCode(String s) {
    String lower = s.toLowerCase(Locale.ROOT);
    if (WORDS.contains(lower) || CODE_WORDS.contains(lower)) return true;
    return oneCharacterRepeated(lower);
  }

  /** An e-mail address that says there is none (noemail@example.com, none@none.com), or a placeholder word. */
  public static boolean inEmail(String s) {
    if (inCode(s)) return true;
    int at = s.indexOf('@');
    return at > 0 && NO_EMAIL.contains(s.substring(0, at).toLowerCase(Locale.ROOT));
  }

  private static boolean oneCharacterRepeated(String s) {
    int first = -1;
    int count = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!Character.isLetterOrDigit(c)) continue;
      if (first < 0) first = c;
      else if (c != first) return false;
      count++;
    }
    return count >= 3;
  }
}

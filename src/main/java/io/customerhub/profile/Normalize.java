package io.customerhub.profile;

import io.customerhub.record.CanonicalRecord;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Simple standardized forms used to deduplicate multi-valued attributes and to count or compare values.
 * Deliberately lighter than the resolver's standardizers: here it only has to decide "same value or not".
 */
public final class Normalize {

  // compiled once: this runs for every value of every member each time a profile is assembled
  private static final Pattern NON_DIGITS = Pattern.compile("\\D");
  private static final Pattern NON_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private Normalize() {
  }

  /** The comparison form of a value of the given golden attribute; empty string means "no value". */
  public static String form(String attribute, Object value) {
    if (value == null) return "";
    return switch (attribute) {
      case "emails" -> value.toString().trim().toLowerCase(Locale.ROOT);
      case "phones" -> NON_DIGITS.matcher(value.toString()).replaceAll("");
      case "taxId", "nationalId" -> NON_ALNUM.matcher(value.toString()).replaceAll("").toUpperCase(Locale.ROOT);
      // a placeholder is a source saying it knows no date: it must neither outvote nor conflict with a real one
      case "birthDate" -> CanonicalRecord.isPlaceholderBirthDate(value.toString().strip()) ? ""
          : text(value.toString());
      case "addresses" -> value instanceof Map<?, ?> m ? text(String.join(" ", m.values().stream()
          .map(v -> v == null ? "" : v.toString()).toList())) : text(value.toString());
      default -> value instanceof Number n ? number(n) : text(value.toString());
    };
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

  private static String text(String s) {
    return SPACES.matcher(s.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
  }

  private static String number(Number n) {
    try {
      return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
    } catch (NumberFormatException e) {
      return n.toString();
    }
  }
}

package io.customerhub.steward;

import io.customerhub.profile.Golden;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * What a steward may set by hand on a golden attribute, checked and tidied before it is stored: a single field
 * takes a non-empty string; a list (emails, phones, addresses) takes the whole list the profile is to show, in
 * its order, so that a wrong value from a bad record can be left out and a missing one added (an empty list
 * shows none); an own attribute takes a string, number or true/false. A refusal ({@link StewardRefusal}, invalid)
 * starts with the field it is about: {@code attribute}, {@code value}, {@code value[2]}, {@code value[0].city}.
 */
public final class OverrideValue {

  static final int MAX_TEXT = 2000;
  static final int MAX_ITEMS = 100;
  private static final Pattern OWN_ATTRIBUTE = Pattern.compile(Golden.ATTRIBUTE_PREFIX.replace(".", "\\.")
      + "[A-Za-z0-9_-]{1,64}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");
  private static final Pattern PHONE_CHARACTERS = Pattern.compile("[0-9+()./ -]+");
  private static final List<String> ADDRESS_FIELDS = List.of("line1", "line2", "city", "region", "postcode", "country");

  private OverrideValue() {
  }

  /** Whether {@code attribute} (a lineage name such as {@code givenName} or {@code attributes.segment}) can be set. */
  public static void checkAttribute(String attribute) {
    if (Golden.SINGLE.contains(attribute) || Golden.MULTI.contains(attribute)
        || OWN_ATTRIBUTE.matcher(attribute).matches()) {
      return;
    }
    throw StewardRefusal.invalid("attribute: '" + attribute + "' is none of " + Golden.SINGLE + ", " + Golden.MULTI
        + " nor attributes.<name>");
  }

  /**
   * The value to store for {@code attribute}, from the plain JSON value a steward sent (String, Number, Boolean,
   * List, Map or null).
   */
  public static Object of(String attribute, Object value) {
    checkAttribute(attribute);
    if (Golden.SINGLE.contains(attribute)) return single(attribute, value);
    return switch (attribute) {
      case "emails" -> emails(value);
      case "phones" -> phones(value);
      case "addresses" -> addresses(value);
      default -> own(value);
    };
  }

  private static String single(String attribute, Object value) {
    String text = text("value", value);
    if (attribute.equals("birthDate")) {
      try {
        LocalDate.parse(text);
      } catch (DateTimeParseException e) {
        throw StewardRefusal.invalid("value: '" + text + "' is not a date (YYYY-MM-DD)");
      }
    }
    return text;
  }

  private static Object own(Object value) {
    if (value instanceof String) return text("value", value);
    if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
      // 1e999 parses as Infinity, which would be stored as the text "Infinity" and read by no rule as a number
      throw StewardRefusal.invalid("value: " + d + " is no number the hub can hold");
    }
    if (value instanceof Number || value instanceof Boolean) return value;
    throw StewardRefusal.invalid("value: must be a string, a number or true/false");
  }

  private static List<String> emails(Object value) {
    return texts(value, "emails", email -> EMAIL.matcher(email).matches(), "is not an email address",
        email -> email.toLowerCase(Locale.ROOT));
  }

  private static List<String> phones(Object value) {
    return texts(value, "phone numbers", phone -> {
      long digits = phone.chars().filter(Character::isDigit).count();
      return PHONE_CHARACTERS.matcher(phone).matches() && digits >= 5 && digits <= 20;
    }, "is not a phone number (5 to 20 digits, + ( ) . / - and spaces)", phone -> phone.replaceAll("[^0-9+]", ""));
  }

  /** A list of texts, each {@code valid} or refused with {@code reason}; one per {@code sameness}, in order. */
  private static List<String> texts(Object value, String what, Predicate<String> valid, String reason,
                                    UnaryOperator<String> sameness) {
    List<String> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    List<?> items = list(value, what);
    for (int i = 0; i < items.size(); i++) {
      String text = text("value[" + i + "]", items.get(i));
      if (!valid.test(text)) throw StewardRefusal.invalid("value[" + i + "]: '" + text + "' " + reason);
      if (seen.add(sameness.apply(text))) out.add(text);
    }
    return out;
  }

  private static List<Map<String, Object>> addresses(Object value) {
    List<Map<String, Object>> out = new ArrayList<>();
    List<?> items = list(value, "addresses");
    for (int i = 0; i < items.size(); i++) {
      String at = "value[" + i + "]";
      if (!(items.get(i) instanceof Map<?, ?> given)) throw StewardRefusal.invalid(at + ": must be an address object");
      for (Object key : given.keySet()) {
        if (!ADDRESS_FIELDS.contains(String.valueOf(key))) {
          throw StewardRefusal.invalid(at + "." + key + ": is none of " + ADDRESS_FIELDS);
        }
      }
      Map<String, Object> address = new LinkedHashMap<>();
      boolean any = false;
      for (String field : ADDRESS_FIELDS) {
        Object v = given.get(field);
        String text = v == null || v instanceof String s && s.isBlank() ? null : text(at + "." + field, v);
        address.put(field, text);
        any |= text != null;
      }
      if (!any) throw StewardRefusal.invalid(at + ": has none of " + ADDRESS_FIELDS);
      if (!out.contains(address)) out.add(address);
    }
    return out;
  }

  private static List<?> list(Object value, String what) {
    if (!(value instanceof List<?> items)) {
      throw StewardRefusal.invalid("value: must be the list of " + what + " to show");
    }
    if (items.size() > MAX_ITEMS) throw StewardRefusal.invalid("value: more than " + MAX_ITEMS + " " + what);
    return items;
  }

  private static String text(String field, Object value) {
    if (!(value instanceof String text) || text.isBlank()) {
      throw StewardRefusal.invalid(field + ": must be a non-empty string");
    }
    if (text.length() > MAX_TEXT) throw StewardRefusal.invalid(field + ": longer than " + MAX_TEXT + " characters");
    // PostgreSQL stores no NUL in json: the override would fail as a 500
    if (text.indexOf('\u0000') >= 0) throw StewardRefusal.invalid(field + ": must not contain NUL characters");
    return text.strip();
  }
}

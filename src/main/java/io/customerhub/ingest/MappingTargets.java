package io.customerhub.ingest;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The canonical fields a source mapping may fill ({@code conf/sources/NAME.json}, {@code fields}), checked at start:
 * a misspelt {@code givenNme} put every first name of the source among the attributes, where nothing compares it,
 * and {@code addresses[x].city} failed every record of the source at ingest.
 */
final class MappingTargets {

  /** {@code name} or {@code name[3]}: a field, perhaps one element of a list. */
  private static final Pattern PART = Pattern.compile("([A-Za-z]+)(?:\\[(\\d{1,2})])?");
  /** The fields of the canonical record that hold objects, and the fields of those objects. */
  private static final Map<String, List<String>> OBJECTS = Map.of(
      "addresses", FieldAliases.ADDRESS_FIELDS, "address", FieldAliases.ADDRESS_FIELDS,
      "customerRef", List.of("source", "sourceId"), "links", List.of("source", "sourceId"));
  private static final List<String> LISTS = List.of("addresses", "address", "links");

  private MappingTargets() {
  }

  /** Refuses a target that names no field of the canonical record, naming it and saying what would. */
  static void check(String target) {
    if (target.startsWith("attributes.") && target.length() > "attributes.".length()) return;
    String[] parts = target.split("\\.", -1);
    Matcher head = PART.matcher(parts[0]);
    if (!head.matches() || !RecordDecoder.CANONICAL_FIELDS.contains(head.group(1))) {
      throw wrong(target, "is no field of the canonical record (misspelt?); a field of the source's own goes to "
          + "attributes." + parts[parts.length - 1]);
    }
    String field = head.group(1);
    if (head.group(2) != null && !LISTS.contains(field)) throw wrong(target, field + " is not a list of objects");
    if (parts.length == 1) return;
    List<String> inner = OBJECTS.get(field);
    if (inner == null) throw wrong(target, field + " holds no fields of its own");
    if (parts.length > 2 || !inner.contains(parts[1])) {
      throw wrong(target, "an element of " + field + " has the fields " + String.join(", ", inner));
    }
  }

  private static IllegalArgumentException wrong(String target, String why) {
    return new IllegalArgumentException("fields." + target + ": " + why);
  }
}

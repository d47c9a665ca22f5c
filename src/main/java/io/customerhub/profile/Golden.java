package io.customerhub.profile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The golden values of a profile under the canonical field names. Addresses are kept as plain maps in the
 * contract's shape (line1 … country) so the profile round-trips through JSON without custom serializers.
 */
public record Golden(String givenName, String familyName, String fullName, String orgName, String taxId,
                     String nationalId, String birthDate, List<String> emails, List<String> phones,
                     List<Map<String, Object>> addresses, Map<String, Object> attributes) {

  /** Single-valued canonical fields, in view order. */
  public static final List<String> SINGLE = List.of(
      "givenName", "familyName", "fullName", "orgName", "taxId", "nationalId", "birthDate");
  /** Multi-valued canonical fields: unions of every member's values. */
  public static final List<String> MULTI = List.of("emails", "phones", "addresses");
  /** Lineage keys of source-specific attributes start with this prefix, e.g. {@code attributes.creditLimit}. */
  public static final String ATTRIBUTE_PREFIX = "attributes.";

  public Golden {
    emails = emails == null ? List.of() : List.copyOf(emails);
    phones = phones == null ? List.of() : List.copyOf(phones);
    addresses = addresses == null ? List.of() : addresses.stream().map(Golden::frozen).toList();
    attributes = attributes == null ? Map.of() : frozen(attributes);
  }

  /** Reads the chosen value of every attribute out of its lineage. */
  @SuppressWarnings("unchecked")
  public static Golden fromLineage(Map<String, AttributeLineage> lineage) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    lineage.forEach((name, l) -> {
      if (name.startsWith(ATTRIBUTE_PREFIX)) attributes.put(name.substring(ATTRIBUTE_PREFIX.length()), l.chosen());
    });
    return new Golden(single(lineage, "givenName"), single(lineage, "familyName"), single(lineage, "fullName"),
        single(lineage, "orgName"), single(lineage, "taxId"), single(lineage, "nationalId"),
        single(lineage, "birthDate"), (List<String>) multi(lineage, "emails"), (List<String>) multi(lineage, "phones"),
        (List<Map<String, Object>>) multi(lineage, "addresses"), attributes);
  }

  /** The value of a canonical field or of {@code attributes.x}, by lineage name; null when absent. */
  public Object value(String name) {
    if (name.startsWith(ATTRIBUTE_PREFIX)) return attributes.get(name.substring(ATTRIBUTE_PREFIX.length()));
    return switch (name) {
      case "givenName" -> givenName;
      case "familyName" -> familyName;
      case "fullName" -> fullName;
      case "orgName" -> orgName;
      case "taxId" -> taxId;
      case "nationalId" -> nationalId;
      case "birthDate" -> birthDate;
      case "emails" -> emails;
      case "phones" -> phones;
      case "addresses" -> addresses;
      default -> null;
    };
  }

  private static String single(Map<String, AttributeLineage> lineage, String name) {
    AttributeLineage l = lineage.get(name);
    return l == null || l.chosen() == null ? null : l.chosen().toString();
  }

  private static List<?> multi(Map<String, AttributeLineage> lineage, String name) {
    AttributeLineage l = lineage.get(name);
    return l == null || !(l.chosen() instanceof List<?> list) ? List.of() : new ArrayList<>(list);
  }

  private static Map<String, Object> frozen(Map<String, Object> m) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(m));
  }
}

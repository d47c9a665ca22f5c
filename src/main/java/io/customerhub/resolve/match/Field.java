package io.customerhub.resolve.match;

import java.util.List;

/**
 * The compared fields and their comparison levels, best agreement first. A level index is what the model
 * keeps m and u probabilities for; "missing" (either side empty) is not a level: it weighs nothing.
 */
public enum Field {
  FAMILY_NAME("family", List.of("EXACT", "NEAR", "SIMILAR", "DIFFERENT")),
  GIVEN_NAME("given", List.of("EXACT", "ALIAS", "NEAR", "SIMILAR", "DIFFERENT")),
  BIRTH_DATE("birthDate", List.of("EXACT", "SWAPPED", "CLOSE", "TWO_PARTS", "YEAR", "DIFFERENT")),
  EMAIL("email", List.of("EXACT", "ONE_EDIT", "DIFFERENT")),
  PHONE("phone", List.of("EXACT", "ONE_EDIT", "DIFFERENT")),
  NATIONAL_ID("nationalId", List.of("EXACT", "ONE_EDIT", "TWO_EDITS", "DIFFERENT")),
  TAX_ID("taxId", List.of("EXACT", "ONE_EDIT", "TWO_EDITS", "DIFFERENT")),
  ADDRESS("address", List.of("EXACT", "STREET", "POSTCODE", "NEAR_POSTCODE", "TOWN", "AREA", "DIFFERENT")),
  ORG_NAME("org", List.of("EXACT", "NEAR", "SIMILAR", "DIFFERENT")),
  /** A person's gender where a source keeps one (attributes "gender" or "sex"). */
  GENDER("gender", List.of("EXACT", "DIFFERENT")),
  /** A person's occupation where a source keeps one (attributes "occupation", "profession", "jobTitle"). */
  OCCUPATION("occupation", List.of("EXACT", "DIFFERENT"));

  public static final int MISSING = -1;

  private final String key;
  private final List<String> levels;

  Field(String key, List<String> levels) {
    this.key = key;
    this.levels = levels;
  }

  /** The name used in conf/matching.json, the model JSON and explanations. */
  public String key() {
    return key;
  }

  public List<String> levels() {
    return levels;
  }

  /** The index of the level called {@code name}; a name the field has no level of is a programming error. */
  public int levelIndex(String name) {
    int index = levels.indexOf(name);
    if (index < 0) throw new IllegalStateException(key + " has no level " + name);
    return index;
  }

  public String level(int index) {
    return index == MISSING ? "MISSING" : levels.get(index);
  }

  /** The worst level, "clearly different". */
  public int different() {
    return levels.size() - 1;
  }

  public static Field byKey(String key) {
    for (Field f : values()) if (f.key.equals(key)) return f;
    throw new IllegalArgumentException("unknown field '" + key + "'");
  }
}

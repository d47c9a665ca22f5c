package io.customerhub.record;

import java.util.Locale;

/**
 * How field names from other systems are compared: {@code first_name}, {@code First Name}, {@code first-name} and
 * {@code firstName} are one name. Feeds name their columns by their own habits (snake case from SQL, camel case
 * from JavaScript, words with spaces from spreadsheets), and a field the hub knows must not be missed for its
 * spelling.
 */
public final class FieldNames {

  private FieldNames() {
  }

  /** The name in lower case without '_', '-', '.' and spaces. */
  public static String key(String name) {
    StringBuilder b = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c != '_' && c != '-' && c != '.' && c != ' ') b.append(c);
    }
    return b.toString().toLowerCase(Locale.ROOT);
  }
}

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

  /**
   * The name in lower case without '_', '-', '.' and spaces. A name already so ("gender", "segment", most
   * attributes) is returned as it is: the standardizer asks this of every attribute of every record, several times.
   */
  public static String key(String name) {
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      if (separator(cp) || Character.toLowerCase(cp) != cp) return normalized(name);
      i += Character.charCount(cp);
    }
    return name;
  }

  private static String normalized(String name) {
    StringBuilder b = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!separator(c)) b.append(c);
    }
    return b.toString().toLowerCase(Locale.ROOT);
  }

  private static boolean separator(int c) {
    return c == '_' || c == '-' || c == '.' || c == ' ';
  }
}

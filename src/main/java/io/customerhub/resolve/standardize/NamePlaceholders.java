package io.customerhub.resolve.standardize;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What clerks, census takers and forms write where they have no name: "Baby Girl" for a newborn, "Unknown", "No
 * Last Name", "Lady of the House", "Declined". Kept as names, two strangers both written "Baby" agree on their given
 * name, and a placeholder is common enough to look like a common name, not like none. Read as no name. Words that
 * are also real names stay names (Boy, a given name in the Philippines; Son, a Korean family name and a Vietnamese
 * given name; Doe, Child and House, family names); a part only a form of address gives ("Mr") is {@link NameWords}'.
 * Written as {@link Latinizer#tokens} writes them, words joined by a space.
 */
final class NamePlaceholders {

  private static final Set<String> EITHER = Set.of("unknown", "unk", "no name", "noname", "anonymous", "anon",
      "declined", "refused", "refuse", "dont know", "not given", "not stated", "not provided", "resident", "occupant",
      "householder", "head of household", "lady of the house", "lady of house", "man of the house", "man of house",
      "test");
  private static final Set<String> GIVEN = Set.of("baby", "baby boy", "baby girl", "babyboy", "babygirl", "infant",
      "infant boy", "infant girl", "newborn", "girl", "male child", "female child", "child", "minor", "adult",
      "adult male", "adult female", "person", "respondent", "first name", "firstname", "fname", "no first name",
      "mother", "mom", "dad", "wife", "husband", "daughter", "grandson", "granddaughter", "grandchild", "nephew",
      "niece");
  private static final Set<String> FAMILY = Set.of("no last name", "last name", "lastname", "lname", "surname",
      "no surname", "apellido", "household", "of the house", "of house", "the house", "of the home", "de casa",
      "de la casa");

  private NamePlaceholders() {
  }

  /** The last words of the placeholders of several words: only a family name among them may end one. */
  private static final Set<String> LAST_WORDS = lastWords();
  /** The placeholders written without spaces, as the golden record compares names (babygirl, nolastname). */
  private static final Set<String> COMPACT_GIVEN = compact(EITHER, GIVEN);
  private static final Set<String> COMPACT_FAMILY = compact(EITHER, FAMILY);

  /** The standardized name part {@code words} (a family name where {@code family}) stands for no name. */
  static boolean isPlaceholder(String words, boolean family) {
    return words != null && (EITHER.contains(words) || (family ? FAMILY : GIVEN).contains(words));
  }

  /** A whole name that is a placeholder split into a given and a family name ("lady of the" | "house"). */
  static boolean isSplitPlaceholder(String given, String family) {
    return given != null && family != null && LAST_WORDS.contains(family) && isPlaceholder(given + " " + family, false);
  }

  /** {@code letters}, a name's letters without spaces (lower case), is a placeholder's. */
  static boolean isCompactPlaceholder(String letters, boolean family) {
    return (family ? COMPACT_FAMILY : COMPACT_GIVEN).contains(letters);
  }

  private static Set<String> compact(Set<String> a, Set<String> b) {
    Set<String> out = new HashSet<>();
    for (Set<String> set : List.of(a, b)) for (String p : set) out.add(p.replace(" ", ""));
    return Set.copyOf(out);
  }

  private static Set<String> lastWords() {
    Set<String> out = new HashSet<>();
    for (Set<String> set : List.of(EITHER, GIVEN)) {
      for (String p : set) if (p.indexOf(' ') > 0) out.add(p.substring(p.lastIndexOf(' ') + 1));
    }
    return Set.copyOf(out);
  }
}

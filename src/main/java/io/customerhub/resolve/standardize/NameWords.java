package io.customerhub.resolve.standardize;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static java.util.Map.entry;

/**
 * The words around a person's name that are not the name: forms of address before it (Mrs, Herr, Dr) and suffixes
 * after it (Jr., III, PhD). One list of each, read by name standardization, which drops them from the name, and by
 * the gender a form of address says and the generation a suffix says, so that what is dropped and what is read
 * can never disagree. Words are lower-case Latin letters, as {@link Latinizer#tokens} writes them.
 */
final class NameWords {

  /** No gender: a form of address that says none (Dr, Prof), or one a register's cut titled name leaves (Sir). */
  private static final String NONE = "";

  /**
   * Forms of address and the gender they say. Not Sir, Dame, Lord or Lady: registers cut a titled name to them,
   * and a copy of a woman's record may carry her husband's title.
   */
  private static final Map<String, String> FORMS_OF_ADDRESS = Map.ofEntries(
      entry("mr", "m"), entry("herr", "m"), entry("monsieur", "m"), entry("senor", "m"), entry("signor", "m"),
      entry("mrs", "f"), entry("ms", "f"), entry("miss", "f"), entry("madam", "f"), entry("madame", "f"),
      entry("mme", "f"), entry("mlle", "f"), entry("mademoiselle", "f"), entry("frau", "f"), entry("senora", "f"),
      entry("senorita", "f"), entry("sra", "f"), entry("srta", "f"), entry("signora", "f"),
      entry("mx", NONE), entry("dr", NONE), entry("prof", NONE), entry("sir", NONE), entry("dame", NONE),
      entry("dott", NONE), entry("rev", NONE), entry("capt", NONE), entry("honourable", NONE),
      entry("honorable", NONE));

  /**
   * The words of "The Hon.", "Rt Hon", "The Right Honourable". "Hon" is a form of address only after another of
   * them: alone it is a given name in Cantonese romanization (Hon Ming Chan, Chan Hon Ming), far more common in
   * customer records than the title.
   */
  private static final Set<String> HONOURABLE = Set.of("the", "rt", "right", "very", "most", "hon", "honourable",
      "honorable");

  /**
   * Suffixes after a name and the generation they say ("jr" also for II, the second of the name; "" for an
   * academic or professional one).
   */
  private static final Map<String, String> SUFFIXES = Map.ofEntries(
      entry("jr", "jr"), entry("jnr", "jr"), entry("ii", "jr"), entry("sr", "sr"), entry("snr", "sr"),
      entry("iii", "iii"), entry("iv", "iv"), entry("phd", NONE), entry("md", NONE), entry("esq", NONE));

  /**
   * Suffixes that are names too: the surname Senior, the given name Junior (Junior Silva), and Portuguese Filho
   * (the son, as Jr) and Neto (the grandson, as III), also surnames. One is a suffix only after two words of a whole
   * name ("John Smith Junior", "José Silva Filho", not "Michael Senior" or "Ana Neto") or after one of a name part
   * ("Silva Junior").
   */
  private static final Map<String, String> NAME_LIKE_SUFFIXES = Map.of("junior", "jr", "senior", "sr", "filho", "jr",
      "neto", "iii");

  /**
   * Honours after a family name that are no surname ("Baronet" of "Sir John Smith, 1st Baronet" cut at its last
   * word). Titles that are also surnames (King, Lord, Earl, Bishop) are not here.
   */
  private static final Set<String> HONOURS = Set.of("baronet", "bt", "bart", "obe", "mbe", "cbe", "kbe", "dbe", "frs");

  /** Words after a comma that make it a title or honours ("John Smith, OBE"), beside the suffixes and honours. */
  private static final Set<String> TITLES = Set.of("dds", "cpa", "mba", "qc", "kc", "mp", "baron", "baroness",
      "earl", "countess", "count", "duke", "duchess", "viscount", "viscountess", "marquess", "marquis", "lord", "lady",
      "king", "queen", "prince", "princess", "emperor", "empress", "bishop", "archbishop", "cardinal", "pope",
      "saint");

  private NameWords() {
  }

  /** A form of address of one word that may stand before a name (mr, frau, dr, honourable). */
  static boolean isFormOfAddress(String word) {
    return FORMS_OF_ADDRESS.containsKey(word);
  }

  /**
   * How many of {@code words} from {@code from} on make one form of address: 1 for a word such as "mr", the whole
   * run for "the hon", "rt hon" or "the right honourable", 0 where none starts there (also for "hon" alone).
   */
  static int formOfAddressAt(List<String> words, int from) {
    if (from >= words.size()) return 0;
    if (isFormOfAddress(words.get(from))) return 1;
    int to = from;
    boolean honourable = false;
    while (to < words.size() && HONOURABLE.contains(words.get(to))) {
      String w = words.get(to);
      honourable |= w.equals("honourable") || w.equals("honorable") || w.equals("hon") && to > from;
      to++;
    }
    if (!honourable) return 0;
    // the run ends at its last honourable word: "the hon the earl" is not a name of "the" and "earl"
    while (!words.get(to - 1).startsWith("hon")) to--;
    return to - from;
  }

  /** "m" or "f" for a form of address that says a gender; null for any other word. */
  static String genderOf(String word) {
    String g = FORMS_OF_ADDRESS.get(word);
    return g == null || g.isEmpty() ? null : g;
  }

  /** A suffix that is no name (jr, iii, phd); "junior" and "senior" are {@link #isNameLikeSuffix}. */
  static boolean isSuffix(String word) {
    return SUFFIXES.containsKey(word);
  }

  /** "junior", "senior", "filho" or "neto": a suffix after other words of a name, else a name. */
  static boolean isNameLikeSuffix(String word) {
    return NAME_LIKE_SUFFIXES.containsKey(word);
  }

  /** "jr", "sr", "iii" or "iv" for a generational suffix (either kind); null for any other word. */
  static String generationOf(String word) {
    String g = SUFFIXES.get(word);
    if (g == null) g = NAME_LIKE_SUFFIXES.get(word);
    return g == null || g.isEmpty() ? null : g;
  }

  /**
   * Whether a family name that is nothing but this word names nobody: a suffix but "Md" (Mohammed abbreviated),
   * or honours.
   */
  static boolean isOnlyHonours(String word) {
    return (isSuffix(word) && !word.equals("md")) || HONOURS.contains(word);
  }

  /** A word that makes what follows a comma a title or honours, not a given name ("John Smith, Jr."). */
  static boolean isTitleWord(String word) {
    return isSuffix(word) || HONOURS.contains(word) || TITLES.contains(word);
  }
}

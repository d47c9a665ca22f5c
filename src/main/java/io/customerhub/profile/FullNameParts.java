package io.customerhub.profile;

import io.customerhub.resolve.standardize.Standardizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The given and family name a full name holds, for a record that gives only a full name (an ERP account name
 * "Robert Johnson"), so that it can offer them to survivorship like any record that splits its name: without it, a
 * profile whose other record says "Bobby" had no "Robert" to choose. Only where the split can be told:
 * <ul>
 *   <li>hanzi: as matching splits them ({@link Standardizer#hanName}: the family name first, as Chinese names are
 *       written);</li>
 *   <li>"Johnson, Robert": the family name before the comma;</li>
 *   <li>"JOHNSON Robert": the family name is the one word in capitals;</li>
 *   <li>two words otherwise: the order the hub's records make three times likelier than the other, by how often
 *       they give each word as a given and as a family name (Robert Johnson; Hu Na is family name Hu). Where the
 *       counts cannot tell, or the name has more words, nothing is offered.</li>
 * </ul>
 */
final class FullNameParts {

  /** A given and a family name as the full name writes them. */
  record Parts(String given, String family) {
  }

  private FullNameParts() {
  }

  /** The parts of {@code fullName}, or null where they cannot be told. */
  static Parts of(String fullName, NameKnowledge names) {
    if (fullName == null || fullName.isBlank()) return null;
    Standardizer.HanName han = Standardizer.hanName(fullName);
    if (han != null) return new Parts(han.given(), han.family());
    int comma = fullName.indexOf(',');
    if (comma > 0) {
      List<String> family = words(fullName.substring(0, comma));
      List<String> given = words(fullName.substring(comma + 1));
      return family.size() == 1 && given.size() == 1 ? new Parts(given.get(0), family.get(0)) : null;
    }
    List<String> words = words(fullName);
    if (words.size() != 2) return null;
    String first = words.get(0);
    String second = words.get(1);
    boolean firstCaps = capitals(first);
    if (firstCaps != capitals(second)) return firstCaps ? new Parts(second, first) : new Parts(first, second);
    double firstGiven = names.givenShare(Normalize.name(first));
    double secondGiven = names.givenShare(Normalize.name(second));
    double asWritten = firstGiven * (1 - secondGiven);
    double swapped = secondGiven * (1 - firstGiven);
    if (asWritten >= 3 * swapped) return new Parts(first, second);
    if (swapped >= 3 * asWritten) return new Parts(second, first);
    return null;
  }

  /** A word of two letters or more, all of them capitals (ZHANG). */
  private static boolean capitals(String word) {
    return word.length() > 1 && word.equals(word.toUpperCase(Locale.ROOT)) && !word.equals(word.toLowerCase(Locale.ROOT));
  }

  /** The words of a name as written, split at white space and dots. */
  private static List<String> words(String s) {
    List<String> out = new ArrayList<>();
    for (String w : s.strip().split("[\\s.]+")) if (!w.isEmpty()) out.add(w);
    return out;
  }
}

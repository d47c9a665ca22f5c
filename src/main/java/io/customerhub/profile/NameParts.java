package io.customerhub.profile;

import io.customerhub.record.CanonicalRecord;
import io.customerhub.resolve.standardize.Standardizer;
import io.customerhub.resolve.standardize.Standardizer.NameWord;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The given and family name each of a profile's records offers to survivorship, and which of its fields each came
 * from:
 * <ul>
 *   <li>as the record labels them, in most cases;</li>
 *   <li>exchanged, where records of the profile disagree on which word is which and the hub's records make this
 *       record's order at least {@link #ODDS} times less likely than the other: of given name Miller, family name
 *       Olivia beside given name Olivia, family name Miller, the first is the swapped one. Without it, two records
 *       that swapped a customer's name outvoted the one that did not. A record whose order nothing contradicts keeps
 *       it (a Jackson Thomas is a real name, however rare);</li>
 *   <li>split from the full name, for a record that gives only a full name (an ERP account name "Robert Johnson"),
 *       so that a profile whose other record says "Bobby" has a "Robert" to choose. Only where the split can be
 *       told:
 *     <ul>
 *       <li>hanzi, Hangul and kana: as matching splits them ({@link Standardizer#familyFirstName}: the family name
 *           first, as Chinese, Korean and Japanese names are written);</li>
 *       <li>"Johnson, Robert": the family name before the comma, unless a title follows it ("Thomas Clifford, 1st
 *           Baron Clifford of Chudleigh" is the name before it);</li>
 *       <li>"JOHNSON Mary Ann": the family name is the one word in capitals;</li>
 *       <li>otherwise the cut into a given and a family name, either first, that the hub's records make
 *           {@link #ODDS} times likelier than any other, by how often they give each word as a given and as a
 *           family name (Robert Johnson; Hu Na is family name Hu; Juan Carlos | García López). Honorifics and
 *           suffixes are dropped as matching drops them, a particle goes with the word after it (Sarah | Van der
 *           Berg), and an initial goes nowhere (Robert J. Johnson). Where the counts cannot tell, nothing is
 *           offered.</li>
 *     </ul>
 *     The comma, the capitals, honorifics, suffixes and particles are read as matching reads them
 *     ({@link Standardizer#withoutTitles}, {@link Standardizer#familyNameInCapitals},
 *     {@link Standardizer#nameWord}).</li>
 * </ul>
 */
final class NameParts {

  /**
   * How many times likelier the hub's counts must make one reading of a name than any other (the order of a
   * record's two parts, the cut of a full name) before survivorship takes it.
   */
  static final double ODDS = 3;
  /** A full name of more units than this is a title or a description more than a name; it offers no parts. */
  private static final int MAX_UNITS = 4;

  /** A given and a family name as the record writes them; {@code *From} the field each came from. */
  record Parts(String given, String family, String givenFrom, String familyFrom) {

    Parts(String given, String family) {
      this(given, family, "givenName", "familyName");
    }
  }

  private NameParts() {
  }

  /** What each of {@code records} offers for the given and family name, in their order; null where one offers neither. */
  static List<Parts> offered(List<CanonicalRecord> records, NameKnowledge names) {
    List<Parts> out = new ArrayList<>(records.size());
    // one record cannot contradict itself: most profiles hold one, and assembling them is on ingest's path
    boolean compare = records.size() > 1 && names != NameKnowledge.NONE;
    // each record's parts in Normalize.name form, where it gives both as labelled: the ones a swap could concern
    String[] givenForm = new String[records.size()];
    String[] familyForm = new String[records.size()];
    Set<String> givenForms = new HashSet<>();
    Set<String> familyForms = new HashSet<>();
    for (int i = 0; i < records.size(); i++) {
      CanonicalRecord r = records.get(i);
      String given = blankToNull(r.givenName());
      String family = blankToNull(r.familyName());
      if (given == null && family == null) {
        Parts parts = fromFullName(r.fullName(), names);
        parts = parts == null ? null : new Parts(parts.given(), parts.family(), "fullName", "fullName");
        out.add(parts);
        if (parts != null && compare) {
          givenForms.add(Normalize.name(parts.given()));
          familyForms.add(Normalize.name(parts.family()));
        }
        continue;
      }
      Parts parts = given == null || family == null ? completed(given, family, r.fullName()) : null;
      if (parts == null) {
        parts = new Parts(given, family);
      } else {
        given = parts.given();
        family = parts.family();
      }
      out.add(parts);
      if (!compare) continue;
      if (given != null) givenForms.add(givenForm[i] = Normalize.name(given));
      if (family != null) familyForms.add(familyForm[i] = Normalize.name(family));
    }
    if (!compare || !intersect(givenForms, familyForms)) return out;
    for (int i = 0; i < out.size(); i++) {
      String given = givenForm[i];
      String family = familyForm[i];
      if (given == null || family == null) continue;
      boolean contradicted = familyForms.contains(given) || givenForms.contains(family);
      if (contradicted && names.swapOdds(given, family) >= ODDS) {
        Parts p = out.get(i);
        out.set(i, new Parts(p.family(), p.given(), "familyName", "givenName"));
      }
    }
    return out;
  }

  private static boolean intersect(Set<String> a, Set<String> b) {
    for (String s : a) if (b.contains(s)) return true;
    return false;
  }

  /**
   * A record's given or family name (the other one null) with the part it lacks taken from its whole name, where
   * the part it has sits there, as matching takes it: "Catherine Jones" beside the given name Catherine gives the
   * family name Jones; the family name first ("Zhang Wei" beside Wei, 张伟 beside 伟, "Jones, Catherine") is read as
   * such. Null where the whole name says nothing of the missing part.
   */
  static Parts completed(String given, String family, String fullName) {
    if (fullName == null || fullName.isBlank() || (given == null) == (family == null)) return null;
    List<String> units;
    Standardizer.FamilyFirstName familyFirst = Standardizer.familyFirstName(fullName);
    String full = Standardizer.withoutTitles(fullName);
    int comma = full.indexOf(',');
    if (familyFirst != null) {
      units = List.of(familyFirst.family(), familyFirst.given());
    } else if (comma >= 0) {
      // "Jones, Catherine": the family name, then the given one; read as a whole name written given name first
      List<String> after = nameWords(words(full.substring(comma + 1)));
      List<String> before = nameWords(words(full.substring(0, comma)));
      if (after.isEmpty() || before.isEmpty()) return null;
      units = List.of(String.join(" ", after), String.join(" ", before));
    } else {
      units = units(nameWords(words(full)));
    }
    if (units.size() < 2) return null;
    String first = units.get(0);
    String last = units.get(units.size() - 1);
    if (given != null) {
      if (sameWord(firstWord(first), firstWord(given))) return new Parts(given, last, "givenName", "fullName");
      if (sameWord(lastWord(last), lastWord(given))) return new Parts(given, first, "givenName", "fullName");
      return null;
    }
    if (sameWord(lastWord(last), lastWord(family))) {
      return new Parts(String.join(" ", units.subList(0, units.size() - 1)), family, "fullName", "familyName");
    }
    if (sameWord(firstWord(first), firstWord(family))) {
      return new Parts(String.join(" ", units.subList(1, units.size())), family, "fullName", "familyName");
    }
    return null;
  }

  private static boolean sameWord(String a, String b) {
    String x = Normalize.name(a);
    return !x.isEmpty() && x.equals(Normalize.name(b));
  }

  private static String firstWord(String name) {
    List<String> w = words(name);
    return w.isEmpty() ? "" : w.get(0);
  }

  private static String lastWord(String name) {
    List<String> w = words(name);
    return w.isEmpty() ? "" : w.get(w.size() - 1);
  }

  /** The parts of {@code fullName}, or null where they cannot be told. */
  static Parts fromFullName(String fullName, NameKnowledge names) {
    if (fullName == null || fullName.isBlank()) return null;
    Standardizer.FamilyFirstName familyFirst = Standardizer.familyFirstName(fullName);
    if (familyFirst != null) return new Parts(familyFirst.given(), familyFirst.family());
    fullName = Standardizer.withoutTitles(fullName);
    int comma = fullName.indexOf(',');
    if (comma >= 0) {
      String before = fullName.substring(0, comma);
      String after = fullName.substring(comma + 1);
      List<String> family = nameWords(words(before));
      List<String> given = nameWords(words(after));
      return family.isEmpty() || given.isEmpty() ? null : new Parts(String.join(" ", given), String.join(" ", family));
    }
    List<String> words = nameWords(words(fullName));
    if (words.size() < 2) return null;
    int capitals = Standardizer.familyNameInCapitals(words);
    if (capitals >= 0) {
      List<String> given = new ArrayList<>(words);
      given.remove(capitals);
      return new Parts(String.join(" ", given), words.get(capitals));
    }
    return byCounts(units(words), names);
  }

  /** The words without honorifics before the name or suffixes after it (Mrs, Jr.), as matching drops them. */
  private static List<String> nameWords(List<String> words) {
    int from = 0;
    int to = words.size();
    List<String> plain = words.stream().map(Normalize::name).toList();
    for (int n; (n = Standardizer.formOfAddressAt(plain, from)) > 0 && to - from > n; ) from += n;
    while (to - from > 1 && Standardizer.nameWord(plain.get(to - 1)) == NameWord.SUFFIX) to--;
    return words.subList(from, to);
  }

  /**
   * The name's units: a particle joins the word after it (van Beethoven, Van der Berg), and initials are left
   * out where two units remain (Robert J. Johnson): an initial says nothing of which part it belongs to.
   */
  private static List<String> units(List<String> words) {
    List<String> out = new ArrayList<>();
    StringBuilder unit = new StringBuilder();
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      if (unit.length() > 0) unit.append(' ');
      unit.append(w);
      boolean particle = Standardizer.nameWord(Normalize.name(w)) == NameWord.PARTICLE;
      if (!particle || i == words.size() - 1) {
        out.add(unit.toString());
        unit.setLength(0);
      }
    }
    List<String> named = new ArrayList<>();
    for (String u : out) if (Normalize.name(u).length() > 1) named.add(u);
    return named.size() >= 2 ? named : out;
  }

  /**
   * Of every way to cut {@code units} into a given and a family name, either first, the one the hub's counts make
   * {@link #ODDS} times likelier than any other: each unit weighs its share as the part it would be. Null where
   * none is, or the name has more than {@link #MAX_UNITS} units.
   */
  private static Parts byCounts(List<String> units, NameKnowledge names) {
    int n = units.size();
    if (n < 2 || n > MAX_UNITS) return null;
    double[] given = new double[n];
    for (int i = 0; i < n; i++) given[i] = names.givenShare(Normalize.name(units.get(i)));
    Parts best = null;
    double bestLikelihood = 0;
    double second = 0;
    for (int cut = 1; cut < n; cut++) {
      for (boolean givenFirst : new boolean[] {true, false}) {
        double likelihood = 1;
        for (int i = 0; i < n; i++) likelihood *= (i < cut) == givenFirst ? given[i] : 1 - given[i];
        if (likelihood > bestLikelihood) {
          second = bestLikelihood;
          bestLikelihood = likelihood;
          String head = String.join(" ", units.subList(0, cut));
          String tail = String.join(" ", units.subList(cut, n));
          best = givenFirst ? new Parts(head, tail) : new Parts(tail, head);
        } else {
          second = Math.max(second, likelihood);
        }
      }
    }
    return bestLikelihood >= ODDS * second ? best : null;
  }

  /** The words of a name as written, split at white space and dots. */
  private static List<String> words(String s) {
    List<String> out = new ArrayList<>();
    for (String w : s.strip().split("[\\s.]+")) if (!w.isEmpty()) out.add(w);
    return out;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}

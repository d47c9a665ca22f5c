package io.customerhub.resolve.standardize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Person names to comparable ASCII: honorifics dropped, hanzi to pinyin with the syllables of one name part
 * joined (张小明 → family zhang, given xiaoming, as "Zhang Xiaoming" is written in Latin script).
 * Chinese names put the family name first; a Latin full name puts it last unless a comma or an all-capital
 * token (ZHANG Wei) says otherwise. Swapped given/family names are left to the comparators.
 */
final class NameStandardizer {

  private static final Pattern HAN_SEPARATORS = Pattern.compile("[\\s·・,，]");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  record Name(String given, String family) {
  }

  private static final Set<String> PREFIXES = Set.of("mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame",
      "madam", "madame", "mme", "mlle", "herr", "frau", "sra", "srta", "dott", "rev", "hon", "capt");
  private static final Set<String> SUFFIXES = Set.of("jr", "sr", "ii", "iii", "iv", "phd", "md", "esq");
  /**
   * A given name that is nothing but a form of address names nobody: a source that put the salutation in the
   * first-name field ("Mr", "Sir", "Dr"), or a register that cut "Sir Thomas Chudleigh" at its first word. Not
   * "Hon", which is a given name in Cantonese romanization (Hon Ming), nor "Md", Mohammed abbreviated.
   */
  private static final Set<String> FORMS_OF_ADDRESS = without(PREFIXES, "hon");
  /**
   * A family name that is nothing but honours names nobody either ("Baronet" of "Sir John Smith, 1st Baronet" cut
   * at its last word): the suffixes but "Md", and honours that are no surname. Titles that are also surnames (King,
   * Lord, Earl, Bishop, Miss) stay names.
   */
  private static final Set<String> HONOURS_ONLY = Stream.concat(without(SUFFIXES, "md").stream(),
      Stream.of("baronet", "bt", "bart", "obe", "mbe", "cbe", "kbe", "dbe", "frs"))
      .collect(Collectors.toUnmodifiableSet());
  /**
   * Words after a comma that make it a title or honours ("John Smith, OBE", "Thomas Clifford, 1st Baron Clifford
   * of Chudleigh"), not the given name of "Smith, John": the suffixes and these.
   */
  private static final Set<String> TITLES = Stream.concat(SUFFIXES.stream(), Stream.of("dds",
      "cpa", "mba", "obe", "mbe", "cbe", "kbe", "dbe", "qc", "kc", "mp", "frs", "bt", "bart", "baron", "baroness",
      "baronet", "earl", "countess", "count", "duke", "duchess", "viscount", "viscountess", "marquess", "marquis",
      "lord", "lady", "king", "queen", "prince", "princess", "emperor", "empress", "bishop", "archbishop", "cardinal",
      "pope", "saint")).collect(Collectors.toUnmodifiableSet());
  private static final Pattern ORDINAL = Pattern.compile("\\d+(st|nd|rd|th)?");
  private static final List<String> HAN_HONORIFICS = List.of("先生", "女士", "小姐", "太太", "夫人", "老师", "博士",
      "教授", "同志");
  private static final Set<String> COMPOUND_SURNAMES = Set.of("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟",
      "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "轩辕", "令狐", "端木", "独孤", "南宫", "西门", "歐陽");
  /** Han-Latin reads these characters with their common-word pinyin; as surnames they are read otherwise. */
  private static final Map<Integer, String> SURNAME_READINGS = Map.ofEntries(
      Map.entry((int) '曾', "zeng"), Map.entry((int) '单', "shan"), Map.entry((int) '解', "xie"),
      Map.entry((int) '仇', "qiu"), Map.entry((int) '区', "ou"), Map.entry((int) '朴', "piao"),
      Map.entry((int) '查', "zha"), Map.entry((int) '盖', "ge"), Map.entry((int) '乐', "yue"),
      Map.entry((int) '覃', "qin"), Map.entry((int) '缪', "miao"), Map.entry((int) '翟', "zhai"),
      Map.entry((int) '秘', "bi"), Map.entry((int) '种', "chong"), Map.entry((int) '尉', "yu"),
      Map.entry((int) '长', "zhang"), Map.entry((int) '石', "shi"), Map.entry((int) '薄', "bo"));

  /** Surname particles that sources put at the end of the given name ("Alexandra van der" + "Berg"). */
  private static final Set<String> PARTICLES = Set.of("van", "der", "den", "de", "la", "le", "von", "zu", "di", "da",
      "du", "del", "della", "dos", "das", "ter", "ten", "al", "el", "bin", "mac");

  Name person(String given, String family, String full) {
    String g = part(given, false);
    String f = part(family, true);
    if (g == null && f == null) return fromFull(full);
    return particlesToFamily(new Name(g, f));
  }

  private static Name particlesToFamily(Name n) {
    if (n.given() == null || n.family() == null) return n;
    List<String> g = new ArrayList<>(List.of(n.given().split(" ")));
    StringBuilder moved = new StringBuilder();
    while (g.size() > 1 && PARTICLES.contains(g.get(g.size() - 1))) moved.insert(0, g.remove(g.size() - 1) + " ");
    return moved.length() == 0 ? n : new Name(String.join(" ", g), moved + n.family());
  }

  private Name fromFull(String full) {
    String n = Latinizer.nfkc(full);
    if (n == null) return new Name(null, null);
    String[] han = hanParts(n);
    if (han != null) return new Name(part(han[1], false), part(han[0], true));
    int comma = n.indexOf(',');
    if (comma >= 0) {
      String after = n.substring(comma + 1);
      if (isTitle(after)) return fromFull(n.substring(0, comma));
      return new Name(part(after, false), part(n.substring(0, comma), true));
    }
    List<String> raw = List.of(SPACES.split(n.trim()));
    List<String> toks = clean(Latinizer.tokens(Latinizer.latin(n)));
    if (toks.isEmpty()) return new Name(null, null);
    if (toks.size() == 1) return new Name(null, toks.get(0));
    int upper = upperCaseToken(raw);
    if (upper >= 0) {
      String fam = joined(Latinizer.tokens(Latinizer.latin(raw.get(upper))));
      List<String> rest = new ArrayList<>();
      for (int i = 0; i < raw.size(); i++) if (i != upper) rest.addAll(Latinizer.tokens(Latinizer.latin(raw.get(i))));
      rest = clean(rest);
      if (fam != null && !rest.isEmpty()) return new Name(String.join(" ", rest), fam);
    }
    // particles belong to the family name: "Ludwig van Beethoven" → van beethoven
    int fam = toks.size() - 1;
    while (fam > 1 && PARTICLES.contains(toks.get(fam - 1))) fam--;
    return new Name(String.join(" ", toks.subList(0, fam)), String.join(" ", toks.subList(fam, toks.size())));
  }

  /** Nothing, honours, or a title after a comma: an ordinal or a word of {@link #TITLES} among its words. */
  static boolean isTitle(String afterComma) {
    List<String> toks = Latinizer.tokens(Latinizer.latin(afterComma));
    if (toks.isEmpty()) return true;
    if (ORDINAL.matcher(toks.get(0)).matches()) return true;
    for (String t : toks) if (TITLES.contains(t)) return true;
    return false;
  }

  /** One name part; hanzi syllables are joined, Latin tokens kept apart (mary ann). */
  private String part(String s, boolean family) {
    String n = Latinizer.nfkc(s);
    if (n == null) return null;
    if (Latinizer.containsHan(n)) {
      String h = stripHanHonorific(n);
      StringBuilder sb = new StringBuilder();
      List<String> other = new ArrayList<>();
      boolean first = true;
      for (int i = 0; i < h.length(); ) {
        int cp = h.codePointAt(i);
        i += Character.charCount(cp);
        if (Latinizer.isHan(cp)) {
          String reading = family && first ? SURNAME_READINGS.get(cp) : null;
          sb.append(reading != null ? reading : Latinizer.pinyin(cp));
          first = false;
        } else {
          other.addAll(Latinizer.tokens(Latinizer.latin(new String(Character.toChars(cp)))));
        }
      }
      List<String> toks = new ArrayList<>(Latinizer.tokens(sb.toString()));
      toks.addAll(other);
      return joined(toks);
    }
    List<String> toks = clean(Latinizer.tokens(Latinizer.latin(n)));
    if (toks.size() == 1 && (family ? HONOURS_ONLY : FORMS_OF_ADDRESS).contains(toks.get(0))) return null;
    return joined(toks);
  }

  /** What one word (lower-case latin letters) is in a Latin name, by the lists this class reads names with. */
  static Standardizer.NameWord wordKind(String word) {
    if (PREFIXES.contains(word)) return Standardizer.NameWord.HONORIFIC;
    if (SUFFIXES.contains(word)) return Standardizer.NameWord.SUFFIX;
    if (PARTICLES.contains(word)) return Standardizer.NameWord.PARTICLE;
    return Standardizer.NameWord.NAME;
  }

  /** Drops honorifics before and generational suffixes after the name, never the last remaining token. */
  static List<String> clean(List<String> toks) {
    List<String> t = new ArrayList<>(toks);
    while (t.size() > 1 && PREFIXES.contains(t.get(0))) t.remove(0);
    while (t.size() > 1 && SUFFIXES.contains(t.get(t.size() - 1))) t.remove(t.size() - 1);
    return t;
  }

  private static String stripHanHonorific(String h) {
    for (String hon : HAN_HONORIFICS) {
      if (h.endsWith(hon) && h.length() > hon.length()) return h.substring(0, h.length() - hon.length());
    }
    return h;
  }

  /**
   * A full name written in hanzi (no Latin letters; NFKC already applied) as its family and given name as written,
   * {family, given}: separators and a trailing honorific (先生) dropped, the family name first as Chinese names are
   * written, two characters for a compound surname (欧阳) followed by a given name, else one; the given name is
   * empty for a single character. Null for any other full name.
   */
  static String[] hanParts(String n) {
    if (!Latinizer.containsHan(n) || n.chars().anyMatch(c -> c < 0x80 && Character.isLetter(c))) return null;
    String h = stripHanHonorific(HAN_SEPARATORS.matcher(n).replaceAll(""));
    int chars = h.codePointCount(0, h.length());
    int family = chars <= 1 ? chars : COMPOUND_SURNAMES.contains(prefix(h, 2)) && chars > 2 ? 2 : 1;
    int split = h.offsetByCodePoints(0, family);
    return new String[] {h.substring(0, split), h.substring(split)};
  }

  private static String prefix(String s, int codePoints) {
    return s.codePointCount(0, s.length()) < codePoints ? s : s.substring(0, s.offsetByCodePoints(0, codePoints));
  }

  /** Index of the single all-capital token of a mixed-case name (ZHANG Wei), or -1. */
  static int upperCaseToken(List<String> raw) {
    int found = -1;
    int mixed = 0;
    for (int i = 0; i < raw.size(); i++) {
      String r = raw.get(i);
      boolean letters = r.codePoints().anyMatch(Character::isLetter);
      // two letters at least: a middle initial (J., J) is not a family name in capitals
      boolean allUpper = letters && r.codePoints().filter(Character::isLetter).count() > 1
          && r.codePoints().filter(Character::isLetter).allMatch(Character::isUpperCase);
      if (allUpper) {
        if (found >= 0) return -1;
        found = i;
      } else if (letters) {
        mixed++;
      }
    }
    return mixed > 0 ? found : -1;
  }

  private static String joined(List<String> toks) {
    return Latinizer.join(toks);
  }

  private static Set<String> without(Set<String> words, String word) {
    return words.stream().filter(w -> !w.equals(word)).collect(Collectors.toUnmodifiableSet());
  }
}

package io.customerhub.resolve.standardize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Person names to comparable ASCII: forms of address and suffixes dropped ({@link NameWords}), hanzi to pinyin
 * with the syllables of one name part joined (张小明 → family zhang, given xiaoming, as "Zhang Xiaoming" is written
 * in Latin script), or as another {@link HanReading} reads them. Chinese, Korean, Japanese ({@link FamilyFirstNames})
 * and Vietnamese ({@link VietnameseNames}) names put the family name first; another Latin full name puts it last
 * unless a comma or an all-capital token (ZHANG Wei) says otherwise. Swapped given/family
 * names are left to the comparators. What the dropped words say is kept: the gender of a form of address (Mrs,
 * Herr, 先生) and a generation (Jr, III).
 */
final class NameStandardizer {

  private static final Pattern HAN_SEPARATORS = Pattern.compile("[\\s·・,，]");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private final HanReading reading;

  /** Names read as they are stored: hanzi in pinyin. */
  NameStandardizer() {
    this(HanReading.PINYIN);
  }

  /** Names with their hanzi read as {@code reading} says. */
  NameStandardizer(HanReading reading) {
    this.reading = reading;
  }

  /**
   * A person's name as compared, and what the words dropped from it said: {@code gender} "m" or "f" from a form
   * of address, {@code generation} "jr", "sr", "iii" or "iv" from a suffix; each null when none said it.
   */
  record Name(String given, String family, String gender, String generation) {
  }

  /** What the words dropped from one name said; the first word that says a thing is the one kept. */
  static final class Dropped {
    String gender;
    String generation;

    void address(String word) {
      said(NameWords.genderOf(word));
    }

    /** "m" or "f" as a dropped word said it; null or "" says nothing. */
    void said(String g) {
      if (gender == null && g != null && !g.isEmpty()) gender = g;
    }

    void suffix(String word) {
      if (generation == null) generation = NameWords.generationOf(word);
    }

    Name name(String given, String family) {
      return new Name(given, family, gender, generation);
    }
  }

  private static final Pattern ORDINAL = Pattern.compile("\\d+(st|nd|rd|th)?");
  /** Forms of address written after a name in hanzi, and the gender each says ("" for none). */
  private static final Map<String, String> HAN_HONORIFICS = Map.of("先生", "m", "女士", "f", "小姐", "f", "太太", "f",
      "夫人", "f", "老师", "", "博士", "", "教授", "", "同志", "");
  private static final Set<String> COMPOUND_SURNAMES = Set.of("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟",
      "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "轩辕", "令狐", "端木", "独孤", "南宫", "西门", "歐陽");

  /** Surname particles that sources put at the end of the given name ("Alexandra van der" + "Berg"). */
  private static final Set<String> PARTICLES = Set.of("van", "der", "den", "de", "la", "le", "von", "zu", "di", "da",
      "du", "del", "della", "dos", "das", "ter", "ten", "al", "el", "bin", "mac");

  /**
   * The name from its parts, or from the whole name where the record has no part. A part the record lacks is taken
   * from the whole name where the part it has sits there (a register's "catherine jones" beside the first name
   * "catherine" and no surname). Otherwise the whole name beside its parts is read only for what its dropped words
   * say ("Ms Ann Berg" beside "Ann" and "Berg").
   */
  Name person(String given, String family, String full) {
    return withoutPlaceholders(withoutVietnameseMiddle(asWritten(given, family, full)));
  }

  /**
   * A part that is a placeholder ("Baby Girl", "Unknown"; {@link NamePlaceholders}) is no name, nor a whole name
   * that is one split in two ("Lady of the" | "House").
   */
  private static Name withoutPlaceholders(Name n) {
    if (NamePlaceholders.isSplitPlaceholder(n.given(), n.family())) {
      return new Name(null, null, n.gender(), n.generation());
    }
    boolean given = NamePlaceholders.isPlaceholder(n.given(), false);
    boolean family = NamePlaceholders.isPlaceholder(n.family(), true);
    if (!given && !family) return n;
    return new Name(given ? null : n.given(), family ? null : n.family(), n.gender(), n.generation());
  }

  private Name asWritten(String given, String family, String full) {
    Dropped dropped = new Dropped();
    String g = part(given, false, dropped);
    String f = part(family, true, dropped);
    if (g == null && f == null) return fromFull(full, dropped);
    if (full == null || full.isBlank()) return particlesToFamily(g, f, dropped);
    if (g == null || f == null) {
      Name whole = fromFull(full, dropped);
      if (f == null) f = namesSomebody(otherPart(whole, g, true), true);
      else g = namesSomebody(otherPart(whole, f, false), false);
      return particlesToFamily(g, f, dropped);
    }
    if (dropped.gender == null || dropped.generation == null) {
      clean(Latinizer.tokens(Latinizer.latin(Latinizer.nfkc(full))), true, dropped);
    }
    return particlesToFamily(g, f, dropped);
  }

  /**
   * Văn or Thị starting the given name of a Vietnamese family name ({@link VietnameseNames}): dropped from it, as
   * most records outside Vietnam drop it (Nguyễn Văn An is An Nguyen).
   */
  private static Name withoutVietnameseMiddle(Name n) {
    if (n.given() == null || n.family() == null || !VietnameseNames.FAMILY_NAMES.contains(n.family())) return n;
    int space = n.given().indexOf(' ');
    if (space < 0 || !VietnameseNames.isMiddle(n.given().substring(0, space))) return n;
    return new Name(n.given().substring(space + 1), n.family(), n.gender(), n.generation());
  }

  /**
   * The part of the whole name beside the one the record has ({@code known}, its given name where
   * {@code knownIsGiven}): the family name where the known given name starts the whole name ("catherine jones"),
   * the given name where the known family name ends it ("john darnley"), and the other way round where the whole
   * name puts the family name first ("zhang wei" beside the given name "wei"). Null where the known part is in
   * neither place (a typo in one field and not in the other): nothing is guessed.
   */
  private static String otherPart(Name whole, String known, boolean knownIsGiven) {
    String wg = whole.given();
    String wf = whole.family();
    if (wg == null || wf == null || known == null) return null;
    if (knownIsGiven) {
      if (firstWord(wg).equals(firstWord(known))) return wf;
      return lastWord(wf).equals(lastWord(known)) ? wg : null;
    }
    if (lastWord(wf).equals(lastWord(known))) return wg;
    return firstWord(wg).equals(firstWord(known)) ? wf : null;
  }

  /** The part, or null where it is only a form of address ("Mr") or, for a family name, only honours. */
  private static String namesSomebody(String part, boolean family) {
    if (part == null || part.indexOf(' ') >= 0) return part;
    return namesNobody(part, family) ? null : part;
  }

  /** A name part of this one word is no name: a form of address ("Mr") or, for a family name, honours ("Jr."). */
  private static boolean namesNobody(String word, boolean family) {
    return family ? NameWords.isOnlyHonours(word) : NameWords.isFormOfAddress(word);
  }

  private static String firstWord(String words) {
    int space = words.indexOf(' ');
    return space < 0 ? words : words.substring(0, space);
  }

  private static String lastWord(String words) {
    return words.substring(words.lastIndexOf(' ') + 1);
  }

  private static Name particlesToFamily(String given, String family, Dropped dropped) {
    if (given == null || family == null) return dropped.name(given, family);
    List<String> g = new ArrayList<>(List.of(given.split(" ")));
    StringBuilder moved = new StringBuilder();
    while (g.size() > 1 && PARTICLES.contains(g.get(g.size() - 1))) moved.insert(0, g.remove(g.size() - 1) + " ");
    return moved.length() == 0 ? dropped.name(given, family) : dropped.name(String.join(" ", g), moved + family);
  }

  private Name fromFull(String full, Dropped dropped) {
    String n = Latinizer.nfkc(full);
    if (n == null) return dropped.name(null, null);
    String[] han = hanParts(n, dropped);
    if (han != null) return dropped.name(part(han[1], false, dropped), part(han[0], true, dropped));
    String[] familyFirst = FamilyFirstNames.parts(n);
    if (familyFirst == null) familyFirst = VietnameseNames.parts(n);
    if (familyFirst != null) {
      return dropped.name(part(familyFirst[1], false, dropped), part(familyFirst[0], true, dropped));
    }
    n = withoutTitles(n, dropped);
    int comma = n.indexOf(',');
    if (comma >= 0) return dropped.name(part(n.substring(comma + 1), false, dropped), part(n.substring(0, comma), true,
        dropped));
    List<String> raw = List.of(SPACES.split(n.trim()));
    List<String> toks = clean(Latinizer.tokens(Latinizer.latin(n)), true, dropped);
    if (toks.isEmpty()) return dropped.name(null, null);
    if (toks.size() == 1) return dropped.name(null, toks.get(0));
    int upper = upperCaseToken(raw);
    if (upper >= 0) {
      String fam = joined(Latinizer.tokens(Latinizer.latin(raw.get(upper))));
      List<String> rest = new ArrayList<>();
      for (int i = 0; i < raw.size(); i++) if (i != upper) rest.addAll(Latinizer.tokens(Latinizer.latin(raw.get(i))));
      rest = clean(rest, false, dropped);
      if (fam != null && rest.size() == 1 && NameWords.isFormOfAddress(rest.get(0))) { // "SMITH Mr"
        dropped.address(rest.get(0));
        return dropped.name(null, fam);
      }
      if (fam != null && !rest.isEmpty()) return dropped.name(String.join(" ", rest), fam);
    }
    // particles belong to the family name: "Ludwig van Beethoven" → van beethoven
    int fam = toks.size() - 1;
    while (fam > 1 && PARTICLES.contains(toks.get(fam - 1))) fam--;
    return dropped.name(String.join(" ", toks.subList(0, fam)), String.join(" ", toks.subList(fam, toks.size())));
  }

  /**
   * The whole name without what its last commas set off as titles or honours: "John Smith, Jr., PhD" and "Thomas
   * Clifford, 1st Baron Clifford of Chudleigh" keep the name before them, "Smith, John, Jr." keeps "Smith, John".
   * A generation among them is noted in {@code dropped} (which may be null).
   */
  static String withoutTitles(String n, Dropped dropped) {
    int comma;
    while ((comma = n.lastIndexOf(',')) >= 0) {
      String before = n.substring(0, comma);
      List<String> after = Latinizer.tokens(Latinizer.latin(n.substring(comma + 1)));
      if (!isTitle(after) && !isNameLikeSuffixAfter(after, before)) break;
      if (dropped != null) for (String word : after) dropped.suffix(word);
      n = before;
    }
    return n;
  }

  /**
   * Nothing, or honours or a title: words after a comma that start with an ordinal ("1st Baronet") or a
   * {@link NameWords#isTitleWord} ("Jr.", "OBE", "Earl of Derby"). "John Jr" after one is a given name.
   */
  private static boolean isTitle(List<String> toks) {
    return toks.isEmpty() || ORDINAL.matcher(toks.get(0)).matches() || NameWords.isTitleWord(toks.get(0));
  }

  /** "John Smith, Junior": the suffix that is also a name, alone after a comma that follows two words or more. */
  private static boolean isNameLikeSuffixAfter(List<String> after, String before) {
    return after.size() == 1 && NameWords.isNameLikeSuffix(after.get(0))
        && Latinizer.tokens(Latinizer.latin(before)).size() > 1;
  }

  /** One name part; hanzi syllables are joined, Latin tokens kept apart (mary ann). */
  private String part(String s, boolean family, Dropped dropped) {
    String n = Latinizer.nfkc(s);
    if (n == null) return null;
    String korean = family ? FamilyFirstNames.hangulSurname(n) : null;
    if (korean != null) return korean;
    if (Latinizer.containsHan(n)) {
      String h = stripHanHonorific(n, dropped);
      StringBuilder sb = new StringBuilder();
      List<String> other = new ArrayList<>();
      boolean first = true;
      for (int i = 0; i < h.length(); ) {
        int cp = h.codePointAt(i);
        i += Character.charCount(cp);
        if (Latinizer.isHan(cp)) {
          if (!first && !family && reading.givenSyllablesApart()) sb.append(' ');
          sb.append(reading.read(cp, family && first));
          first = false;
        } else {
          other.addAll(Latinizer.tokens(Latinizer.latin(new String(Character.toChars(cp)))));
        }
      }
      List<String> toks = new ArrayList<>(Latinizer.tokens(sb.toString()));
      toks.addAll(other);
      return joined(toks);
    }
    List<String> toks = clean(Latinizer.tokens(Latinizer.latin(n)), false, dropped);
    if (toks.size() == 1) {
      String only = toks.get(0);
      // a part that is nothing but a form of address ("Mr") or honours ("Baronet", "Jr.") names nobody
      if (namesNobody(only, family)) {
        if (family) dropped.suffix(only);
        else dropped.address(only);
        return null;
      }
    }
    return joined(toks);
  }

  /** What one word (lower-case latin letters) is in a Latin name, by the lists this class reads names with. */
  static Standardizer.NameWord wordKind(String word) {
    if (NameWords.isSuffix(word)) return Standardizer.NameWord.SUFFIX;
    if (PARTICLES.contains(word)) return Standardizer.NameWord.PARTICLE;
    return Standardizer.NameWord.NAME;
  }

  /**
   * Drops forms of address before and suffixes after the name, never the last remaining token, and notes in
   * {@code dropped} what they said. "Junior" and "Senior" are names too: they go only where a whole name keeps two
   * words ("John Smith Junior", not "Michael Senior") or a name part one ("Silva Junior").
   */
  private static List<String> clean(List<String> toks, boolean wholeName, Dropped dropped) {
    List<String> t = new ArrayList<>(toks);
    for (int n; (n = NameWords.formOfAddressAt(t, 0)) > 0 && t.size() > n; ) {
      for (int i = 0; i < n; i++) dropped.address(t.remove(0));
    }
    int keep = wholeName ? 2 : 1;
    while (t.size() > 1) {
      String last = t.get(t.size() - 1);
      if (!NameWords.isSuffix(last) && !(NameWords.isNameLikeSuffix(last) && t.size() > keep)) break;
      dropped.suffix(t.remove(t.size() - 1));
    }
    return t;
  }

  private static String stripHanHonorific(String h, Dropped dropped) {
    for (Map.Entry<String, String> hon : HAN_HONORIFICS.entrySet()) {
      if (h.endsWith(hon.getKey()) && h.length() > hon.getKey().length()) {
        if (dropped != null) dropped.said(hon.getValue());
        return h.substring(0, h.length() - hon.getKey().length());
      }
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
    return hanParts(n, null);
  }

  private static String[] hanParts(String n, Dropped dropped) {
    if (!Latinizer.containsHan(n) || n.chars().anyMatch(c -> c < 0x80 && Character.isLetter(c))) return null;
    String h = stripHanHonorific(HAN_SEPARATORS.matcher(n).replaceAll(""), dropped);
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
}

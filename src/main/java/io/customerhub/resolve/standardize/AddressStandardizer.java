package io.customerhub.resolve.standardize;

import io.customerhub.record.Address;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Addresses to tokens. Street types and unit words are unified to one short form in every script, so that
 * "8 Jianguo Road", "8 Jianguo Rd" and 建国路8号 all give tokens {8, jianguo, rd}. Hanzi between address
 * markers (路, 号, ...) are kept as one pinyin token because Latin writing joins them (Jianguo).
 */
final class AddressStandardizer {

  private static final Pattern NON_LETTERS = Pattern.compile("[^A-Z]");

  /** Pinyin street words are unified too (Jianguo Lu); syllables that are also common words (shi, dong) are not. */
  private static final Map<String, String> ABBREV = Map.ofEntries(
      Map.entry("road", "rd"), Map.entry("street", "st"), Map.entry("str", "st"), Map.entry("strasse", "st"),
      Map.entry("avenue", "ave"), Map.entry("av", "ave"), Map.entry("boulevard", "blvd"), Map.entry("drive", "dr"),
      Map.entry("lane", "ln"), Map.entry("court", "ct"), Map.entry("place", "pl"), Map.entry("crescent", "cres"),
      Map.entry("terrace", "tce"), Map.entry("highway", "hwy"), Map.entry("parkway", "pkwy"),
      Map.entry("square", "sq"), Map.entry("circuit", "cct"), Map.entry("close", "cl"), Map.entry("north", "n"),
      Map.entry("south", "s"), Map.entry("east", "e"), Map.entry("west", "w"), Map.entry("apartment", "unit"),
      Map.entry("apt", "unit"), Map.entry("flat", "unit"), Map.entry("suite", "ste"), Map.entry("floor", "fl"),
      Map.entry("building", "bldg"), Map.entry("room", "rm"), Map.entry("lu", "rd"), Map.entry("jie", "st"),
      Map.entry("dajie", "st"), Map.entry("dadao", "ave"), Map.entry("hutong", "ln"), Map.entry("danyuan", "unit"));
  /** Words that only mark a number: "No. 8", "#8", 8号. */
  private static final List<String> DROP = List.of("no", "number", "nr", "hao", "num");
  /** Hanzi address markers, longest first, with their Latin short form ("" = drop). */
  private static final String[][] HAN_MARKERS = {
      // 号楼 is a building (3号楼: building 3), 楼 alone a floor
      {"大道", "ave"}, {"大街", "st"}, {"号楼", "bldg"}, {"单元", "unit"}, {"小区", ""}, {"胡同", "ln"},
      {"路", "rd"}, {"街", "st"}, {"道", "rd"}, {"巷", "ln"}, {"弄", "ln"}, {"号", ""}, {"號", ""}, {"室", "rm"},
      {"楼", "fl"}, {"层", "fl"}, {"栋", "bldg"}, {"幢", "bldg"}, {"座", "bldg"}, {"区", ""}, {"市", ""}, {"省", ""},
      {"县", ""}, {"镇", ""}};

  StandardAddress address(Address a) {
    if (a == null) return null;
    List<String> toks = lineTokens(a.line1());
    toks.addAll(lineTokens(a.line2()));
    StandardAddress s = new StandardAddress(Latinizer.join(toks), place(a.city()), place(a.region()),
        postcode(a.postcode()), country(a.country()));
    return s.isEmpty() ? null : s;
  }

  static List<String> lineTokens(String line) {
    List<String> out = new ArrayList<>();
    String n = Latinizer.nfkc(line);
    if (n == null) return out;
    StringBuilder han = new StringBuilder();
    StringBuilder rest = new StringBuilder();
    for (int i = 0; i < n.length(); ) {
      int cp = n.codePointAt(i);
      if (Latinizer.isHan(cp)) {
        latinTokens(rest, out);
        String[] marker = markerAt(n, i);
        if (marker != null) {
          flushHan(han, out);
          if (!marker[1].isEmpty()) out.add(marker[1]);
          i += marker[0].length();
          continue;
        }
        han.append(Latinizer.pinyin(cp));
      } else {
        flushHan(han, out);
        rest.appendCodePoint(cp);
      }
      i += Character.charCount(cp);
    }
    flushHan(han, out);
    latinTokens(rest, out);
    return out;
  }

  private static String[] markerAt(String s, int i) {
    for (String[] m : HAN_MARKERS) if (s.startsWith(m[0], i)) return m;
    return null;
  }

  private static void flushHan(StringBuilder han, List<String> out) {
    if (han.length() == 0) return;
    out.add(han.toString().replace(" ", ""));
    han.setLength(0);
  }

  private static void latinTokens(StringBuilder rest, List<String> out) {
    if (rest.length() == 0) return;
    for (String t : Latinizer.tokens(Latinizer.latin(rest.toString()))) {
      if (DROP.contains(t)) continue;
      String abbreviated = ABBREV.get(t);
      if (abbreviated != null) {
        out.add(abbreviated);
        continue;
      }
      String stem = streetStem(t);
      if (stem == null) {
        out.add(t);
      } else {
        out.add(stem);
        out.add("st");
      }
    }
    rest.setLength(0);
  }

  /** German and Dutch street words end a compound: Industriestraße, Industriestr., Kerkstraat. */
  private static final List<String> STREET_SUFFIXES = List.of("strasse", "straat", "str");

  /**
   * The name of a street written as one word with its street word (Industriestrasse, Industriestr), so that it
   * compares as the same street however the source shortened it; null for any other word. At least three letters of
   * name: "Astr" stays a word.
   */
  static String streetStem(String token) {
    for (String suffix : STREET_SUFFIXES) {
      if (token.length() >= suffix.length() + 3 && token.endsWith(suffix)) {
        String stem = token.substring(0, token.length() - suffix.length());
        return stem.chars().allMatch(Character::isLetter) ? stem : null;
      }
    }
    return null;
  }

  /** City or region: hanzi without the administrative suffix (北京市 → beijing), Latin tokens otherwise. */
  static String place(String s) {
    String n = Latinizer.nfkc(s);
    if (n == null) return null;
    if (Latinizer.containsHan(n) && n.length() > 2 && (n.endsWith("市") || n.endsWith("省") || n.endsWith("区"))) {
      n = n.substring(0, n.length() - 1);
    }
    List<String> toks = Latinizer.tokens(Latinizer.latin(n));
    if (Latinizer.containsHan(n)) return toks.isEmpty() ? null : String.join("", toks);
    return Latinizer.join(toks);
  }

  static String postcode(String s) {
    String n = Latinizer.nfkc(s);
    if (n == null) return null;
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n.length(); i++) {
      char c = n.charAt(i);
      if (Character.isLetterOrDigit(c) && c < 0x80) sb.append(Character.toUpperCase(c));
    }
    return sb.length() == 0 ? null : sb.toString();
  }

  static String country(String s) {
    String n = Latinizer.nfkc(s);
    if (n == null) return null;
    String c = NON_LETTERS.matcher(n.toUpperCase(Locale.ROOT)).replaceAll("");
    return c.isEmpty() ? null : c;
  }
}

package io.customerhub.resolve.standardize;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static java.util.Map.entry;

/**
 * Whole names written in Hangul or kana, which put the family name first as hanzi do (김민준, 박 지성, ヤマダ タロウ):
 * read the Latin way, the family name became the given name and "김민준" one word with no given name at all. A
 * Hangul family name is spelled as Koreans write it in Latin letters (김 → kim, 이 → lee, 박 → park), not as ICU's
 * transliteration reads the syllable (gim, i, bag), which no passport, card or CRM in Latin letters carries.
 */
final class FamilyFirstNames {

  /** What separates the words of a whole name in East Asian scripts: spaces, middle dots, commas. */
  static final Pattern SEPARATORS = Pattern.compile("[\\s·・,，]+");

  /** Family names of two syllables: a whole name of three syllables or more starting with one keeps both. */
  private static final Set<String> COMPOUND_SURNAMES = Set.of("남궁", "황보", "제갈", "선우", "독고", "사공", "서문",
      "동방");

  /**
   * The common Korean family names as written in Latin letters (the spelling most of their bearers use; the other
   * spellings, Yi and Rhee, Pak and Bak, are in conf/surname-variants.txt, which the family-name comparison reads).
   */
  private static final Map<String, String> SURNAMES = Map.ofEntries(
      entry("김", "kim"), entry("이", "lee"), entry("리", "lee"), entry("박", "park"), entry("최", "choi"),
      entry("정", "jung"), entry("강", "kang"), entry("조", "cho"), entry("윤", "yoon"), entry("장", "jang"),
      entry("임", "lim"), entry("림", "lim"), entry("한", "han"), entry("오", "oh"), entry("서", "seo"),
      entry("신", "shin"), entry("권", "kwon"), entry("황", "hwang"), entry("안", "ahn"), entry("송", "song"),
      entry("유", "yoo"), entry("류", "ryu"), entry("홍", "hong"), entry("전", "jeon"), entry("고", "ko"),
      entry("문", "moon"), entry("양", "yang"), entry("손", "son"), entry("배", "bae"), entry("백", "baek"),
      entry("허", "heo"), entry("남", "nam"), entry("노", "noh"), entry("로", "roh"), entry("하", "ha"),
      entry("곽", "kwak"), entry("성", "sung"), entry("차", "cha"), entry("주", "joo"), entry("우", "woo"),
      entry("민", "min"), entry("나", "na"), entry("라", "ra"), entry("진", "jin"), entry("지", "ji"),
      entry("엄", "eom"), entry("채", "chae"), entry("원", "won"), entry("천", "cheon"), entry("방", "bang"),
      entry("공", "kong"), entry("현", "hyun"), entry("변", "byun"), entry("염", "yeom"), entry("여", "yeo"),
      entry("추", "choo"), entry("도", "do"), entry("석", "seok"), entry("선", "sun"), entry("설", "seol"),
      entry("마", "ma"), entry("길", "gil"), entry("연", "yeon"), entry("위", "wi"), entry("표", "pyo"),
      entry("명", "myung"), entry("기", "ki"), entry("반", "ban"), entry("왕", "wang"), entry("금", "keum"),
      entry("옥", "ok"), entry("육", "yook"), entry("인", "in"), entry("맹", "maeng"), entry("제", "je"),
      entry("모", "mo"), entry("탁", "tak"), entry("국", "kook"), entry("은", "eun"), entry("편", "pyun"),
      entry("용", "yong"), entry("경", "kyung"), entry("봉", "bong"), entry("부", "boo"), entry("남궁", "namgoong"),
      entry("황보", "hwangbo"), entry("제갈", "jegal"), entry("선우", "sunwoo"), entry("독고", "dokgo"),
      entry("사공", "sagong"), entry("서문", "seomun"), entry("동방", "dongbang"));

  private FamilyFirstNames() {
  }

  /**
   * {family, given} of a whole name written in Hangul or kana and no Latin letters, as written; null for any other.
   * Words apart: the first is the family name. Hangul run together: its first syllable, or two for a compound
   * family name followed by a given name. Kana run together cannot be told apart: all of it is the family name.
   */
  static String[] parts(String n) {
    if (n.chars().anyMatch(c -> c < 0x80 && Character.isLetter(c)) || !hangulOrKana(n)) return null;
    String[] words = SEPARATORS.split(n.strip());
    if (words.length > 1) {
      return new String[] {words[0], String.join(" ", java.util.Arrays.copyOfRange(words, 1, words.length))};
    }
    String only = words[0];
    if (!allHangul(only)) return new String[] {only, ""};
    int syllables = only.codePointCount(0, only.length());
    int family = syllables <= 1 ? syllables
        : syllables > 2 && COMPOUND_SURNAMES.contains(only.substring(0, only.offsetByCodePoints(0, 2))) ? 2 : 1;
    int split = only.offsetByCodePoints(0, family);
    return new String[] {only.substring(0, split), only.substring(split)};
  }

  /** The Latin spelling of a family name written in Hangul (김 → kim); null for one this table does not know. */
  static String hangulSurname(String family) {
    return SURNAMES.get(family.strip());
  }

  private static boolean hangulOrKana(String s) {
    return s.codePoints().anyMatch(cp -> {
      Character.UnicodeScript script = Character.UnicodeScript.of(cp);
      return script == Character.UnicodeScript.HANGUL || script == Character.UnicodeScript.HIRAGANA
          || script == Character.UnicodeScript.KATAKANA;
    });
  }

  private static boolean allHangul(String s) {
    return s.codePoints().allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HANGUL);
  }
}

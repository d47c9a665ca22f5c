package io.customerhub.resolve.standardize;

import io.customerhub.record.FieldNames;
import io.customerhub.record.MissingValues;

import java.text.Normalizer;
import java.util.Map;
import java.util.Set;

/**
 * The reading of a Japanese name that a record keeps beside its kanji (フリガナ, furigana): Japanese CRMs and ERPs
 * store every customer's name twice, 山田太郎 and ヤマダ タロウ, because kanji do not say how a name is read. The
 * kanji read as Mandarin (shan tiantailang) meet no Latin record; the furigana, spelled as passports spell names,
 * give Yamada Taro. Attribute names are matched however a feed spells them (furigana, nameKana, フリガナ, 氏名カナ, and
 * half-width ﾌﾘｶﾞﾅ); a whole reading puts the family name first, as the kanji do.
 */
final class Furigana {

  static final Set<String> WHOLE = Set.of("furigana", "kana", "namekana", "kananame", "fullnamekana", "namereading",
      "フリガナ", "ふりがな", "カナ", "カナ氏名", "氏名カナ", "氏名フリガナ", "フリガナ氏名", "セイメイ", "よみがな", "ヨミガナ");
  static final Set<String> FAMILY = Set.of("familynamekana", "lastnamekana", "surnamekana", "familykana", "lastkana",
      "セイ", "姓カナ", "姓フリガナ", "フリガナ姓", "カナ姓", "せい");
  static final Set<String> GIVEN = Set.of("givennamekana", "firstnamekana", "givenkana", "firstkana", "メイ", "名カナ",
      "名フリガナ", "フリガナ名", "カナ名", "めい");

  private Furigana() {
  }

  /** The reading in {@code attributes} as {family, given} kana (either may be null); null when there is none. */
  static String[] of(Map<String, Object> attributes) {
    if (attributes == null || attributes.isEmpty()) return null;
    String whole = null, family = null, given = null;
    for (Map.Entry<String, Object> e : attributes.entrySet()) {
      String key = FieldNames.key(e.getKey());
      if (!Latinizer.isAscii(key)) key = Normalizer.normalize(key, Normalizer.Form.NFKC);
      boolean w = WHOLE.contains(key), f = FAMILY.contains(key), g = GIVEN.contains(key);
      if (!w && !f && !g) continue;
      String kana = kana(e.getValue());
      if (kana == null) continue;
      if (w) whole = kana;
      else if (f) family = kana;
      else given = kana;
    }
    if (family != null || given != null) return new String[] {family, given};
    if (whole == null) return null;
    String[] parts = FamilyFirstNames.parts(whole);
    return parts == null ? null : new String[] {parts[0], parts[1].isEmpty() ? null : parts[1]};
  }

  /** The value, NFKC (half-width ｻﾄｳ as サトウ), where it is written in kana and nothing else but spaces. */
  private static String kana(Object value) {
    if (!(value instanceof String s) || s.isBlank() || MissingValues.inText(s.strip())) return null;
    String n = Latinizer.nfkc(s);
    if (n == null) return null;
    boolean any = false;
    for (int i = 0; i < n.length(); ) {
      int cp = n.codePointAt(i);
      i += Character.charCount(cp);
      Character.UnicodeScript script = Character.UnicodeScript.of(cp);
      if (script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA) {
        any = true;
      } else if (!Character.isWhitespace(cp) && cp != '・' && cp != 'ー' && cp != '\u3000') {
        return null;
      }
    }
    return any ? n : null;
  }
}

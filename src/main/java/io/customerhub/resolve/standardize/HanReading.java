package io.customerhub.resolve.standardize;

import java.util.Map;

/**
 * How a name written in hanzi is read in Latin letters. Mandarin pinyin is the reading names are stored and
 * compared by (张伟 → zhang wei); Cantonese as Hong Kong spells it (陳大文 → chan tai man) and Mandarin as Taiwan
 * spells it (李登輝 → lee teng hui) are other readings a record in hanzi keeps, compared against records in Latin
 * letters only ({@link NameReading}).
 */
enum HanReading {

  /** The syllables of a given name joined, as mainland China writes them (Xiaoming). */
  PINYIN("pinyin", false) {
    @Override
    String read(int cp, boolean surname) {
      String reading = surname ? SURNAME_PINYIN.get(cp) : null;
      return reading != null ? reading : Latinizer.pinyin(cp);
    }
  },

  /** The syllables of a given name apart, as Hong Kong's identity cards write them (Tai Man). */
  CANTONESE("cantonese", true) {
    @Override
    String read(int cp, boolean surname) {
      String reading = Cantonese.read(cp, surname);
      // a character Unihan gives no Cantonese reading keeps its pinyin: the name stays whole
      return reading != null ? reading : PINYIN.read(cp, surname);
    }
  },

  /** Taiwan's spelling, given-name syllables apart as its passports hyphenate them (Teng-hui). */
  WADE_GILES("wade-giles", true) {
    @Override
    String read(int cp, boolean surname) {
      // 李 is Lee in Taiwan as in Hong Kong; the other family names are spelled by rule (Chang, Hsieh, Tsai)
      return surname && cp == '李' ? "lee" : WadeGiles.spell(PINYIN.read(cp, surname));
    }
  };

  /** Han-Latin reads these characters with their common-word pinyin; as surnames they are read otherwise. */
  private static final Map<Integer, String> SURNAME_PINYIN = Map.ofEntries(
      Map.entry((int) '曾', "zeng"), Map.entry((int) '单', "shan"), Map.entry((int) '解', "xie"),
      Map.entry((int) '仇', "qiu"), Map.entry((int) '区', "ou"), Map.entry((int) '朴', "piao"),
      Map.entry((int) '查', "zha"), Map.entry((int) '盖', "ge"), Map.entry((int) '乐', "yue"),
      Map.entry((int) '覃', "qin"), Map.entry((int) '缪', "miao"), Map.entry((int) '翟', "zhai"),
      Map.entry((int) '秘', "bi"), Map.entry((int) '种', "chong"), Map.entry((int) '尉', "yu"),
      Map.entry((int) '长', "zhang"), Map.entry((int) '石', "shi"), Map.entry((int) '薄', "bo"));

  private final String system;
  private final boolean givenSyllablesApart;

  HanReading(String system, boolean givenSyllablesApart) {
    this.system = system;
    this.givenSyllablesApart = givenSyllablesApart;
  }

  /** A given name of several characters is written as words of one syllable each. */
  boolean givenSyllablesApart() {
    return givenSyllablesApart;
  }

  /** The name of the reading as explanations and the stored form carry it. */
  String system() {
    return system;
  }

  /** One hanzi in lower-case Latin letters; {@code surname}: the first character of a family name. */
  abstract String read(int cp, boolean surname);
}

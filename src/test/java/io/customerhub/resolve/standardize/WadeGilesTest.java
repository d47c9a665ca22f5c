package io.customerhub.resolve.standardize;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WadeGilesTest {

  /** Taiwan's family names and given-name syllables as its passports spell them. */
  @ParameterizedTest
  @CsvSource({"zhang,chang", "xie,hsieh", "zeng,tseng", "cai,tsai", "xu,hsu", "guo,kuo", "zhou,chou", "zhuang,chuang",
      "jiang,chiang", "xiao,hsiao", "gao,kao", "zhong,chung", "peng,peng", "zhan,chan", "shi,shih", "deng,teng",
      "hui,hui", "qing,ching", "de,te", "lian,lien", "zhan,chan", "song,sung", "chu,chu", "yu,yu", "ying,ying",
      "jiu,chiu", "xiong,hsiung", "jian,chien", "xue,hsueh", "ren,jen", "rong,jung", "zi,tzu", "si,szu", "ci,tzu",
      "zhi,chih", "ri,jih", "yi,yi", "you,yu", "yan,yen", "ye,yeh", "er,erh", "ge,ko", "ke,ko", "he,ho",
      "duo,to", "luo,lo", "zuo,tso", "shuo,shuo", "huo,huo", "gui,kuei", "kui,kuei", "dui,tui", "bian,pien",
      "bo,po", "qiong,chiung", "juan,chuan", "cong,tsung", "wang,wang", "lin,lin", "chen,chen", "huang,huang"})
  void spellsPinyinAsTaiwanDoes(String pinyin, String spelled) {
    assertEquals(spelled, WadeGiles.spell(pinyin));
  }

  /** Every reading of every ideograph (a sample of each block) is lower-case Latin letters, whatever ICU knows. */
  @Test
  void everyIdeographReadsAsLatinLettersInEveryReading() {
    int[][] blocks = {{0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xF900, 0xFAFF}, {0x20000, 0x2A6DF}, {0x30000, 0x3134F}};
    for (int[] block : blocks) {
      for (int cp = block[0]; cp <= block[1]; cp += 97) {
        for (HanReading reading : HanReading.values()) {
          for (boolean surname : new boolean[] {false, true}) {
            String read = reading.read(cp, surname);
            int c = cp;
            assertTrue(read != null && !read.isBlank(), () -> reading + " of U+" + Integer.toHexString(c));
          }
        }
      }
    }
  }

  @Test
  void aNameInHanziKeepsItsTaiwaneseSpellingBesideItsPinyin() {
    StandardRecord r = new Standardizer().standardize(Persons.person(null, null, "李登輝", null, Map.of()));
    assertEquals("denghui", r.given());
    assertTrue(r.readings().contains(new NameReading("wade-giles", "teng hui", "lee")), r.readings()::toString);
    assertTrue(r.readings().contains(new NameReading("cantonese", "tang fai", "lee")), r.readings()::toString);
  }
}

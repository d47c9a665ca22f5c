package io.customerhub.resolve.standardize;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CantoneseTest {

  private final Standardizer std = new Standardizer();

  private StandardRecord person(String given, String family, String full) {
    return person(given, family, full, null);
  }

  private StandardRecord person(String given, String family, String full, String birthDate) {
    return std.standardize(Persons.person(given, family, full, birthDate, Map.of()));
  }

  /** Jyutping as Hong Kong's identity cards spell it: the surnames and given-name syllables most written. */
  @ParameterizedTest
  @CsvSource({"can,chan", "wong,wong", "zoeng,cheung", "loeng,leung", "lam,lam", "lau,lau", "ng,ng", "ho,ho",
      "gwok,kwok", "maa,ma", "zang,tsang", "ze,tse", "zyu,chu", "pun,poon", "fung,fung", "dang,tang", "coi,choi",
      "jyun,yuen", "syun,suen", "ziu,chiu", "si,sze", "sek,shek", "ceoi,tsui", "heoi,hui", "leoi,lui", "jip,yip",
      "zeng,cheng", "zung,chung", "joeng,yeung", "jau,yau", "gou,ko", "dou,to", "au,au", "ngaan,ngan",
      "daai,tai", "man,man", "wai,wai", "waa,wah", "zi,chi", "ji,yee", "jyu,yu", "jyut,yuet", "seon,shun",
      "zeon,chun", "koeng,keung", "coek,cheuk", "sing,shing", "suk,shuk", "dyun,tuen", "gaa,ka", "baak,pak",
      "m,m", "hm,hm", "aa,a"})
  void spellsJyutpingAsHongKongDoes(String jyutping, String spelled) {
    assertEquals(spelled, Cantonese.spell(jyutping));
  }

  @Test
  void readsHanziFromUnihanInTraditionalAndSimplifiedCharacters() {
    assertEquals("chan", Cantonese.read('陳', false));
    assertEquals("chan", Cantonese.read('陈', false));
    assertEquals("wah", Cantonese.read('華', false));
    assertEquals("wah", Cantonese.read('华', false));
    assertEquals("lei", Cantonese.read('李', false), "the syllable");
    assertEquals("lee", Cantonese.read('李', true), "the family name as its bearers spell it");
    assertEquals("chow", Cantonese.read('周', true));
    assertEquals("tsz", Cantonese.read('子', false), "子 as Hong Kong writes it in given names; 志 is chi");
    assertEquals("chi", Cantonese.read('志', false));
    assertEquals(null, Cantonese.read('A', false));
    assertEquals("chat", Cantonese.read(0x20001, false), "an ideograph of extension B (cat)");
  }

  @Test
  void aNameInHanziKeepsItsCantoneseReadingBesideItsPinyin() {
    StandardRecord r = person(null, null, "陳大文");
    assertEquals("dawen", r.given());
    assertEquals("chen", r.family());
    assertEquals(new NameReading("cantonese", "tai man", "chan"), cantonese(r));
    assertEquals(new NameReading("cantonese", "wai wah", "cheung"), cantonese(person("偉華", "張", null)));
    assertEquals(new NameReading("cantonese", "ka ming", "lee"), cantonese(person(null, null, "李嘉明")));
  }

  private static NameReading cantonese(StandardRecord r) {
    return r.readings().stream().filter(x -> x.system().equals("cantonese")).findFirst().orElseThrow();
  }

  @Test
  void namesWithoutHanziHaveNoOtherReading() {
    assertTrue(person("Tai Man", "Chan", null).readings().isEmpty());
    assertTrue(person(null, null, "김민준").readings().isEmpty());
  }

  @Test
  void theReadingsNameKeysAreTheRecordsToo() {
    StandardRecord latin = person("Tai Man", "Chan", null, "1975-06-01");
    StandardRecord hanzi = person(null, null, "陳大文", "1975-06-01");
    List<String> shared = latin.blockingKeys().stream().filter(hanzi.blockingKeys()::contains)
        .filter(k -> !k.startsWith("di:")).toList();
    assertTrue(!shared.isEmpty(), () -> latin.blockingKeys() + " / " + hanzi.blockingKeys());
  }

  /** The candidate index's name search finds a profile in hanzi by its Hong Kong spelling, and the other way round. */
  @Test
  void nameSearchKeysIncludeTheReadingsInEitherForm() {
    StandardRecord hanzi = person(null, null, "陳大文");
    List<String> latinKeys = std.nameSoundKeys(person("Tai Man", "Chan", null));
    assertTrue(std.nameSoundKeys(hanzi).containsAll(latinKeys), () -> std.nameSoundKeys(hanzi) + " / " + latinKeys);
    assertEquals(std.nameSoundKeys(hanzi), std.nameSoundKeys(hanzi.encode()));
    assertEquals(std.nameSoundKeys(hanzi), std.nameSoundKeys(StandardRecord.withoutBlockingKeys(hanzi.encode())));
    assertEquals(hanzi.readings(), StandardRecord.readings(StandardRecord.withoutBlockingKeys(hanzi.encode())));
    assertEquals(List.of(), StandardRecord.readings(person("Tai Man", "Chan", null).encode()));
  }

  @Test
  void theReadingSurvivesTheStoredForm() {
    StandardRecord r = person(null, null, "陳大文");
    StandardRecord back = StandardRecord.decode(r.encode());
    assertEquals(r, back);
    assertEquals(r.readings(), back.readings());
    assertEquals("chan", r.readAs(cantonese(r)).family());
    assertTrue(r.readAs(cantonese(r)).readings().isEmpty());
  }
}

package io.customerhub.resolve.standardize;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FuriganaTest {

  private final Standardizer std = new Standardizer();

  private StandardRecord person(String given, String family, String full, Map<String, Object> attributes) {
    return std.standardize(Persons.person(given, family, full, null, attributes));
  }

  @ParameterizedTest
  @ValueSource(strings = {"furigana", "Furigana", "name_kana", "nameKana", "フリガナ", "ﾌﾘｶﾞﾅ", "氏名カナ", "カナ氏名", "よみがな"})
  void aWholeReadingUnderAnyOfItsNamesPutsTheFamilyNameFirst(String attribute) {
    assertArrayEquals(new String[] {"ヤマダ", "タロウ"}, Furigana.of(Map.of(attribute, "ヤマダ タロウ")));
  }

  @Test
  void partsInTheirOwnAttributesHalfWidthKanaAndHiragana() {
    assertArrayEquals(new String[] {"サトウ", "ハナコ"}, Furigana.of(Map.of("セイ", "ｻﾄｳ", "メイ", "ﾊﾅｺ")));
    assertArrayEquals(new String[] {"すずき", null}, Furigana.of(Map.of("lastNameKana", "すずき")));
    assertArrayEquals(new String[] {"タナカ", "イチロウ"}, Furigana.of(Map.of("furigana", "タナカ　イチロウ")),
        "an ideographic space between the words");
  }

  @Test
  void valuesThatAreNoKanaAreNoReading() {
    assertNull(Furigana.of(Map.of("furigana", "Yamada Taro")));
    assertNull(Furigana.of(Map.of("furigana", "山田")));
    assertNull(Furigana.of(Map.of("furigana", "N/A")));
    assertNull(Furigana.of(Map.of("occupation", "ヤマダ")));
    assertNull(Furigana.of(Map.of()));
  }

  @Test
  void kanaAreSpelledAsPassportsSpellNames() {
    assertEquals("sato", Latinizer.latin("サトウ"));
    assertEquals("yuko", Latinizer.latin("ゆうこ"));
    assertEquals("ono", Latinizer.latin("オオノ"));
    assertEquals("ryo", Latinizer.latin("リョウ"));
    assertEquals("keiko", Latinizer.latin("ケイコ"));
  }

  /** Without furigana, a common Japanese family name is read from its kanji, a given name only where its kanji tell. */
  @Test
  void withoutFuriganaACommonFamilyNameIsReadFromItsKanji() {
    assertEquals("yamada", family(null, "山田太郎"));
    assertEquals("hasegawa", family(null, "長谷川 美咲"));
    assertEquals("sasaki", family("佐々木", null));
    assertEquals("watanabe", family("渡邉", "渡邉 健"));
    assertNull(family(null, "山田"), "a family name alone, with no given name after it");
    assertNull(family(null, "Yamada Taro"));
    assertNull(family(null, "欧阳修"));
    StandardRecord r = person(null, null, "山田太郎", Map.of());
    assertTrue(r.readings().contains(new NameReading("japanese", null, "yamada")), r.readings()::toString);
    assertTrue(r.readings().contains(new NameReading("japanese", "taro", "yamada")), r.readings()::toString);
    StandardRecord unread = person("翔", "山田", null, Map.of());
    assertEquals(List.of(new NameReading("japanese", null, "yamada")), unread.readings().stream()
        .filter(x -> x.system().equals("japanese")).toList(), "翔 is Sho, Kakeru or Tobu: left unread");
    StandardRecord withFurigana = person(null, null, "山田太郎", Map.of("furigana", "ヤマダ タロウ"));
    assertTrue(withFurigana.readings().stream().noneMatch(x -> x.system().equals("japanese")), "the furigana say more");
  }

  @Test
  void aNameInKanjiKeepsItsFuriganaAsAReading() {
    StandardRecord r = person(null, null, "山田太郎", Map.of("フリガナ", "ヤマダ タロウ"));
    assertTrue(r.readings().contains(new NameReading("furigana", "taro", "yamada")), r.readings()::toString);
    StandardRecord parts = person("花子", "佐藤", null, Map.of("セイ", "サトウ", "メイ", "ハナコ"));
    assertTrue(parts.readings().contains(new NameReading("furigana", "hanako", "sato")), parts.readings()::toString);
    assertEquals(List.of(), person("Taro", "Yamada", null, Map.of("furigana", "ヤマダ タロウ")).readings().stream()
        .filter(x -> x.given() != null && x.given().equals("taro") && x.family().equals("yamada")).toList(),
        "the name as stored is no other reading");
  }

  @Test
  void aKanjiNameSplitsIntoItsFamilyReadingAndItsGivenKanji() {
    assertEquals(new JapaneseSurnames.Split("yamada", "太郎"), JapaneseSurnames.split(null, null, "山田太郎"));
    assertEquals(new JapaneseSurnames.Split("hasegawa", "美咲"), JapaneseSurnames.split(null, null, "長谷川 美咲"));
    assertEquals(new JapaneseSurnames.Split("sato", "花子"), JapaneseSurnames.split("佐藤", "花子", null));
    assertEquals(new JapaneseSurnames.Split("sato", "花子"), JapaneseSurnames.split("佐藤", null, "佐藤　花子"));
    assertEquals(new JapaneseSurnames.Split("sasaki", null), JapaneseSurnames.split("佐々木", null, null));
    assertNull(JapaneseSurnames.split(null, null, "Yamada Taro"));
    assertEquals("taro", JapaneseGivenNames.reading("太郎"));
    assertEquals("yoko", JapaneseGivenNames.reading(" 陽子 "));
    assertNull(JapaneseGivenNames.reading("翔"), "read several ways");
    assertNull(JapaneseGivenNames.reading(null));
  }

  /** The family name of a name in kanji as passports spell it, as matching reads it without furigana. */
  private static String family(String familyName, String fullName) {
    JapaneseSurnames.Split s = JapaneseSurnames.split(familyName, null, fullName);
    return s == null ? null : s.family();
  }
}

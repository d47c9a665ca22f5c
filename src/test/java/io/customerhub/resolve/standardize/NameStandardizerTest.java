package io.customerhub.resolve.standardize;

import io.customerhub.record.CanonicalRecord;
import io.customerhub.record.SourceKey;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class NameStandardizerTest {

  private final Standardizer std = new Standardizer();

  private StandardRecord person(String given, String family, String full) {
    return std.standardize(new CanonicalRecord(new SourceKey("crm", "1"), io.customerhub.record.Kind.PERSON,
        Instant.EPOCH, false, given, family, full, null, null, null, null, List.of(), List.of(), List.of(),
        List.of(), java.util.Map.of(), null));
  }

  private static void assertName(StandardRecord r, String given, String family) {
    assertEquals(given, r.given(), "given");
    assertEquals(family, r.family(), "family");
  }

  @Test
  void hanziAndPinyinCompareEqual() {
    assertName(person("伟", "张", null), "wei", "zhang");
    assertName(person("Wei", "Zhang", null), "wei", "zhang");
    assertName(person(null, null, "张伟"), "wei", "zhang");
  }

  @Test
  void chineseFullNamePutsFamilyFirstAndJoinsGivenSyllables() {
    assertName(person(null, null, "张小明"), "xiaoming", "zhang");
    assertName(person(null, null, "张 小明"), "xiaoming", "zhang");
    assertName(person(null, null, "欧阳娜娜"), "nana", "ouyang");
  }

  @Test
  void surnameReadingsOverrideCommonWordReadings() {
    assertName(person(null, null, "曾小明"), "xiaoming", "zeng");
    assertName(person("田芳", "单", null), "tianfang", "shan");
  }

  @Test
  void latinFullNamePutsFamilyLastUnlessCommaOrCapitals() {
    assertName(person(null, null, "John Michael Smith"), "john michael", "smith");
    assertName(person(null, null, "Smith, John"), "john", "smith");
    assertName(person(null, null, "John Smith, Jr."), "john", "smith");
    assertName(person(null, null, "Mary Jones, OBE"), "mary", "jones");
    assertName(person(null, null, "Thomas Clifford, 1st Baron Clifford of Chudleigh"), "thomas", "clifford");
    assertName(person(null, null, "Smith,"), null, "smith");
    assertName(person(null, null, "ZHANG Wei"), "wei", "zhang");
    assertName(person(null, null, "Mr. Mitchell J. Green"), "mitchell j", "green");
    assertName(person(null, null, "Mitchell J Green"), "mitchell j", "green");
    assertName(person(null, null, "Mitchell GREEN"), "mitchell", "green");
  }

  @Test
  void accentsCaseAndHonorificsAreRemoved() {
    assertName(person("Dr. José", "MÜLLER-Lüdenscheidt", null), "jose", "muller ludenscheidt");
    assertName(person(null, null, "Mrs. Mary-Ann O'Brien Jr."), "mary ann", "obrien");
    assertName(person(null, null, "王先生"), null, "wang");
  }

  @Test
  void aLoneHonorificIsKeptWhereItMayBeTheName() {
    assertName(person("Don", "Miss", null), "don", "miss");
    assertName(person("Hon", "Chan", null), "hon", "chan");
    assertName(person("Md", "Rahman", null), "md", "rahman");
    assertName(person("John", "King", null), "john", "king");
  }

  /** "Sir Thomas Chudleigh, 1st Baronet" cut at its first and last words names nobody; the whole name does. */
  @Test
  void aNamePartThatIsOnlyAFormOfAddressOrHonoursIsNoName() {
    assertName(person("Mr", "Smith", null), null, "smith");
    assertName(person("Sir", "Baronet", null), null, null);
    assertName(person("Sir", "Baronet", "Sir Thomas Chudleigh, 1st Baronet"), "thomas", "chudleigh");
    assertName(person("Dr.", "Jr.", null), null, null);
  }

  /** The words dropped and the gender and generation they say come from one list each ({@link NameWords}). */
  @Test
  void suffixesThatAreAlsoNamesGoOnlyAfterTheName() {
    assertName(person(null, null, "John Smith Junior"), "john", "smith");
    assertName(person(null, null, "John Smith Jnr"), "john", "smith");
    assertName(person("Joao", "Silva Junior", null), "joao", "silva");
    assertName(person(null, null, "Michael Senior"), "michael", "senior");
    assertName(person("Michael", "Senior", null), "michael", "senior");
    assertName(person("Junior", "Silva", null), "junior", "silva");
    assertName(person(null, null, "Junior Silva"), "junior", "silva");
    assertName(person(null, null, "John Smith, Junior"), "john", "smith");
    assertName(person(null, null, "Smith, Junior"), "junior", "smith");
  }

  @Test
  void titlesAfterTheLastCommasGoAndTheNameCommaStays() {
    assertName(person(null, null, "Smith, John, Jr."), "john", "smith");
    assertName(person(null, null, "Smith, John Jr"), "john", "smith");
    assertName(person(null, null, "John Smith, Jr., PhD"), "john", "smith");
    assertName(person(null, null, "Smith, John, 1st Baronet"), "john", "smith");
    assertEquals("jr", person(null, null, "Smith, John, Jr.").generation());
  }

  @Test
  void formsOfAddressInAnyLanguageGoAndTellTheGender() {
    StandardRecord monsieur = person(null, null, "Monsieur Jean Dupont");
    assertName(monsieur, "jean", "dupont");
    assertEquals("m", monsieur.gender());
    StandardRecord senora = person("Señora María", "García", null);
    assertName(senora, "maria", "garcia");
    assertEquals("f", senora.gender());
    assertEquals("f", person(null, null, "Madame Claire Roux").gender());
    assertNull(person(null, null, "Dr. Claire Roux").gender(), "a doctor may be either");
    assertNull(person(null, null, "Sir Thomas Chudleigh").gender(), "a register's cut title says none");
    assertEquals("m", person(null, null, "王先生").gender());
    assertEquals("f", person(null, null, "李女士").gender());
    assertNull(person(null, null, "王老师").gender());
    assertEquals("f", person("Ann", "Berg", "Mrs Ann Berg").gender(), "the whole name beside its parts");
    assertEquals("m", person("Monsieur", "Dupont", null).gender(), "a given name that is only a salutation");
  }

  @Test
  void nullEmptyAndEmojiOnlyGiveNoName() {
    assertName(person(null, null, null), null, null);
    assertName(person("", "  ", ""), null, null);
    assertName(person("😀", null, null), null, null);
    assertName(person("Ann 😀", null, null), "ann", null);
  }

  @Test
  void fullWidthLettersAreFolded() {
    assertName(person("Ｗｅｉ", "ＺＨＡＮＧ", null), "wei", "zhang");
  }

  @Test
  void otherScriptsAreLatinized() {
    assertEquals("ivanov", person("Иван", "Иванов", null).family());
    assertNull(person(null, null, "   ").given());
  }
}

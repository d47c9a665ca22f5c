package io.customerhub.resolve.standardize;

import io.customerhub.record.CanonicalRecord;
import io.customerhub.record.SourceKey;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

  /** Placeholders for a name nobody gave are no name; words that are also real names stay names. */
  @Test
  void placeholdersAreNoName() {
    assertName(person("BABY GIRL", "SMITH", null), null, "smith");
    assertName(person(null, null, "Baby Boy Jones"), null, "jones");
    assertName(person("Maria", "No Last Name", null), "maria", null);
    assertName(person("Unk", "Unk", null), null, null);
    assertName(person(null, null, "Lady of the House"), null, null);
    assertName(person("Ann", "Declined", null), "ann", null);
    assertName(person("Boy", "Abunda", null), "boy", "abunda");
    assertName(person("Min-jun", "Son", null), "min jun", "son");
    assertName(person("John", "Doe", null), "john", "doe");
    assertName(person("Julia", "Child", null), "julia", "child");
  }

  /** Hangul and kana put the family name first, as hanzi do; a Hangul family name is spelled as Koreans spell it. */
  @Test
  void koreanAndJapaneseWholeNamesPutTheFamilyNameFirst() {
    assertName(person(null, null, "김민준"), "minjun", "kim");
    assertName(person(null, null, "박 지성"), "jiseong", "park");
    assertName(person(null, null, "이순신"), "sunsin", "lee");
    assertName(person(null, null, "남궁민수"), "minsu", "namgoong");
    assertName(person(null, null, "남궁"), "gung", "nam");
    assertName(person("민준", "김", null), "minjun", "kim");
    assertName(person(null, null, "ヤマダ タロウ"), "taro", "yamada");
    assertName(person(null, null, "やまだ・はなこ"), "hanako", "yamada");
    assertName(person(null, null, "ヤマダタロウ"), null, "yamadataro");
    assertName(person("Min-jun", "Kim", null), "min jun", "kim");
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

  /** Hon is a Cantonese given name; only "The Hon.", "Rt Hon" or "Honourable" make it a form of address. */
  @Test
  void honIsAGivenNameUnlessTheWordsAroundItMakeItATitle() {
    assertName(person(null, null, "Hon Ming Chan"), "hon ming", "chan");
    assertName(person("Hon Ming", "Chan", null), "hon ming", "chan");
    assertName(person(null, null, "Chan, Hon Ming"), "hon ming", "chan");
    assertName(person(null, null, "The Hon. John Smith"), "john", "smith");
    assertName(person(null, null, "Rt Hon Theresa May"), "theresa", "may");
    assertName(person(null, null, "The Right Honourable Jacinda Ardern"), "jacinda", "ardern");
    assertName(person(null, null, "Honorable Sonia Sotomayor"), "sonia", "sotomayor");
    assertName(person(null, null, "The Hon"), "the", "hon");
    assertName(person(null, null, "The Rt Hon Smith"), null, "smith");
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
    assertName(person(null, null, "José da Silva Filho"), "jose", "da silva");
    assertEquals("jr", person(null, null, "José da Silva Filho").generation(), "Filho: the son");
    assertEquals("iii", person("José", "Silva Neto", null).generation(), "Neto: the grandson");
    assertName(person(null, null, "Ana Neto"), "ana", "neto");
  }

  /** A register's whole name beside a first name and no surname ("catherine jones", "catherine"), or the reverse. */
  @Test
  void aMissingPartIsTakenFromTheWholeNameWhereThePartGivenSitsInIt() {
    assertName(person("Catherine", null, "Catherine Jones"), "catherine", "jones");
    assertName(person(null, "Darnley", "John Darnley"), "john", "darnley");
    assertName(person("John", null, "John Michael Smith"), "john", "smith");
    assertName(person(null, "Smith", "John Michael Smith"), "john michael", "smith");
    assertName(person("Wei", null, "Zhang Wei"), "wei", "zhang");
    assertName(person("伟", null, "张伟"), "wei", "zhang");
    assertName(person(null, "Beethoven", "Ludwig van Beethoven"), "ludwig", "beethoven");
    StandardRecord mrs = person("Mary", null, "Mrs Mary Hall");
    assertName(mrs, "mary", "hall");
    assertEquals("f", mrs.gender());
    assertName(person("Henrt", null, "Henry Clarke"), "henrt", null);
    assertName(person(null, "Smith", "Smith Mr"), null, "smith");
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
    StandardRecord capitals = person(null, null, "SMITH Mr");
    assertName(capitals, null, "smith");
    assertEquals("m", capitals.gender(), "a family name in capitals beside a form of address alone");
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

  /** Cyrillic and Greek as passports and Latin-script records spell them, each language by its own letters. */
  @Test
  void cyrillicAndGreekAreSpelledAsTheirBearersAreInLatinLetters() {
    assertName(person(null, null, "Юрий Гагарин"), "yuriy", "gagarin");
    assertName(person("Наталья", "Щербакова", null), "natalya", "shcherbakova");
    assertName(person("Дмитрий", "Жуков", null), "dmitriy", "zhukov");
    assertName(person("Олександр", "Шевченко", null), "oleksandr", "shevchenko");
    assertName(person("Ігор", "Ковальчук", null), "ihor", "kovalchuk");
    assertName(person(null, null, "Ігор Гриценко"), "ihor", "hrytsenko");
    assertName(person("Новак", "Ђоковић", null), "novak", "dokovic");
    assertName(person("Γιώργος", "Χατζηδάκη", null), "giorgos", "chatzidaki");
    assertName(person("Αικατερίνη", "Παπαδοπούλου", null), "aikaterini", "papadopoulou");
  }

  /** Arabic script writes no short vowels: common names are read from a table, the rest transliterated. */
  @Test
  void commonArabicNamesAreSpelledAsLatinRecordsSpellThem() {
    assertName(person(null, null, "محمد علي"), "muhammad", "ali");
    assertName(person("أحمد", "الحسن", null), "ahmed", "al hassan");
    assertName(person(null, null, "عبد الله خالد"), "abdullah", "khalid");
    assertName(person("فاطِمة", "عبد الرحمن", null), "fatima", "abdulrahman");
    assertName(person("علی", "حسینی", null), "ali", "hsyny");
    assertEquals("reza", person("رضا", null, null).given(), "Persian");
    assertEquals("bn", person("بن", "زيد", null).given(), "a word the table does not know: transliterated");
  }

  /**
   * Names made of ordinary words, forms of address, suffixes, particles and commas in any order and case: the
   * standardizer never invents a word, never leaves a form of address first in a given name, and says a gender
   * or a generation only where a word of the name says it.
   */
  @RepeatedTest(10)
  void randomNamesKeepTheirOwnWordsAndSayOnlyWhatTheirWordsSay() {
    List<String> pool = List.of("John", "Mary", "Smith", "van", "de", "Mr", "Mrs.", "Herr", "Señora", "Dr", "Sir",
        "Jr.", "Sr", "III", "PhD", "Junior", "Senior", "Baronet", "OBE", "Earl", "1st", ",", "SMITH", "j.", "Anne");
    Random rnd = new Random();
    for (int i = 0; i < 500; i++) {
      String[] parts = new String[3];
      for (int p = 0; p < 3; p++) {
        if (rnd.nextInt(3) == 0) continue;
        StringBuilder sb = new StringBuilder();
        for (int w = 1 + rnd.nextInt(5); w > 0; w--) sb.append(pool.get(rnd.nextInt(pool.size()))).append(' ');
        parts[p] = sb.toString();
      }
      String all = String.join(" ", java.util.Arrays.stream(parts).map(x -> x == null ? "" : x).toList());
      List<String> words = Latinizer.tokens(Latinizer.latin(Latinizer.nfkc(all)));
      StandardRecord r = person(parts[0], parts[1], parts[2]);
      String why = java.util.Arrays.toString(parts) + " → " + r.given() + " | " + r.family();
      for (String name : new String[] {r.given(), r.family()}) {
        if (name != null) assertTrue(words.containsAll(List.of(name.split(" "))), why);
      }
      if (r.given() != null) assertFalse(NameWords.isFormOfAddress(r.given().split(" ")[0]), why);
      if (r.gender() != null) {
        assertTrue(words.stream().anyMatch(w -> r.gender().equals(NameWords.genderOf(w))), why);
      }
      if (r.generation() != null) {
        assertTrue(words.stream().anyMatch(w -> r.generation().equals(NameWords.generationOf(w))), why);
      }
    }
  }
}

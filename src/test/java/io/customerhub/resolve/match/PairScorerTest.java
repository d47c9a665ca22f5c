package io.customerhub.resolve.match;

import io.customerhub.record.Address;
import io.customerhub.record.CanonicalRecord;
import io.customerhub.record.Kind;
import io.customerhub.record.SourceKey;
import io.customerhub.resolve.standardize.StandardRecord;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.customerhub.resolve.match.Fixtures.org;
import static io.customerhub.resolve.match.Fixtures.person;
import static io.customerhub.resolve.match.Fixtures.weiZhang;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PairScorerTest {

  private final PairScorer scorer = new PairScorer(MatchModel.defaults(), TermFrequencies.none(), MatchingConfig.defaults());

  private static double weightOf(PairScore s, String field) {
    return s.fields().stream().filter(f -> f.field().equals(field)).findFirst().orElseThrow().weight();
  }

  private static String levelOf(PairScore s, String field) {
    return s.fields().stream().filter(f -> f.field().equals(field)).findFirst().orElseThrow().level();
  }

  @Test
  void identicalRecordsWithAStrongIdMerge() {
    PairScore s = scorer.score(weiZhang("a"), weiZhang("b"));
    assertEquals(Band.MERGE, s.band());
    assertEquals("fellegi-sunter", s.rule());
    assertTrue(s.probability() > 0.999);
  }

  /**
   * Hong Kong spells 陳大文 Chan Tai Man: the Cantonese reading agrees in both names where pinyin (Chen Dawen) agrees
   * in neither, and the explanation names the reading; Taiwan spells 李登輝 Lee Teng-hui. Two records in hanzi compare
   * as written.
   */
  @Test
  void aNameInHanziMeetsItsHongKongSpellingThroughItsCantoneseReading() {
    StandardRecord hanzi = person("h", "大文", "陳", "1975-06-01", null, null, null, null, null);
    StandardRecord latin = person("l", "Tai Man", "Chan", "1975-06-01", null, null, null, null, null);
    PairScore s = scorer.score(hanzi, latin);
    assertEquals("EXACT", levelOf(s, "family"), s::toString);
    assertEquals("EXACT", levelOf(s, "given"), s::toString);
    assertEquals("fellegi-sunter/cantonese", s.rule());
    assertEquals(s.weight(), scorer.score(latin, hanzi).weight(), 1e-9, "symmetric");
    PairScore mandarin = scorer.score(person("m", "Dawen", "Chen", "1975-06-01", null, null, null, null, null), hanzi);
    assertEquals("fellegi-sunter", mandarin.rule(), "pinyin agrees as written");
    assertEquals("EXACT", levelOf(mandarin, "given"));
    StandardRecord taiwan = person("tw", "登輝", "李", "1923-01-15", null, null, null, null, null);
    PairScore teng = scorer.score(taiwan, person("tl", "Teng-hui", "Lee", "1923-01-15", null, null, null, null, null));
    assertEquals("fellegi-sunter/wade-giles", teng.rule(), "Taiwan's spelling: " + teng);
    assertEquals("EXACT", levelOf(teng, "given"));
    PairScore yi = scorer.score(person("tw", "怡君", "陳", "1990-01-01", null, null, null, null, null),
        person("tl", "Yi-chun", "Chen", "1990-01-01", null, null, null, null, null));
    assertEquals("EXACT", levelOf(yi, "given"), "怡 as Taiwan's passports spell it, not the textbook's i: " + yi);
    PairScore twoInHanzi = scorer.score(hanzi, person("t", "大文", "陈", "1975-06-01", null, null, null, null, null));
    assertEquals("fellegi-sunter", twoInHanzi.rule());
    assertEquals("EXACT", levelOf(twoInHanzi, "given"));
  }

  /** A Japanese record keeps its furigana beside its kanji: 山田太郎 read ヤマダ タロウ meets "Taro Yamada". */
  @Test
  void aNameInKanjiMeetsItsLatinSpellingThroughItsFurigana() {
    StandardRecord kanji = Fixtures.STD.standardize(new CanonicalRecord(new SourceKey("t", "k"), Kind.PERSON,
        Instant.EPOCH, false, "太郎", "山田", null, null, null, null, "1980-04-02", List.of(), List.of(), List.of(),
        List.of(), Map.of("furigana", "ヤマダ タロウ"), null));
    StandardRecord latin = person("l", "Taro", "Yamada", "1980-04-02", null, null, null, null, null);
    PairScore s = scorer.score(kanji, latin);
    assertEquals("EXACT", levelOf(s, "family"), s::toString);
    assertEquals("EXACT", levelOf(s, "given"), s::toString);
    assertEquals("fellegi-sunter/furigana", s.rule());
    assertEquals(Band.MERGE, s.band());
    StandardRecord bare = person("b", "太郎", "山田", "1980-04-02", null, null, null, null, null);
    PairScore common = scorer.score(bare, latin);
    assertEquals("fellegi-sunter/japanese", common.rule(), common::toString);
    assertEquals("EXACT", levelOf(common, "family"));
    assertEquals("EXACT", levelOf(common, "given"), "太郎 is nearly always Taro: " + common);
    StandardRecord sho = person("c", "翔", "山田", "1980-04-02", null, null, null, null, null);
    PairScore unread = scorer.score(sho, person("l", "Kakeru", "Yamada", "1980-04-02", null, null, null, null, null));
    assertEquals("fellegi-sunter/japanese", unread.rule(), unread::toString);
    assertEquals("EXACT", levelOf(unread, "family"));
    assertEquals("MISSING", levelOf(unread, "given"), "翔 alone does not say how it is read");
    PairScore other = scorer.score(person("d", "花子", "山田", "1980-04-02", null, null, null, null, null), latin);
    assertEquals("MISSING", levelOf(other, "given"),
        "the reading without a given name stays beside: a kanji name read another way counts as unread, as before");
  }

  /** A son named after his father, at his address: the fields agree, the suffixes tell them apart. */
  @Test
  void aFatherAndASonOfOneNameAndAddressGoToAStewardNotIntoOneProfile() {
    StandardRecord senior = person("s", "John", "Smith Sr", null, null, null, "+1 206 473 1762", "12 Oak St", "27601");
    StandardRecord junior = person("j", "John", "Smith Jr.", null, null, null, "+1 206 473 1762", "12 Oak St", "27601");
    PairScore s = scorer.score(senior, junior);
    assertEquals(Band.REVIEW, s.band());
    assertEquals("generation-conflict", s.rule());
    StandardRecord unsaid = person("u", "John", "Smith", null, null, null, "+1 206 473 1762", "12 Oak St", "27601");
    assertEquals(Band.MERGE, scorer.score(junior, unsaid).band(), "a source that leaves the suffix out");
    assertEquals(Band.MERGE, scorer.score(junior, person("k", "John Jr", "Smith", null, null, null,
        "+1 206 473 1762", "12 Oak St", "27601")).band(), "the same generation wherever it is written");
  }

  /** No suffix written: the same name at one address, birth dates a generation apart that no typo explains. */
  @Test
  void aFatherAndASonWithoutSuffixesGoToAStewardByTheirBirthDates() {
    StandardRecord father = person("f", "John", "Smith", "1950-01-01", null, null, "+1 206 473 1762", "12 Oak St",
        "27601");
    StandardRecord son = person("s", "John", "Smith", "1980-05-05", null, null, "+1 206 473 1762", "12 Oak St",
        "27601");
    PairScore s = scorer.score(father, son);
    assertEquals(Band.REVIEW, s.band());
    assertEquals("generation-apart", s.rule());
    StandardRecord typo = person("t", "John", "Smith", "1980-01-01", null, null, "+1 206 473 1762", "12 Oak St",
        "27601");
    assertFalse(scorer.score(father, typo).rule().startsWith("generation"), "one digit of the year: a typo");
    StandardRecord brother = person("b", "John", "Smith", "1957-06-09", null, null, "+1 206 473 1762", "12 Oak St",
        "27601");
    assertFalse(scorer.score(father, brother).rule().startsWith("generation"), "seven years: the scores decide");
  }

  @Test
  void hanziAndPinyinRecordsOfOnePersonMerge() {
    StandardRecord hanzi = person("h", "伟", "张", "1990-03-07", null, null, "13800138000", "建国路8号", "100022");
    PairScore s = scorer.score(hanzi, weiZhang("p"));
    assertEquals("EXACT", levelOf(s, "family"));
    assertEquals("EXACT", levelOf(s, "given"));
    assertEquals("EXACT", levelOf(s, "address"));
    assertEquals(Band.MERGE, s.band());
  }

  @Test
  void swappedNamesAndSwappedDateStillMerge() {
    StandardRecord b = person("b", "Zhang", "Wei", "1990-07-03", null, "wei.zhang@example.com", null, null, null);
    PairScore s = scorer.score(weiZhang("a"), b);
    assertEquals("SWAPPED", levelOf(s, "birthDate"));
    assertTrue(weightOf(s, "birthDate") > 0, "a swapped date is partial agreement, not a mismatch");
    assertEquals("fellegi-sunter/names-swapped", s.rule());
    assertEquals(Band.MERGE, s.band());
  }

  @Test
  void aSharedIdIsStrongButContradictedByEveryOtherField() {
    StandardRecord other = person("o", "Mary", "Smith", "1955-11-21", "110101199003070011", "mary@x.org",
        "+1 415 555 2671", "1 Main St", "94105");
    PairScore s = scorer.score(weiZhang("a"), other);
    assertTrue(weightOf(s, "nationalId") > 10);
    assertEquals(Band.APART, s.band());
  }

  @Test
  void idsOneTypoApartAreWeakerEvidenceAndClearlyDifferentIdsCountAgainst() {
    StandardRecord base = person("a", "Ann", "Lee", null, "110101199003070011", null, null, null, null);
    StandardRecord typo = person("b", "Ann", "Lee", null, "110101199003070017", null, null, null, null);
    StandardRecord other = person("c", "Ann", "Lee", null, "440101198512120022", null, null, null, null);
    double exact = weightOf(scorer.score(base, base), "nationalId");
    double oneEdit = weightOf(scorer.score(base, typo), "nationalId");
    double different = weightOf(scorer.score(base, other), "nationalId");
    assertTrue(exact > oneEdit && oneEdit > 0 && different < -3, exact + " " + oneEdit + " " + different);
  }

  @Test
  void aMergeDespiteClearlyDifferentIdsGoesToReview() {
    StandardRecord a = weiZhang("a");
    StandardRecord b = person("b", "Wei", "Zhang", "1990-03-07", "440101198512120022", "wei.zhang@example.com",
        "+86 138 0013 8000", "8 Jianguo Rd", "100022");
    PairScore s = scorer.score(a, b);
    assertEquals(Band.REVIEW, s.band());
    assertEquals("identifier-conflict", s.rule());
  }

  @Test
  void rareSharedSurnamesCountMoreThanCommonOnes() {
    List<StandardRecord> population = new ArrayList<>();
    for (int i = 0; i < 2000; i++) population.add(person("p" + i, "X" + i, i % 10 == 0 ? "Quispe" : "Zhang", null, null, null, null, null, null));
    PairScorer tf = new PairScorer(MatchModel.defaults(), TermFrequencies.of(population), MatchingConfig.defaults());
    StandardRecord z1 = person("z1", "Ann", "Zhang", null, null, null, null, null, null);
    StandardRecord z2 = person("z2", "Ann", "Zhang", null, null, null, null, null, null);
    StandardRecord q1 = person("q1", "Ann", "Quispe", null, null, null, null, null, null);
    StandardRecord q2 = person("q2", "Ann", "Quispe", null, null, null, null, null, null);
    FieldComparison common = tf.score(z1, z2).fields().get(0);
    FieldComparison rare = tf.score(q1, q2).fields().get(0);
    assertTrue(common.tfAdjusted() && rare.tfAdjusted());
    assertTrue(rare.weight() > common.weight() + 2, rare + " vs " + common);
  }

  @Test
  void aSmallTownSharedCountsMoreThanTheCapital() {
    List<StandardRecord> population = new ArrayList<>();
    for (int i = 0; i < 2000; i++) population.add(livesIn("p" + i, i % 100 == 0 ? "Tiverton" : "London"));
    PairScorer tf = new PairScorer(MatchModel.defaults(), TermFrequencies.of(population), MatchingConfig.defaults());
    double london = weightOf(tf.score(livesIn("l1", "London"), livesIn("l2", "London")), "address");
    double tiverton = weightOf(tf.score(livesIn("t1", "Tiverton"), livesIn("t2", "Tiverton")), "address");
    assertTrue(tiverton > london + 5, tiverton + " vs " + london);
    // a town mistyped is the same area as the model says, with no frequency to weigh
    PairScore mistyped = tf.score(livesIn("m1", "Tiverton"), livesIn("m2", "Tivertn"));
    FieldComparison address = mistyped.fields().stream().filter(c -> c.field().equals("address")).findFirst()
        .orElseThrow();
    assertEquals("TOWN", address.level());
    assertFalse(address.tfAdjusted());
    assertEquals(MatchModel.defaults().weight(Field.ADDRESS, Field.ADDRESS.levels().indexOf("TOWN")), address.weight(),
        1e-9);
  }

  @Test
  void anotherGenderCountsAgainstAndARareSharedOccupationForMoreThanACommonOne() {
    List<StandardRecord> population = new ArrayList<>();
    for (int i = 0; i < 2000; i++) population.add(works("p" + i, "X" + i, i % 100 == 0 ? "botanist" : "politician", "m"));
    PairScorer tf = new PairScorer(MatchModel.defaults(), TermFrequencies.of(population), MatchingConfig.defaults());
    double politician = weightOf(tf.score(works("a", "Ann", "politician", null), works("b", "Ann", "politician", null)),
        "occupation");
    double botanist = weightOf(tf.score(works("a", "Ann", "botanist", null), works("b", "Ann", "botanist", null)),
        "occupation");
    assertTrue(botanist > politician + 5, botanist + " vs " + politician);
    PairScore same = tf.score(works("a", "Ann", null, "f"), works("b", "Ann", null, "f"));
    PairScore other = tf.score(works("a", "Ann", null, "f"), works("b", "Ann", null, "m"));
    assertEquals(MatchModel.defaults().weight(Field.GENDER, 0), weightOf(same, "gender"), 1e-9);
    assertTrue(weightOf(other, "gender") < -3, other.fields().toString());
    assertTrue(other.probability() < same.probability());
    // a field neither record has is left out of the explanation, as every missing field is
    assertTrue(same.fields().stream().noneMatch(c -> c.field().equals("occupation") && !c.level().equals("MISSING")));
  }

  private static StandardRecord works(String id, String given, String occupation, String gender) {
    Map<String, Object> attributes = new java.util.HashMap<>();
    if (occupation != null) attributes.put("occupation", occupation);
    if (gender != null) attributes.put("gender", gender);
    return Fixtures.STD.standardize(new CanonicalRecord(new SourceKey("t", id), Kind.PERSON, Instant.EPOCH, false,
        given, "Berg", null, null, null, null, null, List.of(), List.of(), List.of(), List.of(), attributes, null));
  }

  private static StandardRecord livesIn(String id, String city) {
    return Fixtures.STD.standardize(new CanonicalRecord(new SourceKey("t", id), Kind.PERSON, Instant.EPOCH, false,
        "Ann", "Berg", null, null, null, null, null, List.of(), List.of(),
        List.of(new Address(null, null, city, null, null, "GB")), List.of(), Map.of(), null));
  }

  @Test
  void aBirthDateManyRecordsCarryWeighsLessAndAnOrdinaryOneAsTheModelSays() {
    List<StandardRecord> population = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      String born = i % 10 == 0 ? "1975-01-01" : (1940 + i % 60) + "-" + (10 + i % 3) + "-" + (10 + i % 17);
      population.add(person("p" + i, "X" + i, "Y" + i, born, null, null, null, null, null));
    }
    PairScorer tf = new PairScorer(MatchModel.defaults(), TermFrequencies.of(population), MatchingConfig.defaults());
    StandardRecord a1 = person("a1", "Ann", "Berg", "1975-01-01", null, null, null, null, null);
    StandardRecord a2 = person("a2", "Ann", "Berg", "1975-01-01", null, null, null, null, null);
    StandardRecord b1 = person("b1", "Ann", "Berg", "1981-07-23", null, null, null, null, null);
    StandardRecord b2 = person("b2", "Ann", "Berg", "1981-07-23", null, null, null, null, null);
    assertTrue(weightOf(tf.score(a1, a2), "birthDate") < weightOf(tf.score(b1, b2), "birthDate") - 5);
    assertEquals(MatchModel.defaults().weight(Field.BIRTH_DATE, 0), weightOf(tf.score(b1, b2), "birthDate"), 1e-9);
  }

  /**
   * Rahul is a common given name and a rare family name: a pair that agrees on it across the swap (one source
   * wrote the names the other way round) weighs it as the common name it is, not as a rare surname.
   */
  @Test
  void namesAgreeingAcrossTheSwapWeighAsTheirCommonerRole() {
    List<StandardRecord> population = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      population.add(person("p" + i, i % 5 == 0 ? "Rahul" : "X" + i, i % 5 == 1 ? "Reddy" : "Y" + i, null, null, null,
          null, null, null));
    }
    PairScorer tf = new PairScorer(MatchModel.defaults(), TermFrequencies.of(population), MatchingConfig.defaults());
    StandardRecord written = person("a", "Rahul", "Reddy", null, null, null, null, null, null);
    StandardRecord swapped = person("b", "Reddy", "Rahul", null, null, null, null, null, null);
    StandardRecord again = person("c", "Rahul", "Reddy", null, null, null, null, null, null);
    PairScore acrossTheSwap = tf.score(written, swapped);
    PairScore asWritten = tf.score(written, again);
    assertEquals("fellegi-sunter/names-swapped", acrossTheSwap.rule());
    assertEquals(asWritten.weight(), acrossTheSwap.weight(), 1e-9, "the same names weigh the same either way round");
    assertTrue(acrossTheSwap.band() != Band.MERGE, "two common names and nothing else: " + acrossTheSwap);
  }

  /**
   * Father and son: one family name, one phone, one address, and another given name and birth date. The shared
   * contact points alone add up to a merge (the fields are not independent in a household): a steward decides.
   * Where the data says duplicates often carry another birth date and name, the scores decide as they are.
   */
  @Test
  void relativesSharingAPhoneAndAnAddressGoToReviewNotAMerge() {
    StandardRecord father = person("f", "Wei", "Yu", "1963-02-22", null, null, "+86 199 5821 7574", "5 Xueyuan Rd",
        "100083");
    StandardRecord son = person("s", "Zihan", "Yu", "1988-11-15", null, null, "+86 199 5821 7574", "5 Xueyuan Rd",
        "100083");
    PairScore s = scorer.score(father, son);
    assertEquals(Band.REVIEW, s.band(), s.toString());
    assertEquals("household", s.rule());

    double[][] m = MatchModel.defaults().mCopy();
    for (Field f : List.of(Field.BIRTH_DATE, Field.GIVEN_NAME)) {
      double[] levels = m[f.ordinal()];
      levels[0] -= 0.10;
      levels[f.different()] += 0.10;
    }
    MatchModel datesOftenReplaced = new MatchModel(1e-4, m, MatchModel.defaults().uCopy(), "em test");
    PairScore learned = new PairScorer(datesOftenReplaced, TermFrequencies.none(), MatchingConfig.defaults())
        .score(father, son);
    assertEquals(Band.MERGE, learned.band(), learned.toString());
  }

  @Test
  void personsAndOrganizationsNeverMatch() {
    PairScore s = scorer.score(weiZhang("a"), org("o", "Zhang Wei Trading", null, "+86 138 0013 8000", null, null));
    assertEquals(Band.APART, s.band());
    assertEquals("kind-mismatch", s.rule());
  }

  @Test
  void organizationsWithSuffixVariantsAndTheSameTaxIdMerge() {
    PairScore s = scorer.score(org("a", "北京科技有限公司", "91110000MA01ABCD1X", null, null, null),
        org("b", "Beijing Keji Co., Ltd.", "91110000-MA01ABCD1X", null, null, null));
    assertEquals(Band.MERGE, s.band());
    assertEquals("EXACT", levelOf(s, "org"));
  }

  @Test
  void explanationsCarryEveryFieldAndTheTotal() {
    PairScore s = scorer.score(weiZhang("a"), weiZhang("b"));
    double sum = MatchModel.defaults().priorWeight(false);
    for (FieldComparison f : s.fields()) sum += f.weight();
    assertEquals(s.weight(), sum, 1e-9);
    assertEquals(List.of("family", "given", "birthDate", "email", "phone", "nationalId", "taxId", "address",
        "gender", "occupation"),
        s.fields().stream().map(FieldComparison::field).toList());
    assertEquals("MERGE", s.toMap().get("band"));
  }

  @RepeatedTest(3)
  void scoringIsSymmetric() {
    Random rnd = new Random();
    List<StandardRecord> rs = randomPeople(rnd, 60);
    for (StandardRecord a : rs) {
      for (StandardRecord b : rs) {
        PairScore ab = scorer.score(a, b), ba = scorer.score(b, a);
        assertEquals(ab.weight(), ba.weight(), 0.0);
        assertEquals(ab.band(), ba.band());
      }
    }
  }

  @RepeatedTest(3)
  void identicalRecordsWithAStrongIdAlwaysMerge() {
    Random rnd = new Random();
    for (StandardRecord r : randomPeople(rnd, 200)) {
      if (r.strongKeys().isEmpty()) continue;
      assertEquals(Band.MERGE, scorer.score(r, r).band(), r.encode());
    }
  }

  static List<StandardRecord> randomPeople(Random rnd, int n) {
    String[] given = {"Wei", "伟", "Ann", "Bill", "William", null, "Mary Ann", "J"};
    String[] family = {"Zhang", "张", "Lee", "Li", null, "O'Brien", "Müller"};
    List<StandardRecord> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(person("r" + i, given[rnd.nextInt(given.length)], family[rnd.nextInt(family.length)],
          rnd.nextBoolean() ? null : (1950 + rnd.nextInt(3)) + "-0" + (1 + rnd.nextInt(3)) + "-0" + (1 + rnd.nextInt(3)),
          rnd.nextBoolean() ? null : "11010119900307001" + rnd.nextInt(3),
          rnd.nextBoolean() ? null : "u" + rnd.nextInt(3) + "@example.com",
          rnd.nextBoolean() ? null : "1380013800" + rnd.nextInt(3),
          rnd.nextBoolean() ? null : (1 + rnd.nextInt(3)) + " Main St", rnd.nextBoolean() ? null : "10002" + rnd.nextInt(2)));
    }
    return out;
  }
}

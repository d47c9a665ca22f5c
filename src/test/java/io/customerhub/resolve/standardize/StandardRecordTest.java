package io.customerhub.resolve.standardize;

import io.customerhub.record.Address;
import io.customerhub.record.CanonicalRecord;
import io.customerhub.record.Kind;
import io.customerhub.record.SourceKey;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StandardRecordTest {

  private static final Standardizer STD = new Standardizer();

  static CanonicalRecord sample() {
    return new CanonicalRecord(new SourceKey("crm", "C-1001"), Kind.PERSON, Instant.EPOCH, false, "Wei", "Zhang",
        null, null, null, "110101199003070011", "1990-03-07", List.of("wei.zhang@example.com", "bad"),
        List.of("+86 138 0013 8000"), List.of(new Address("8 Jianguo Rd", null, "Beijing", "BJ", "100022", "CN")),
        List.of(), Map.of(), null);
  }

  @Test
  void strongKeysCarryEveryValidIdentifier() {
    StandardRecord r = STD.standardize(sample());
    assertEquals(List.of("email:wei.zhang@example.com", "phone:+8613800138000", "nid:110101199003070011"),
        r.strongKeys());
    assertEquals(r.strongKeys(), r.blockingKeys().subList(0, 3));
    assertTrue(r.blockingKeys().stream().anyMatch(k -> k.startsWith("ny:")), r.blockingKeys().toString());
    assertTrue(r.blockingKeys().contains("dp:1990-03-07:100022"), r.blockingKeys().toString());
    assertTrue(r.blockingKeys().contains("pi:100022:wz"));
    assertTrue(r.blockingKeys().containsAll(List.of("di:1990-03-07:w", "di:1990-03-07:z")));
  }

  @Test
  void swappedNamesShareBlockingKeys() {
    CanonicalRecord a = CanonicalRecord.person(new SourceKey("a", "1"), Instant.EPOCH, "Wei", "Zhang", null, null);
    CanonicalRecord b = CanonicalRecord.person(new SourceKey("b", "1"), Instant.EPOCH, "Zhang", "Wei", null, null);
    assertEquals(STD.standardize(a).blockingKeys(), STD.standardize(b).blockingKeys());
  }

  @Test
  void aRecordWithoutItsFamilyNameSharesABirthDateKeyWithTheFullRecord() {
    CanonicalRecord full = CanonicalRecord.person(new SourceKey("a", "1"), Instant.EPOCH, "Isabella", "Cooper", null, null);
    CanonicalRecord givenOnly = CanonicalRecord.person(new SourceKey("a", "2"), Instant.EPOCH, "Isabella", null, null, null);
    List<String> a = STD.standardize(withBirthDate(full)).blockingKeys();
    List<String> b = STD.standardize(withBirthDate(givenOnly)).blockingKeys();
    assertTrue(b.stream().anyMatch(a::contains), a + " vs " + b);
  }

  @Test
  void withNameSoundYearTheSameNameBornTheSameYearSharesAKeyWhateverTheDayAndMonth() {
    List<String> rules = new java.util.ArrayList<>(StandardizerConfig.DEFAULT_RULES);
    rules.add("name_sound_year");
    Standardizer std = new Standardizer(new StandardizerConfig("CN", false, rules));
    CanonicalRecord a = CanonicalRecord.person(new SourceKey("a", "1"), Instant.EPOCH, "Noah", "Watson", null, null);
    CanonicalRecord b = CanonicalRecord.person(new SourceKey("a", "2"), Instant.EPOCH, "Noah", "Watson", null, null);
    List<String> ka = std.standardize(withBirthDate(a, "2008-03-23")).blockingKeys();
    List<String> kb = std.standardize(withBirthDate(b, "2008-01-19")).blockingKeys();
    assertEquals(List.of("ns:"), ka.stream().filter(kb::contains).map(k -> k.substring(0, 3)).toList(), ka + " vs " + kb);
  }

  @Test
  void withDatePartNameOneWrongDatePartAndOneMisspelledNamePartStillShareAKey() {
    Standardizer std = new Standardizer(StandardizerConfig.defaults().forBatch());
    CanonicalRecord a = CanonicalRecord.person(new SourceKey("a", "1"), Instant.EPOCH, "Karl", "Klein", null, null);
    CanonicalRecord b = CanonicalRecord.person(new SourceKey("a", "2"), Instant.EPOCH, "Karl", "Kleibn", null, null);
    List<String> ka = std.standardize(withBirthDate(a, "2002-06-20")).blockingKeys();
    for (String other : List.of("2002-06-29", "2002-11-20")) {
      List<String> kb = std.standardize(withBirthDate(b, other)).blockingKeys();
      assertEquals(List.of("dn:"), ka.stream().filter(kb::contains).map(k -> k.substring(0, 3)).toList(), other);
    }
    // every key keeps the year: a day of the year with a given name joined namesakes years apart
    List<String> kc = std.standardize(withBirthDate(b, "1997-06-20")).blockingKeys();
    assertTrue(ka.stream().noneMatch(kc::contains), "another year and a name misspelled: " + kc);
  }

  @Test
  void aBirthDateKnownToTheMonthMeetsTheFullDatesOfThatMonth() {
    CanonicalRecord a = CanonicalRecord.person(new SourceKey("a", "1"), Instant.EPOCH, "Christel", "Schroeder", null, null);
    List<String> month = STD.standardize(withBirthDate(a, "1965-09")).blockingKeys();
    List<String> full = STD.standardize(withBirthDate(a, "1965-09-09")).blockingKeys();
    assertTrue(month.stream().anyMatch(k -> k.startsWith("ny:") && full.contains(k)), month + " vs " + full);
  }

  private static CanonicalRecord withBirthDate(CanonicalRecord r) {
    return withBirthDate(r, "1987-11-18");
  }

  private static CanonicalRecord withBirthDate(CanonicalRecord r, String date) {
    return new CanonicalRecord(r.key(), r.kind(), r.updatedAt(), false, r.givenName(), r.familyName(), null, null,
        null, null, date, List.of(), List.of(), List.of(), List.of(), java.util.Map.of(), null);
  }

  @Test
  void encodeDecodeRoundTripsASample() {
    StandardRecord r = STD.standardize(sample());
    assertEquals(r, StandardRecord.decode(r.encode()));
    assertEquals(r.encode(), StandardRecord.decode(r.encode()).encode());
  }

  @RepeatedTest(20)
  void encodeDecodeRoundTripsRandomRecords() {
    Random rnd = new Random();
    for (int i = 0; i < 200; i++) {
      List<StandardAddress> addresses = new ArrayList<>();
      for (int k = rnd.nextInt(3); k > 0; k--) {
        addresses.add(new StandardAddress(text(rnd), text(rnd), text(rnd), text(rnd), text(rnd)));
      }
      StandardRecord r = new StandardRecord(new SourceKey(nonNull(rnd), nonNull(rnd)),
          rnd.nextBoolean() ? null : Kind.values()[rnd.nextInt(3)], text(rnd), text(rnd), text(rnd), text(rnd),
          text(rnd), text(rnd), list(rnd), list(rnd), addresses, text(rnd), text(rnd), text(rnd), readings(rnd),
          list(rnd));
      assertEquals(r, StandardRecord.decode(r.encode()), r.encode());
      // the candidate index's form: every value but the blocking keys
      StandardRecord scoring = StandardRecord.decode(StandardRecord.withoutBlockingKeys(r.encode()));
      assertEquals(List.of(), scoring.blockingKeys());
      assertEquals(new StandardRecord(r.key(), r.kind(), r.given(), r.family(), r.org(), r.birthDate(),
          r.nationalId(), r.taxId(), r.emails(), r.phones(), r.addresses(), r.gender(), r.occupation(),
          r.generation(), r.readings(), List.of()),
          scoring, r.encode());
      // what term frequencies count, read straight from either form, is what the record itself gives
      assertEquals(r.counted(), StandardRecord.counted(r.encode()), r.encode());
      assertEquals(r.counted(), StandardRecord.counted(StandardRecord.withoutBlockingKeys(r.encode())), r.encode());
    }
  }

  private static List<NameReading> readings(Random rnd) {
    List<NameReading> out = new ArrayList<>();
    for (int k = rnd.nextInt(3); k > 0; k--) out.add(new NameReading(nonNull(rnd), text(rnd), text(rnd)));
    return out;
  }

  @Test
  void aFormStoredBeforeTheTraitsIsReadWithoutThem() {
    StandardRecord r = STD.standardize(sample());
    String encoded = r.encode();
    // the s1 layout: the same fields without gender, occupation, generation and readings, the blocking keys last
    String s1 = "s1" + encoded.substring(2, encoded.lastIndexOf('|') - 4) + encoded.substring(encoded.lastIndexOf('|'));
    assertEquals(r, StandardRecord.decode(s1));
    assertEquals(r.counted(), StandardRecord.counted(s1));
    assertEquals(List.of(), StandardRecord.decode(StandardRecord.withoutBlockingKeys(s1)).blockingKeys());
  }

  @Test
  void aFormStoredBeforeTheGenerationIsReadWithoutIt() {
    StandardRecord r = STD.standardize(withAttributes(Kind.PERSON, Map.of("gender", "f", "occupation", "chemist")));
    String encoded = r.encode();
    // the s2 layout: the traits, no generation and no readings, the blocking keys last
    String s2 = "s2" + encoded.substring(2, encoded.lastIndexOf('|') - 2) + encoded.substring(encoded.lastIndexOf('|'));
    assertEquals(r, StandardRecord.decode(s2));
    assertEquals("chemist", StandardRecord.decode(s2).occupation());
    assertEquals(r.counted(), StandardRecord.counted(s2));
    assertEquals(List.of(), StandardRecord.decode(StandardRecord.withoutBlockingKeys(s2)).blockingKeys());
  }

  @Test
  void aFormStoredBeforeTheReadingsIsReadWithoutThem() {
    StandardRecord r = STD.standardize(withAttributes(Kind.PERSON, Map.of("name_suffix_lbl", "SR")));
    String encoded = r.encode();
    // the s3 layout: the generation, no readings, the blocking keys last
    String s3 = "s3" + encoded.substring(2, encoded.lastIndexOf('|') - 1) + encoded.substring(encoded.lastIndexOf('|'));
    assertEquals(r, StandardRecord.decode(s3));
    assertEquals("sr", StandardRecord.decode(s3).generation());
    assertEquals(r.counted(), StandardRecord.counted(s3));
  }

  @Test
  void theGenerationOfANameIsReadFromItsPartsOrAnAttributeAndKeptOutOfTheName() {
    StandardRecord jr = STD.standardize(new CanonicalRecord(new SourceKey("crm", "1"), Kind.PERSON, Instant.EPOCH,
        false, null, null, "John Smith, Jr.", null, null, null, null, List.of(), List.of(), List.of(), List.of(),
        Map.of(), null));
    assertEquals("jr", jr.generation());
    assertEquals("john", jr.given());
    assertEquals("smith", jr.family());
    assertEquals("jr", StandardRecord.decode(jr.encode()).generation());
    StandardRecord sr = STD.standardize(withAttributes(Kind.PERSON, Map.of("name_suffix_lbl", "SR")));
    assertEquals("sr", sr.generation(), "a voter roll's suffix column");
    StandardRecord org = STD.standardize(withAttributes(Kind.ORGANIZATION, Map.of("suffix", "Jr")));
    assertNull(org.generation());
  }

  @Test
  void genderAndOccupationComeFromTheAttributes() {
    StandardRecord r = STD.standardize(withAttributes(Kind.PERSON,
        Map.of("Gender", "Female", "occupation", "Naval  Officer", "segment", "retail")));
    assertEquals("f", r.gender());
    assertEquals("naval officer", r.occupation());
    assertEquals(r, StandardRecord.decode(r.encode()));
    assertEquals("m", STD.standardize(withAttributes(Kind.PERSON, Map.of("sex", "男"))).gender());
    assertEquals("m", STD.standardize(withAttributes(Kind.PERSON, Map.of("sex", "M."))).gender());
    assertEquals("f", STD.standardize(withAttributes(Kind.PERSON, Map.of("gender", "weiblich"))).gender());
    assertEquals("m", STD.standardize(withAttributes(Kind.PERSON, Map.of("sex_code", "M"))).gender(),
        "a voter roll's code");
    assertNull(STD.standardize(withAttributes(Kind.PERSON, Map.of("occupation", "nan"))).occupation(),
        "a data frame's gap");
    assertEquals("botanist", STD.standardize(withAttributes(Kind.PERSON, Map.of("profession", List.of("Botanist",
        "Painter")))).occupation());
    assertEquals("medecin", STD.standardize(withAttributes(Kind.PERSON, Map.of("jobTitle", "Médecin"))).occupation());
  }

  @Test
  void aSalutationTellsTheGenderWhereNoneIsGiven() {
    assertEquals("f", STD.standardize(withAttributes(Kind.PERSON, Map.of("salutation", "Mrs."))).gender());
    assertEquals("m", STD.standardize(withAttributes(Kind.PERSON, Map.of("Anrede", "Herr"))).gender());
    assertEquals("m", STD.standardize(withAttributes(Kind.PERSON, Map.of("gender", "M", "salutation", "Mrs")))
        .gender(), "the gender given wins");
    assertEquals("f", STD.standardize(withAttributes(Kind.PERSON, Map.of("gender", "x", "title", "Ms")))
        .gender(), "a gender no rule reads leaves the salutation to tell");
    assertNull(STD.standardize(withAttributes(Kind.PERSON, Map.of("title", "Sales Manager"))).gender());
    assertNull(STD.standardize(withAttributes(Kind.PERSON, Map.of("salutation", "Mr & Mrs"))).gender(), "a couple");
    assertEquals("m", STD.standardize(withAttributes(Kind.PERSON, Map.of("Anrede", "Herr Dr."))).gender());
    assertEquals("f", STD.standardize(withAttributes(Kind.PERSON, Map.of("salutation", "Señora"))).gender());
    CanonicalRecord mrs = new CanonicalRecord(new SourceKey("crm", "1"), Kind.PERSON, Instant.EPOCH, false, null,
        null, "Mrs Ann Berg", null, null, null, null, List.of(), List.of(), List.of(), List.of(), Map.of(), null);
    assertEquals("f", STD.standardize(mrs).gender());
    assertEquals("ann", STD.standardize(mrs).given(), "the salutation stays out of the name");
    CanonicalRecord mr = new CanonicalRecord(new SourceKey("crm", "2"), Kind.PERSON, Instant.EPOCH, false, "Mr",
        "Berg", null, null, null, null, null, List.of(), List.of(), List.of(), List.of(), Map.of(), null);
    assertEquals("m", STD.standardize(mr).gender(), "a salutation in the given name's field");
    CanonicalRecord both = new CanonicalRecord(new SourceKey("crm", "4"), Kind.PERSON, Instant.EPOCH, false, "Ann",
        "Berg", "Ms Ann Berg", null, null, null, null, List.of(), List.of(), List.of(), List.of(), Map.of(), null);
    assertEquals("f", STD.standardize(both).gender(), "the whole name beside its parts");
    CanonicalRecord sir = new CanonicalRecord(new SourceKey("crm", "3"), Kind.PERSON, Instant.EPOCH, false, "Sir",
        "Baronet", null, null, null, null, null, List.of(), List.of(), List.of(), List.of(), Map.of(), null);
    assertNull(STD.standardize(sir).gender(), "a register's cut title says no gender");
  }

  @Test
  void attributeNamesAreReadHoweverAFeedSpellsThem() {
    for (String name : List.of("Sex Code", "gender-code", "GenderCode", "SEX")) {
      assertEquals("f", STD.standardize(withAttributes(Kind.PERSON, Map.of(name, "F"))).gender(), name);
    }
    for (String name : List.of("Job Title", "job-title", "JOB_TITLE")) {
      assertEquals("chemist", STD.standardize(withAttributes(Kind.PERSON, Map.of(name, "Chemist"))).occupation(), name);
    }
    StandardRecord spaced = STD.standardize(withAttributes(Kind.PERSON, Map.of("Place of Birth", "Devon")));
    assertEquals(STD.standardize(withAttributes(Kind.PERSON, Map.of("birth_place", "Devon"))).addresses(),
        spaced.addresses(), "a spreadsheet's column is the register's birth_place");
    assertNull(STD.standardize(withAttributes(Kind.PERSON, Map.of("jobs", "Chemist"))).occupation(),
        "only the names themselves, not names that contain them");
  }

  @Test
  void aGenderNoRuleReadsAndAnOrganizationsTraitsCountAsMissing() {
    // "nan" is what a data frame writes for a missing value, "1" a code whose meaning only its source knows
    for (Object v : List.of("nan", "unknown", "1", "", "x")) {
      assertEquals(null, STD.standardize(withAttributes(Kind.PERSON, Map.of("gender", v))).gender(), v.toString());
    }
    assertEquals(null, STD.standardize(withAttributes(Kind.PERSON, Map.of("gender", 1))).gender());
    assertEquals(null, STD.standardize(withAttributes(Kind.PERSON, Map.of("occupation", "x".repeat(81)))).occupation());
    StandardRecord org = STD.standardize(withAttributes(Kind.ORGANIZATION, Map.of("gender", "f", "occupation", "bank")));
    assertEquals(null, org.gender());
    assertEquals(null, org.occupation());
  }

  @Test
  void aPlaceOfBirthIsComparedAsATownWhereTheRecordHasNone() {
    StandardRecord none = STD.standardize(withAttributes(Kind.PERSON, Map.of("birth_place", "Devon")));
    assertEquals(List.of("devon"), none.addresses().stream().map(StandardAddress::city).toList());
    StandardRecord postcodeOnly = STD.standardize(withAddress(new Address(null, null, null, null, "TQ13 8DF", "GB"),
        Map.of("birthPlace", "Devon")));
    assertEquals(1, postcodeOnly.addresses().size());
    assertEquals("devon", postcodeOnly.addresses().get(0).city());
    assertEquals("TQ138DF", postcodeOnly.addresses().get(0).postcode().replace(" ", "").toUpperCase());
    StandardRecord withTown = STD.standardize(withAddress(new Address("8 Main St", null, "Lund", null, null, null),
        Map.of("birth_place", "Devon")));
    assertEquals(List.of("lund"), withTown.addresses().stream().map(StandardAddress::city).toList());
    assertEquals(List.of(), STD.standardize(withAttributes(Kind.ORGANIZATION, Map.of("birth_place", "Devon")))
        .addresses(), "an organization is born nowhere");
  }

  private static CanonicalRecord withAddress(Address address, Map<String, Object> attributes) {
    return new CanonicalRecord(new SourceKey("crm", "T-1"), Kind.PERSON, Instant.EPOCH, false, "Ann", "Berg", null,
        null, null, null, null, List.of(), List.of(), List.of(address), List.of(), attributes, null);
  }

  private static CanonicalRecord withAttributes(Kind kind, Map<String, Object> attributes) {
    return new CanonicalRecord(new SourceKey("crm", "T-1"), kind, Instant.EPOCH, false, "Ann", "Berg", null,
        kind == Kind.ORGANIZATION ? "Berg AB" : null, null, null, null, List.of(), List.of(), List.of(), List.of(),
        attributes, null);
  }

  @Test
  void withoutBlockingKeysKeepsAForeignTextOut() {
    assertThrows(IllegalArgumentException.class, () -> StandardRecord.withoutBlockingKeys("hello"));
    assertThrows(IllegalArgumentException.class, () -> StandardRecord.withoutBlockingKeys("s0|a|b|||||||||||"));
  }

  @Test
  void decodeRejectsForeignText() {
    assertThrows(IllegalArgumentException.class, () -> StandardRecord.decode("hello"));
    assertThrows(IllegalArgumentException.class, () -> StandardRecord.decode("s0|a|b|||||||||||"));
    assertThrows(IllegalArgumentException.class, () -> StandardRecord.counted("s0|a|b|||||||||||"));
  }

  private static final String ALPHABET = "ab |;^%\\:张😀\u0000\n";

  private static String nonNull(Random rnd) {
    String t = text(rnd);
    return t == null ? "" : t;
  }

  private static String text(Random rnd) {
    if (rnd.nextInt(4) == 0) return null;
    StringBuilder sb = new StringBuilder();
    for (int n = rnd.nextInt(6); n > 0; n--) {
      int cp = ALPHABET.codePointAt(ALPHABET.offsetByCodePoints(0, rnd.nextInt(ALPHABET.codePointCount(0, ALPHABET.length()))));
      sb.appendCodePoint(cp);
    }
    return sb.toString();
  }

  private static List<String> list(Random rnd) {
    List<String> out = new ArrayList<>();
    for (int n = rnd.nextInt(4); n > 0; n--) out.add(text(rnd));
    return out;
  }
}

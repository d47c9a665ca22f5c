package io.customerhub.resolve.match;

import io.customerhub.record.Address;
import io.customerhub.record.CanonicalRecord;
import io.customerhub.record.Kind;
import io.customerhub.record.SourceKey;
import io.customerhub.resolve.standardize.NameGroups;
import io.customerhub.resolve.standardize.StandardRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.customerhub.resolve.match.Fixtures.org;
import static io.customerhub.resolve.match.Fixtures.person;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComparisonsTest {

  private final Comparisons cmp = new Comparisons(
      MatchingConfig.defaults().withNicknames(NameGroups.parse(List.of("william: bill, will", "lillian: lily, lil",
          "john: jon, jack", "kimberly: kim"))));

  private static StandardRecord born(String date) {
    return person("b" + date, "Ann", "Lee", date, null, null, null, null, null);
  }

  @Test
  void aNameWrittenAsOneWordOrAsSeveralIsTheSameName() {
    assertEquals(0, cmp.given("mary ann", "mary", "maryann", "maryann"));
    assertEquals(0, cmp.given("minjun", "minjun", "min jun", "min"));
    assertEquals(0, cmp.family("de la cruz", "delacruz"));
    assertTrue(Comparisons.sameWithoutSpaces("a b c", "abc"));
    assertFalse(Comparisons.sameWithoutSpaces("ann", "anne"));
    assertFalse(Comparisons.sameWithoutSpaces("ab", "ab"), "no space: plain equality decides");
    assertFalse(Comparisons.sameWithoutSpaces("mary ann", "maryanne"));
    assertFalse(Comparisons.sameWithoutSpaces("mary ann x", "maryann"));
  }

  /** A date shifted by a time zone or misremembered by days, across a month or a year too, is CLOSE. */
  @Test
  void birthDatesAFewDaysApartAreClose() {
    assertEquals(2, Comparisons.birthDate(born("1980-03-31"), born("1980-04-01")));
    assertEquals(2, Comparisons.birthDate(born("1979-12-31"), born("1980-01-01")));
    assertEquals(2, Comparisons.birthDate(born("1544-09-09"), born("1544-09-10")));
    assertEquals(2, Comparisons.birthDate(born("2000-02-29"), born("2000-03-01")), "a leap day");
    assertEquals(2, Comparisons.birthDate(born("1980-03-28"), born("1980-04-02")), "five days across a month");
    assertEquals(3, Comparisons.birthDate(born("1544-09-09"), born("1544-09-15")), "six days: another day");
    assertEquals(4, Comparisons.birthDate(born("1980-03-27"), born("1980-04-02")), "six days across a month");
    for (String date : List.of("1970-01-01", "2000-02-29", "1600-03-01", "0001-01-01", "2026-12-06", "1899-12-31")) {
      java.time.LocalDate d = java.time.LocalDate.parse(date);
      assertEquals(d.toEpochDay(), Comparisons.epochDay(d.getYear(), d.getMonthValue(), d.getDayOfMonth()), date);
    }
  }

  /** Another romanization of one family name is NEAR, as a typo is; names of other families stay DIFFERENT. */
  @Test
  void aFamilyNameInAnotherRomanizationIsNear() {
    Comparisons shipped = new Comparisons(MatchingConfig.load(java.nio.file.Path.of("conf/matching.json")));
    assertEquals(1, shipped.family("chen", "chan"));
    assertEquals(1, shipped.family("chen", "tan"));
    assertEquals(1, shipped.family("lee", "yi"));
    assertEquals(1, shipped.family("kim", "gim"));
    assertEquals(3, shipped.family("chen", "wong"));
    assertEquals(3, cmp.family("chen", "tan"), "without the table: two names");
    assertEquals(0, shipped.family("chan", "chan"));
  }

  @Test
  void familyNameLevels() {
    assertEquals(0, cmp.family("zhang", "zhang"));
    assertEquals(1, cmp.family("johnson", "jonhson"));
    assertEquals(2, cmp.family("zhang", "zhao"));
    assertEquals(3, cmp.family("zhang", "smith"));
    assertEquals(Field.MISSING, cmp.family(null, "smith"));
  }

  @Test
  void aFamilyNameInitialThatAgreesIsNoEvidenceAndOneThatDoesNotDisagrees() {
    assertEquals(Field.MISSING, cmp.family("kubler", "k"));
    assertEquals(Field.MISSING, cmp.family("k", "kubler"));
    assertEquals(3, cmp.family("k", "smith"));
    assertEquals(0, cmp.family("k", "k"));
  }

  @Test
  void givenNameLevelsIncludeNicknamesInitialsAndMiddleNames() {
    assertEquals(0, cmp.given("william", "william", "william", "william"));
    assertEquals(1, cmp.given("william", "william", "bill", "bill"));
    assertEquals(1, cmp.given("w", "w", "william", "william"));
    assertEquals(1, cmp.given("johnmichael", "john", "john", "john"));
    assertEquals(2, cmp.given("catherine", "catherine", "catherina", "catherina"));
    assertEquals(4, cmp.given("william", "william", "mary", "mary"));
    assertEquals(Field.MISSING, cmp.given(null, null, "mary", "mary"));
    assertEquals(2, cmp.given("lil", "lil", "lily", "lily"), "spelled nearly alike: NEAR, nickname or not");
    assertEquals(2, cmp.given("jon", "jon", "john", "john"));
    assertEquals(1, cmp.given("kim", "kim", "kimberly", "kimberly"), "a nickname spelled otherwise: ALIAS");
  }

  @Test
  void oneSurnameOfADoubleOneIsNearAndInitialsOfTheOthersNamesAreAnAlias() {
    int[] levels = new int[Field.values().length];
    StandardRecord garcia = person("g1", "José", "García", "1970-01-02", null, null, null, null, null);
    StandardRecord garciaMarquez = person("g2", "Jose", "García Márquez", "1970-01-02", null, null, null, null, null);
    cmp.levels(garcia, garciaMarquez, cmp.names(garcia, garciaMarquez), levels);
    assertEquals(1, levels[Field.FAMILY_NAME.ordinal()], "García against García Márquez");

    StandardRecord initials = person("i1", "J. M.", "Smith", null, null, null, null, null, null);
    StandardRecord whole = person("i2", "John Michael", "Smith", null, null, null, null, null, null);
    StandardRecord other = person("i3", "James Robert", "Smith", null, null, null, null, null, null);
    cmp.levels(initials, whole, cmp.names(initials, whole), levels);
    assertEquals(1, levels[Field.GIVEN_NAME.ordinal()], "J. M. against John Michael");
    cmp.levels(initials, other, cmp.names(initials, other), levels);
    assertEquals(4, levels[Field.GIVEN_NAME.ordinal()], "J. M. against James Robert");

    assertTrue(Comparisons.oneOfTheOthersNames("smith", "smith jones"));
    assertFalse(Comparisons.oneOfTheOthersNames("li", "li wang"), "too short to say");
    assertFalse(Comparisons.oneOfTheOthersNames("hans", "hansen"), "a word, not a part of one");
    assertFalse(Comparisons.oneOfTheOthersNames("smith jones", "smith brown"));
    assertTrue(Comparisons.initialsOfTheOthersNames("j m", "john"));
    assertFalse(Comparisons.initialsOfTheOthersNames("j", "john"), "one initial: the given-name rule's own case");
  }

  @Test
  void aSwappedDayAndMonthIsAPartialAgreementNotAMismatch() {
    assertEquals(0, Comparisons.birthDate(born("1990-03-07"), born("1990-03-07")));
    assertEquals(1, Comparisons.birthDate(born("1990-03-07"), born("1990-07-03")));
    assertEquals(1, Comparisons.birthDate(born("1990-03-25"), born("1990-25-03")));
  }

  @Test
  void birthDateTyposYearsAndMismatches() {
    assertEquals(2, Comparisons.birthDate(born("1990-03-07"), born("1990-03-08")), "one digit");
    assertEquals(2, Comparisons.birthDate(born("1949-03-07"), born("1994-03-07")), "transposed year digits");
    assertEquals(3, Comparisons.birthDate(born("1949-03-07"), born("1953-03-07")), "another year, same day");
    assertEquals(3, Comparisons.birthDate(born("1990-03-07"), born("1990-03-21")), "another day");
    assertEquals(3, Comparisons.birthDate(born("1990-03-07"), born("1990-11-07")), "another month");
    assertEquals(4, Comparisons.birthDate(born("1990-03-07"), born("1990-11-21")), "same year only");
    assertEquals(5, Comparisons.birthDate(born("1949-03-07"), born("1953-04-07")), "another year and month");
    assertEquals(5, Comparisons.birthDate(born("1949-03-07"), born("1953-11-21")), "nothing in common");
    assertEquals(4, Comparisons.birthDate(born("1990"), born("1990-03-07")), "partial date");
    assertEquals(3, Comparisons.birthDate(born("1990-03"), born("1990-03-07")), "the same year and month, one day unknown");
    assertEquals(5, Comparisons.birthDate(born("1990-04"), born("1990-03-07")), "another month");
    assertEquals(3, Comparisons.birthDate(born("1990-00-07"), born("1990-03-07")),
        "the same year and day, a month unknown");
    assertEquals(4, Comparisons.birthDate(born("1990-00-07"), born("1990-03-08")), "the same year, a month unknown");
    assertEquals(5, Comparisons.birthDate(born("1991-00-07"), born("1990-03-07")));
    assertEquals(2, Comparisons.birthDate(born("1258-04-27"), born("1958-04-27")), "a typo in the year");
    assertEquals(5, Comparisons.birthDate(born("1991"), born("1990-03-07")));
    assertEquals(Field.MISSING, Comparisons.birthDate(born(null), born("1990-03-07")));
  }

  @Test
  void emailLevelsIgnoreNamesakeVariants() {
    assertEquals(0, Comparisons.email(List.of("a@x.com", "wei@x.com"), List.of("wei@x.com")));
    assertEquals(1, Comparisons.email(List.of("wei.zhang@x.com"), List.of("wei.zhnag@x.com")));
    assertEquals(2, Comparisons.email(List.of("wei.zhang1@x.com"), List.of("wei.zhang2@x.com")));
    assertEquals(2, Comparisons.email(List.of("robert.martin@x.com"), List.of("robert_martin@x.com")));
    assertEquals(2, Comparisons.email(List.of("li.li@x.com"), List.of("lili@x.com")));
    assertEquals(2, Comparisons.email(List.of("wei.zhang@qq.com"), List.of("wei.zhang@163.com")));
    assertEquals(Field.MISSING, Comparisons.email(List.of(), List.of("wei@x.com")));
  }

  @Test
  void phoneLevels() {
    assertEquals(0, Comparisons.phone(List.of("+8613800138000"), List.of("+8613800138000")));
    assertEquals(1, Comparisons.phone(List.of("+8613800138000"), List.of("+8613800138001")));
    assertEquals(2, Comparisons.phone(List.of("+8613800138000"), List.of("+8613912345678")));
    // the same national number under another country code, or as bare digits: read in the wrong region
    assertEquals(0, Comparisons.phone(List.of("+12064731762"), List.of("+862064731762")));
    assertEquals(0, Comparisons.phone(List.of("+61745123456"), List.of("0745123456")), "a trunk zero is no digit");
    assertEquals(0, Comparisons.phone(List.of("13800138000"), List.of("+8613800138000")));
    assertEquals(0, Comparisons.phone(List.of("+15596388760"), List.of("5596388760")));
    assertEquals(1, Comparisons.phone(List.of("+61745123456"), List.of("+44745123456")), "nine last digits only");
    assertEquals(0, Comparisons.phone(List.of("+8613800138000", "+15596388760"), List.of("5596388760")),
        "any of the numbers");
    assertEquals(2, Comparisons.phone(List.of("+12064731762"), List.of("+862064731799")), "other last digits");
    assertEquals(2, Comparisons.phone(List.of("4731762"), List.of("+862064731762")), "too few digits to say");
  }

  @Test
  void identifierLevelsCountEdits() {
    assertEquals(0, Comparisons.identifier("110101199003070011", "110101199003070011"));
    assertEquals(1, Comparisons.identifier("110101199003070011", "11O101199003070011"));
    assertEquals(2, Comparisons.identifier("110101199003070011", "110101199003070099"));
    assertEquals(3, Comparisons.identifier("110101199003070011", "440101198512120022"));
    assertEquals(Field.MISSING, Comparisons.identifier(null, "1"));
  }

  @Test
  void addressLevelsAcrossScripts() {
    StandardRecord latin = person("a", "A", "B", null, null, null, null, "8 Jianguo Road", "100022");
    StandardRecord hanzi = person("b", "A", "B", null, null, null, null, "建国路8号", "100022");
    StandardRecord otherPostcode = person("c", "A", "B", null, null, null, null, "8 Jianguo Rd", "100023");
    StandardRecord neighbour = person("d", "A", "B", null, null, null, null, "12 Renmin Rd", "100022");
    StandardRecord elsewhere = person("e", "A", "B", null, null, null, null, "3 Main St", "200000");
    assertEquals(address("EXACT"), Comparisons.address(latin, hanzi));
    assertEquals(address("STREET"), Comparisons.address(latin, otherPostcode));
    assertEquals(address("AREA"), Comparisons.address(latin, neighbour));
    assertEquals(address("DIFFERENT"), Comparisons.address(latin, elsewhere));
    assertEquals(Field.MISSING, Comparisons.address(latin, person("f", "A", "B", null, null, null, null, null, null)));
  }

  @Test
  void aSharedPostcodeWithoutStreetsToCompareIsItsOwnLevel() {
    StandardRecord street = person("a", "A", "B", null, null, null, null, "8 Jianguo Road", "TQ13 8DF");
    StandardRecord postcodeOnly = person("b", "A", "B", null, null, null, null, null, "TQ13 8DF");
    StandardRecord otherPostcode = person("c", "A", "B", null, null, null, null, null, "TQ13 8HU");
    assertEquals(address("POSTCODE"), Comparisons.address(street, postcodeOnly));
    assertEquals(address("POSTCODE"), Comparisons.address(postcodeOnly, postcodeOnly));
    assertEquals(address("NEAR_POSTCODE"), Comparisons.address(postcodeOnly, otherPostcode));
    assertEquals(address("DIFFERENT"), Comparisons.address(postcodeOnly,
        person("e", "A", "B", null, null, null, null, null, "TQ14 8DF")));
    // two streets that differ say the postcode is a district, not a few doors: the area only
    StandardRecord otherStreet = person("d", "A", "B", null, null, null, null, "12 Renmin Rd", "TQ13 8DF");
    assertEquals(address("AREA"), Comparisons.address(street, otherStreet));
  }

  @Test
  void nearPostcodesDifferInTheirLastTwoCharactersOnly() {
    assertTrue(Comparisons.nearPostcodes("TQ138DF", "TQ138HU"));
    assertTrue(Comparisons.nearPostcodes("100022", "100023"));
    assertFalse(Comparisons.nearPostcodes("TQ138DF", "TQ148DF"));
    assertFalse(Comparisons.nearPostcodes("4000", "4001"));
    assertFalse(Comparisons.nearPostcodes("100022", "1000220"));
    assertFalse(Comparisons.nearPostcodes(null, "100022"));
  }

  /** The town alone where a postcode is missing; the town whose postcodes differ is only the area. */
  @Test
  void theSameTownIsATownLevelWithoutPostcodesToCompareAndTheAreaWhenTheyDiffer() {
    StandardRecord withPostcode = person("a", "A", "B", null, null, null, null, null, "EX16 4AA");
    StandardRecord otherPostcode = person("b", "A", "B", null, null, null, null, null, "SW1A 1AA");
    StandardRecord townOnly = person("c", "A", "B", null, null, null, null, null, null);
    assertEquals(Field.MISSING, Comparisons.address(townOnly, townOnly), "no town in these fixtures");
    StandardRecord tiverton = inTown(withPostcode, "Tiverton"), tivertonElsewhere = inTown(otherPostcode, "Tiverton");
    assertEquals(address("TOWN"), Comparisons.address(tiverton, inTown(townOnly, "Tiverton")));
    assertEquals(address("AREA"), Comparisons.address(tiverton, tivertonElsewhere));
  }

  @Test
  void theLevelNumbersAreTheFieldsLevels() {
    assertEquals(Comparisons.ADDRESS_TOWN, address("TOWN"));
    assertEquals(Comparisons.ADDRESS_AREA, address("AREA"));
    assertEquals(Comparisons.ADDRESS_DIFFERENT, address("DIFFERENT"));
    assertEquals(Comparisons.ADDRESS_DIFFERENT, Field.ADDRESS.different());
  }

  private static StandardRecord inTown(StandardRecord r, String town) {
    String postcode = r.addresses().isEmpty() ? null : r.addresses().get(0).postcode();
    return Fixtures.STD.standardize(new CanonicalRecord(r.key(), Kind.PERSON, Instant.EPOCH, false, "A", "B", null,
        null, null, null, null, List.of(), List.of(), List.of(new Address(null, null, town, null, postcode, "GB")),
        List.of(), Map.of(), null));
  }

  private static int address(String level) {
    return Field.ADDRESS.levels().indexOf(level);
  }

  @Test
  void aCityMistypedByALetterIsTheSameArea() {
    StandardRecord manchester = livesIn("a", "Manchester");
    assertEquals(address("TOWN"), Comparisons.address(manchester, livesIn("b", "Manchster")));
    assertEquals(address("TOWN"), Comparisons.address(manchester, livesIn("c", "manchester")));
    assertEquals(address("DIFFERENT"), Comparisons.address(manchester, livesIn("d", "Birmingham")));
    assertEquals(address("DIFFERENT"), Comparisons.address(livesIn("e", "Newcastle"), livesIn("f", "Newport")));
  }

  private static StandardRecord livesIn(String id, String city) {
    return Fixtures.STD.standardize(new CanonicalRecord(new SourceKey("t", id), Kind.PERSON, Instant.EPOCH, false,
        "Ann", "Lee", null, null, null, null, null, List.of(), List.of(),
        List.of(new Address(null, null, city, null, null, "GB")), List.of(), Map.of(), null));
  }

  @Test
  void organizationLevelsIgnoreLegalForms() {
    assertEquals(0, Comparisons.orgName(org("a", "北京科技有限公司", null, null, null, null),
        org("b", "Beijing Keji Co., Ltd.", null, null, null, null)));
    assertEquals(1, Comparisons.orgName(org("a", "Acme Trading GmbH", null, null, null, null),
        org("b", "Trading Acme", null, null, null, null)));
    assertEquals(2, Comparisons.orgName(org("a", "Acme Trading", null, null, null, null),
        org("b", "Acme Logistics Trading", null, null, null, null)));
    assertEquals(3, Comparisons.orgName(org("a", "Acme", null, null, null, null),
        org("b", "Globex", null, null, null, null)));
  }

  @Test
  void swappedNamesAreDetectedOnlyWhenCrossingIsClearlyBetter() {
    StandardRecord a = person("a", "Wei", "Zhang", null, null, null, null, null, null);
    StandardRecord b = person("b", "Zhang", "Wei", null, null, null, null, null, null);
    assertTrue(cmp.namesSwapped(a, b));
    assertFalse(cmp.namesSwapped(a, a));
    assertFalse(cmp.namesSwapped(person("c", "Lee", "Lee", null, null, null, null, null, null),
        person("d", "Lee", "Li", null, null, null, null, null, null)));
  }

  @Test
  void organizationsOnlyCompareWithOrganizations() {
    assertTrue(Comparisons.comparableKinds(Kind.PERSON, Kind.ORDER));
    assertTrue(Comparisons.comparableKinds(null, Kind.ORGANIZATION));
    assertFalse(Comparisons.comparableKinds(Kind.PERSON, Kind.ORGANIZATION));
  }
}

package io.customerhub.ingest;

import io.customerhub.record.Address;
import io.customerhub.record.CanonicalRecord;
import io.customerhub.record.Kind;
import io.customerhub.record.OrderStatus;
import io.customerhub.record.SourceKey;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class RecordDecoderTest {

  private static JsonObject person() {
    return new JsonObject().put("sourceId", "C-1").put("kind", "person");
  }

  private static JsonObject order() {
    return new JsonObject().put("sourceId", "O-9").put("kind", "order");
  }

  private static RecordDecoder.Decoded decode(JsonObject json) {
    return RecordDecoder.decode(json, "crm", null);
  }

  private static CanonicalRecord ok(JsonObject json) {
    RecordDecoder.Decoded d = decode(json);
    assertTrue(d.ok(), () -> "expected no errors, got " + d.errors());
    return d.record();
  }

  /** Asserts exactly one error, on {@code field}, whose reason contains {@code reason}. */
  private static void rejected(JsonObject json, String field, String reason) {
    RecordDecoder.Decoded d = decode(json);
    assertFalse(d.ok(), "expected an error on " + field);
    assertNull(d.record());
    assertEquals(1, d.errors().size(), () -> "expected one error, got " + d.errors());
    String error = d.errors().get(0);
    assertTrue(error.startsWith(field + ": "), () -> "expected an error on " + field + ", got " + error);
    assertTrue(error.contains(reason), () -> "expected '" + reason + "' in " + error);
  }

  // --- ids --------------------------------------------------------------------------------------------------

  @Test
  void anIdHoldingTheMarkOfBytesThatWereNotUtf8IsRefusedWhereverItIsAKey() {
    // M\xfcller and M\xf6ller sent as Latin-1 both read as M\uFFFDller: two customers would be one record
    assertTrue(keyProblem(person().put("sourceId", "LAT-M\uFFFDller")).startsWith("sourceId: holds U+FFFD"));
    assertTrue(keyProblem(person().put("links", new JsonArray().add(new JsonObject().put("source", "erp")
        .put("sourceId", "K-\uFFFD")))).startsWith("links[0].sourceId: holds U+FFFD"));
    assertTrue(keyProblem(order().put("customerRef", new JsonObject().put("source", "crm").put("sourceId", "C-\uFFFD")))
        .startsWith("customerRef.sourceId: holds U+FFFD"));
    assertNull(keyProblem(person().put("sourceId", "Ma\u00dfmann-\u5f20")));
    // a stored record is read back as it was stored: the check is the door's, not the decoder's
    assertEquals("LAT-M\uFFFDller", ok(person().put("sourceId", "LAT-M\uFFFDller")).key().sourceId());
  }

  @Test
  void anIdIsLimitedInBytesOfUtf8NotInCharacters() {
    // 1,024 characters of CJK are 3,072 bytes, more than the database's key index takes
    assertEquals("sourceId: is longer than 1024 bytes of UTF-8", keyProblem(person().put("sourceId", "\u5f20".repeat(400))));
    assertNull(keyProblem(person().put("sourceId", "x".repeat(1024))));
    assertNull(keyProblem(person().put("sourceId", "\u5f20".repeat(341))));
  }

  @Test
  void anIdThatIsADotSegmentIsRefusedSinceNoPathCanNameIt() {
    assertTrue(keyProblem(person().put("sourceId", "..")).startsWith("sourceId: is '..', which no URL path"));
    assertTrue(keyProblem(person().put("sourceId", ".")).startsWith("sourceId: is '.', which no URL path"));
    assertTrue(keyProblem(order().put("customerRef", new JsonObject().put("source", "crm").put("sourceId", "..")))
        .startsWith("customerRef.sourceId: is '..'"));
    assertNull(keyProblem(person().put("sourceId", "...")));
    assertNull(keyProblem(person().put("sourceId", "a/..")));
  }

  private static String keyProblem(JsonObject json) {
    return RecordDecoder.keyProblem(ok(json));
  }

  // --- placeholders for no value ------------------------------------------------------------------------

  @Test
  void placeholdersForNoValueAreReadAsMissingWithAWarningNamingEach() {
    RecordDecoder.Decoded d = decode(person().put("givenName", "nan").put("familyName", "Lee")
        .put("nationalId", "N/A").put("taxId", 0).put("birthDate", "NaT")
        .put("emails", new JsonArray().add("none@none.com").add("ann@example.com"))
        .put("phones", new JsonArray().add("0000000000")).put("fullName", "NULL")
        .put("addresses", new JsonArray().add(new JsonObject().put("city", "unknown").put("postcode", "NA")
            .put("line1", "8 Jianguo Rd"))));
    assertTrue(d.ok(), () -> "placeholders must not reject a record: " + d.errors());
    CanonicalRecord r = d.record();
    assertNull(r.givenName());
    assertEquals("Lee", r.familyName());
    assertNull(r.nationalId());
    assertNull(r.taxId());
    assertNull(r.birthDate());
    assertNull(r.fullName());
    assertEquals(List.of("ann@example.com"), r.emails());
    assertEquals(List.of(), r.phones());
    assertEquals(new Address("8 Jianguo Rd", null, null, null, null, null), r.addresses().get(0));
    assertEquals(List.of("birthDate: 'NaT' stands for no value; left out",
        "emails[0]: 'none@none.com' stands for no value; left out",
        "phones[0]: '0000000000' stands for no value; left out",
        "addresses[0].city: 'unknown' stands for no value; left out",
        "addresses[0].postcode: 'NA' stands for no value; left out",
        "givenName: 'nan' stands for no value; left out", "fullName: 'NULL' stands for no value; left out",
        "taxId: '0' stands for no value; left out", "nationalId: 'N/A' stands for no value; left out"), d.warnings());
  }

  @Test
  void codesADataFrameWroteAsFloatsLoseTheirZeroFractionButSourceIdsStayAsSent() {
    CanonicalRecord r = ok(person().put("sourceId", "12.0").put("nationalId", "1234567.0").put("taxId", "12.50")
        .put("birthDate", "19870719.0").put("phones", new JsonArray().add(412345678.0).add("0298765432.0"))
        .put("addresses", new JsonArray().add(new JsonObject().put("postcode", "4120.0"))));
    assertEquals("12.0", r.key().sourceId());
    assertEquals("1234567", r.nationalId());
    assertEquals("12.50", r.taxId());
    assertEquals("1987-07-19", r.birthDate());
    assertEquals(List.of("412345678", "0298765432"), r.phones());
    assertEquals("4120", r.addresses().get(0).postcode());
  }

  @Test
  void addressFieldsUnderTheNamesOtherSystemsGiveThemAreReadWithAWarningAndNoneGoesMissingInSilence() {
    RecordDecoder.Decoded d = decode(person().put("addresses", new JsonArray()
        .add(new JsonObject().put("street", "Jianguo Rd").put("street_number", 8).put("zip", 100022)
            .put("town", "Beijing").put("state", "BJ").put("countryCode", "CN"))
        .add(new JsonObject().put("line1", "Main St").put("houseNumber", "12").put("suburb", "Toorak")
            .put("city", "Melbourne").put("floor", 3))));
    assertTrue(d.ok(), d::reason);
    assertEquals(List.of(new Address("8 Jianguo Rd", null, "Beijing", "BJ", "100022", "CN"),
        new Address("12 Main St", null, "Melbourne", null, null, null)), d.record().addresses());
    assertEquals(List.of("addresses[0].street: read as line1", "addresses[0].zip: read as postcode",
        "addresses[0].town: read as city", "addresses[0].state: read as region",
        "addresses[0].countryCode: read as country", "addresses[0].street_number: read as the house number of line1",
        "addresses[1].houseNumber: read as the house number of line1",
        "addresses[1].floor, suburb: not fields of an address; left out"), d.warnings());
  }

  @Test
  void namesThatOnlyLookLikePlaceholdersAreKept() {
    CanonicalRecord r = ok(person().put("givenName", "Nan").put("familyName", "NA"));
    assertEquals("Nan", r.givenName());
    assertEquals("NA", r.familyName());
  }

  // --- fields the canonical record does not have ---------------------------------------------------------

  @Test
  void fieldsTheCanonicalRecordDoesNotHaveAreKeptAmongTheAttributesWithAWarning() {
    RecordDecoder.Decoded d = decode(person().put("givenName", "Ann").put("occupation", " botanist ")
        .put("gender", "female").put("lat", 50.69).put("attributes", new JsonObject().put("segment", "retail")));
    assertTrue(d.ok(), d.errors()::toString);
    assertEquals(Map.of("segment", "retail", "occupation", "botanist", "gender", "female", "lat", 50.69),
        d.record().attributes());
    assertEquals(List.of("gender, lat, occupation: not fields of the canonical record; kept among the attributes"),
        d.warnings());
  }

  @Test
  void anExtraFieldTheAttributesNameAlreadyOrThatHoldsAnObjectIsLeftOut() {
    RecordDecoder.Decoded d = decode(person().put("gender", "f").put("tags", new JsonArray().add("vip"))
        .put("attributes", new JsonObject().put("gender", "m")));
    assertEquals(Map.of("gender", "m"), d.record().attributes());
    assertEquals(List.of("gender, tags: not fields of the canonical record; left out"), d.warnings());
    // a misspelt field shows by name, and the record is still accepted
    RecordDecoder.Decoded typo = decode(person().put("brithDate", "1990-03-07"));
    assertNull(typo.record().birthDate());
    assertEquals(List.of("brithDate: not a field of the canonical record; kept among the attributes"), typo.warnings());
  }

  @Test
  void fieldsUnderTheNamesOfOtherSystemsAreReadAsTheCanonicalOnesWithAWarning() {
    RecordDecoder.Decoded d = decode(person().put("first_name", "Ann").put("surname", "Berg").put("dob", "1990-03-07")
        .put("SSN", "123-45-6789").put("city", "Lund").put("postcode", "222 21").put("occupation", "botanist"));
    assertTrue(d.ok(), d::reason);
    CanonicalRecord r = d.record();
    assertEquals("Ann", r.givenName());
    assertEquals("Berg", r.familyName());
    assertEquals("1990-03-07", r.birthDate());
    assertEquals("123-45-6789", r.nationalId());
    assertEquals(List.of(new Address(null, null, "Lund", null, "222 21", null)), r.addresses());
    assertEquals(Map.of("occupation", "botanist"), r.attributes());
    assertEquals(List.of("first_name: read as givenName", "surname: read as familyName", "dob: read as birthDate",
        "SSN: read as nationalId", "city, postcode: read as the record's address",
        "occupation: not a field of the canonical record; kept among the attributes"), d.warnings());
    RecordDecoder.Decoded splink = decode(new JsonObject().put("unique_id", 17).put("first_name", "Ann"));
    assertEquals("17", splink.record().sourceId());
    assertEquals(Kind.PERSON, splink.record().kind());
    assertEquals(List.of("unique_id: read as sourceId", "first_name: read as givenName",
        "kind: missing; read as person from the fields given"), splink.warnings());
    RecordDecoder.Decoded census = decode(person().put("birth_year", 1840).put("birth_month", "3").put("birth_day", 7));
    assertEquals("1840-03-07", census.record().birthDate());
    assertEquals(List.of("birth_year, birth_month, birth_day: read as birthDate"), census.warnings());
    assertEquals("1840-11", decode(person().put("birth_year", "1840").put("birth_month", 11)).record().birthDate());
    assertEquals("1990-03-07", decode(person().put("birthday", "1990-03-07")).record().birthDate());
    RecordDecoder.Decoded voter = decode(person().put("first_name", "John").put("midl_name", "Michael")
        .put("phone_num", "555 0100").put("sex_code", "M"));
    assertEquals("John Michael", voter.record().givenName());
    assertEquals(List.of("555 0100"), voter.record().phones());
    assertEquals(List.of("first_name: read as givenName", "phone_num: read as phone",
        "midl_name: read as part of givenName",
        "sex_code: not a field of the canonical record; kept among the attributes"), voter.warnings());
    RecordDecoder.Decoded roll = decode(person().put("last_name", "Lee").put("res_street_address", "12 OAK ST")
        .put("res_city_desc", "RALEIGH").put("state_cd", "NC").put("zip_code", "27601"));
    assertEquals(List.of(new Address("12 OAK ST", null, "RALEIGH", "NC", "27601", null)), roll.record().addresses());
    RecordDecoder.Decoded survey = decode(person().put("street_number", "1104").put("street_name", "oak ridge rd")
        .put("unit_number", "apt 2").put("city", "Anytown").put("zipcode", "00001"));
    assertEquals(List.of(new Address("1104 oak ridge rd", "apt 2", "Anytown", null, "00001", null)),
        survey.record().addresses(), "a survey's street number, street name and unit");
    assertEquals("Ann Berg", decode(new JsonObject().put("id", 1).put("name", "Ann Berg")).record().fullName());
    CanonicalRecord company = decode(new JsonObject().put("id", 2).put("kind", "company").put("name", "Acme")).record();
    assertEquals("Acme", company.orgName());
    assertEquals("Acme", RecordDecoder.decode(new JsonObject().put("id", 3).put("name", "Acme"), "erp",
        Kind.ORGANIZATION).record().orgName(), "a source whose records are organizations");
    RecordDecoder.Decoded splink50k = decode(person().put("postcode_fake", "TQ13 8DF").put("birth_place", "devon"));
    assertEquals("TQ13 8DF", splink50k.record().addresses().get(0).postcode());
    assertEquals(Map.of("birth_place", "devon"), splink50k.record().attributes());
    assertEquals("john smith", decode(person().put("first_and_surname", "john smith")).record().fullName(),
        "Splink's first_and_surname where no full_name is given");
    RecordDecoder.Decoded wholeNames = decode(person().put("full_name", "john henry smith")
        .put("first_and_surname", "john smith"));
    assertEquals("john henry smith", wholeNames.record().fullName());
    assertEquals(Map.of("first_and_surname", "john smith"), wholeNames.record().attributes(), "the full name first");
    RecordDecoder.Decoded reversed = decode(person().put("first_and_surname", "john smith")
        .put("full_name", "john henry smith"));
    assertEquals("john henry smith", reversed.record().fullName(), "whichever comes first");
    RecordDecoder.Decoded rl = decode(new JsonObject().put("fname_c1", "KARL").put("fname_c2", "HEINZ")
        .put("lname_c1", "KLEIN").put("lname_c2", "NA").put("by", 1949).put("bm", 7).put("bd", "22").put("id", 5));
    assertEquals("KARL HEINZ", rl.record().givenName());
    assertEquals("KLEIN", rl.record().familyName());
    assertEquals("1949-07-22", rl.record().birthDate());
    assertEquals("alice", decode(person().put("by", "alice")).record().attributes().get("by"), "not a year");
    assertEquals("1949", decode(person().put("birth_year", 1949).put("birth_month", "NA").put("birth_day", 3))
        .record().birthDate(), "a month R left out");
    // the canonical field wins; the other stays among the attributes, and addresses of its own keep a town aside
    RecordDecoder.Decoded both = decode(person().put("givenName", "Ann").put("first_name", "Anna")
        .put("addresses", new JsonArray().add(new JsonObject().put("city", "Lund"))).put("city", "Malmö"));
    assertEquals("Ann", both.record().givenName());
    assertEquals(Map.of("first_name", "Anna", "city", "Malmö"), both.record().attributes());
    assertEquals("Lund", both.record().addresses().get(0).city());
  }

  @Test
  void everyFieldTheDecoderReadsIsCanonical() {
    JsonObject all = person().put("source", "crm").put("updatedAt", "2026-01-01T00:00:00Z").put("deleted", false)
        .put("givenName", "Ann").put("familyName", "Berg").put("fullName", "Ann Berg").put("nationalId", "1")
        .put("birthDate", "1990-03-07").put("email", "a@b.se").put("phone", "+46 8 123 456")
        .put("address", "1 Main St").put("links", new JsonArray()).put("attributes", new JsonObject());
    assertEquals(List.of(), decode(all).warnings());
    JsonObject anOrder = order().put("customerRef", new JsonObject().put("source", "crm").put("sourceId", "C-1"))
        .put("orderedAt", "2026-01-01T00:00:00Z").put("amount", 1).put("currency", "SEK").put("status", "paid")
        .put("channel", "web").put("emails", new JsonArray()).put("phones", new JsonArray())
        .put("addresses", new JsonArray()).put("orgName", "x").put("taxId", "1");
    assertEquals(List.of(), decode(anOrder).warnings());
  }

  // --- source, sourceId, kind -----------------------------------------------------------------------------

  @Test
  void missingSourceIdIsRequired() {
    rejected(new JsonObject().put("kind", "person"), "sourceId", "is required");
  }

  @Test
  void nullSourceIdIsRequired() {
    rejected(new JsonObject().put("kind", "person").putNull("sourceId"), "sourceId", "is required");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\t"})
  void blankSourceIdIsRejected(String blank) {
    rejected(person().put("sourceId", blank), "sourceId", "must not be blank");
  }

  @Test
  void sourceIdThatIsNotTextOrNumberIsRejected() {
    assertEquals("sourceId: must be a string, got an object", decode(person().put("sourceId", new JsonObject())).errors().get(0));
    assertEquals("sourceId: must be a string, got a boolean", decode(person().put("sourceId", true)).errors().get(0));
  }

  @Test
  void sourceIdIsStripped() {
    assertEquals(new SourceKey("crm", "C-1"), ok(person().put("sourceId", "  C-1 ")).key());
  }

  @Test
  void sourceFieldMatchingTheDoorIsAccepted() {
    assertEquals("crm", ok(person().put("source", "crm")).source());
  }

  @Test
  void sourceFieldNamingAnotherSourceIsRejected() {
    rejected(person().put("source", "erp"), "source", "is 'erp' but the record was sent for source 'crm'");
  }

  @Test
  void missingKindWithoutDefaultIsRequired() {
    rejected(new JsonObject().put("sourceId", "C-1"), "kind", "is required");
  }

  @Test
  void missingKindIsReadFromUnambiguousFieldsWithAWarning() {
    RecordDecoder.Decoded person = decode(new JsonObject().put("sourceId", "P-1").put("givenName", "Wei")
        .put("birthDate", "1990-03-07"));
    assertTrue(person.ok(), person::reason);
    assertEquals(Kind.PERSON, person.record().kind());
    assertEquals(List.of("kind: missing; read as person from the fields given"), person.warnings());
    RecordDecoder.Decoded org = decode(new JsonObject().put("sourceId", "O-1").put("orgName", "Acme Ltd"));
    assertEquals(Kind.ORGANIZATION, org.record().kind());
    rejected(new JsonObject().put("sourceId", "X-1").put("givenName", "Wei").put("orgName", "Acme"), "kind",
        "is required");
    rejected(new JsonObject().put("sourceId", "X-2").put("givenName", "Wei").put("amount", 12.5), "kind",
        "is required");
  }

  @Test
  void missingKindTakesTheSourceDefault() {
    RecordDecoder.Decoded d = RecordDecoder.decode(new JsonObject().put("sourceId", "K-1"), "erp", Kind.ORGANIZATION);
    assertTrue(d.ok(), d::reason);
    assertEquals(Kind.ORGANIZATION, d.record().kind());
  }

  @Test
  void explicitKindBeatsTheSourceDefault() {
    RecordDecoder.Decoded d = RecordDecoder.decode(person(), "erp", Kind.ORGANIZATION);
    assertEquals(Kind.PERSON, d.record().kind());
  }

  @Test
  void invalidKindIsRejectedEvenWithADefault() {
    RecordDecoder.Decoded d = RecordDecoder.decode(person().put("kind", "robot"), "crm", Kind.PERSON);
    assertEquals(List.of("kind: must be person, organization or order, got 'robot'"), d.errors());
  }

  @Test
  void invalidKindNamesTheValue() {
    rejected(person().put("kind", "robot"), "kind", "got 'robot'");
  }

  @Test
  void kindThatIsNotAStringIsRejected() {
    RecordDecoder.Decoded d = decode(person().put("kind", 3));
    assertEquals("kind: must be a string, got a number", d.errors().get(0));
    assertTrue(d.errors().stream().allMatch(e -> e.startsWith("kind: ")), d::reason);
  }

  @ParameterizedTest
  @CsvSource({"person,PERSON", "PERSON,PERSON", "organization,ORGANIZATION", "organisation,ORGANIZATION",
      "company,ORGANIZATION", "org,ORGANIZATION", "business,ORGANIZATION", "individual,PERSON", "' Order ',ORDER"})
  void kindAcceptsItsSpellings(String wire, Kind expected) {
    JsonObject json = person().put("kind", wire);
    if (expected == Kind.ORDER) json.put("emails", "guest@example.com");
    assertEquals(expected, ok(json).kind());
  }

  // --- updatedAt --------------------------------------------------------------------------------------------

  @ParameterizedTest
  @CsvSource({
      "2026-11-01T08:00:00Z,        2026-11-01T08:00:00Z",
      "2026-11-01T08:00:00.123Z,    2026-11-01T08:00:00.123Z",
      "2026-11-01T16:00:00+08:00,   2026-11-01T08:00:00Z",
      "2026-11-01T03:00:00-05:00,   2026-11-01T08:00:00Z",
      "2026-11-01T08:00:00,         2026-11-01T08:00:00Z",
      "2026-11-01 08:00:00,         2026-11-01T08:00:00Z",
      "2026-11-01,                  2026-11-01T00:00:00Z",
      "' 2026-11-01T08:00:00Z ',    2026-11-01T08:00:00Z"})
  void updatedAtAcceptsIsoOffsetsSpaceSeparatedAndDateOnly(String wire, String expected) {
    assertEquals(Instant.parse(expected), ok(person().put("updatedAt", wire)).updatedAt());
  }

  @ParameterizedTest
  @ValueSource(strings = {"yesterday", "2026-13-01", "2026-02-30", "01/11/2026", "2026-11-01T25:00:00Z",
      "2026-11-01T08:00:00+25:00", "20261101", "2026-11-01T08:00Zulu"})
  void updatedAtRejectsAnythingElseQuotingTheValue(String wire) {
    rejected(person().put("updatedAt", wire), "updatedAt", "is not an ISO-8601 timestamp");
    assertTrue(decode(person().put("updatedAt", wire)).reason().contains("'" + wire + "'"));
  }

  @Test
  void updatedAtAsANumberIsRejected() {
    rejected(person().put("updatedAt", 1_700_000_000L), "updatedAt", "must be a string, got a number");
  }

  @Test
  void missingOrBlankUpdatedAtIsNull() {
    assertNull(ok(person()).updatedAt());
    assertNull(ok(person().put("updatedAt", "  ")).updatedAt());
  }

  // --- birthDate --------------------------------------------------------------------------------------------

  @ParameterizedTest
  @CsvSource({"1990-03-07,1990-03-07", "19900307,1990-03-07", "1990/03/07,1990-03-07", "1990-3-7,1990-03-07",
      "1990.03.07,1990-03-07", "1990-03-07T00:00:00Z,1990-03-07", "1990-03-07 00:00:00,1990-03-07",
      "2000-02-29,2000-02-29", "20000229,2000-02-29", " 1990-03-07 ,1990-03-07", "1990年3月7日,1990-03-07",
      "1990年03月07号,1990-03-07", "１９９０年３月７日,1990-03-07", "1990년 3월 7일,1990-03-07", "1990年3月,1990-03",
      "1990年,1990"})
  void birthDateIsNormalizedToIso(String wire, String expected) {
    assertEquals(expected, ok(person().put("birthDate", wire)).birthDate());
  }

  /** Day and month first: the day comes first unless only the other order is a date (the US month/day/year). */
  @ParameterizedTest
  @CsvSource({"07.03.1990,1990-03-07", "07/03/1990,1990-03-07", "7/3/1990,1990-03-07", "07-03-1990,1990-03-07",
      "31/12/1990,1990-12-31", "12/31/1990,1990-12-31", "3/31/1990,1990-03-31", "29/02/2000,2000-02-29",
      "7 March 1990,1990-03-07", "07-Mar-1990,1990-03-07", "7th Mar. 1990,1990-03-07", "'March 7, 1990',1990-03-07",
      "Sept 30 1990,1990-09-30", "30 SEP 1990,1990-09-30", "december 31st 1990,1990-12-31"})
  void datesWrittenDayOrMonthFirstAreRead(String wire, String expected) {
    RecordDecoder.Decoded d = decode(person().put("birthDate", wire));
    assertEquals(expected, d.record().birthDate());
    assertEquals(List.of(), d.warnings());
  }

  /** A source whose mapping says it writes the month first: the month comes first unless only the other order is. */
  @ParameterizedTest
  @CsvSource({"03/07/1990,1990-03-07", "3/7/1990,1990-03-07", "12/31/1990,1990-12-31", "31/12/1990,1990-12-31",
      "07.03.1990,1990-07-03", "1990-03-07,1990-03-07", "7 March 1990,1990-03-07", "19900307,1990-03-07"})
  void aSourceThatWritesTheMonthFirstIsReadMonthFirst(String wire, String expected) {
    RecordDecoder.Decoded d = RecordDecoder.decode(person().put("birthDate", wire), "crm", null, true);
    assertEquals(expected, d.record().birthDate());
    assertEquals(List.of(), d.warnings());
  }

  @ParameterizedTest
  @ValueSource(strings = {"March 7th", "07.03.90", "7 Marsh 1990", "7 Ma 1990", "1990-03-07X", "123-45-6789",
      "9185-10-14", "0000-03-07", "1990-13", "1990-00"})
  void unknownBirthDatesAreLeftOutWithAWarningNotRejected(String wire) {
    RecordDecoder.Decoded d = decode(person().put("birthDate", wire).put("givenName", "Wei"));
    assertTrue(d.ok(), () -> "a typo in a birth date must not lose the customer: " + d.errors());
    assertNull(d.record().birthDate());
    assertEquals("Wei", d.record().givenName());
    assertEquals(List.of("birthDate: is not a date (expected YYYY-MM-DD): '" + wire + "'; left out"), d.warnings());
  }

  /** A mistyped day keeps the year and month, a mistyped month the year; a month that can be the day stays. */
  @ParameterizedTest
  @CsvSource({"1990-02-30,1990-02", "19900230,1990-02", "1990/01/32,1990-01", "1900-02-29,1900-02",
      "30 February 1990,1990-02", "00/03/1990,1990-03", "1990/00/10,1990-00-10", "13/13/1990,1990-13-13", "31/31/1990,1990-31-31", "1949-15-25,1949-15-25",
      "1990-13-45,1990", "2001-12-64,2001-12", "1990-13-01,1990-13-01", "19901301,1990-13-01",
      "1990/25/3,1990-25-03", "0870-02-30,0870-02"})
  void impossibleBirthDatesKeepWhatCanBeReadWithAWarning(String wire, String kept) {
    RecordDecoder.Decoded d = decode(person().put("birthDate", wire).put("givenName", "Wei"));
    assertTrue(d.ok(), () -> "a typo in a birth date must not lose the customer: " + d.errors());
    assertEquals(kept, d.record().birthDate());
    assertEquals(List.of("birthDate: is not a calendar date: '" + wire + "'; kept " + kept), d.warnings());
  }

  @ParameterizedTest
  @CsvSource({"1990-03,1990-03", "1990/3,1990-03", "1990,1990", "1630-08-01,1630-08-01", "0870-05-01,0870-05-01"})
  void datesOfReducedPrecisionAreKept(String wire, String expected) {
    RecordDecoder.Decoded d = decode(person().put("birthDate", wire));
    assertEquals(expected, d.record().birthDate());
    assertEquals(List.of(), d.warnings());
  }

  @Test
  void birthDateAsANumberIsReadAsYyyymmdd() {
    assertEquals("1990-03-07", ok(person().put("birthDate", 19900307)).birthDate());
    assertEquals("1990", ok(person().put("birthDate", 1990)).birthDate());
    assertEquals(List.of("birthDate: is not a calendar date: '19901307'; kept 1990-13-07"),
        decode(person().put("birthDate", 19901307)).warnings());
    assertEquals(List.of("birthDate: is not a date (expected YYYY-MM-DD), got an object; left out"),
        decode(person().put("birthDate", new JsonObject())).warnings());
  }

  @Test
  void aGoodRecordHasNoWarnings() {
    assertEquals(List.of(), decode(person().put("birthDate", "1990-03-07")).warnings());
  }

  // --- emails and phones --------------------------------------------------------------------------------------

  @Test
  void emailsAndPhonesMayBeOneString() {
    CanonicalRecord r = ok(person().put("emails", "wei@example.com").put("phones", "+86 138 0013 8000"));
    assertEquals(List.of("wei@example.com"), r.emails());
    assertEquals(List.of("+86 138 0013 8000"), r.phones());
  }

  @Test
  void emailsAndPhonesMayBeArrays() {
    CanonicalRecord r = ok(person().put("emails", new JsonArray().add("a@example.com").add("b@example.com"))
        .put("phones", new JsonArray().add("1").add("2")));
    assertEquals(List.of("a@example.com", "b@example.com"), r.emails());
    assertEquals(List.of("1", "2"), r.phones());
  }

  @Test
  void singularEmailAndPhoneAreAccepted() {
    CanonicalRecord r = ok(person().put("email", "wei@example.com").put("phone", "13800138000"));
    assertEquals(List.of("wei@example.com"), r.emails());
    assertEquals(List.of("13800138000"), r.phones());
  }

  /** A source mapping may fill phones from a column of its own while the record carries phone: both are kept. */
  @Test
  void pluralAndSingularAreBothKept() {
    CanonicalRecord r = ok(person().put("emails", "plural@example.com").put("email", "singular@example.com")
        .put("phones", new JsonArray().add("13800138000")).put("phone", "+86 10 6552 9988")
        .put("addresses", new JsonArray().add(new JsonObject().put("city", "Shanghai"))).put("address", "12 Main St"));
    assertEquals(List.of("plural@example.com", "singular@example.com"), r.emails());
    assertEquals(List.of("13800138000", "+86 10 6552 9988"), r.phones());
    assertEquals(List.of(new Address(null, null, "Shanghai", null, null, null),
        new Address("12 Main St", null, null, null, null, null)), r.addresses());
  }

  @Test
  void theSameValueUnderBothNamesIsKeptOnce() {
    CanonicalRecord r = ok(person().put("emails", new JsonArray().add("a@example.com")).put("email", "a@example.com"));
    assertEquals(List.of("a@example.com"), r.emails());
  }

  @Test
  void aBadSingularValueIsNamedAsSuch() {
    RecordDecoder.Decoded d = RecordDecoder.decode(person().put("phone", new JsonObject()), "crm", Kind.PERSON);
    assertTrue(d.errors().stream().anyMatch(e -> e.startsWith("phone")), d.errors()::toString);
  }

  @Test
  void numericPhonesAreKeptAsText() {
    assertEquals(List.of("13800138000", "12345"),
        ok(person().put("phones", new JsonArray().add(13800138000L).add(12345))).phones());
  }

  @Test
  void blankAndNullValuesAreDroppedAndTheRestStripped() {
    CanonicalRecord r = ok(person().put("emails", new JsonArray().add(" a@example.com ").addNull().add("  ").add("")));
    assertEquals(List.of("a@example.com"), r.emails());
  }

  @Test
  void nonTextValueInAListNamesItsIndex() {
    rejected(person().put("emails", new JsonArray().add("a@example.com").add(new JsonObject())),
        "emails[1]", "must be a string, got an object");
    rejected(person().put("phones", new JsonArray().add(true)), "phones[0]", "must be a string, got a boolean");
    rejected(person().put("emails", new JsonObject()), "emails[0]", "must be a string, got an object");
    rejected(person().put("emails", 42), "emails[0]", "must be a string, got a number");
  }

  @Test
  void fiftyValuesAreAcceptedFiftyOneAreTooMany() {
    JsonArray fifty = new JsonArray();
    for (int i = 0; i < RecordDecoder.MAX_ITEMS; i++) fifty.add("p" + i + "@example.com");
    assertEquals(50, ok(person().put("emails", fifty)).emails().size());
    rejected(person().put("emails", fifty.copy().add("one-more@example.com")), "emails", "has more than 50 values");
    rejected(person().put("phones", fifty.copy().add("one-more")), "phones", "has more than 50 values");
  }

  // --- ids and text -----------------------------------------------------------------------------------------

  @Test
  void numericIdentifiersAreKeptAsText() {
    CanonicalRecord r = ok(new JsonObject().put("sourceId", 1001).put("kind", "organization")
        .put("taxId", 91110000600037341L).put("nationalId", 110101199003070011L)
        .put("addresses", new JsonObject().put("postcode", 100022)));
    assertEquals("1001", r.sourceId());
    assertEquals("91110000600037341", r.taxId());
    assertEquals("110101199003070011", r.nationalId());
    assertEquals("100022", r.addresses().get(0).postcode());
  }

  @Test
  void spreadsheetStyleDecimalIdsLoseTheirTrailingZeros() {
    assertEquals("1001", ok(person().put("sourceId", 1001.0)).sourceId());
    assertEquals("12.5", ok(person().put("sourceId", 12.50)).sourceId());
    assertEquals("100000000000000000000", ok(person().put("sourceId", 1e20)).sourceId());
  }

  @Test
  void textUpToTheLimitIsAcceptedLongerIsRejected() {
    String max = "x".repeat(RecordDecoder.MAX_TEXT);
    assertEquals(max, ok(person().put("givenName", max)).givenName());
    rejected(person().put("givenName", max + "x"), "givenName", "is longer than 1024 characters");
    assertEquals("sourceId: is longer than 1024 characters", decode(person().put("sourceId", max + "x")).errors().get(0));
    rejected(person().put("emails", new JsonArray().add(max + "x")), "emails[0]", "is longer than 1024 characters");
  }

  @Test
  void namesInAnyScriptAreKept() {
    CanonicalRecord r = ok(person().put("givenName", " 伟 ").put("familyName", "张").put("fullName", "Zhāng Wěi"));
    assertEquals("伟", r.givenName());
    assertEquals("张", r.familyName());
    assertEquals("Zhāng Wěi", r.fullName());
  }

  @Test
  void textFieldsThatAreNotStringsAreRejected() {
    rejected(person().put("givenName", 42), "givenName", "must be a string, got a number");
    rejected(person().put("familyName", new JsonArray()), "familyName", "must be a string, got an array");
    rejected(person().put("orgName", false), "orgName", "must be a string, got a boolean");
  }

  @Test
  void deletedAcceptsBooleansAndTheirText() {
    assertTrue(ok(person().put("deleted", true)).deleted());
    assertTrue(ok(person().put("deleted", "TRUE")).deleted());
    assertFalse(ok(person().put("deleted", "false")).deleted());
    assertFalse(ok(person()).deleted());
    rejected(person().put("deleted", "yes"), "deleted", "must be true or false, got a string");
    rejected(person().put("deleted", 1), "deleted", "must be true or false, got a number");
  }

  // --- addresses --------------------------------------------------------------------------------------------

  @Test
  void oneAddressObjectIsAcceptedAsAList() {
    CanonicalRecord r = ok(person().put("addresses", new JsonObject().put("line1", "8 Jianguo Rd").put("city", "Beijing")));
    assertEquals(List.of(new Address("8 Jianguo Rd", null, "Beijing", null, null, null)), r.addresses());
  }

  @Test
  void addressArrayKeepsEveryFieldAndDropsEmptyOnes() {
    JsonObject full = new JsonObject().put("line1", "8 Jianguo Rd").put("line2", "Apt 3").put("city", "北京")
        .put("region", "BJ").put("postcode", "100022").put("country", "CN");
    CanonicalRecord r = ok(person().put("addresses", new JsonArray().add(full).add(new JsonObject())
        .addNull().add(new JsonObject().put("city", "  "))));
    assertEquals(List.of(new Address("8 Jianguo Rd", "Apt 3", "北京", "BJ", "100022", "CN")), r.addresses());
  }

  @Test
  void addressFieldErrorsNameThePath() {
    rejected(person().put("addresses", new JsonArray().add(new JsonObject().put("city", "Beijing"))
        .add(new JsonObject().put("city", 7))), "addresses[1].city", "must be a string, got a number");
    rejected(person().put("addresses", new JsonArray().add(new JsonObject().put("line1", "x".repeat(1025)))),
        "addresses[0].line1", "is longer than 1024 characters");
  }

  @Test
  void addressThatIsNeitherAnObjectNorALineNamesItsIndex() {
    rejected(person().put("addresses", new JsonArray().add(new JsonObject().put("city", "Beijing")).add(7)),
        "addresses[1]", "must be an object or a line of text, got a number");
    rejected(person().put("addresses", 42), "addresses[0]", "must be an object or a line of text, got a number");
    rejected(person().put("addresses", new JsonArray().add(new JsonArray())), "addresses[0]",
        "must be an object or a line of text, got an array");
  }

  @Test
  void anAddressWrittenAsOneLineIsReadAsItsLine1() {
    assertEquals(List.of(new Address("8 Jianguo Rd, Beijing", null, null, null, null, null)),
        ok(person().put("addresses", "8 Jianguo Rd, Beijing")).addresses());
    assertEquals(List.of(new Address("12 Main St", null, null, null, null, null),
            new Address(null, null, "Shanghai", null, null, null)),
        ok(person().put("address", new JsonArray().add("12 Main St").add(new JsonObject().put("city", "Shanghai"))))
            .addresses());
  }

  // --- links ------------------------------------------------------------------------------------------------

  @Test
  void linksNeedSourceAndSourceId() {
    CanonicalRecord r = ok(person().put("links", new JsonArray()
        .add(new JsonObject().put("source", "erp").put("sourceId", "K-77"))
        .add(new JsonObject().put("source", "erp").put("sourceId", 78))));
    assertEquals(List.of(new SourceKey("erp", "K-77"), new SourceKey("erp", "78")), r.links());
    rejected(person().put("links", new JsonArray().add(new JsonObject().put("source", "erp"))),
        "links[0]", "needs both source and sourceId");
    rejected(person().put("links", new JsonArray().add(new JsonObject().put("sourceId", "K-77"))),
        "links[0]", "needs both source and sourceId");
  }

  @Test
  void linkThatIsNotAnObjectNamesItsIndex() {
    rejected(person().put("links", new JsonArray().add(new JsonObject().put("source", "erp").put("sourceId", "1"))
        .add("erp:K-77")), "links[1]", "must be an object {source, sourceId}");
  }

  @Test
  void linksThatAreNotAnArrayAreRejected() {
    rejected(person().put("links", new JsonObject().put("source", "erp").put("sourceId", "K-77")),
        "links", "must be an array of {source, sourceId}");
  }

  @Test
  void linkFieldOfTheWrongTypeNamesItsPath() {
    RecordDecoder.Decoded d = decode(person().put("links",
        new JsonArray().add(new JsonObject().put("source", 5).put("sourceId", "K-77"))));
    assertTrue(d.errors().contains("links[0].source: must be a string, got a number"), d::reason);
  }

  // --- attributes -------------------------------------------------------------------------------------------

  @Test
  void attributesKeepValuesAndDropNulls() {
    CanonicalRecord r = ok(person().put("attributes", new JsonObject().put("segment", "retail")
        .put("creditLimit", 5000).putNull("consent").put("vip", true)));
    assertEquals(Map.of("segment", "retail", "creditLimit", 5000, "vip", true), r.attributes());
  }

  @Test
  void attributesMustBeAnObject() {
    rejected(person().put("attributes", "retail"), "attributes", "must be an object, got a string");
    rejected(person().put("attributes", new JsonArray().add("retail")), "attributes", "must be an object, got an array");
  }

  // --- orders -----------------------------------------------------------------------------------------------

  @Test
  void orderWithCustomerRefDecodesEveryOrderField() {
    CanonicalRecord r = ok(order()
        .put("customerRef", new JsonObject().put("source", "crm").put("sourceId", "C-1001"))
        .put("orderedAt", "2026-10-30T10:00:00Z").put("amount", 129.90).put("currency", "CNY")
        .put("status", "delivered").put("channel", "web"));
    assertEquals(Kind.ORDER, r.kind());
    assertEquals(new SourceKey("crm", "C-1001"), r.order().customerRef());
    assertEquals(Instant.parse("2026-10-30T10:00:00Z"), r.order().orderedAt());
    assertEquals(0, new BigDecimal("129.90").compareTo(r.order().amount()));
    assertEquals("CNY", r.order().currency());
    assertEquals(OrderStatus.DELIVERED, r.order().status());
    assertEquals("web", r.order().channel());
    assertFalse(r.isIdentity());
  }

  @Test
  void customerRefWithNumericIdIsKeptAsText() {
    CanonicalRecord r = ok(order().put("customerRef", new JsonObject().put("source", "erp").put("sourceId", 77)));
    assertEquals(new SourceKey("erp", "77"), r.order().customerRef());
  }

  @Test
  void customerRefMustBeACompleteObject() {
    JsonObject guest = order().put("emails", "g@example.com");
    rejected(guest.copy().put("customerRef", "crm:C-1001"), "customerRef", "must be an object {source, sourceId}");
    rejected(guest.copy().put("customerRef", new JsonObject().put("source", "crm")), "customerRef",
        "needs both source and sourceId");
    RecordDecoder.Decoded d = decode(order().put("customerRef", new JsonObject().put("sourceId", "C-1")));
    assertEquals("customerRef: needs both source and sourceId", d.errors().get(0));
  }

  @Test
  void amountMayBeANumberOrItsText() {
    assertEquals(new BigDecimal("42"), amountOf(42));
    assertEquals(new BigDecimal("129.90"), amountOf("129.90"));
    assertEquals(new BigDecimal("129.90"), amountOf(" 129.90 "));
    assertEquals(BigDecimal.ZERO, amountOf(0));
    assertNull(amountOf(null));
  }

  private static BigDecimal amountOf(Object amount) {
    JsonObject json = order().put("emails", "g@example.com");
    if (amount != null) json.put("amount", amount);
    return ok(json).order().amount();
  }

  /** Told without writing the number out: 1E+1000000000 in digits would take a gigabyte. */
  @Test
  void anAmountLargerThanTheStoreKeepsIsRejectedAndOneBelowACentIsZero() {
    for (Object big : List.of(1e20, "1E+1000000000", "1E+2147483647", "12345678901234567", "9999999999999999.995")) {
      rejected(order().put("emails", "g@example.com").put("amount", big), "amount", "is larger than an amount can be");
    }
    assertEquals(new BigDecimal("9999999999999999.99"), amountOf("9999999999999999.99"));
    assertEquals(new BigDecimal("9999999999999999.994"), amountOf("9999999999999999.994"), "rounds down to fit");
    assertEquals(0, BigDecimal.ZERO.compareTo(amountOf("1E-1000000000")));
    assertEquals(new BigDecimal("0.005"), amountOf("0.005"), "rounded to the cent where it is stored");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "+999999999-12-31T23:59:59Z", "0000-12-31T23:59:59Z", "-0001-01-01T00:00:00Z", "+10000-01-01T00:00:00Z"})
  void aTimeOutsideTheYearsOneTo9999IsRejectedNamingTheField(String at) {
    rejected(person().put("updatedAt", at), "updatedAt", "is outside the years 1 to 9999");
    rejected(order().put("emails", "g@example.com").put("orderedAt", at), "orderedAt", "is outside the years 1 to 9999");
  }

  @Test
  void aSourceIdOfTheWrongTypeIsOneErrorNotTwo() {
    for (Object wrong : List.of(new JsonObject(), new JsonArray().add("C-1"), true)) {
      rejected(new JsonObject().put("sourceId", wrong).put("kind", "person"), "sourceId", "must be");
    }
  }

  @Test
  void theLastNanosecondsOf9999AreItsLastMicrosecondAndOtherTimesKeepTheirs() {
    assertEquals(Instant.parse("9999-12-31T23:59:59.999999Z"),
        ok(person().put("updatedAt", "9999-12-31T23:59:59.9999999Z")).updatedAt(),
        "rounded up by the database, it would be a year nothing reads back");
    assertEquals(Instant.parse("0001-01-01T00:00:00Z"), ok(person().put("updatedAt", "0001-01-01")).updatedAt());
    assertEquals(Instant.parse("2021-10-19T14:32:13.475344363Z"),
        ok(person().put("updatedAt", "2021-10-19T14:32:13.475344363Z")).updatedAt(), "as sent: its hash is unchanged");
  }

  @Test
  void negativeAmountIsRejected() {
    rejected(order().put("emails", "g@example.com").put("amount", -1.5), "amount", "must not be negative");
    rejected(order().put("emails", "g@example.com").put("amount", "-0.01"), "amount", "must not be negative");
  }

  @ParameterizedTest
  @ValueSource(strings = {"12,50", "¥12", "twelve", "1.2.3", "NaN"})
  void garbageAmountIsRejectedQuotingIt(String amount) {
    rejected(order().put("emails", "g@example.com").put("amount", amount), "amount",
        "must be a number, got '" + amount + "'");
  }

  @Test
  void amountOfTheWrongTypeIsRejected() {
    rejected(order().put("emails", "g@example.com").put("amount", true), "amount", "must be a number, got a boolean");
    rejected(order().put("emails", "g@example.com").put("amount", new JsonObject()), "amount",
        "must be a number, got an object");
  }

  @ParameterizedTest
  @CsvSource({"placed,PLACED", "paid,PAID", "shipped,SHIPPED", "delivered,DELIVERED", "returned,RETURNED",
      "cancelled,CANCELLED", "canceled,CANCELLED", "Delivered,DELIVERED", "' SHIPPED ',SHIPPED"})
  void everyContractStatusIsAcceptedIncludingTheAmericanSpelling(String wire, OrderStatus expected) {
    assertEquals(expected, ok(order().put("emails", "g@example.com").put("status", wire)).order().status());
  }

  @Test
  void unknownStatusIsRejectedListingTheValidOnes() {
    rejected(order().put("emails", "g@example.com").put("status", "lost"), "status",
        "must be one of placed, paid, shipped, delivered, returned, cancelled; got 'lost'");
  }

  @Test
  void badOrderedAtIsRejected() {
    rejected(order().put("emails", "g@example.com").put("orderedAt", "last week"), "orderedAt",
        "is not an ISO-8601 timestamp");
  }

  @Test
  void guestOrderWithoutCustomerRefButWithEmailIsAnIdentity() {
    CanonicalRecord r = ok(order().put("emails", "guest@example.com").put("amount", 10));
    assertNull(r.order().customerRef());
    assertTrue(r.isIdentity());
    assertEquals(List.of("guest@example.com"), r.emails());
  }

  @Test
  void guestOrderMayBeIdentifiedByPhoneOrName() {
    assertTrue(decode(order().put("phones", "13800138000")).ok());
    assertTrue(decode(order().put("givenName", "Wei")).ok());
    assertTrue(decode(order().put("familyName", "Zhang")).ok());
    assertTrue(decode(order().put("fullName", "Zhang Wei")).ok());
  }

  @Test
  void orderWithNeitherCustomerRefNorGuestIdentityIsRejected() {
    rejected(order().put("amount", 10), "customerRef", "is required for an order without guest identity");
  }

  @Test
  void orderWhoseOnlyIdentityIsBlankIsRejected() {
    rejected(order().put("emails", new JsonArray().add(" ").addNull()), "customerRef", "is required");
  }

  @Test
  void deletedOrderWithoutIdentityIsAccepted() {
    CanonicalRecord r = ok(order().put("deleted", true));
    assertTrue(r.deleted());
    assertNotNull(r.order());
  }

  @Test
  void ordersSourceDefaultsToOrderKind() {
    RecordDecoder.Decoded d = RecordDecoder.decode(new JsonObject().put("sourceId", "O-1")
        .put("customerRef", new JsonObject().put("source", "crm").put("sourceId", "C-1")), "orders", Kind.ORDER);
    assertTrue(d.ok(), d::reason);
    assertEquals(Kind.ORDER, d.record().kind());
  }

  @Test
  void orderFieldsAreIgnoredForPersons() {
    CanonicalRecord r = ok(person().put("amount", "garbage").put("status", "lost"));
    assertNull(r.order());
  }

  // --- all at once ------------------------------------------------------------------------------------------

  @Test
  void everyProblemIsReportedAtOnce() {
    JsonObject json = new JsonObject().put("source", "erp").put("kind", "robot").put("updatedAt", "soon")
        .put("birthDate", "1990-02-30").put("emails", new JsonArray().add("ok@example.com").add(new JsonObject()))
        .put("addresses", new JsonArray().add(new JsonObject().put("city", 1)))
        .put("links", new JsonArray().add(new JsonObject()))
        .put("attributes", "none").put("deleted", "maybe");
    RecordDecoder.Decoded d = decode(json);
    assertFalse(d.ok());
    List<String> fields = d.errors().stream().map(e -> e.substring(0, e.indexOf(':'))).toList();
    assertEquals(List.of("source", "sourceId", "kind", "updatedAt", "deleted", "emails[1]",
        "addresses[0].city", "links[0]", "attributes"), fields);
    assertEquals(String.join("; ", d.errors()), d.reason());
  }

  @Test
  void orderProblemsAreReportedTogether() {
    RecordDecoder.Decoded d = decode(order().put("customerRef", new JsonObject()).put("amount", "x")
        .put("status", "lost").put("orderedAt", "never"));
    List<String> fields = d.errors().stream().map(e -> e.substring(0, e.indexOf(':'))).toList();
    assertTrue(fields.containsAll(List.of("customerRef", "amount", "status", "orderedAt")), d::reason);
  }

  // --- property: any shape of input is either a record or field errors, never an exception ------------------

  private static final String[] FIELDS = {"source", "sourceId", "kind", "updatedAt", "deleted", "givenName",
      "familyName", "fullName", "orgName", "taxId", "nationalId", "birthDate", "emails", "email", "phones", "phone",
      "addresses", "links", "attributes", "customerRef", "orderedAt", "amount", "currency", "status", "channel"};

  @Test
  void arbitraryInputNeverThrowsAndEveryErrorNamesAField() {
    Random rnd = new Random(20261101L);
    for (int i = 0; i < 2_000; i++) {
      JsonObject json = new JsonObject().put("sourceId", "S-" + i);
      for (String field : FIELDS) if (rnd.nextInt(3) == 0) json.put(field, randomValue(rnd, 2));
      RecordDecoder.Decoded d;
      try {
        d = RecordDecoder.decode(json, "crm", rnd.nextBoolean() ? null : Kind.values()[rnd.nextInt(3)]);
      } catch (RuntimeException e) {
        fail("decoding threw " + e + " for " + json.encode());
        return;
      }
      assertTrue(d.ok() == (d.record() != null), json::encode);
      for (String error : d.errors()) {
        String field = error.substring(0, Math.max(0, error.indexOf(": ")));
        String root = field.replaceAll("[\\[.].*", "");
        assertTrue(List.of(FIELDS).contains(root), () -> "error without a field: " + error + " for " + json.encode());
      }
    }
  }

  /** Values of every JSON type, including the troublesome ones (blank, very long, nested, nulls). */
  static Object randomValue(Random rnd, int depth) {
    switch (rnd.nextInt(depth > 0 ? 12 : 9)) {
      case 0: return null;
      case 1: return "";
      case 2: return "   ";
      case 3: return "x".repeat(rnd.nextBoolean() ? 1024 : 1025);
      case 4: return List.of("person", "order", "organization", "2026-11-01", "19900307", "canceled", "12.50",
          "-3", "a@example.com", "true", "张伟").get(rnd.nextInt(11));
      case 5: return rnd.nextInt(2000) - 1000;
      case 6: return rnd.nextDouble() * 1e6 - 1e5;
      case 7: return rnd.nextBoolean();
      case 8: return rnd.nextLong();
      case 9: {
        JsonArray a = new JsonArray();
        for (int k = rnd.nextInt(rnd.nextInt(10) == 0 ? 60 : 4); k > 0; k--) a.add(randomValue(rnd, depth - 1));
        return a;
      }
      default: {
        JsonObject o = new JsonObject();
        for (String f : List.of("source", "sourceId", "city", "line1", "postcode", "segment")) {
          if (rnd.nextBoolean()) o.put(f, randomValue(rnd, depth - 1));
        }
        return o;
      }
    }
  }
}

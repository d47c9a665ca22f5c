package io.customerhub.ingest;

import io.customerhub.record.Address;
import io.customerhub.record.CanonicalRecord;
import io.customerhub.record.Kind;
import io.customerhub.record.OrderStatus;
import io.customerhub.record.SourceKey;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SourceMappingTest {

  private static SourceMappings mappings;

  @BeforeAll
  static void loadTheRealConfiguration() {
    mappings = SourceMappings.load(Path.of("conf"));
  }

  private static SourceMapping mapping(String source) {
    return mappings.forSource(source).orElseThrow();
  }

  /** Maps a native row and decodes it the way the ingest door does. */
  private static CanonicalRecord mapAndDecode(String source, JsonObject row) {
    SourceMapping m = mapping(source);
    RecordDecoder.Decoded d = RecordDecoder.decode(m.apply(row), source, m.defaultKind());
    assertTrue(d.ok(), d::reason);
    return d.record();
  }

  private static JsonObject crmRow() {
    return new JsonObject().put("contact_id", "C-1001").put("first_name", "Wei").put("last_name", "Zhang")
        .put("email", "wei.zhang@example.com").put("email2", "wei@example.org")
        .put("mobile", "+86 138 0013 8000").put("birth_date", "19900307").put("national_id", "110101199003070011")
        .put("modified_at", "2026-11-01 08:00:00").put("street", "8 Jianguo Rd").put("city", "Beijing")
        .put("province", "BJ").put("postcode", "100022").put("country", "CN")
        .put("segment", "retail").put("consent", true);
  }

  @Test
  void everyConfiguredSourceIsLoadedWithItsTopicAndDefaultKind() {
    Map<String, SourceMapping> byName = mappings.configured().stream()
        .collect(Collectors.toMap(SourceMapping::name, m -> m));
    assertEquals(Set.of("crm", "erp", "orders", "risk"), byName.keySet());
    assertEquals("hub.source.crm", byName.get("crm").topic());
    assertEquals(Kind.PERSON, byName.get("crm").defaultKind());
    assertEquals(Kind.ORGANIZATION, byName.get("erp").defaultKind());
    assertEquals(Kind.ORDER, byName.get("orders").defaultKind());
    assertEquals(Kind.ORGANIZATION, byName.get("risk").defaultKind());
    assertEquals(List.of("email", "email2"), byName.get("crm").fields().get("emails"));
  }

  @Test
  void crmRowMapsToEveryCanonicalField() {
    CanonicalRecord r = mapAndDecode("crm", crmRow());
    assertEquals(new SourceKey("crm", "C-1001"), r.key());
    assertEquals(Kind.PERSON, r.kind());
    assertEquals("Wei", r.givenName());
    assertEquals("Zhang", r.familyName());
    assertEquals(List.of("wei.zhang@example.com", "wei@example.org"), r.emails());
    assertEquals(List.of("+86 138 0013 8000"), r.phones());
    assertEquals("1990-03-07", r.birthDate());
    assertEquals("110101199003070011", r.nationalId());
    assertEquals(Instant.parse("2026-11-01T08:00:00Z"), r.updatedAt());
    assertEquals(List.of(new Address("8 Jianguo Rd", null, "Beijing", "BJ", "100022", "CN")), r.addresses());
    assertEquals(Map.of("segment", "retail", "consent", true), r.attributes());
  }

  @Test
  void nativeColumnsAreReplacedByTheirCanonicalPaths() {
    JsonObject out = mapping("crm").apply(crmRow());
    assertEquals(new JsonArray().add("wei.zhang@example.com").add("wei@example.org"), out.getJsonArray("emails"));
    assertEquals("Beijing", out.getJsonArray("addresses").getJsonObject(0).getString("city"));
    assertEquals("retail", out.getJsonObject("attributes").getString("segment"));
    for (String nativeColumn : List.of("contact_id", "first_name", "email", "email2", "mobile", "street", "city",
        "province", "segment", "consent", "modified_at")) {
      assertFalse(out.containsKey(nativeColumn), nativeColumn);
    }
  }

  @Test
  void multiColumnListKeepsOnlyTheColumnsThatHaveValues() {
    JsonObject out = mapping("crm").apply(new JsonObject().put("contact_id", "C-1").put("email2", "second@example.com")
        .put("mobile", "  ").put("phone2", "13800138000"));
    assertEquals(new JsonArray().add("second@example.com"), out.getJsonArray("emails"));
    assertEquals(new JsonArray().add("13800138000"), out.getJsonArray("phones"));
  }

  @Test
  void erpRowMapsToAnOrganizationWithCreditAttributes() {
    CanonicalRecord r = mapAndDecode("erp", new JsonObject().put("account_no", 77).put("account_name", "Acme 有限公司")
        .put("tax_no", "91110000600037341L").put("billing_email", "ap@acme.example").put("phone", "010-12345678")
        .put("last_changed", "2026-10-01T00:00:00+08:00").put("bill_street", "1 Main St").put("bill_city", "Shanghai")
        .put("bill_zip", 200000).put("bill_country", "CN").put("credit_limit", 5000).put("open_receivables", 1200.5)
        .put("overdue_amount", 300).put("overdue_days", 45));
    assertEquals(new SourceKey("erp", "77"), r.key());
    assertEquals(Kind.ORGANIZATION, r.kind());
    assertEquals("Acme 有限公司", r.orgName());
    assertEquals("91110000600037341L", r.taxId());
    assertEquals(List.of("ap@acme.example"), r.emails());
    assertEquals(List.of("010-12345678"), r.phones());
    assertEquals(Instant.parse("2026-09-30T16:00:00Z"), r.updatedAt());
    assertEquals(List.of(new Address("1 Main St", null, "Shanghai", null, "200000", "CN")), r.addresses());
    assertEquals(Map.of("creditLimit", 5000, "openReceivables", 1200.5, "overdueAmount", 300, "overdueDays", 45),
        r.attributes());
  }

  @Test
  void orderRowMapsItsCustomerReferenceIntoANestedObject() {
    JsonObject row = new JsonObject().put("order_no", "O-9").put("customer_system", "crm").put("customer_no", "C-1001")
        .put("order_time", "2026-10-30T10:00:00Z").put("total", "129.90").put("currency", "CNY")
        .put("order_status", "canceled").put("sales_channel", "web").put("status_time", "2026-10-31T00:00:00Z");
    JsonObject mapped = mapping("orders").apply(row);
    assertEquals(new JsonObject().put("source", "crm").put("sourceId", "C-1001"), mapped.getJsonObject("customerRef"));
    CanonicalRecord r = mapAndDecode("orders", row);
    assertEquals(Kind.ORDER, r.kind());
    assertEquals(new SourceKey("crm", "C-1001"), r.order().customerRef());
    assertEquals(new BigDecimal("129.90"), r.order().amount());
    assertEquals("CNY", r.order().currency());
    assertEquals(OrderStatus.CANCELLED, r.order().status());
    assertEquals("web", r.order().channel());
    assertEquals(Instant.parse("2026-10-30T10:00:00Z"), r.order().orderedAt());
    assertEquals(Instant.parse("2026-10-31T00:00:00Z"), r.updatedAt());
  }

  @Test
  void guestOrderRowMapsGuestContactsAndNoCustomerRef() {
    CanonicalRecord r = mapAndDecode("orders", new JsonObject().put("order_no", "O-10").put("total", 10)
        .put("guest_email", "guest@example.com").put("guest_phone", "13800138000").put("customer_no", ""));
    assertNull(r.order().customerRef());
    assertEquals(List.of("guest@example.com"), r.emails());
    assertEquals(List.of("13800138000"), r.phones());
    assertTrue(r.isIdentity());
  }

  @Test
  void riskRowMapsCompanyFacts() {
    CanonicalRecord r = mapAndDecode("risk", new JsonObject().put("report_id", "R-1").put("company_name", "Acme")
        .put("credit_code", "91110000600037341L").put("litigation_count", 3).put("debt_flag", true));
    assertEquals("Acme", r.orgName());
    assertEquals(Map.of("litigationCount", 3, "debtFlag", true), r.attributes());
  }

  @Test
  void canonicalInputPassesThroughUnchanged() {
    JsonObject canonical = new JsonObject().put("source", "crm").put("sourceId", "C-1001").put("kind", "person")
        .put("updatedAt", "2026-11-01T08:00:00Z").put("givenName", "Wei").put("familyName", "Zhang")
        .put("emails", new JsonArray().add("wei.zhang@example.com")).put("phones", new JsonArray().add("+86 138"))
        .put("addresses", new JsonArray().add(new JsonObject().put("line1", "8 Jianguo Rd").put("city", "Beijing")))
        .put("links", new JsonArray().add(new JsonObject().put("source", "erp").put("sourceId", "K-77")))
        .put("attributes", new JsonObject().put("segment", "retail"));
    for (SourceMapping m : mappings.configured()) {
      assertEquals(canonical, m.apply(canonical.copy()), m.name());
    }
  }

  @Test
  void canonicalOrderPassesThroughUnchanged() {
    JsonObject canonical = new JsonObject().put("sourceId", "O-9").put("kind", "order")
        .put("customerRef", new JsonObject().put("source", "crm").put("sourceId", "C-1001"))
        .put("orderedAt", "2026-10-30T10:00:00Z").put("amount", 129.9).put("currency", "CNY")
        .put("status", "delivered").put("channel", "web");
    assertEquals(canonical, mapping("orders").apply(canonical.copy()));
  }

  @Test
  void canonicalValuesAlreadyPresentWin() {
    JsonObject out = mapping("crm").apply(new JsonObject().put("sourceId", "C-canonical").put("contact_id", "C-native")
        .put("givenName", "Canonical").put("first_name", "Native")
        .put("emails", new JsonArray().add("canonical@example.com")).put("email", "native@example.com")
        .put("attributes", new JsonObject().put("segment", "vip")).put("segment", "retail").put("consent", "yes")
        .put("addresses", new JsonArray().add(new JsonObject().put("city", "Shanghai"))).put("city", "Beijing")
        .put("street", "8 Jianguo Rd"));
    assertEquals("C-canonical", out.getString("sourceId"));
    assertEquals("Canonical", out.getString("givenName"));
    assertEquals(new JsonArray().add("canonical@example.com"), out.getJsonArray("emails"));
    assertEquals(new JsonObject().put("segment", "vip").put("consent", "yes"), out.getJsonObject("attributes"));
    // a canonical address keeps its city and only gains the fields it lacked
    assertEquals(new JsonObject().put("city", "Shanghai").put("line1", "8 Jianguo Rd"),
        out.getJsonArray("addresses").getJsonObject(0));
  }

  @Test
  void aCanonicalValueThatIsNoObjectIsNeitherReplacedNorAFailure() {
    // a one-line address (as text, alone or in a list) stays the record's address: before, the first was replaced
    // by the native columns' address and the second failed the record with "could not be decoded"
    CanonicalRecord text = mapAndDecode("crm", new JsonObject().put("contact_id", "C-1")
        .put("addresses", "12 Main St, Springfield").put("city", "Beijing"));
    assertEquals(List.of(new Address("12 Main St, Springfield", null, null, null, null, null)), text.addresses());
    CanonicalRecord listed = mapAndDecode("crm", new JsonObject().put("contact_id", "C-1")
        .put("addresses", new JsonArray().add("12 Main St, Springfield")).put("city", "Beijing"));
    assertEquals(text.addresses(), listed.addresses());
    // one address object where the contract has a list is read as a list of one, and gains the fields it lacked
    CanonicalRecord single = mapAndDecode("crm", new JsonObject().put("contact_id", "C-1")
        .put("addresses", new JsonObject().put("line1", "8 Jianguo Rd")).put("city", "Beijing"));
    assertEquals(List.of(new Address("8 Jianguo Rd", null, "Beijing", null, null, null)), single.addresses());
    // a null in the list is no address: the native columns make one there
    CanonicalRecord hole = mapAndDecode("crm", new JsonObject().put("contact_id", "C-1")
        .put("addresses", new JsonArray().addNull()).put("city", "Beijing"));
    assertEquals(List.of(new Address(null, null, "Beijing", null, null, null)), hole.addresses());
    // a value of the wrong type is the decoder's to refuse, naming the field, not the mapping's to replace
    SourceMapping crm = mapping("crm");
    JsonObject attributes = crm.apply(new JsonObject().put("contact_id", "C-1").put("attributes", "vip")
        .put("segment", "retail"));
    assertEquals("attributes: must be an object, got a string", RecordDecoder.decode(attributes, "crm",
        crm.defaultKind()).reason());
    SourceMapping orders = mapping("orders");
    JsonObject ref = orders.apply(new JsonObject().put("order_no", "O-1").put("customerRef", "C-1")
        .put("customer_system", "crm").put("customer_no", "C-2"));
    String reason = RecordDecoder.decode(ref, "orders", orders.defaultKind()).reason();
    assertTrue(reason.startsWith("customerRef: must be an object {source, sourceId}"), reason);
  }

  @Test
  void canonicalCustomerRefWinsOverNativeColumns() {
    JsonObject out = mapping("orders").apply(new JsonObject().put("order_no", "O-1")
        .put("customerRef", new JsonObject().put("source", "erp").put("sourceId", "K-77"))
        .put("customer_system", "crm").put("customer_no", "C-1"));
    assertEquals(new JsonObject().put("source", "erp").put("sourceId", "K-77"), out.getJsonObject("customerRef"));
  }

  @Test
  void blankNativeValuesAreIgnored() {
    JsonObject out = mapping("crm").apply(new JsonObject().put("contact_id", "C-1").put("first_name", "  ")
        .put("email", "").put("email2", " ").putNull("mobile").put("city", "\t").put("segment", ""));
    assertEquals(new JsonObject().put("sourceId", "C-1"), out);
  }

  @Test
  void nonTextNativeValuesAreKept() {
    JsonObject out = mapping("erp").apply(new JsonObject().put("account_no", 77).put("credit_limit", 0)
        .put("overdue_days", 0));
    assertEquals(77, out.getValue("sourceId"));
    assertEquals(new JsonObject().put("creditLimit", 0).put("overdueDays", 0), out.getJsonObject("attributes"));
  }

  @Test
  void unmappedColumnsAreLeftForTheDecoderToIgnore() {
    JsonObject out = mapping("crm").apply(new JsonObject().put("contact_id", "C-1").put("favourite_colour", "blue"));
    assertEquals("blue", out.getString("favourite_colour"));
  }

  @Test
  void applyDoesNotModifyItsInput() {
    JsonObject row = crmRow();
    JsonObject before = row.copy();
    JsonObject out = mapping("crm").apply(row);
    assertEquals(before, row);
    assertNotSame(row, out);
  }

  @Test
  void mappingIsIdempotent() {
    Random rnd = new Random(7L);
    List<String> columns = List.of("contact_id", "first_name", "last_name", "email", "email2", "mobile", "phone2",
        "birth_date", "street", "city", "province", "postcode", "country", "segment", "consent", "modified_at");
    for (int i = 0; i < 500; i++) {
      JsonObject row = new JsonObject();
      for (String c : columns) {
        switch (rnd.nextInt(4)) {
          case 0 -> row.put(c, "v" + rnd.nextInt(100));
          case 1 -> row.put(c, " ");
          case 2 -> row.put(c, rnd.nextInt(1000));
          default -> { }
        }
      }
      JsonObject once = mapping("crm").apply(row);
      assertEquals(once, mapping("crm").apply(once.copy()), row::encode);
    }
  }

  // --- source names ------------------------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"", "my source", " crm", "crm ", "-crm", "_crm", ".crm", "crm/x", "crm:1",
      "ü", "crm\n"})
  void badSourceNamesAreRefused(String name) {
    assertFalse(SourceMappings.isValidName(name));
    assertTrue(mappings.forSource(name).isEmpty(), name);
  }

  @Test
  void nullAndOverlongSourceNamesAreRefused() {
    assertTrue(mappings.forSource(null).isEmpty());
    assertTrue(mappings.forSource("a".repeat(65)).isEmpty());
    assertTrue(mappings.forSource("a".repeat(64)).isPresent());
  }

  @ParameterizedTest
  @ValueSource(strings = {"shop", "web-shop", "shop_2", "eu.shop", "7eleven", "x", "CRM", "SourceA"})
  void unknownWellFormedNamesGetACanonicalOnlyMapping(String name) {
    SourceMapping m = mappings.forSource(name).orElseThrow();
    assertEquals(name, m.name());
    assertNull(m.topic());
    assertNull(m.defaultKind());
    assertTrue(m.fields().isEmpty());
    JsonObject input = new JsonObject().put("sourceId", "1").put("contact_id", "2");
    assertEquals(input, m.apply(input));
  }

  @Test
  void configuredNamesGetTheirOwnMapping() {
    assertEquals("hub.source.erp", mapping("erp").topic());
    assertFalse(mapping("erp").fields().isEmpty());
  }

  @Test
  void aMappingSaysWhetherItsSourceWritesTheMonthFirst() {
    JsonObject us = new JsonObject().put("name", "us-crm").put("dates", "month-first")
        .put("fields", new JsonObject().put("birthDate", "dob"));
    SourceMapping m = SourceMapping.fromJson(us);
    assertTrue(m.monthFirst());
    assertFalse(SourceMapping.fromJson(us.copy().put("dates", "day-first")).monthFirst());
    assertFalse(SourceMapping.fromJson(us.copy().put("dates", null)).monthFirst(), "day first unless it says");
    assertFalse(mapping("crm").monthFirst(), "the shipped sources write the day first");
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> SourceMapping.fromJson(us.copy().put("dates", "mdy")));
    assertEquals("dates: 'mdy' is neither day-first nor month-first", bad.getMessage());
  }

  /** A misspelt target put a source's first names among the attributes, where nothing compares them. */
  @ParameterizedTest
  @ValueSource(strings = {"givenNme", "first_name", "addresses[0].citty", "addresses[0].city.name", "addresses[x].city",
      "emails[0]", "givenName.first", "customerRef.id", "links[0].kind"})
  void aTargetThatNamesNoCanonicalFieldIsRefusedNamingIt(String target) {
    JsonObject json = new JsonObject().put("name", "crm").put("fields", new JsonObject().put(target, "column"));
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> SourceMapping.fromJson(json));
    assertTrue(bad.getMessage().startsWith("fields." + target + ": "), bad.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"givenName", "emails", "phone", "addresses[1].postcode", "address.city", "attributes.x.y",
      "attributes", "customerRef.sourceId", "links[0].source", "_comment"})
  void everyCanonicalTargetIsTaken(String target) {
    JsonObject json = new JsonObject().put("name", "crm").put("fields", new JsonObject().put(target, "column"));
    SourceMapping.fromJson(json);
  }

  @Test
  void aMisspeltSettingOrKindIsRefusedNamingIt() {
    JsonObject good = new JsonObject().put("name", "crm").put("_comment", "kept").put("defaultKind", "person");
    assertEquals(Kind.PERSON, SourceMapping.fromJson(good).defaultKind());
    IllegalArgumentException setting = assertThrows(IllegalArgumentException.class,
        () -> SourceMapping.fromJson(good.copy().put("feilds", new JsonObject())));
    assertTrue(setting.getMessage().startsWith("feilds: no such setting of a source mapping"), setting.getMessage());
    IllegalArgumentException kind = assertThrows(IllegalArgumentException.class,
        () -> SourceMapping.fromJson(good.copy().put("defaultKind", "persn")));
    assertEquals("defaultKind: 'persn' is none of person, organization, order", kind.getMessage());
  }

  @Test
  void theShippedMappingsAreTaken() {
    assertEquals(Set.of("crm", "erp", "orders", "risk"), SourceMappings.load(Path.of("conf")).configured().stream()
        .map(SourceMapping::name).collect(Collectors.toSet()));
  }
}

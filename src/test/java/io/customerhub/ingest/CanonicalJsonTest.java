package io.customerhub.ingest;

import io.customerhub.record.Address;
import io.customerhub.record.CanonicalRecord;
import io.customerhub.record.Kind;
import io.customerhub.record.MissingValues;
import io.customerhub.record.OrderInfo;
import io.customerhub.record.OrderStatus;
import io.customerhub.record.SourceKey;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CanonicalJsonTest {

  private static final String[] OPTIONAL_FIELDS = {"updatedAt", "deleted", "givenName", "familyName", "fullName",
      "orgName", "taxId", "nationalId", "birthDate", "emails", "phones", "addresses", "links", "attributes",
      "customerRef", "orderedAt", "amount", "currency", "status", "channel"};

  static CanonicalRecord sample() {
    return new CanonicalRecord(new SourceKey("crm", "C-1001"), Kind.PERSON, Instant.parse("2026-11-01T08:00:00Z"),
        false, "Wei", "Zhang", null, null, null, "110101199003070011", "1990-03-07", List.of("wei.zhang@example.com"),
        List.of("+86 138 0013 8000"), List.of(new Address("8 Jianguo Rd", null, "Beijing", "BJ", "100022", "CN")),
        List.of(new SourceKey("erp", "K-77")), Map.of("segment", "retail", "creditLimit", 5000), null);
  }

  private static String hash(CanonicalRecord r) {
    return CanonicalJson.contentHash(CanonicalJson.encode(r));
  }

  @Test
  void encodeWritesTheContractShapeAndLeavesNullsOut() {
    JsonObject json = CanonicalJson.encode(sample());
    assertEquals(new JsonObject("""
        {"source": "crm", "sourceId": "C-1001", "kind": "person", "updatedAt": "2026-11-01T08:00:00Z",
         "givenName": "Wei", "familyName": "Zhang", "nationalId": "110101199003070011", "birthDate": "1990-03-07",
         "emails": ["wei.zhang@example.com"], "phones": ["+86 138 0013 8000"],
         "addresses": [{"line1": "8 Jianguo Rd", "city": "Beijing", "region": "BJ", "postcode": "100022",
                        "country": "CN"}],
         "links": [{"source": "erp", "sourceId": "K-77"}],
         "attributes": {"creditLimit": 5000, "segment": "retail"}}"""), json);
    assertFalse(json.containsKey("deleted"));
    assertFalse(json.containsKey("fullName"));
  }

  @Test
  void encodeWritesFieldsInAFixedOrder() {
    List<String> names = new ArrayList<>(CanonicalJson.encode(sample()).fieldNames());
    assertEquals(List.of("source", "sourceId", "kind", "updatedAt", "givenName", "familyName", "nationalId",
        "birthDate", "emails", "phones", "addresses", "links", "attributes"), names);
    assertEquals(List.of("creditLimit", "segment"),
        new ArrayList<>(CanonicalJson.encode(sample()).getJsonObject("attributes").fieldNames()));
  }

  @Test
  void orderFieldsAreWrittenAtTopLevel() {
    CanonicalRecord order = new CanonicalRecord(new SourceKey("orders", "O-9"), Kind.ORDER, null, false, null, null,
        null, null, null, null, null, List.of(), List.of(), List.of(), List.of(), Map.of(),
        new OrderInfo(new SourceKey("crm", "C-1001"), Instant.parse("2026-10-30T10:00:00Z"), new BigDecimal("129.9"),
            "CNY", OrderStatus.CANCELLED, "web"));
    assertEquals(new JsonObject("""
        {"source": "orders", "sourceId": "O-9", "kind": "order",
         "customerRef": {"source": "crm", "sourceId": "C-1001"}, "orderedAt": "2026-10-30T10:00:00Z",
         "amount": 129.9, "currency": "CNY", "status": "cancelled", "channel": "web"}"""),
        new JsonObject(CanonicalJson.encode(order).encode()));
  }

  @Test
  void deletedIsWrittenOnlyWhenTrue() {
    CanonicalRecord r = sample();
    CanonicalRecord deleted = new CanonicalRecord(r.key(), r.kind(), r.updatedAt(), true, null, null, null, null, null,
        null, null, null, null, null, null, null, null);
    assertEquals(true, CanonicalJson.encode(deleted).getBoolean("deleted"));
  }

  @Test
  void decodeStoredRefusesWhatDoesNotDecode() {
    assertThrows(IllegalStateException.class, () -> CanonicalJson.decodeStored("{\"source\":\"crm\",\"kind\":\"person\"}"));
  }

  @Test
  void amountRoundTripsByValueThroughStorage() {
    CanonicalRecord order = new CanonicalRecord(new SourceKey("orders", "O-9"), Kind.ORDER, null, false, null, null,
        null, null, null, null, null, List.of("g@example.com"), List.of(), List.of(), List.of(), Map.of(),
        new OrderInfo(null, null, new BigDecimal("129.90"), null, null, null));
    BigDecimal stored = CanonicalJson.decodeStored(CanonicalJson.encode(order).encode()).order().amount();
    assertEquals(0, new BigDecimal("129.90").compareTo(stored), stored::toPlainString);
  }

  // --- property: encode → decodeStored round-trips --------------------------------------------------------

  @Test
  void randomRecordsRoundTripThroughStorage() {
    Random rnd = new Random(42L);
    for (int i = 0; i < 500; i++) {
      CanonicalRecord r = randomRecord(rnd);
      String stored = CanonicalJson.encode(r).encode();
      CanonicalRecord back = CanonicalJson.decodeStored(stored);
      assertEquals(r, back, stored);
      assertEquals(stored, CanonicalJson.encode(back).encode());
      assertEquals(hash(r), hash(back));
    }
  }

  // --- contentHash ------------------------------------------------------------------------------------------

  @Test
  void contentHashIsThirtyTwoHexDigits() {
    assertTrue(hash(sample()).matches("[0-9a-f]{32}"), hash(sample()));
  }

  @Test
  void contentHashIsStableForEqualContent() {
    Random rnd = new Random(43L);
    for (int i = 0; i < 200; i++) {
      long seed = rnd.nextLong();
      assertEquals(hash(randomRecord(new Random(seed))), hash(randomRecord(new Random(seed))));
    }
    assertEquals(hash(sample()), hash(sample()));
  }

  @Test
  void fieldOrderAndNullsInTheInputDoNotChangeTheHash() {
    Random rnd = new Random(44L);
    for (int i = 0; i < 500; i++) {
      CanonicalRecord r = randomRecord(rnd);
      JsonObject canonical = CanonicalJson.encode(r);
      List<String> names = new ArrayList<>(canonical.fieldNames());
      for (String f : OPTIONAL_FIELDS) if (!names.contains(f) && rnd.nextBoolean()) names.add(f);
      Collections.shuffle(names, rnd);
      JsonObject reordered = new JsonObject();
      for (String f : names) {
        if (canonical.containsKey(f)) reordered.put(f, canonical.getValue(f));
        else reordered.putNull(f);
      }
      if (!r.deleted() && rnd.nextBoolean()) reordered.put("deleted", false);
      RecordDecoder.Decoded d = RecordDecoder.decode(new JsonObject(reordered.encode()), r.source(), null);
      assertTrue(d.ok(), d::reason);
      assertEquals(CanonicalJson.contentHash(canonical), hash(d.record()), reordered::encode);
    }
  }

  @Test
  void attributeInsertionOrderDoesNotChangeTheHash() {
    Map<String, Object> ab = new LinkedHashMap<>();
    ab.put("a", 1);
    ab.put("b", "x");
    Map<String, Object> ba = new LinkedHashMap<>();
    ba.put("b", "x");
    ba.put("a", 1);
    assertEquals(hash(withAttributes(sample(), ab)), hash(withAttributes(sample(), ba)));
  }

  @Test
  void contentHashChangesWhenAnyFieldChanges() {
    Random rnd = new Random(45L);
    for (int i = 0; i < 200; i++) {
      CanonicalRecord r = randomRecord(rnd);
      String original = hash(r);
      for (Map.Entry<String, UnaryOperator<CanonicalRecord>> change : changes(rnd).entrySet()) {
        CanonicalRecord changed = change.getValue().apply(r);
        if (changed.equals(r)) continue;
        assertNotEquals(original, hash(changed), () -> change.getKey() + " changed but the hash did not: "
            + CanonicalJson.encode(r).encode());
      }
    }
  }

  @Test
  void hashesOfDistinctRandomRecordsDoNotCollide() {
    Random rnd = new Random(46L);
    Map<String, String> seen = new java.util.HashMap<>();
    for (int i = 0; i < 1_000; i++) {
      CanonicalRecord r = randomRecord(rnd);
      String encoded = CanonicalJson.encode(r).encode();
      String previous = seen.put(CanonicalJson.contentHash(new JsonObject(encoded)), encoded);
      assertTrue(previous == null || previous.equals(encoded), encoded);
    }
  }

  /** One single-field change per field of the record, each producing a different value than any random one. */
  private static Map<String, UnaryOperator<CanonicalRecord>> changes(Random rnd) {
    Map<String, UnaryOperator<CanonicalRecord>> m = new LinkedHashMap<>();
    m.put("sourceId", r -> copy(r).key(new SourceKey(r.source(), r.sourceId() + "x")).build());
    m.put("source", r -> copy(r).key(new SourceKey(r.source() + "x", r.sourceId())).build());
    m.put("kind", r -> copy(r).kind(r.kind() == Kind.PERSON ? Kind.ORGANIZATION : Kind.PERSON).order(null).build());
    m.put("updatedAt", r -> copy(r).updatedAt(r.updatedAt() == null ? Instant.EPOCH : r.updatedAt().plusNanos(1)).build());
    m.put("deleted", r -> copy(r).deleted(!r.deleted()).build());
    m.put("givenName", r -> copy(r).given(r.givenName() + "~").build());
    m.put("familyName", r -> copy(r).family(r.familyName() + "~").build());
    m.put("fullName", r -> copy(r).full(r.fullName() + "~").build());
    m.put("orgName", r -> copy(r).org(r.orgName() + "~").build());
    m.put("taxId", r -> copy(r).taxId(r.taxId() + "~").build());
    m.put("nationalId", r -> copy(r).nationalId(r.nationalId() + "~").build());
    m.put("birthDate", r -> copy(r).birthDate(r.birthDate() == null ? "1900-01-01"
        : LocalDate.parse(r.birthDate()).plusDays(1).toString()).build());
    m.put("emails+", r -> copy(r).emails(plus(r.emails(), "new@example.com")).build());
    m.put("emails order", r -> copy(r).emails(reversed(r.emails())).build());
    m.put("phones+", r -> copy(r).phones(plus(r.phones(), "000")).build());
    m.put("phones→emails", r -> copy(r).emails(plus(r.emails(), r.phones().isEmpty() ? "p" : r.phones().get(0)))
        .phones(r.phones().isEmpty() ? List.of() : r.phones().subList(1, r.phones().size())).build());
    m.put("address city", r -> copy(r).addresses(plus(r.addresses(), new Address(null, null, "Xi'an", null, null, null)))
        .build());
    m.put("address field moved", r -> r.addresses().isEmpty() || r.addresses().get(0).city() == null ? r
        : copy(r).addresses(List.of(new Address(null, null, null, r.addresses().get(0).city(), null, null))).build());
    m.put("links+", r -> copy(r).links(plus(r.links(), new SourceKey("erp", "K-" + rnd.nextInt()))).build());
    m.put("attribute value", r -> {
      Map<String, Object> a = new LinkedHashMap<>(r.attributes());
      a.put("segment", a.get("segment") == null ? "vip" : a.get("segment") + "~");
      return copy(r).attributes(a).build();
    });
    m.put("attribute type", r -> {
      Map<String, Object> a = new LinkedHashMap<>(r.attributes());
      a.put("n", a.get("n") instanceof String ? 1 : "1");
      return copy(r).attributes(a).build();
    });
    m.put("order amount", r -> r.order() == null ? r : copy(r).order(new OrderInfo(r.order().customerRef(),
        r.order().orderedAt(), r.order().amount() == null ? BigDecimal.ONE : r.order().amount().add(BigDecimal.ONE),
        r.order().currency(), r.order().status(), r.order().channel())).build());
    m.put("order status", r -> r.order() == null ? r : copy(r).order(new OrderInfo(r.order().customerRef(),
        r.order().orderedAt(), r.order().amount(), r.order().currency(),
        r.order().status() == OrderStatus.PAID ? OrderStatus.RETURNED : OrderStatus.PAID, r.order().channel())).build());
    m.put("order customerRef", r -> r.order() == null ? r : copy(r).order(new OrderInfo(
        new SourceKey("crm", "other-" + rnd.nextInt()), r.order().orderedAt(), r.order().amount(),
        r.order().currency(), r.order().status(), r.order().channel())).build());
    m.put("order currency", r -> r.order() == null ? r : copy(r).order(new OrderInfo(r.order().customerRef(),
        r.order().orderedAt(), r.order().amount(), r.order().currency() + "~", r.order().status(),
        r.order().channel())).build());
    return m;
  }

  private static CanonicalRecord withAttributes(CanonicalRecord r, Map<String, Object> attributes) {
    return copy(r).attributes(attributes).build();
  }

  private static <T> List<T> plus(List<T> list, T value) {
    List<T> out = new ArrayList<>(list);
    out.add(value);
    return out;
  }

  private static <T> List<T> reversed(List<T> list) {
    List<T> out = new ArrayList<>(list);
    Collections.reverse(out);
    return out;
  }

  // --- random records -----------------------------------------------------------------------------------

  private static final String ALPHABET = "abcXYZ019 .-_'\"\\/@+#%&张伟北京市有限公司ñéß😀\t";
  private static final int[] CODE_POINTS = ALPHABET.codePoints().toArray();

  /** A random record in the shape the decoder produces (stripped, non-blank text; JSON-stable numbers). */
  static CanonicalRecord randomRecord(Random rnd) {
    Kind kind = Kind.values()[rnd.nextInt(3)];
    Builder b = new Builder(new SourceKey(List.of("crm", "erp", "orders", "shop-2").get(rnd.nextInt(4)), text(rnd)),
        kind);
    b.updatedAt = rnd.nextInt(5) == 0 ? null
        : Instant.ofEpochSecond(1_500_000_000L + rnd.nextInt(200_000_000), rnd.nextBoolean() ? 0 : rnd.nextInt(1_000_000_000));
    b.deleted = rnd.nextInt(6) == 0;
    b.given = maybe(rnd, () -> text(rnd));
    b.family = maybe(rnd, () -> text(rnd));
    b.full = maybe(rnd, () -> text(rnd));
    b.org = maybe(rnd, () -> text(rnd));
    b.taxId = maybe(rnd, () -> text(rnd));
    b.nationalId = maybe(rnd, () -> text(rnd));
    b.birthDate = maybe(rnd, () -> LocalDate.of(1900, 1, 1).plusDays(rnd.nextInt(45_000)).toString());
    b.emails = texts(rnd);
    b.phones = texts(rnd);
    for (int k = rnd.nextInt(3); k > 0; k--) {
      Address a = new Address(maybe(rnd, () -> text(rnd)), maybe(rnd, () -> text(rnd)), maybe(rnd, () -> text(rnd)),
          maybe(rnd, () -> text(rnd)), maybe(rnd, () -> text(rnd)), maybe(rnd, () -> text(rnd)));
      b.addresses.add(a.isEmpty() ? new Address(null, null, text(rnd), null, null, null) : a);
    }
    for (int k = rnd.nextInt(3); k > 0; k--) b.links.add(new SourceKey(text(rnd), text(rnd)));
    for (int k = rnd.nextInt(4); k > 0; k--) b.attributes.put(text(rnd), attributeValue(rnd));
    if (kind == Kind.ORDER) {
      b.order = new OrderInfo(rnd.nextBoolean() ? null : new SourceKey(text(rnd), text(rnd)),
          maybe(rnd, () -> Instant.ofEpochSecond(1_600_000_000L + rnd.nextInt(100_000_000))),
          maybe(rnd, () -> new BigDecimal(Double.toString(rnd.nextInt(10_000_000) / 100.0))),
          maybe(rnd, () -> List.of("CNY", "EUR", "USD").get(rnd.nextInt(3))),
          maybe(rnd, () -> OrderStatus.values()[rnd.nextInt(OrderStatus.values().length)]),
          maybe(rnd, () -> text(rnd)));
      boolean guest = !b.emails.isEmpty() || !b.phones.isEmpty() || b.given != null || b.family != null || b.full != null;
      if (b.order.customerRef() == null && !guest && !b.deleted) b.emails.add("guest@example.com");
    }
    return b.build();
  }

  private static Object attributeValue(Random rnd) {
    return switch (rnd.nextInt(6)) {
      case 0 -> text(rnd);
      case 1 -> rnd.nextInt();
      case 2 -> Long.MAX_VALUE - rnd.nextInt(1000);
      case 3 -> rnd.nextBoolean();
      case 4 -> rnd.nextInt(100_000) / 8.0;
      default -> " padded and blank are kept as given ";
    };
  }

  private static <T> T maybe(Random rnd, java.util.function.Supplier<T> value) {
    return rnd.nextBoolean() ? null : value.get();
  }

  private static List<String> texts(Random rnd) {
    List<String> out = new ArrayList<>();
    for (int k = rnd.nextInt(4); k > 0; k--) out.add(text(rnd));
    return out;
  }

  private static String text(Random rnd) {
    StringBuilder sb = new StringBuilder();
    int len = 1 + rnd.nextInt(rnd.nextInt(20) == 0 ? 1024 : 12);
    while (sb.length() < len) sb.appendCodePoint(CODE_POINTS[rnd.nextInt(CODE_POINTS.length)]);
    String s = sb.toString().strip();
    if (s.length() > 1024) s = s.substring(0, 1000).strip();
    // a placeholder for no value (".", "xxx", "none@x") is read as missing, and would not round-trip
    return s.isEmpty() || MissingValues.inEmail(s) ? "x1" : s;
  }

  private static Builder copy(CanonicalRecord r) {
    Builder b = new Builder(r.key(), r.kind());
    b.updatedAt = r.updatedAt();
    b.deleted = r.deleted();
    b.given = r.givenName();
    b.family = r.familyName();
    b.full = r.fullName();
    b.org = r.orgName();
    b.taxId = r.taxId();
    b.nationalId = r.nationalId();
    b.birthDate = r.birthDate();
    b.emails = new ArrayList<>(r.emails());
    b.phones = new ArrayList<>(r.phones());
    b.addresses = new ArrayList<>(r.addresses());
    b.links = new ArrayList<>(r.links());
    b.attributes = new LinkedHashMap<>(r.attributes());
    b.order = r.order();
    return b;
  }

  /** Mutable on purpose: property tests change one field at a time. */
  private static final class Builder {
    private SourceKey key;
    private Kind kind;
    private Instant updatedAt;
    private boolean deleted;
    private String given, family, full, org, taxId, nationalId, birthDate;
    private List<String> emails = new ArrayList<>();
    private List<String> phones = new ArrayList<>();
    private List<Address> addresses = new ArrayList<>();
    private List<SourceKey> links = new ArrayList<>();
    private Map<String, Object> attributes = new LinkedHashMap<>();
    private OrderInfo order;

    Builder(SourceKey key, Kind kind) {
      this.key = key;
      this.kind = kind;
    }

    Builder key(SourceKey v) { key = v; return this; }
    Builder kind(Kind v) { kind = v; return this; }
    Builder updatedAt(Instant v) { updatedAt = v; return this; }
    Builder deleted(boolean v) { deleted = v; return this; }
    Builder given(String v) { given = v; return this; }
    Builder family(String v) { family = v; return this; }
    Builder full(String v) { full = v; return this; }
    Builder org(String v) { org = v; return this; }
    Builder taxId(String v) { taxId = v; return this; }
    Builder nationalId(String v) { nationalId = v; return this; }
    Builder birthDate(String v) { birthDate = v; return this; }
    Builder emails(List<String> v) { emails = v; return this; }
    Builder phones(List<String> v) { phones = v; return this; }
    Builder addresses(List<Address> v) { addresses = v; return this; }
    Builder links(List<SourceKey> v) { links = v; return this; }
    Builder attributes(Map<String, Object> v) { attributes = v; return this; }
    Builder order(OrderInfo v) { order = v; return this; }

    CanonicalRecord build() {
      return new CanonicalRecord(key, kind, updatedAt, deleted, given, family, full, org, taxId, nationalId, birthDate,
          emails, phones, addresses, links, attributes, order);
    }
  }
}

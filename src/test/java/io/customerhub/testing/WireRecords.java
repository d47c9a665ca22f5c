package io.customerhub.testing;

import io.customerhub.profile.ValueChecks;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Records as a source sends them over HTTP or Kafka (canonical JSON, contract 1.2), with identifiers that are
 * unique in the test JVM: test classes share one Hazelcast cluster (whose maps are keyed by source key) and a test
 * class shares one database between its tests, so no two tests may ever use the same source id, email or phone.
 */
public final class WireRecords {

  /** Distinguishes this JVM's identifiers from those of an earlier run against the same Kafka topics. */
  private static final String RUN = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36, 36L * 36 * 36 * 36 * 36), 36);
  private static final AtomicLong COUNTER = new AtomicLong();
  private static final AtomicLong PHONES = new AtomicLong(ThreadLocalRandom.current().nextLong(10_000_000, 80_000_000));

  public static final Instant T0 = Instant.parse("2026-01-10T08:00:00Z");

  private WireRecords() {
  }

  /** A source id such as {@code C-k3x9q-17}. */
  public static String uniqueId(String prefix) {
    return prefix + "-" + RUN + "-" + COUNTER.incrementAndGet();
  }

  /** A lower-case email such as {@code wei.zhang.k3x9q18@example.com}. */
  public static String uniqueEmail(String localPart) {
    return localPart + "." + RUN + COUNTER.incrementAndGet() + "@example.com";
  }

  /** A valid mainland-China mobile number, eleven digits without country code (e.g. {@code 13800138000}). */
  public static String uniqueMobile() {
    return "139" + String.format(Locale.ROOT, "%08d", PHONES.incrementAndGet());
  }

  /** The same number as a person types it in international format: {@code +86 139 0013 8000}. */
  public static String international(String mobile) {
    return "+86 " + mobile.substring(0, 3) + " " + mobile.substring(3, 7) + " " + mobile.substring(7);
  }

  private static final String[] SYLLABLES = {"an", "bo", "chen", "da", "fei", "gang", "hui", "jun", "kai", "lan",
      "ming", "na", "ping", "qiang", "rui", "shan", "tao", "wen", "xin", "yu"};

  /** A name part no other call in this JVM returns (e.g. {@code Mingtaoyu}), so that names do not block together. */
  public static String uniqueName() {
    long n = COUNTER.incrementAndGet() + 8000L * ThreadLocalRandom.current().nextInt(1, 20);
    StringBuilder sb = new StringBuilder();
    while (n > 0) {
      sb.append(SYLLABLES[(int) (n % SYLLABLES.length)]);
      n /= SYLLABLES.length;
    }
    return Character.toUpperCase(sb.charAt(0)) + sb.substring(1);
  }

  public static Instant at(int minutesAfterT0) {
    return T0.plusSeconds(60L * minutesAfterT0);
  }

  /**
   * A moment {@code days} before now, whole seconds: for facts the hub judges against its clock (order recency,
   * 12-month value); whole seconds so that the time reads back exactly as sent.
   */
  public static Instant daysAgo(int days) {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(days, ChronoUnit.DAYS);
  }

  /**
   * A CRM and an ERP record the matcher is unsure of, for a steward to decide: one name (unique to the JVM), birth
   * dates a day apart, other e-mails, no ids to conflict.
   */
  public static List<Rec> unsurePair() {
    String given = uniqueName(), family = uniqueName();
    Rec crm = person("crm", uniqueId("C")).name(given, family).birthDate("1961-04-17").emails(uniqueEmail("crm"))
        .phones(international(uniqueMobile())).address("12 Lotus Rd", "Beijing", "100020");
    Rec erp = person("erp", uniqueId("E")).name(given, family).birthDate("1961-04-18").emails(uniqueEmail("erp"));
    return List.of(crm, erp);
  }

  /**
   * A person no other record of the JVM resembles: unique name, email, phone, national id, birth date and address,
   * because the matcher rightly joins records that share a birth date, an address and a near-equal id.
   */
  public static Rec distinctPerson(String source, String idPrefix) {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    String birthDate = String.format(Locale.ROOT, "%d-%02d-%02d", 1940 + r.nextInt(60), 1 + r.nextInt(12),
        1 + r.nextInt(28));
    return person(source, uniqueId(idPrefix)).name(uniqueName(), uniqueName()).emails(uniqueEmail("person"))
        .phones(international(uniqueMobile()))
        .nationalId(residentId(String.valueOf(110_000 + r.nextInt(540_000)) + birthDate.replace("-", "")
            + String.format(Locale.ROOT, "%03d", r.nextInt(1000))))
        .birthDate(birthDate)
        .address(r.nextInt(1, 999) + " " + uniqueName() + " Rd", "Beijing", String.valueOf(100_000 + r.nextInt(800_000)))
        .updatedAt(at(0));
  }

  /**
   * The same person as {@code crm} in the ERP, whose national id is another one entirely: a doubtful pair, which the
   * matcher leaves open for a steward.
   */
  public static Rec sameCustomerOtherNationalId(Rec crm) {
    return crm.copyIn("erp", "E")
        .nationalId(String.valueOf(100_000_000_000_000_000L + Math.abs(crm.sourceId().hashCode()) * 7919L));
  }

  /**
   * A Chinese resident identity number: {@code body17} (area, birth date, sequence) with its GB 11643 check character
   * (ISO 7064 MOD 11-2), as real ones carry; without it the hub reads the id as mistyped (INVALID_ID).
   */
  public static String residentId(String body17) {
    return body17 + ValueChecks.residentIdCheck(body17);
  }

  /**
   * {@code customers} distinct CRM customers; every {@code every}-th of them also in the ERP under its own id, with
   * the same e-mail written in capitals: pairs the matcher merges on the e-mail alone.
   */
  public static List<Rec> customersWithErpCopies(int customers, int every) {
    List<Rec> records = new java.util.ArrayList<>();
    for (int i = 0; i < customers; i++) {
      Rec crm = distinctPerson("crm", "C");
      records.add(crm);
      if (i % every == 0) {
        String email = crm.json().getJsonArray("emails").getString(0).toUpperCase();
        records.add(crm.copyIn("erp", "E").emails(email));
      }
    }
    return records;
  }

  private static final String[][] FAMILIES = {{"Noah", "Watson", "Bolton"}, {"Ivy", "Kay", "Peterborough"},
      {"Mila", "Hall", "Birmingham"}, {"Leo", "Jones", "Manchester"}, {"Arlo", "Morgan", "Aberdeen"},
      {"Tyler", "Davis", "Ipswich"}, {"Lily", "Young", "London"}, {"Oscar", "Grant", "Ipswich"},
      {"Ella", "Walsh", "Milton"}, {"Jack", "Foster", "London"}, {"Amber", "Smith", "Sunderland"},
      {"Ryan", "King", "London"}};
  /**
   * Dates of one year that share neither month nor day: the records meet through the name-and-year key, and
   * only the year agrees (a date with two parts in common would already weigh for a merge in the priors).
   */
  private static final String[] MONTHS_APART = {"-03-23", "-05-19", "-06-11", "-09-05", "-11-28"};

  /**
   * Twelve customers with five records each (source {@code people}, ids {@code <unique customer id>-<record>}),
   * their birth dates months apart: the default model, a prior made for about one duplicate per record, keeps some of
   * them apart; a model learned from the data merges each customer.
   */
  public static List<JsonObject> customersWithSeveralRecords() {
    List<JsonObject> records = new java.util.ArrayList<>();
    for (int p = 0; p < FAMILIES.length; p++) {
      String customer = uniqueId("P");
      for (int r = 0; r < MONTHS_APART.length; r++) {
        records.add(new JsonObject().put("source", "people").put("sourceId", customer + "-" + r).put("kind", "person")
            .put("givenName", FAMILIES[p][0]).put("familyName", FAMILIES[p][1])
            .put("birthDate", (1970 + p) + MONTHS_APART[r])
            .put("addresses", new JsonArray().add(new JsonObject().put("city", FAMILIES[p][2]))));
      }
    }
    return records;
  }

  /** The records of {@link #customersWithSeveralRecords()} grouped by customer, as {@code source:sourceId}. */
  public static Set<Set<String>> byCustomer(List<JsonObject> records) {
    Map<String, Set<String>> groups = new java.util.HashMap<>();
    for (JsonObject r : records) {
      String id = r.getString("sourceId");
      groups.computeIfAbsent(id.substring(0, id.lastIndexOf('-')), c -> new java.util.HashSet<>())
          .add(r.getString("source") + ":" + id);
    }
    return new java.util.HashSet<>(groups.values());
  }

  public static Rec person(String source, String sourceId) {
    return new Rec(new JsonObject().put("source", source).put("sourceId", sourceId).put("kind", "person"));
  }

  public static Rec organization(String source, String sourceId) {
    return new Rec(new JsonObject().put("source", source).put("sourceId", sourceId).put("kind", "organization"));
  }

  /** An order of source {@code orders} for the given customer record. */
  public static Rec order(String sourceId, String customerSource, String customerSourceId) {
    return new Rec(new JsonObject().put("source", "orders").put("sourceId", sourceId).put("kind", "order")
        .put("customerRef", new JsonObject().put("source", customerSource).put("sourceId", customerSourceId)));
  }

  /** A body of NDJSON: one line per record, each ending with a newline. */
  public static String ndjson(Collection<?> records) {
    return records.stream().map(WireRecords::line).map(l -> l + "\n").collect(Collectors.joining());
  }

  private static String line(Object record) {
    if (record instanceof Rec r) return r.line();
    if (record instanceof JsonObject o) return o.encode();
    return String.valueOf(record);
  }

  /** A record under construction; every setter returns this builder. */
  public static final class Rec {
    private final JsonObject json;

    private Rec(JsonObject json) {
      this.json = json;
    }

    public String source() {
      return json.getString("source");
    }

    public String sourceId() {
      return json.getString("sourceId");
    }

    public Rec updatedAt(Instant at) {
      return set("updatedAt", at.toString());
    }

    public Rec name(String given, String family) {
      return set("givenName", given).set("familyName", family);
    }

    public Rec emails(String... emails) {
      return set("emails", new JsonArray(java.util.List.of((Object[]) emails)));
    }

    public Rec phones(String... phones) {
      return set("phones", new JsonArray(java.util.List.of((Object[]) phones)));
    }

    public Rec nationalId(String id) {
      return set("nationalId", id);
    }

    public Rec birthDate(String date) {
      return set("birthDate", date);
    }

    public Rec address(String line1, String city, String postcode) {
      return set("addresses", new JsonArray().add(new JsonObject().put("line1", line1).put("city", city)
          .put("postcode", postcode).put("country", "CN")));
    }

    public Rec deleted() {
      return set("deleted", true);
    }

    public Rec link(String source, String sourceId) {
      JsonArray links = json.getJsonArray("links");
      if (links == null) {
        links = new JsonArray();
        json.put("links", links);
      }
      links.add(new JsonObject().put("source", source).put("sourceId", sourceId));
      return this;
    }

    public Rec attribute(String name, Object value) {
      JsonObject attributes = json.getJsonObject("attributes");
      if (attributes == null) {
        attributes = new JsonObject();
        json.put("attributes", attributes);
      }
      attributes.put(name, value);
      return this;
    }

    /** An order's facts: when, how much (CNY) and in which state. */
    public Rec ordered(Instant at, String amount, String status) {
      return set("orderedAt", at.toString()).set("amount", Double.parseDouble(amount)).set("currency", "CNY")
          .set("status", status).set("channel", "web");
    }

    public Rec set(String field, Object value) {
      json.put(field, value);
      return this;
    }

    public Rec remove(String field) {
      json.remove(field);
      return this;
    }

    /** A copy, so that a test can send two versions of one record. */
    public Rec copy() {
      return new Rec(json.copy());
    }

    /** The same customer as another source holds it: a copy under {@code source}, with a new id there. */
    public Rec copyIn(String source, String idPrefix) {
      return copy().set("source", source).set("sourceId", uniqueId(idPrefix));
    }

    public JsonObject json() {
      return json.copy();
    }

    public String line() {
      return json.encode();
    }
  }
}

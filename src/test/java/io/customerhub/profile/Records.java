package io.customerhub.profile;

import io.customerhub.record.Address;
import io.customerhub.record.CanonicalRecord;
import io.customerhub.record.Kind;
import io.customerhub.record.OrderStatus;
import io.customerhub.record.SourceKey;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test builders: canonical records and order facts with only the fields a test cares about. */
public final class Records {

  public static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");

  private Records() {
  }

  public static Instant daysAgo(long days) {
    return NOW.minus(Duration.ofDays(days));
  }

  public static Rec rec(String source, String id, Instant updatedAt) {
    return new Rec(new SourceKey(source, id), updatedAt);
  }

  public static OrderFact order(String id, long daysAgo, String amount, OrderStatus status, String channel) {
    return new OrderFact(new SourceKey("orders", id), daysAgo(daysAgo), new BigDecimal(amount), "CNY", status,
        channel, daysAgo(daysAgo));
  }

  public static ProfileInput input(String profileId, List<CanonicalRecord> members, List<OrderFact> orders,
                                   Profile previous) {
    return new ProfileInput(profileId, previous == null ? 1 : previous.version() + 1,
        previous == null ? NOW : previous.createdAt(), members, orders, previous);
  }

  /** Mutable on purpose: tests set a few fields and build. */
  public static final class Rec {
    private final SourceKey key;
    private final Instant updatedAt;
    private Kind kind = Kind.PERSON;
    private boolean deleted;
    private String given, family, full, org, taxId, nationalId, birthDate;
    private final List<String> emails = new ArrayList<>();
    private final List<String> phones = new ArrayList<>();
    private final List<Address> addresses = new ArrayList<>();
    private final Map<String, Object> attributes = new LinkedHashMap<>();

    private Rec(SourceKey key, Instant updatedAt) {
      this.key = key;
      this.updatedAt = updatedAt;
    }

    public Rec org(String name, String taxId) {
      this.kind = Kind.ORGANIZATION;
      this.org = name;
      this.taxId = taxId;
      return this;
    }

    public Rec name(String given, String family) {
      this.given = given;
      this.family = family;
      return this;
    }

    public Rec fullName(String full) {
      this.full = full;
      return this;
    }

    public Rec nationalId(String id) {
      this.nationalId = id;
      return this;
    }

    public Rec taxId(String id) {
      this.taxId = id;
      return this;
    }

    public Rec birthDate(String date) {
      this.birthDate = date;
      return this;
    }

    public Rec emails(String... e) {
      emails.addAll(List.of(e));
      return this;
    }

    public Rec phones(String... p) {
      phones.addAll(List.of(p));
      return this;
    }

    public Rec address(String line1, String city, String postcode) {
      addresses.add(new Address(line1, null, city, null, postcode, "CN"));
      return this;
    }

    public Rec attr(String name, Object value) {
      attributes.put(name, value);
      return this;
    }

    public Rec deleted() {
      this.deleted = true;
      return this;
    }

    public CanonicalRecord build() {
      return new CanonicalRecord(key, kind, updatedAt, deleted, given, family, full, org, taxId, nationalId,
          birthDate, emails, phones, addresses, List.of(), attributes, null);
    }
  }
}

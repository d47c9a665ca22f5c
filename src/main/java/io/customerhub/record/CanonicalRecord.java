package io.customerhub.record;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The canonical record every source is mapped to (contract 1.2). Immutable; lists and maps are never null
 * (empty when the source gave nothing). {@code birthDate} is kept as the normalized ISO string the decoder
 * produced, so that matching can still reason about swapped day and month.
 */
public record CanonicalRecord(
    SourceKey key,
    Kind kind,
    Instant updatedAt,
    boolean deleted,
    String givenName,
    String familyName,
    String fullName,
    String orgName,
    String taxId,
    String nationalId,
    String birthDate,
    List<String> emails,
    List<String> phones,
    List<Address> addresses,
    List<SourceKey> links,
    Map<String, Object> attributes,
    OrderInfo order) {

  public CanonicalRecord {
    emails = emails == null ? List.of() : List.copyOf(emails);
    phones = phones == null ? List.of() : List.copyOf(phones);
    addresses = addresses == null ? List.of() : List.copyOf(addresses);
    links = links == null ? List.of() : List.copyOf(links);
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }

  /**
   * The birth years a record keeps: a historical register has people born in 1630 or 870, and 1258 for 1958 is a
   * typo the matcher reads as one; outside these a four-digit number is no year. The decoder and the standardizer
   * both ask this.
   */
  public static boolean isBirthYear(int year) {
    return year >= 100 && year <= 2999;
  }

  /** The dates systems write where they know no birth date: the matcher and the golden record count them as none. */
  private static final Set<String> PLACEHOLDER_BIRTH_DATES = Set.of("1900-01-01", "1899-12-31", "1800-01-01");

  public static boolean isPlaceholderBirthDate(String date) {
    return PLACEHOLDER_BIRTH_DATES.contains(date);
  }

  public String source() {
    return key.source();
  }

  public String sourceId() {
    return key.sourceId();
  }

  /** Orders with a customer reference hang off another record; everything else is an identity to resolve. */
  public boolean isIdentity() {
    return kind != Kind.ORDER || order == null || order.customerRef() == null;
  }

  /** A minimal person record, handy for tests and tools. */
  public static CanonicalRecord person(SourceKey key, Instant updatedAt, String given, String family,
                                       List<String> emails, List<String> phones) {
    return new CanonicalRecord(key, Kind.PERSON, updatedAt, false, given, family, null, null, null, null, null,
        emails, phones, List.of(), List.of(), Map.of(), null);
  }
}

package io.customerhub.profile;

import io.customerhub.record.CanonicalRecord;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything the assembler needs to (re)compute one profile: its identity records, the orders linked to it, the
 * profile as it was before (null for a new profile), so that risk tags keep their {@code since} and history, and
 * the golden values a steward set by hand ({@code overrides}, by lineage name such as {@code givenName} or
 * {@code attributes.segment}).
 */
public record ProfileInput(String profileId, long version, Instant createdAt, List<CanonicalRecord> members,
                           List<OrderFact> orders, Profile previous, Map<String, Object> overrides) {

  public ProfileInput {
    overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
  }

  public ProfileInput(String profileId, long version, Instant createdAt, List<CanonicalRecord> members,
                      List<OrderFact> orders, Profile previous) {
    this(profileId, version, createdAt, members, orders, previous, Map.of());
  }
}

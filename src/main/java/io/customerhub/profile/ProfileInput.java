package io.customerhub.profile;

import io.customerhub.record.CanonicalRecord;

import java.time.Instant;
import java.util.List;

/**
 * Everything the assembler needs to (re)compute one profile: its identity records, the orders linked to it and
 * the profile as it was before (null for a new profile), so that risk tags keep their {@code since} and history.
 */
public record ProfileInput(String profileId, long version, Instant createdAt, List<CanonicalRecord> members,
                           List<OrderFact> orders, Profile previous) {
}

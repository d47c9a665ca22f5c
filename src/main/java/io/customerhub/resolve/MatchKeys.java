package io.customerhub.resolve;

import io.customerhub.record.CanonicalRecord;
import io.customerhub.record.SourceKey;
import io.customerhub.resolve.standardize.StandardRecord;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The keys a stored identity record is found and locked by, and the hashes they are stored as: its strong keys,
 * its own key and those of the records it links to, then its blocking keys. One function for ingest and for
 * re-standardization, so that a record re-standardized carries exactly the keys a version stored now would.
 *
 * @param keys   strong keys first, then the blocking keys that are not strong, each once
 * @param strong the strong keys with the record's own key and its links
 * @param hashes {@link KeyHash#of(List)} of {@code keys}: sorted, distinct
 */
record MatchKeys(List<String> keys, Set<String> strong, long[] hashes) {

  static MatchKeys of(CanonicalRecord r, StandardRecord std) {
    Set<String> strong = new LinkedHashSet<>(std.strongKeys());
    strong.add(Linker.recordKey(r.key()));
    for (SourceKey link : r.links()) strong.add(Linker.recordKey(link));
    List<String> keys = new ArrayList<>(strong);
    for (String b : std.blockingKeys()) if (!strong.contains(b)) keys.add(b);
    return new MatchKeys(List.copyOf(keys), strong, KeyHash.of(keys));
  }
}

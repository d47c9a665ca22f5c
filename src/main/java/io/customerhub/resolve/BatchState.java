package io.customerhub.resolve;

import io.customerhub.record.CanonicalRecord;
import io.customerhub.record.SourceKey;
import io.customerhub.resolve.index.CandidateIndex;
import io.customerhub.store.ProfileChange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What the steps of one batch transaction learn as they go: each record's answer, the profiles to recompute,
 * the merges, and the matcher's counters. One instance per attempt, used from one chain of steps at a time.
 */
final class BatchState {

  final Map<Integer, Outcome> outcomes = new HashMap<>();
  final Map<SourceKey, Outcome> byKey = new HashMap<>();
  /** Profiles whose members or orders changed: recomputed by the batch's second transaction. */
  final Set<UUID> affected = new LinkedHashSet<>();
  /** Profiles this batch creates, with their member records (all of them in the batch). */
  final Map<UUID, List<CanonicalRecord>> created = new LinkedHashMap<>();
  /** Survivor to the profiles it absorbed in this batch. */
  final Map<UUID, List<UUID>> absorbed = new HashMap<>();
  /** Profiles merged away, with their final version, and the survivor each now points to. */
  final Map<UUID, Long> mergedAway = new HashMap<>();
  final Map<UUID, UUID> mergedInto = new HashMap<>();
  /** The batch's identity records as the candidate index holds them once the batch commits. */
  final List<CandidateIndex.Indexed> indexed = new ArrayList<>();
  /** Stored records that are no longer identity records and left their profiles: the cache forgets their keys. */
  final List<SourceKey> unlinked = new ArrayList<>();
  int linked;
  int scoredPairs;
  int cappedKeys;

  void record(Prepared p, Outcome o) {
    outcomes.put(p.index(), o);
    byKey.put(p.key(), o);
  }

  /** Every profile the second transaction recomputes: the ones changed and the ones created. */
  Set<UUID> toRecompute() {
    Set<UUID> all = new LinkedHashSet<>(affected);
    all.addAll(created.keySet());
    return all;
  }

  BatchTransaction.Result result(long token) {
    List<ProfileChange> merged = new ArrayList<>();
    mergedAway.forEach((id, version) -> merged.add(new ProfileChange(id, ProfileChange.MERGED, version, null,
        mergedInto.get(id), List.of())));
    return new BatchTransaction.Result(outcomes, byKey, affected, created, absorbed, token, merged, unlinked, linked,
        scoredPairs, cappedKeys);
  }
}

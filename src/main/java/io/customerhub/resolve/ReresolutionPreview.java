package io.customerhub.resolve;

import io.customerhub.record.SourceKey;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What a re-resolution would change, worked out from its plan without writing anything: how many records would
 * move, how many profiles there would be, how many would combine records of several of today's profiles or give
 * records to several, and the same in pairs of records (the measure pairwise precision and recall count in), so
 * that an administrator sees what a new model or threshold does to the customers before it does it. Pure.
 *
 * @param records        the identity records the plan placed
 * @param moving         those whose profile would change
 * @param profilesNow    the profiles they are in now
 * @param profilesAfter  the profiles they would be in
 * @param profilesJoined profiles after the run that would hold records of two or more of today's profiles
 * @param profilesSplit  today's profiles whose records would go to two or more profiles
 * @param pairsJoined    pairs of records in different profiles now that would share one
 * @param pairsParted    pairs of records sharing a profile now that would be in different ones
 * @param reviewPairs    the pairs the run would leave for review (they replace the open ones)
 * @param examples       the first moves in key order, at most {@link #EXAMPLES}
 */
public record ReresolutionPreview(int records, int moving, int profilesNow, int profilesAfter, int profilesJoined,
                                  int profilesSplit, long pairsJoined, long pairsParted, int reviewPairs,
                                  List<Move> examples) {

  static final int EXAMPLES = 20;

  /** A record that would move; {@code newProfile}: its profile would be made by the run, not one of today's. */
  public record Move(SourceKey record, UUID from, UUID to, boolean newProfile) {
  }

  static ReresolutionPreview of(ReresolutionPlan.Snapshot s, ReresolutionPlan plan) {
    return of(s.keys(), s.profiles(), plan.target(), plan.reviews().size());
  }

  /** {@code now} and {@code after}: each record's profile today and after the run, in the order of {@code keys}. */
  static ReresolutionPreview of(List<SourceKey> keys, List<UUID> now, UUID[] after, int reviewPairs) {
    Set<UUID> today = new HashSet<>(now);
    Map<UUID, Integer> sizeNow = new HashMap<>();
    Map<UUID, Integer> sizeAfter = new HashMap<>();
    Map<List<UUID>, Integer> both = new HashMap<>();
    Map<UUID, Set<UUID>> sourcesOf = new HashMap<>();
    Map<UUID, Set<UUID>> targetsOf = new HashMap<>();
    List<Move> examples = new ArrayList<>();
    int moving = 0;
    for (int i = 0; i < after.length; i++) {
      UUID from = now.get(i), to = after[i];
      sizeNow.merge(from, 1, Integer::sum);
      sizeAfter.merge(to, 1, Integer::sum);
      both.merge(List.of(from, to), 1, Integer::sum);
      sourcesOf.computeIfAbsent(to, k -> new HashSet<>()).add(from);
      targetsOf.computeIfAbsent(from, k -> new HashSet<>()).add(to);
      if (!from.equals(to)) {
        moving++;
        if (examples.size() < EXAMPLES) examples.add(new Move(keys.get(i), from, to, !today.contains(to)));
      }
    }
    long together = pairs(both), before = pairs(sizeNow), later = pairs(sizeAfter);
    return new ReresolutionPreview(after.length, moving, sizeNow.size(), sizeAfter.size(),
        (int) sourcesOf.values().stream().filter(s -> s.size() > 1).count(),
        (int) targetsOf.values().stream().filter(t -> t.size() > 1).count(),
        later - together, before - together, reviewPairs, List.copyOf(examples));
  }

  /** The pairs of records that share a group, for groups of these sizes. */
  private static long pairs(Map<?, Integer> sizes) {
    long n = 0;
    for (int size : sizes.values()) n += (long) size * (size - 1) / 2;
    return n;
  }
}

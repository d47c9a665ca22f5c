package io.customerhub.resolve;

import io.customerhub.profile.ProfileIds;
import io.customerhub.record.SourceKey;
import io.customerhub.resolve.match.Blocker;
import io.customerhub.resolve.standardize.StandardRecord;
import io.customerhub.support.Parallel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Where a re-resolution puts every stored identity record: the new profile of each (an existing id where the
 * cluster keeps most of a profile's records, else a new one), the pairs left for review, and the pair that joined
 * each record. Pure: it works on records already read and blocked ({@link Reresolver} reads and applies).
 *
 * @param target     per record, its profile id after the run
 * @param reviews    the REVIEW pairs (indexes into the snapshot) whose records end up in different profiles
 * @param reviewDecisions the decision of each of those pairs (a guard's veto says "cluster-guard")
 * @param joinedBy   per record, the first MERGE pair that joined it to its cluster (null for records joined by
 *                   links only, or alone): what its explanation names
 * @param joinedWith the other record of that pair
 */
record ReresolutionPlan(UUID[] target, List<long[]> reviews, List<PairDecider.Decision> reviewDecisions,
                        PairDecider.Decision[] joinedBy, int[] joinedWith) {

  /**
   * The stored identity records, in key order (ties between equal pairs break by these places), with the profile
   * each is in, the groups that explicit links and steward merges hold together, and when each profile was made.
   */
  record Snapshot(List<SourceKey> keys, List<StandardRecord> standards, List<UUID> profiles,
                  Map<String, List<Integer>> linkGroups, Map<UUID, Long> created) {
  }

  /** As below, with link groups that join whatever stewards decided. */
  static ReresolutionPlan of(Snapshot s, Blocker.Candidates pairs, PairDecider decider, Linker.Guard guard) {
    return of(s, pairs, decider, guard, Linker.Guard.NONE);
  }

  /**
   * Joins the link groups unless {@code keptApart} (the stewards' decisions) vetoes, scores every candidate pair
   * with {@code decider}, joins the MERGE pairs strongest first unless {@code guard} vetoes the join (then the
   * pair is for review), and gives each cluster the profile id most of its records had.
   */
  static ReresolutionPlan of(Snapshot s, Blocker.Candidates pairs, PairDecider decider, Linker.Guard guard,
                             Linker.Guard keptApart) {
    List<long[]> reviews = new ArrayList<>();
    List<PairDecider.Decision> reviewDecisions = new ArrayList<>();
    int n = s.keys().size();
    Linker.UnionFind uf = new Linker.UnionFind(n);
    Map<Integer, List<StandardRecord>> members = new HashMap<>();
    joinLinkGroups(s, uf, members, keptApart);
    record Scored(int a, int b, PairDecider.Decision d) {
    }
    List<Scored> merges = new ArrayList<>();
    PairDecider.Decision[] joinedBy = new PairDecider.Decision[n];
    int[] joinedWith = new int[n];
    // scored on every core; the pairs kept apart, nearly all of them, are let go at once
    long[] all = pairs.pairs();
    List<Scored> scored = Parallel.concat(all.length, (from, to) -> {
      List<Scored> part = new ArrayList<>();
      for (int i = from; i < to; i++) {
        int a = Blocker.Candidates.left(all[i]), b = Blocker.Candidates.right(all[i]);
        PairDecider.Decision d = decider.decide(s.standards().get(a), s.standards().get(b), false);
        if (d.band() != PairDecider.Band.APART) part.add(new Scored(a, b, d));
      }
      return part;
    });
    for (Scored x : scored) {
      if (x.d().band() == PairDecider.Band.REVIEW) {
        reviews.add(new long[] {x.a(), x.b()});
        reviewDecisions.add(x.d());
      } else {
        merges.add(x);
      }
    }
    // strongest pairs first, as in online linking, so the guard judges weak links against built clusters
    merges.sort(Comparator.comparingDouble((Scored x) -> Linker.weight(x.d())).reversed());
    for (Scored m : merges) {
      int a = m.a(), b = m.b();
      if (uf.find(a) == uf.find(b)) continue;
      List<StandardRecord> left = membersOf(s, members, uf.find(a));
      List<StandardRecord> right = membersOf(s, members, uf.find(b));
      Optional<String> objection = guard.check(left, right);
      if (objection.isPresent()) {
        reviews.add(new long[] {a, b});
        reviewDecisions.add(Linker.vetoed(m.d(), objection.get()));
        continue;
      }
      join(uf, members, uf.find(a), uf.find(b), left, right);
      if (joinedBy[a] == null) {
        joinedBy[a] = m.d();
        joinedWith[a] = b;
      }
      if (joinedBy[b] == null) {
        joinedBy[b] = m.d();
        joinedWith[b] = a;
      }
    }
    UUID[] target = profileIds(s, uf);
    List<long[]> open = new ArrayList<>();
    List<PairDecider.Decision> openDecisions = new ArrayList<>();
    for (int k = 0; k < reviews.size(); k++) {
      long[] p = reviews.get(k);
      if (!target[(int) p[0]].equals(target[(int) p[1]])) {
        open.add(p);
        openDecisions.add(reviewDecisions.get(k));
      }
    }
    return new ReresolutionPlan(target, open, openDecisions, joinedBy, joinedWith);
  }

  /**
   * Joins each record of a group that explicit links or a steward merge hold together to the group's first, unless
   * a steward kept it apart from a record of the cluster so far: a steward's keep-apart beats a source's link, and
   * the record stays out. Leaves the records of each cluster made in {@code members}, by root, so that the guard
   * judges later joins against the whole cluster and not one record of it.
   */
  private static void joinLinkGroups(Snapshot s, Linker.UnionFind uf, Map<Integer, List<StandardRecord>> members,
                                     Linker.Guard keptApart) {
    for (List<Integer> group : s.linkGroups().values()) {
      for (int i : group) {
        int ra = uf.find(group.get(0)), rb = uf.find(i);
        if (ra == rb) continue;
        List<StandardRecord> left = membersOf(s, members, ra), right = membersOf(s, members, rb);
        if (keptApart.check(left, right).isEmpty()) join(uf, members, ra, rb, left, right);
      }
    }
  }

  /** The records of the cluster with root {@code root}; a record not joined yet is its own root and all of it. */
  private static List<StandardRecord> membersOf(Snapshot s, Map<Integer, List<StandardRecord>> members, int root) {
    return members.computeIfAbsent(root, r -> new ArrayList<>(List.of(s.standards().get(r))));
  }

  private static void join(Linker.UnionFind uf, Map<Integer, List<StandardRecord>> members, int ra, int rb,
                           List<StandardRecord> left, List<StandardRecord> right) {
    uf.union(ra, rb);
    List<StandardRecord> joined = new ArrayList<>(left);
    joined.addAll(right);
    members.remove(ra);
    members.remove(rb);
    members.put(uf.find(ra), joined);
  }

  /**
   * Biggest clusters first, each takes the profile id most of its records had and no bigger cluster took (the
   * older profile on a tie), else a new one.
   */
  private static UUID[] profileIds(Snapshot s, Linker.UnionFind uf) {
    int n = s.keys().size();
    Map<Integer, List<Integer>> clusters = new HashMap<>();
    for (int i = 0; i < n; i++) clusters.computeIfAbsent(uf.find(i), r -> new ArrayList<>()).add(i);
    UUID[] target = new UUID[n];
    Set<UUID> claimed = new HashSet<>();
    List<List<Integer>> bySize = new ArrayList<>(clusters.values());
    bySize.sort((x, y) -> y.size() - x.size());
    for (List<Integer> c : bySize) {
      Map<UUID, Integer> votes = new HashMap<>();
      for (int i : c) votes.merge(s.profiles().get(i), 1, Integer::sum);
      UUID keep = votes.entrySet().stream().filter(e -> !claimed.contains(e.getKey()))
          .sorted((x, y) -> y.getValue() - x.getValue() != 0 ? y.getValue() - x.getValue()
              : Long.compare(s.created().getOrDefault(x.getKey(), 0L), s.created().getOrDefault(y.getKey(), 0L)))
          .map(Map.Entry::getKey).findFirst().orElseGet(ProfileIds::next);
      claimed.add(keep);
      for (int i : c) target[i] = keep;
    }
    return target;
  }
}

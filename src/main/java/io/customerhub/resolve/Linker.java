package io.customerhub.resolve;

import io.customerhub.record.SourceKey;
import io.customerhub.resolve.standardize.StandardRecord;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Groups a batch of identity records with the stored records they meet through shared keys: every pair that meets
 * is decided by the {@link PairDecider}; MERGE decisions join records (and whole profiles) into one cluster,
 * REVIEW decisions are kept for stewards. Pure: the caller loads candidates and writes the outcome.
 */
public final class Linker {

  /**
   * Keys with this prefix name a record: every record carries its own ({@code rec:crm:C-1}) and one per entry of
   * its {@code links}, so records that name each other meet, and such a meeting is an explicit link.
   */
  public static final String LINK_PREFIX = "rec:";

  /** One record of the batch with the keys it is looked up and locked by. */
  public record Item(int index, StandardRecord standard, List<String> keys) {
  }

  public static String recordKey(SourceKey key) {
    return LINK_PREFIX + key.asString();
  }

  /** Where a batch record goes: an existing profile (possibly absorbing others) or a new one. */
  public record Assignment(int index, int cluster, PairDecider.Decision decision, SourceKey matchedWith) {
  }

  /** A cluster of the outcome: the profiles it joins (oldest first is the caller's choice) and its batch records. */
  public record Cluster(int id, Set<String> existingProfiles, List<Integer> items) {
  }

  public record ReviewPair(SourceKey left, SourceKey right, PairDecider.Decision decision, int leftNode,
                           int rightNode) {
  }

  /** {@code scoredPairs}: the pairs the decider judged, the cost that blocking keeps about linear. */
  public record Outcome(List<Cluster> clusters, Map<Integer, Assignment> assignments, List<ReviewPair> reviews,
                        int scoredPairs) {
  }

  /**
   * The last word before two clusters join through a MERGE pair: pairwise scores are local, and A~B, B~C can
   * chain two people into one profile. Empty when the merge may go ahead, else why a steward should look.
   */
  public interface Guard {
    Optional<String> check(List<StandardRecord> left, List<StandardRecord> right);

    Guard NONE = (a, b) -> Optional.empty();
  }

  private final PairDecider decider;
  private final Guard guard;
  private final Guard keptApart;

  public Linker(PairDecider decider) {
    this(decider, Guard.NONE);
  }

  public Linker(PairDecider decider, Guard guard) {
    this(decider, guard, Guard.NONE);
  }

  /**
   * @param guard     judges every MERGE pair a matcher scored
   * @param keptApart the stewards' decisions, which judge explicit links too: a source's link does not beat a
   *                  steward who said the two are different customers (a split stays split)
   */
  public Linker(PairDecider decider, Guard guard, Guard keptApart) {
    this.decider = decider;
    this.guard = guard;
    this.keptApart = keptApart;
  }

  public boolean guarded() {
    return guard != Guard.NONE || keptApart != Guard.NONE;
  }

  /**
   * @param items      the batch's identity records (one per source key)
   * @param candidates stored records by key (only keys of the batch); a batch record's own stored version is
   *                   among them under its {@code rec:} key and keeps it in its current profile
   */
  public Outcome link(List<Item> items, Map<String, List<Candidate>> candidates) {
    return link(items, candidates, Map.of());
  }

  /**
   * @param members the standardized records of each candidate profile (all of them, for the guard); profiles
   *                missing here are represented by the candidates that found them
   */
  public Outcome link(List<Item> items, Map<String, List<Candidate>> candidates,
                      Map<String, List<StandardRecord>> members) {
    return link(decide(items, candidates), members);
  }

  /**
   * Every pair that meets, decided, strongest evidence first. Scoring is most of the linker's work and needs no
   * more than the candidates; which profiles the merges may touch is known from it before anything is locked.
   */
  public Decisions decide(List<Item> items, Map<String, List<Candidate>> candidates) {
    int n = items.size();
    Map<String, Integer> profileNodes = new LinkedHashMap<>();
    List<String> profiles = new ArrayList<>();
    for (List<Candidate> list : candidates.values()) {
      for (Candidate c : list) {
        profileNodes.computeIfAbsent(c.profileId(), p -> {
          profiles.add(p);
          return n + profiles.size() - 1;
        });
      }
    }
    Map<String, List<Integer>> batchByKey = new HashMap<>();
    Set<String> decided = new HashSet<>();
    List<Pending> pending = new ArrayList<>();
    for (Item item : items) {
      for (String key : explicitFirst(item.keys())) {
        for (Candidate c : candidates.getOrDefault(key, List.of())) {
          if (!decided.add(item.index() + "|stored|" + c.key().asString())) continue;
          boolean explicit = key.startsWith(LINK_PREFIX);
          PairDecider.Decision d = c.standard() == null
              ? new PairDecider.Decision(explicit ? PairDecider.Band.MERGE : PairDecider.Band.APART, 0,
              explicit ? "explicit-link" : "no-standard", Map.of())
              : decider.decide(item.standard(), c.standard(), explicit);
          pending.add(new Pending(item, c.key(), profileNodes.get(c.profileId()), d));
        }
        List<Integer> peers = batchByKey.computeIfAbsent(key, k -> new ArrayList<>());
        for (int j : peers) {
          Item other = items.get(j);
          if (!decided.add(item.index() + "|batch|" + j)) continue;
          PairDecider.Decision d = decider.decide(item.standard(), other.standard(), key.startsWith(LINK_PREFIX));
          pending.add(new Pending(item, other.standard().key(), j, d));
        }
        peers.add(item.index());
      }
    }
    // strongest evidence first: explicit links, then MERGE pairs by weight, so the cluster guard judges weak
    // links against clusters the strong ones already built (probabilities of strong pairs all round to 1)
    pending.sort(Comparator.comparingInt((Pending p) -> "explicit-link".equals(p.decision().rule()) ? 0 : 1)
        .thenComparing(Comparator.comparingDouble((Pending p) -> weight(p.decision())).reversed()));
    Set<String> mergeProfiles = new TreeSet<>();
    for (Pending p : pending) {
      if (p.decision().band() == PairDecider.Band.MERGE && p.otherNode() >= n) {
        mergeProfiles.add(profiles.get(p.otherNode() - n));
      }
    }
    return new Decisions(items, candidates, profiles, pending, mergeProfiles);
  }

  /**
   * The pairs of a batch, decided. {@code mergeProfiles} are the stored profiles that some pair would merge a
   * batch record into: the only ones linking can write to or whose members the guard needs, so the only ones a
   * caller has to lock and load.
   */
  public record Decisions(List<Item> items, Map<String, List<Candidate>> candidates, List<String> profiles,
                          List<Pending> pending, Set<String> mergeProfiles) {
    public int scoredPairs() {
      return pending.size();
    }
  }

  /** Applies decided pairs: MERGE pairs join clusters unless the guard objects, REVIEW pairs are kept. */
  public Outcome link(Decisions decisions, Map<String, List<StandardRecord>> members) {
    List<Item> items = decisions.items();
    List<String> profiles = decisions.profiles();
    int n = items.size();
    UnionFind uf = new UnionFind(n + profiles.size());
    List<List<StandardRecord>> clusterRecords = new ArrayList<>(n + profiles.size());
    for (Item item : items) clusterRecords.add(new ArrayList<>(List.of(item.standard())));
    for (String p : profiles) clusterRecords.add(new ArrayList<>(members.getOrDefault(p, List.of())));
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < profiles.size(); i++) index.put(profiles.get(i), n + i);
    for (List<Candidate> list : decisions.candidates().values()) {
      for (Candidate c : list) {
        List<StandardRecord> recs = clusterRecords.get(index.get(c.profileId()));
        if (c.standard() != null && !members.containsKey(c.profileId()) && !recs.contains(c.standard())) recs.add(c.standard());
      }
    }
    Map<Integer, Assignment> best = new HashMap<>();
    List<ReviewPair> reviews = new ArrayList<>();
    for (Pending p : decisions.pending()) {
      apply(uf, clusterRecords, best, reviews, p.item(), p.other(), p.otherNode(), p.decision());
    }
    return outcome(items, profiles, uf, best, reviews, decisions.scoredPairs());
  }

  /** A decided pair: a batch record and another record (stored, or of the batch) at its node of the clusters. */
  public record Pending(Item item, SourceKey other, int otherNode, PairDecider.Decision decision) {
  }

  /** The match weight when the decider gives one (Fellegi-Sunter bits), else the score. */
  static double weight(PairDecider.Decision d) {
    return d.explanation().get("weight") instanceof Number w ? w.doubleValue() : d.score();
  }

  /**
   * Link keys first: a pair that shares both an explicit link and an identifier must be decided as explicit, or
   * a doubtful score could keep apart what a source declared to be one (or a record from its own stored version).
   */
  private static List<String> explicitFirst(List<String> keys) {
    List<String> ordered = new ArrayList<>(keys.size());
    for (String k : keys) if (k.startsWith(LINK_PREFIX)) ordered.add(k);
    for (String k : keys) if (!k.startsWith(LINK_PREFIX)) ordered.add(k);
    return ordered;
  }

  /** A merge the guard objected to, as the review pair a steward sees: the pair's score and why it was stopped. */
  static PairDecider.Decision vetoed(PairDecider.Decision merge, String objection) {
    Map<String, Object> why = new java.util.LinkedHashMap<>(merge.explanation());
    why.put("guard", objection);
    return new PairDecider.Decision(PairDecider.Band.REVIEW, merge.score(), "cluster-guard", why);
  }

  private void apply(UnionFind uf, List<List<StandardRecord>> clusterRecords, Map<Integer, Assignment> best,
                     List<ReviewPair> reviews, Item item, SourceKey other, int otherNode, PairDecider.Decision d) {
    if (d.band() == PairDecider.Band.MERGE) {
      int a = uf.find(item.index()), b = uf.find(otherNode);
      if (a != b) {
        // an explicit link is absolute but for a steward's keep-apart
        Guard judge = "explicit-link".equals(d.rule()) ? keptApart : guard;
        Optional<String> objection = judge.check(clusterRecords.get(a), clusterRecords.get(b));
        if (objection.isPresent()) d = vetoed(d, objection.get());
      }
    }
    switch (d.band()) {
      case MERGE -> {
        int a = uf.find(item.index()), b = uf.find(otherNode);
        if (a != b) {
          uf.union(a, b);
          // small into large keeps the total copying at n log n however the clusters grow
          List<StandardRecord> big = clusterRecords.get(a), small = clusterRecords.get(b);
          if (big.size() < small.size()) {
            List<StandardRecord> t = big;
            big = small;
            small = t;
          }
          big.addAll(small);
          clusterRecords.set(uf.find(a), big);
        }
        Assignment current = best.get(item.index());
        if (current == null || betterReason(item, d, other, current)) {
          best.put(item.index(), new Assignment(item.index(), -1, d, other));
        }
      }
      case REVIEW -> reviews.add(new ReviewPair(item.standard().key(), other, d, item.index(), otherNode));
      case APART -> { }
    }
  }

  /**
   * Whether a MERGE pair explains better than the current one why the record is where it goes: any pair with
   * another record beats the link to the record's own stored version (which says only that it stayed), then the
   * higher score.
   */
  private static boolean betterReason(Item item, PairDecider.Decision d, SourceKey other, Assignment current) {
    boolean self = other.equals(item.standard().key()), currentSelf = item.standard().key().equals(current.matchedWith());
    if (self != currentSelf) return currentSelf;
    return current.decision().score() < d.score();
  }

  private static Outcome outcome(List<Item> items, List<String> profiles, UnionFind uf,
                                 Map<Integer, Assignment> best, List<ReviewPair> reviews, int scoredPairs) {
    int n = items.size();
    Map<Integer, Cluster> byRoot = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      int root = uf.find(i);
      byRoot.computeIfAbsent(root, r -> new Cluster(byRoot.size(), new TreeSet<>(), new ArrayList<>())).items().add(i);
    }
    for (int p = 0; p < profiles.size(); p++) {
      Cluster c = byRoot.get(uf.find(n + p));
      if (c != null) c.existingProfiles().add(profiles.get(p));
    }
    Map<Integer, Assignment> assignments = new HashMap<>();
    for (Cluster c : byRoot.values()) {
      for (int i : c.items()) {
        Assignment a = best.get(i);
        assignments.put(i, new Assignment(i, c.id(), a == null ? null : a.decision(), a == null ? null : a.matchedWith()));
      }
    }
    // a pair sent to review is moot when both records ended up together anyway
    List<ReviewPair> open = reviews.stream().filter(r -> uf.find(r.leftNode()) != uf.find(r.rightNode())).toList();
    return new Outcome(List.copyOf(byRoot.values()), assignments, open, scoredPairs);
  }

  /** Union-find with path halving; sizes stay small (a batch plus its candidates' profiles). */
  public static final class UnionFind {
    private final int[] parent;

    public UnionFind(int size) {
      parent = new int[size];
      for (int i = 0; i < size; i++) parent[i] = i;
    }

    public int find(int x) {
      while (parent[x] != x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
      }
      return x;
    }

    public void union(int a, int b) {
      int ra = find(a), rb = find(b);
      if (ra != rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }
}

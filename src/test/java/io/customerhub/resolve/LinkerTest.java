package io.customerhub.resolve;

import io.customerhub.record.Kind;
import io.customerhub.record.SourceKey;
import io.customerhub.resolve.standardize.StandardRecord;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LinkerTest {

  static final PairDecider.Decision REVIEW = new PairDecider.Decision(PairDecider.Band.REVIEW, 0.7, "stub-review",
      Map.of());
  static final PairDecider.Decision MERGE = new PairDecider.Decision(PairDecider.Band.MERGE, 0.99, "stub-merge",
      Map.of());
  static final PairDecider.Decision APART = new PairDecider.Decision(PairDecider.Band.APART, 0.0, "stub-apart",
      Map.of());
  private static final PairDecider.Decision EXPLICIT = new PairDecider.Decision(PairDecider.Band.MERGE, 1.0,
      "explicit-link", Map.of());

  /** A decider that answers explicit links like the real ones and everything else as the test says. */
  static PairDecider stub(BiFunction<StandardRecord, StandardRecord, PairDecider.Decision> rule) {
    return (a, b, explicit) -> explicit ? EXPLICIT : rule.apply(a, b);
  }

  // --- a tiny world of batch records and stored records ------------------------------------------------------

  /** A record with its identifiers ("e:x" an email, "p:y" a phone) and the records it links to. */
  record Rec(SourceKey key, List<String> emails, List<String> phones, List<SourceKey> links) {
    StandardRecord standard() {
      return new StandardRecord(key, Kind.PERSON, emails, phones, null, null);
    }

    /** Strong keys first, then its own and its links' record keys: the order {@code Prepared} builds. */
    List<String> keys() {
      Set<String> keys = new LinkedHashSet<>(standard().strongKeys());
      keys.add(Linker.recordKey(key));
      for (SourceKey link : links) keys.add(Linker.recordKey(link));
      return List.copyOf(keys);
    }
  }

  static Rec rec(String id, String... identifiers) {
    List<String> emails = new ArrayList<>();
    List<String> phones = new ArrayList<>();
    List<SourceKey> links = new ArrayList<>();
    for (String s : identifiers) {
      if (s.startsWith("e:")) emails.add(s.substring(2));
      else if (s.startsWith("p:")) phones.add(s.substring(2));
      else if (s.startsWith("link:")) links.add(key(s.substring(5)));
      else throw new IllegalArgumentException(s);
    }
    return new Rec(key(id), emails, phones, links);
  }

  static SourceKey key(String id) {
    int colon = id.indexOf(':');
    return colon < 0 ? new SourceKey("crm", id) : new SourceKey(id.substring(0, colon), id.substring(colon + 1));
  }

  record Stored(Rec rec, String profileId) {
  }

  static Stored stored(String profileId, Rec rec) {
    return new Stored(rec, profileId);
  }

  static List<Linker.Item> items(List<Rec> batch) {
    List<Linker.Item> items = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) items.add(new Linker.Item(i, batch.get(i).standard(), batch.get(i).keys()));
    return items;
  }

  /** What the candidate query answers: stored records under every batch key they share. */
  static Map<String, List<Candidate>> candidates(List<Rec> batch, List<Stored> stored) {
    Set<String> batchKeys = batch.stream().flatMap(r -> r.keys().stream()).collect(Collectors.toSet());
    Map<String, List<Candidate>> out = new HashMap<>();
    for (Stored s : stored) {
      for (String k : s.rec().keys()) {
        if (batchKeys.contains(k)) {
          out.computeIfAbsent(k, x -> new ArrayList<>()).add(new Candidate(s.rec().key(), s.profileId(), s.rec().standard()));
        }
      }
    }
    return out;
  }

  static Linker.Outcome link(Linker linker, List<Rec> batch, List<Stored> stored) {
    return linker.link(items(batch), candidates(batch, stored));
  }

  static Linker.Outcome link(List<Rec> batch, List<Stored> stored) {
    return link(new Linker(new DeterministicDecider()), batch, stored);
  }

  /** The outcome as a set of clusters, each the batch keys and the stored profiles it holds. */
  static Set<Set<String>> partition(List<Rec> batch, Linker.Outcome outcome) {
    Set<Set<String>> out = new HashSet<>();
    for (Linker.Cluster c : outcome.clusters()) {
      Set<String> members = new TreeSet<>();
      for (int i : c.items()) members.add(batch.get(i).key().asString());
      for (String p : c.existingProfiles()) members.add("profile " + p);
      out.add(members);
    }
    return out;
  }

  static Set<Set<String>> clusters(String... groups) {
    Set<Set<String>> out = new HashSet<>();
    for (String g : groups) out.add(new TreeSet<>(List.of(g.split(","))));
    return out;
  }

  // --- joining ------------------------------------------------------------------------------------------------

  @Test
  void recordsSharingAStrongKeyJoin() {
    List<Rec> batch = List.of(rec("A", "e:x"), rec("B", "e:x", "p:1"), rec("C", "p:1"), rec("D", "e:z"));
    Linker.Outcome o = link(batch, List.of());
    assertEquals(clusters("crm:A,crm:B,crm:C", "crm:D"), partition(batch, o));
    assertTrue(o.reviews().isEmpty());
    assertEquals("shared-identifier", o.assignments().get(1).decision().rule());
    assertEquals(key("A"), o.assignments().get(1).matchedWith());
  }

  @Test
  void recordsWithoutSharedKeysStayApartAsNewClusters() {
    List<Rec> batch = List.of(rec("A", "e:x"), rec("B", "e:y"), rec("C"));
    Linker.Outcome o = link(batch, List.of());
    assertEquals(clusters("crm:A", "crm:B", "crm:C"), partition(batch, o));
    for (Linker.Cluster c : o.clusters()) assertTrue(c.existingProfiles().isEmpty());
    for (Linker.Assignment a : o.assignments().values()) {
      assertNull(a.decision());
      assertNull(a.matchedWith());
    }
  }

  @Test
  void everyBatchRecordHasAnAssignmentToItsCluster() {
    List<Rec> batch = List.of(rec("A", "e:x"), rec("B", "e:x"), rec("C", "e:y"));
    Linker.Outcome o = link(batch, List.of());
    assertEquals(Set.of(0, 1, 2), o.assignments().keySet());
    for (Linker.Cluster c : o.clusters()) {
      for (int i : c.items()) assertEquals(c.id(), o.assignments().get(i).cluster());
    }
    for (int i = 0; i < o.clusters().size(); i++) assertEquals(i, o.clusters().get(i).id());
  }

  @Test
  void recordSharingAKeyWithAStoredRecordJoinsItsProfile() {
    List<Rec> batch = List.of(rec("A", "e:x"));
    Linker.Outcome o = link(batch, List.of(stored("P1", rec("erp:K-1", "e:x"))));
    assertEquals(clusters("crm:A,profile P1"), partition(batch, o));
    assertEquals(key("erp:K-1"), o.assignments().get(0).matchedWith());
  }

  @Test
  void recordBridgingTwoProfilesYieldsOneClusterWithBoth() {
    List<Rec> batch = List.of(rec("A", "e:x", "p:1"));
    Linker.Outcome o = link(batch, List.of(stored("P1", rec("erp:K-1", "e:x")), stored("P2", rec("shop:S-1", "p:1")),
        stored("P3", rec("shop:S-2", "p:2"))));
    assertEquals(1, o.clusters().size());
    assertEquals(Set.of("P1", "P2"), o.clusters().get(0).existingProfiles());
  }

  @Test
  void twoBatchRecordsBridgeTwoProfilesThroughEachOther() {
    List<Rec> batch = List.of(rec("A", "e:x", "p:9"), rec("B", "p:9", "e:y"));
    Linker.Outcome o = link(batch, List.of(stored("P1", rec("erp:K-1", "e:x")), stored("P2", rec("erp:K-2", "e:y"))));
    assertEquals(clusters("crm:A,crm:B,profile P1,profile P2"), partition(batch, o));
  }

  @Test
  void storedVersionOfTheSameRecordKeepsItInItsProfile() {
    // the record changed every identifier, but its own rec: key still finds its stored version
    List<Rec> batch = List.of(rec("A", "e:new"));
    Linker.Outcome o = link(batch, List.of(stored("P1", rec("A", "e:old")), stored("P1", rec("B", "e:old"))));
    assertEquals(clusters("crm:A,profile P1"), partition(batch, o));
    assertEquals("explicit-link", o.assignments().get(0).decision().rule());
  }

  @Test
  void anUpdatedRecordIsExplainedByAnotherRecordRatherThanByItsOwnStoredVersion() {
    // the link to its own stored version scores 1.0 but says only that the record stayed: B explains it
    List<Rec> batch = List.of(rec("A", "e:x"));
    Linker.Outcome o = link(batch, List.of(stored("P1", rec("A", "e:x")), stored("P1", rec("B", "e:x"))));
    assertEquals(clusters("crm:A,profile P1"), partition(batch, o));
    assertEquals(key("B"), o.assignments().get(0).matchedWith());
    assertEquals("shared-identifier", o.assignments().get(0).decision().rule());
  }

  @Test
  void explicitLinksJoinRecordsWithoutSharedIdentifiers() {
    List<Rec> batch = List.of(rec("A", "e:a", "link:erp:K-77"), rec("erp:K-77", "e:k"), rec("C", "e:c"));
    Linker.Outcome o = link(batch, List.of());
    assertEquals(clusters("crm:A,erp:K-77", "crm:C"), partition(batch, o));
    Linker.Assignment later = o.assignments().get(1);
    assertEquals("explicit-link", later.decision().rule());
  }

  @Test
  void aStoredRecordLinkingTheBatchRecordPullsItIntoItsProfile() {
    List<Rec> batch = List.of(rec("erp:K-77", "e:k"));
    Linker.Outcome o = link(batch, List.of(stored("P1", rec("A", "e:a", "link:erp:K-77"))));
    assertEquals(clusters("erp:K-77,profile P1"), partition(batch, o));
  }

  @Test
  void aBatchRecordLinkingAStoredRecordJoinsItsProfile() {
    List<Rec> batch = List.of(rec("A", "e:a", "link:erp:K-77"));
    Linker.Outcome o = link(batch, List.of(stored("P1", rec("erp:K-77", "e:k"))));
    assertEquals(clusters("crm:A,profile P1"), partition(batch, o));
  }

  @Test
  void onlyProfilesThatAPairWouldMergeIntoAreToBeLockedAndLoaded() {
    List<Rec> batch = List.of(rec("A", "e:x", "link:erp:K-1"));
    Map<String, List<Candidate>> candidates = new HashMap<>();
    candidates.put("rec:erp:K-1", List.of(new Candidate(key("erp:K-1"), "P1", null)));
    candidates.put("email:x", List.of(new Candidate(key("erp:K-2"), "P2", null)));
    Linker.Decisions d = new Linker(new DeterministicDecider()).decide(items(batch), candidates);
    assertEquals(Set.of("P1"), d.mergeProfiles(), "P2 met the record but is kept apart: it is not touched");
    assertEquals(2, d.scoredPairs());
    Linker.Outcome o = new Linker(new DeterministicDecider()).link(d, Map.of());
    assertEquals(Set.of("P1"), o.clusters().get(0).existingProfiles());
  }

  @Test
  void candidateWithoutStandardValuesMergesOnlyThroughAnExplicitKey() {
    List<Rec> batch = List.of(rec("A", "e:x", "link:erp:K-1"));
    Map<String, List<Candidate>> candidates = new HashMap<>();
    candidates.put("rec:erp:K-1", List.of(new Candidate(key("erp:K-1"), "P1", null)));
    candidates.put("email:x", List.of(new Candidate(key("erp:K-2"), "P2", null)));
    Linker.Outcome o = new Linker(new DeterministicDecider()).link(items(batch), candidates);
    assertEquals(clusters("crm:A,profile P1"), partition(batch, o));
    assertEquals(Set.of("P1"), o.clusters().get(0).existingProfiles());
    assertEquals("explicit-link", o.assignments().get(0).decision().rule());
    assertTrue(o.reviews().isEmpty());
  }

  @Test
  void profilesThatNoBatchRecordJoinsAreNotInTheOutcome() {
    List<Rec> batch = List.of(rec("A", "e:x"));
    Map<String, List<Candidate>> candidates = new HashMap<>();
    candidates.put("email:x", List.of(new Candidate(key("erp:K-2"), "P2", null)));
    Linker.Outcome o = new Linker(new DeterministicDecider()).link(items(batch), candidates);
    assertEquals(clusters("crm:A"), partition(batch, o));
  }

  @Test
  void theBestScoringMergeIsTheAssignmentsReason() {
    PairDecider scores = stub((a, b) -> new PairDecider.Decision(PairDecider.Band.MERGE,
        b.key().sourceId().equals("K-2") ? 0.97 : 0.91, "score", Map.of()));
    List<Rec> batch = List.of(rec("A", "e:x", "p:1"));
    Linker.Outcome o = link(new Linker(scores), batch, List.of(stored("P1", rec("erp:K-1", "e:x")),
        stored("P2", rec("erp:K-2", "p:1")), stored("P3", rec("erp:K-3", "e:x"))));
    assertEquals(key("erp:K-2"), o.assignments().get(0).matchedWith());
    assertEquals(0.97, o.assignments().get(0).decision().score());
    assertEquals(Set.of("P1", "P2", "P3"), o.clusters().get(0).existingProfiles());
  }

  @Test
  void eachPairIsDecidedOnceHoweverManyKeysItShares() {
    List<String> asked = new ArrayList<>();
    PairDecider counting = (a, b, explicit) -> {
      asked.add(a.key().sourceId() + "~" + b.key().sourceId());
      return new DeterministicDecider().decide(a, b, explicit);
    };
    List<Rec> batch = List.of(rec("A", "e:x", "p:1"), rec("B", "e:x", "p:1"));
    link(new Linker(counting), batch, List.of(stored("P1", rec("C", "e:x", "p:1"))));
    assertEquals(List.of("A~C", "B~A", "B~C"), asked.stream().sorted().toList());
  }

  // --- review -------------------------------------------------------------------------------------------------

  @Test
  void reviewDecisionsBecomeReviewPairsAndKeepRecordsApart() {
    List<Rec> batch = List.of(rec("A", "e:x"), rec("B", "e:x"));
    Linker.Outcome o = link(new Linker(stub((a, b) -> REVIEW)), batch, List.of());
    assertEquals(clusters("crm:A", "crm:B"), partition(batch, o));
    assertEquals(1, o.reviews().size());
    Linker.ReviewPair pair = o.reviews().get(0);
    assertEquals(Set.of(key("A"), key("B")), Set.of(pair.left(), pair.right()));
    assertEquals(REVIEW, pair.decision());
    assertNull(o.assignments().get(1).decision());
  }

  @Test
  void reviewAgainstAStoredRecordNamesIt() {
    List<Rec> batch = List.of(rec("A", "e:x"));
    Linker.Outcome o = link(new Linker(stub((a, b) -> REVIEW)), batch, List.of(stored("P1", rec("erp:K-1", "e:x"))));
    assertEquals(clusters("crm:A"), partition(batch, o));
    assertEquals(List.of(new Linker.ReviewPair(key("A"), key("erp:K-1"), REVIEW, 0, 1)), o.reviews());
  }

  @Test
  void reviewIsMootWhenBothRecordsEndInTheSameClusterAnyway() {
    // A~B is doubtful, but both merge with C, so a steward has nothing to decide
    PairDecider decider = stub((a, b) -> a.key().sourceId().equals("C") || b.key().sourceId().equals("C") ? MERGE : REVIEW);
    List<Rec> batch = List.of(rec("A", "e:x", "p:1"), rec("B", "e:x", "p:2"), rec("C", "p:1", "p:2"));
    Linker.Outcome o = link(new Linker(decider), batch, List.of());
    assertEquals(clusters("crm:A,crm:B,crm:C"), partition(batch, o));
    assertTrue(o.reviews().isEmpty(), o.reviews()::toString);
  }

  @Test
  void reviewStaysOpenWhenOnlyOneSideJoinsOthers() {
    PairDecider decider = stub((a, b) -> a.key().sourceId().equals("A") || b.key().sourceId().equals("A") ? REVIEW : MERGE);
    List<Rec> batch = List.of(rec("A", "e:x"), rec("B", "e:x", "p:1"), rec("C", "p:1"));
    Linker.Outcome o = link(new Linker(decider), batch, List.of());
    assertEquals(clusters("crm:A", "crm:B,crm:C"), partition(batch, o));
    assertEquals(1, o.reviews().size());
  }

  @Test
  void apartDecisionsLeaveNoTrace() {
    List<Rec> batch = List.of(rec("A", "e:x"), rec("B", "e:x"));
    Linker.Outcome o = link(new Linker(stub((a, b) -> APART)), batch, List.of(stored("P1", rec("C", "e:x"))));
    assertEquals(clusters("crm:A", "crm:B"), partition(batch, o));
    assertTrue(o.reviews().isEmpty());
  }

  // --- guard --------------------------------------------------------------------------------------------------

  @Test
  void guardObjectionTurnsAMergeIntoAReviewPair() {
    Linker linker = new Linker(new DeterministicDecider(), (l, r) -> Optional.of("chain of weak links"));
    assertTrue(linker.guarded());
    List<Rec> batch = List.of(rec("A", "e:x"), rec("B", "e:x"));
    Linker.Outcome o = link(linker, batch, List.of());
    assertEquals(clusters("crm:A", "crm:B"), partition(batch, o));
    assertEquals(1, o.reviews().size());
    PairDecider.Decision d = o.reviews().get(0).decision();
    assertEquals(PairDecider.Band.REVIEW, d.band());
    assertEquals("cluster-guard", d.rule());
    assertEquals("chain of weak links", d.explanation().get("guard"));
    assertEquals(List.of("email:x"), d.explanation().get("shared"));
    assertEquals(1.0, d.score());
  }

  @Test
  void guardNeverBlocksExplicitLinks() {
    Linker linker = new Linker(new DeterministicDecider(), (l, r) -> Optional.of("never"));
    List<Rec> batch = List.of(rec("A", "link:erp:K-77"), rec("erp:K-77"), rec("B", "link:erp:K-1"));
    Linker.Outcome o = link(linker, batch, List.of(stored("P1", rec("erp:K-1")), stored("P2", rec("B"))));
    assertEquals(clusters("crm:A,erp:K-77", "crm:B,profile P1,profile P2"), partition(batch, o));
    assertTrue(o.reviews().isEmpty());
  }

  /** Protects a steward's split: an explicit link between records a steward kept apart is not followed. */
  @Test
  void aStewardsKeepApartBeatsAnExplicitLink() {
    KeptApart keptApart = new KeptApart();
    keptApart.add(key("web:W"), key("C"));
    Linker linker = new Linker(new DeterministicDecider(), Linker.Guard.NONE, keptApart::check);
    assertTrue(linker.guarded(), "the members of the profiles are needed for the keep-apart");
    List<Rec> batch = List.of(rec("web:W", "link:crm:C"), rec("B", "link:crm:C"));
    Linker.Outcome o = link(linker, batch, List.of(stored("P1", rec("C")), stored("P2", rec("web:W"))));
    assertEquals(clusters("web:W,profile P2", "crm:B,profile P1"), partition(batch, o));
  }

  @Test
  void guardWithoutObjectionLetsTheMergeHappen() {
    List<List<String>> seen = new ArrayList<>();
    Linker.Guard watching = (left, right) -> {
      seen.add(List.of(ids(left), ids(right)));
      return Optional.empty();
    };
    List<Rec> batch = List.of(rec("A", "e:x"), rec("B", "e:x", "p:1"));
    Linker.Outcome o = link(new Linker(new DeterministicDecider(), watching), batch,
        List.of(stored("P1", rec("C", "p:1"))));
    assertEquals(clusters("crm:A,crm:B,profile P1"), partition(batch, o));
    // B meets A through the email first, then C's profile through the phone with A already beside it
    assertEquals(List.of(List.of("B", "A"), List.of("A,B", "C")), seen);
  }

  @Test
  void guardSeesWholeProfilesWhenMembersAreGiven() {
    List<String> seenRight = new ArrayList<>();
    Linker.Guard watching = (left, right) -> {
      seenRight.add(ids(right));
      return Optional.empty();
    };
    List<Rec> batch = List.of(rec("A", "e:x"));
    List<Stored> stored = List.of(stored("P1", rec("C", "e:x")));
    Map<String, List<StandardRecord>> members = Map.of("P1",
        List.of(rec("C", "e:x").standard(), rec("D", "e:d").standard(), rec("E", "e:e").standard()));
    new Linker(new DeterministicDecider(), watching).link(items(batch), candidates(batch, stored), members);
    assertEquals(List.of("C,D,E"), seenRight);
  }

  @Test
  void guardIsNotAskedAboutRecordsAlreadyTogether() {
    List<Integer> calls = new ArrayList<>();
    Linker.Guard counting = (left, right) -> {
      calls.add(1);
      return Optional.empty();
    };
    List<Rec> batch = List.of(rec("A", "e:x", "p:1"), rec("B", "e:x"), rec("C", "p:1", "e:x"));
    link(new Linker(new DeterministicDecider(), counting), batch, List.of());
    // B joins A, C joins A; C~B is already settled
    assertEquals(2, calls.size());
  }

  @Test
  void withoutAGuardTheLinkerIsUnguarded() {
    assertFalse(new Linker(new DeterministicDecider()).guarded());
  }

  private static String ids(List<StandardRecord> records) {
    return records.stream().map(r -> r.key().sourceId()).sorted().collect(Collectors.joining(","));
  }

  // --- property: the order of the batch does not matter ----------------------------------------------------------

  @Test
  void clusteringDoesNotDependOnTheOrderOfTheBatch() {
    Random rnd = new Random(11L);
    for (int round = 0; round < 300; round++) {
      World w = World.random(rnd);
      Set<Set<String>> expected = partition(w.batch, link(w.batch, w.stored));
      for (int shuffle = 0; shuffle < 5; shuffle++) {
        List<Rec> batch = new ArrayList<>(w.batch);
        Collections.shuffle(batch, rnd);
        List<Stored> stored = new ArrayList<>(w.stored);
        Collections.shuffle(stored, rnd);
        assertEquals(expected, partition(batch, link(batch, stored)), w::toString);
      }
    }
  }

  /** A random batch and store over a small pool of identifiers, so that records meet often. */
  record World(List<Rec> batch, List<Stored> stored) {
    static World random(Random rnd) {
      int n = 1 + rnd.nextInt(12);
      int s = rnd.nextInt(8);
      List<Rec> batch = new ArrayList<>();
      for (int i = 0; i < n; i++) batch.add(randomRec(rnd, "B" + i, n, s));
      List<Stored> stored = new ArrayList<>();
      int profiles = 1 + rnd.nextInt(4);
      for (int i = 0; i < s; i++) stored.add(new Stored(randomRec(rnd, "S" + i, n, s), "P" + rnd.nextInt(profiles)));
      // some batch records are new versions of stored ones: their stored copy shares the key
      for (int i = 0; i < n; i++) {
        if (rnd.nextInt(4) == 0) {
          stored.add(new Stored(randomRec(rnd, "B" + i, n, s), "P" + rnd.nextInt(profiles)));
        }
      }
      return new World(List.copyOf(batch), List.copyOf(stored));
    }

    private static Rec randomRec(Random rnd, String id, int n, int s) {
      List<String> ids = new ArrayList<>();
      for (int k = rnd.nextInt(3); k > 0; k--) ids.add((rnd.nextBoolean() ? "e:" : "p:") + rnd.nextInt(6));
      if (rnd.nextInt(5) == 0) ids.add("link:" + (rnd.nextBoolean() ? "B" + rnd.nextInt(n) : "S" + rnd.nextInt(Math.max(1, s))));
      return rec(id, ids.toArray(String[]::new));
    }
  }

  @Test
  void recordKeyIsThePrefixedCompactKey() {
    assertEquals("rec:crm:C-1001", Linker.recordKey(new SourceKey("crm", "C-1001")));
    assertTrue(Linker.recordKey(new SourceKey("a", "b")).startsWith(Linker.LINK_PREFIX));
  }

  @Test
  void worldHelperBuildsKeysInPreparedOrder() {
    assertEquals(List.of("email:x", "phone:1", "rec:crm:A", "rec:erp:K"), rec("A", "e:x", "p:1", "link:erp:K").keys());
  }
}

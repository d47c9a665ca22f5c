package io.customerhub.resolve;

import io.customerhub.ingest.CanonicalJson;
import io.customerhub.record.CanonicalRecord;
import io.customerhub.record.Kind;
import io.customerhub.record.OrderInfo;
import io.customerhub.record.SourceKey;
import io.customerhub.resolve.standardize.Standardizer;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PreparedTest {

  private static final SourceKey KEY = new SourceKey("crm", "C-1001");
  private static final Instant T = Instant.parse("2026-11-01T08:00:00Z");
  private static final String LOW = "00000000000000000000000000000001";
  private static final String HIGH = "ffffffffffffffffffffffffffffffff";

  /** A version of crm:C-1001 as the transaction sees it: only its time and hash matter to supersedes(). */
  private static Prepared version(Instant updatedAt, String hash) {
    CanonicalRecord r = CanonicalRecord.person(KEY, updatedAt, "Wei", "Zhang", List.of(), List.of());
    return new Prepared(0, new Incoming(r, "{}"), "{}", hash, null, null, List.of(), Set.of(), new long[0]);
  }

  @Test
  void newerVersionWins() {
    assertTrue(version(T.plusSeconds(1), LOW).supersedes(T, HIGH));
    assertTrue(version(T.plusNanos(1), HIGH).supersedes(T, LOW));
  }

  @Test
  void olderVersionLosesWhateverItsHash() {
    assertFalse(version(T.minusSeconds(1), HIGH).supersedes(T, LOW));
    assertFalse(version(T.minusNanos(1), LOW).supersedes(T, HIGH));
  }

  @Test
  void sameVersionAgainChangesNothing() {
    assertFalse(version(T, HIGH).supersedes(T, HIGH));
    assertFalse(version(T, LOW).supersedes(T, LOW));
  }

  @Test
  void sameContentNeverSupersedesWhateverTheTimes() {
    assertFalse(version(null, LOW).supersedes(null, LOW));
    assertFalse(version(null, LOW).supersedes(T, LOW));
    assertFalse(version(T, LOW).supersedes(null, LOW));
  }

  @Test
  void equalTimesWithDifferentContentLetTheLargerHashWin() {
    assertTrue(version(T, HIGH).supersedes(T, LOW));
    assertFalse(version(T, LOW).supersedes(T, HIGH));
    assertTrue(version(T, "b").supersedes(T, "a"));
    assertFalse(version(T, "a").supersedes(T, "b"));
  }

  /** The hub reading a stored input again (its dates month first) replaces what it read before at the same time. */
  @Test
  void aCorrectionOfTheSameTimeWinsWhateverItsHashButNotOverANewerVersion() {
    CanonicalRecord r = CanonicalRecord.person(KEY, T, "Wei", "Zhang", List.of(), List.of());
    Prepared correction = new Prepared(0, new Incoming(r, "{}", true), "{}", LOW, null, null, List.of(), Set.of(),
        new long[0]);
    assertTrue(correction.supersedes(T, HIGH));
    assertFalse(correction.supersedes(T, LOW), "the same content: nothing to correct");
    assertFalse(correction.supersedes(T.plusSeconds(1), HIGH), "a newer version of the record stays");
  }

  @Test
  void versionWithoutATimeReplacesAnyOtherContent() {
    assertTrue(version(null, LOW).supersedes(T, HIGH));
    assertTrue(version(null, HIGH).supersedes(null, LOW));
    assertTrue(version(null, LOW).supersedes(null, HIGH));
  }

  @Test
  void storedVersionWithoutATimeIsReplacedByAnyOtherContent() {
    assertTrue(version(T, LOW).supersedes(null, HIGH));
  }

  @Test
  void anyDeliveryOrderConvergesOnTheNewestThenLargestHash() {
    Random rnd = new Random(2026L);
    for (int round = 0; round < 2_000; round++) {
      List<Prepared> versions = new ArrayList<>();
      for (int v = 1 + rnd.nextInt(6); v > 0; v--) {
        // few distinct times so that ties are common; hashes are distinct like the content they fingerprint
        Instant at = T.plusSeconds(rnd.nextInt(3));
        versions.add(version(at, String.format("%032x", rnd.nextLong() & Long.MAX_VALUE)));
      }
      Prepared expected = versions.stream().max(Comparator.comparing((Prepared p) -> p.record().updatedAt())
          .thenComparing(Prepared::hash)).orElseThrow();
      for (int shuffle = 0; shuffle < 6; shuffle++) {
        List<Prepared> deliveries = new ArrayList<>(versions);
        // redeliveries: some versions arrive twice
        for (int d = rnd.nextInt(3); d > 0; d--) deliveries.add(versions.get(rnd.nextInt(versions.size())));
        Collections.shuffle(deliveries, rnd);
        assertSame(expected, deliver(deliveries), versions::toString);
      }
    }
  }

  @Test
  void sameContentFromTheSameSourceCollapsesToOneVersion() {
    Random rnd = new Random(7L);
    for (int i = 0; i < 200; i++) {
      Prepared a = version(T, String.format("%032x", rnd.nextLong() & Long.MAX_VALUE));
      Prepared again = version(T, a.hash());
      assertSame(a, deliver(List.of(a, again)));
    }
  }

  /** The store's rule: the first delivery is kept, later ones only when they supersede it. */
  private static Prepared deliver(List<Prepared> deliveries) {
    Prepared stored = null;
    for (Prepared p : deliveries) {
      if (stored == null || p.supersedes(stored.record().updatedAt(), stored.hash())) stored = p;
    }
    return stored;
  }

  // --- of(): what the transaction is given ---------------------------------------------------------------------

  private static final Standardizer STANDARDIZER = new Standardizer();

  private static Prepared prepare(CanonicalRecord r) {
    return Prepared.of(3, new Incoming(r, "raw"), STANDARDIZER);
  }

  @Test
  void identityRecordIsKeyedByStrongKeysThenRecordKeysThenBlockingKeys() {
    CanonicalRecord r = new CanonicalRecord(KEY, Kind.PERSON, T, false, "Wei", "Zhang", null, null, null, null,
        "1990-03-07", List.of("wei.zhang@example.com"), List.of("+86 138 0013 8000"), List.of(),
        List.of(new SourceKey("erp", "K-77")), Map.of(), null);
    Prepared p = prepare(r);
    assertEquals(3, p.index());
    assertTrue(p.isIdentity());
    List<String> strong = p.standard().strongKeys();
    assertEquals(strong, p.keys().subList(0, strong.size()));
    assertEquals(List.of("rec:crm:C-1001", "rec:erp:K-77"), p.keys().subList(strong.size(), strong.size() + 2));
    assertTrue(p.keys().containsAll(p.standard().blockingKeys()));
    assertEquals(p.keys().size(), Set.copyOf(p.keys()).size(), "no key twice");
    assertTrue(p.strongKeys().contains("rec:crm:C-1001"));
    assertTrue(p.strongKeys().containsAll(strong));
  }

  @Test
  void hashAndCanonicalFormAreTheStoredOnes() {
    CanonicalRecord r = CanonicalRecord.person(KEY, T, "Wei", "Zhang", List.of("w@example.com"), List.of());
    Prepared p = prepare(r);
    assertEquals(CanonicalJson.encode(r).encode(), p.canonical());
    assertEquals(CanonicalJson.contentHash(CanonicalJson.encode(r)), p.hash());
    assertEquals(KEY, p.key());
    assertSame(r, p.record());
  }

  @Test
  void deletedRecordIsNoIdentityAndOnlyKeyedByItself() {
    CanonicalRecord r = new CanonicalRecord(KEY, Kind.PERSON, T, true, "Wei", null, null, null, null, null, null,
        List.of("w@example.com"), List.of(), List.of(), List.of(), Map.of(), null);
    Prepared p = prepare(r);
    assertFalse(p.isIdentity());
    assertNull(p.standard());
    assertEquals(List.of("rec:crm:C-1001"), p.keys());
    assertTrue(p.strongKeys().isEmpty());
  }

  @Test
  void orderWithCustomerRefIsNoIdentityButAGuestOrderIs() {
    SourceKey order = new SourceKey("orders", "O-9");
    CanonicalRecord withRef = new CanonicalRecord(order, Kind.ORDER, T, false, null, null, null, null, null, null, null,
        List.of(), List.of(), List.of(), List.of(), Map.of(), new OrderInfo(KEY, null, null, null, null, null));
    assertFalse(prepare(withRef).isIdentity());
    // locked by its own key and its customer's, so that it serializes with a concurrent write of the customer
    assertEquals(List.of("rec:orders:O-9", "rec:crm:C-1001"), prepare(withRef).keys());
    CanonicalRecord guest = new CanonicalRecord(order, Kind.ORDER, T, false, null, null, null, null, null, null, null,
        List.of("guest@example.com"), List.of(), List.of(), List.of(), Map.of(),
        new OrderInfo(null, null, null, null, null, null));
    assertTrue(prepare(guest).isIdentity());
    assertTrue(prepare(guest).keys().contains("email:guest@example.com"));
  }
}

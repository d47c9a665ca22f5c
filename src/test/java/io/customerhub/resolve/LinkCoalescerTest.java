package io.customerhub.resolve;

import io.customerhub.testing.OwnVertx;
import io.customerhub.record.CanonicalRecord;
import io.customerhub.record.SourceKey;
import io.customerhub.resolve.ResolveService.BatchResult;
import io.customerhub.resolve.ResolveService.Linked;
import io.customerhub.resolve.ResolveService.Standardized;
import io.customerhub.store.ProfileChange;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LinkCoalescerTest extends OwnVertx {

  /** Linking as the coalescer sees it: every transaction it asked for, answered when the test says. */
  private static final class Transactions implements LinkCoalescer.Linking {
    final List<Standardized> asked = new ArrayList<>();
    final List<Promise<Linked>> answers = new ArrayList<>();

    @Override
    public synchronized Future<Linked> link(Standardized ready, String actor) {
      asked.add(ready);
      Promise<Linked> p = Promise.promise();
      answers.add(p);
      return p.future();
    }

    /** Commits transaction {@code i}: each record's outcome names the record's source id, so parts can be told. */
    void commit(int i) {
      Standardized s = asked.get(i);
      List<Outcome> outcomes = s.batch().stream()
          .map(in -> Outcome.rejected(in.record().sourceId())).toList();
      answers.get(i).complete(Linked.of(new BatchResult(outcomes, List.of())));
    }

    void fail(int i) {
      answers.get(i).fail(new IllegalStateException("refused"));
    }
  }

  /** A batch of {@code ids} as standardized: every record prepared at its place, the first one refused if asked. */
  private static Standardized batch(String... ids) {
    List<Incoming> batch = new ArrayList<>();
    List<Prepared> prepared = new ArrayList<>();
    for (int i = 0; i < ids.length; i++) {
      CanonicalRecord r = CanonicalRecord.person(new SourceKey("crm", ids[i]), null, "Ann", "Lee", List.of(), List.of());
      Incoming in = new Incoming(r, "{}");
      batch.add(in);
      prepared.add(new Prepared(i, in, "{}", ids[i], null, null, List.of(), Set.of(), new long[0]));
    }
    return new Standardized(batch, prepared, Map.of());
  }

  private static List<String> errors(Future<Linked> linked) {
    BatchResult r = linked.result().recomputed().result();
    return r.outcomes().stream().map(Outcome::error).toList();
  }

  private static void settle() {
    // the parts' promises complete on the Vert.x context the coalescer was called from: let it run
    try {
      vertx.timer(20).await(5, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aLoneSmallBatchGoesAtOnceAsItIs() {
    Transactions tx = new Transactions();
    LinkCoalescer c = new LinkCoalescer(vertx, tx);
    Standardized mine = batch("a");
    Future<Linked> linked = c.link(mine, "alice");
    assertEquals(1, tx.asked.size());
    assertSame(mine, tx.asked.get(0));
    tx.commit(0);
    settle();
    assertEquals(List.of("a"), errors(linked));
  }

  @Test
  void smallBatchesArrivingWhileOneIsLinkedGoTogetherAndEachGetsItsOwnOutcomes() {
    Transactions tx = new Transactions();
    LinkCoalescer c = new LinkCoalescer(vertx, tx);
    Future<Linked> first = c.link(batch("a"), "alice");
    Future<Linked> second = c.link(batch("b", "c"), "alice");
    Future<Linked> third = c.link(batch("d"), "alice");
    assertEquals(1, tx.asked.size(), "the others wait for the first");

    tx.commit(0);
    settle();
    assertEquals(2, tx.asked.size());
    Standardized together = tx.asked.get(1);
    assertEquals(List.of("b", "c", "d"), together.batch().stream().map(in -> in.record().sourceId()).toList());
    assertEquals(List.of(0, 1, 2), together.prepared().stream().map(Prepared::index).toList(), "places shifted");

    tx.commit(1);
    settle();
    assertEquals(List.of("a"), errors(first));
    assertEquals(List.of("b", "c"), errors(second));
    assertEquals(List.of("d"), errors(third));
  }

  @Test
  void bigBatchesAndOtherActorsDoNotWait() {
    Transactions tx = new Transactions();
    LinkCoalescer c = new LinkCoalescer(vertx, tx);
    c.link(batch("a"), "alice");
    String[] many = IntStream.range(0, LinkCoalescer.SMALL_BATCH + 1).mapToObj(i -> "m" + i).toArray(String[]::new);
    c.link(batch(many), "alice");
    c.link(batch("b"), "bob");
    assertEquals(3, tx.asked.size(), "a big batch pays for its own transaction; another actor has its own lane");
  }

  @Test
  void aBatchThatFailsTogetherIsLinkedAgainPartByPartSoOnlyTheRefusedPartFails() {
    Transactions tx = new Transactions();
    LinkCoalescer c = new LinkCoalescer(vertx, tx);
    c.link(batch("a"), "alice");
    Future<Linked> good = c.link(batch("b"), "alice");
    Future<Linked> poison = c.link(batch("c"), "alice");
    tx.commit(0);
    settle();
    tx.fail(1);
    settle();
    assertEquals(3, tx.asked.size(), "the first part again, alone");
    tx.commit(2);
    settle();
    assertEquals(4, tx.asked.size(), "then the second, alone");
    tx.fail(3);
    settle();
    assertEquals(List.of("b"), errors(good));
    assertTrue(poison.failed());
  }

  @Test
  void aCoalescedTransactionCarriesAtMostItsRecordLimitAndTheRestFollows() {
    Transactions tx = new Transactions();
    LinkCoalescer c = new LinkCoalescer(vertx, tx);
    c.link(batch("first"), "alice");
    int perBatch = LinkCoalescer.SMALL_BATCH;
    int batches = LinkCoalescer.MAX_RECORDS / perBatch + 2;
    Map<Integer, Future<Linked>> waiting = new HashMap<>();
    for (int b = 0; b < batches; b++) {
      int n = b;
      waiting.put(b, c.link(batch(IntStream.range(0, perBatch).mapToObj(i -> n + "-" + i).toArray(String[]::new)),
          "alice"));
    }
    tx.commit(0);
    settle();
    assertTrue(tx.asked.get(1).batch().size() <= LinkCoalescer.MAX_RECORDS);
    tx.commit(1);
    settle();
    assertEquals(3, tx.asked.size(), "the rest goes next");
    tx.commit(2);
    settle();
    waiting.forEach((b, f) -> assertEquals(b + "-0", errors(f).get(0)));
  }

  @Test
  void aLinkingThatThrowsFailsItsCallerAndTheNextBatchStillGoes() {
    Transactions tx = new Transactions();
    boolean[] thrown = {false};
    LinkCoalescer c = new LinkCoalescer(vertx, (ready, actor) -> {
      if (!thrown[0]) {
        thrown[0] = true;
        throw new IllegalStateException("a bug");
      }
      return tx.link(ready, actor);
    });
    Future<Linked> first = c.link(batch("a"), "alice");
    settle();
    assertTrue(first.failed());
    Future<Linked> second = c.link(batch("b"), "alice");
    assertEquals(1, tx.asked.size(), "nothing left waiting for the one that threw");
    tx.commit(0);
    settle();
    assertEquals(List.of("b"), errors(second));
  }

  private static final UUID P1 = new UUID(0, 1), P2 = new UUID(0, 2), P3 = new UUID(0, 3), GONE = new UUID(0, 9);

  private static ProfileChange updated(UUID id) {
    return new ProfileChange(id, ProfileChange.UPDATED, 2, null, null, List.of());
  }

  private static List<UUID> changed(BatchResult share) {
    return share.changes().stream().map(ProfileChange::profileId).toList();
  }

  @Test
  void eachPartWaitsForTheChangesOfItsOwnProfilesOnly() {
    ProfileChange mergedAway = new ProfileChange(GONE, ProfileChange.MERGED, 3, null, P2, List.of());
    BatchResult all = new BatchResult(
        List.of(Outcome.of(Outcome.Kind.CREATED, P1), Outcome.of(Outcome.Kind.UPDATED, P2),
            Outcome.of(Outcome.Kind.CREATED, P3), Outcome.of(Outcome.Kind.UPDATED, P2)),
        List.of(updated(P1), updated(P2), mergedAway, updated(P3)), List.of());
    List<BatchResult> shares = LinkCoalescer.parts(all, new int[] {0, 1, 3, 4});
    assertEquals(List.of(P1), changed(shares.get(0)));
    assertEquals(List.of(P2, GONE, P3), changed(shares.get(1)), "its profiles, and the one merged into one of them");
    assertEquals(List.of(P2, GONE), changed(shares.get(2)), "a profile two parts share is written for both");
    assertEquals(all.outcomes().subList(1, 3), shares.get(1).outcomes(), "its own records' outcomes, in order");
  }

  @Test
  void aChangeNoPartNamesGoesToTheFirstPartAndToEveryPartWithARecordThatLeftItsProfile() {
    SourceKey left = new SourceKey("crm", "left");
    BatchResult all = new BatchResult(
        List.of(Outcome.of(Outcome.Kind.CREATED, P1), Outcome.of(Outcome.Kind.CREATED, P2),
            Outcome.of(Outcome.Kind.UPDATED, null), Outcome.rejected("no")),
        List.of(updated(P1), updated(P2), updated(P3)), List.of(left));
    List<BatchResult> shares = LinkCoalescer.parts(all, new int[] {0, 1, 2, 3, 4});
    assertEquals(List.of(P1, P3), changed(shares.get(0)));
    assertEquals(List.of(P2), changed(shares.get(1)));
    assertEquals(List.of(P3), changed(shares.get(2)), "the record that left P3");
    assertEquals(List.of(), changed(shares.get(3)), "a refused record waits for nothing");
    assertEquals(List.of(left), shares.get(0).unlinked());
    assertEquals(List.of(), shares.get(1).unlinked());
    assertEquals(List.of(left), shares.get(2).unlinked());
    int changes = shares.stream().mapToInt(s -> s.changes().size()).sum();
    assertEquals(4, changes, "each change once, the one that left twice");
  }
}

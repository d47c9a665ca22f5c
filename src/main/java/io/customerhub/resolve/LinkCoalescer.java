package io.customerhub.resolve;

import io.customerhub.resolve.ResolveService.BatchResult;
import io.customerhub.resolve.ResolveService.Linked;
import io.customerhub.resolve.ResolveService.Standardized;
import io.customerhub.store.ProfileChange;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Links the small batches of concurrent callers together. A batch's transactions cost a few milliseconds of CPU
 * whatever its size (a request of one record took about 9 ms of CPU in the JVM and PostgreSQL on the 2-core
 * machine, a batch of a thousand 0.35 ms a record), so callers that each send a record or a few would spend the
 * machine on transactions. While a small batch of this node is being linked, the small batches that arrive meanwhile wait,
 * then go as one; a batch that finds none on its way goes at once, so a lone caller waits for nothing. Batches of
 * different actors never share a transaction: the audit trail names each one's own.
 * <p>
 * A batch that fails together is linked again part by part, so that one caller's record the database refuses
 * fails only that caller's batch, whose own handling then isolates it. Each part keeps its place: the outcomes it
 * gets are its own records', in its order.
 */
final class LinkCoalescer {

  /** Links one batch as it is: one linking transaction. */
  @FunctionalInterface
  interface Linking {
    Future<Linked> link(Standardized ready, String actor);
  }

  /** A batch of more records than this goes on its own: it has enough to pay for its transaction. */
  static final int SMALL_BATCH = 64;
  /** The most records one coalesced transaction carries. */
  static final int MAX_RECORDS = 1_000;

  private record Waiting(Standardized ready, Promise<Linked> linked) {
    int size() {
      return ready.batch().size();
    }
  }

  private final Vertx vertx;
  private final Linking linking;
  /** The small batches waiting, by actor, for those of the actor being linked; guarded by {@code this}. */
  private final Map<String, ArrayDeque<Waiting>> busy = new HashMap<>();

  LinkCoalescer(Vertx vertx, Linking linking) {
    this.vertx = vertx;
    this.linking = linking;
  }

  Future<Linked> link(Standardized ready, String actor) {
    if (ready.batch().size() > SMALL_BATCH) return linking.link(ready, actor);
    // the caller continues on its own event loop, whichever thread completes the transaction
    Promise<Linked> promise = ((ContextInternal) vertx.getOrCreateContext()).promise();
    Waiting mine = new Waiting(ready, promise);
    synchronized (this) {
      ArrayDeque<Waiting> waiting = busy.get(actor);
      if (waiting != null) {
        waiting.add(mine);
        return promise.future();
      }
      busy.put(actor, new ArrayDeque<>());
    }
    send(actor, List.of(mine));
    return promise.future();
  }

  private void send(String actor, List<Waiting> go) {
    Future<Void> done = go.size() == 1 ? alone(go.get(0), actor) : together(go, actor);
    done.onComplete(x -> {
      List<Waiting> next;
      synchronized (this) {
        next = take(busy.get(actor));
        if (next.isEmpty()) busy.remove(actor);
      }
      if (!next.isEmpty()) send(actor, next);
    });
  }

  /** The waiting batches, oldest first, up to {@link #MAX_RECORDS} records (at least one batch). */
  private static List<Waiting> take(ArrayDeque<Waiting> waiting) {
    List<Waiting> go = new ArrayList<>();
    int records = 0;
    while (!waiting.isEmpty() && (go.isEmpty() || records + waiting.peek().size() <= MAX_RECORDS)) {
      Waiting w = waiting.poll();
      go.add(w);
      records += w.size();
    }
    return go;
  }

  /** Completes once the batch is linked (or failed), which its actor's waiting batches wait for. */
  private Future<Void> alone(Waiting w, String actor) {
    return linkNow(w.ready(), actor).andThen(w.linked()).<Void>mapEmpty().otherwiseEmpty();
  }

  /** A failure thrown instead of returned must not leave the actor's waiting batches waiting for ever. */
  private Future<Linked> linkNow(Standardized ready, String actor) {
    try {
      return linking.link(ready, actor);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  private Future<Void> together(List<Waiting> go, String actor) {
    List<Standardized> parts = go.stream().map(Waiting::ready).toList();
    return linkNow(combine(parts), actor).compose(linked -> {
      int[] bounds = new int[go.size() + 1];
      for (int i = 0; i < go.size(); i++) bounds[i + 1] = bounds[i] + go.get(i).size();
      Future<List<BatchResult>> shares = linked.recomputed().map(r -> parts(r, bounds));
      for (int i = 0; i < go.size(); i++) {
        int part = i;
        go.get(i).linked().complete(new Linked(shares.map(s -> s.get(part))));
      }
      return Future.<Void>succeededFuture();
    }, err -> {
      // one after the other, so that each part's failure is its own
      Future<Void> chain = Future.succeededFuture();
      for (Waiting w : go) chain = chain.compose(v -> alone(w, actor));
      return chain;
    });
  }

  /** The batches as one, their records one after the other, each record's place shifted by those before it. */
  static Standardized combine(List<Standardized> parts) {
    List<Incoming> batch = new ArrayList<>();
    List<Prepared> prepared = new ArrayList<>();
    Map<Integer, Outcome> refused = new HashMap<>();
    for (Standardized s : parts) {
      int offset = batch.size();
      batch.addAll(s.batch());
      for (Prepared p : s.prepared()) prepared.add(p.at(p.index() + offset));
      s.refused().forEach((i, o) -> refused.put(i + offset, o));
    }
    return new Standardized(batch, prepared, refused);
  }

  /**
   * Each part's share of a coalesced batch's result: the outcomes of its records, and the profile changes its answer
   * must wait for in the cache, those of the profiles its records are in (or were merged into them). A change that
   * two parts' records share goes to both (the cache keeps the newest version, so writing it twice is harmless), one
   * that none names (a profile that lost a record) goes to the first part and to every part with a record that left
   * its profile, as do the keys left without a profile: every change is written once at least, and mostly once
   * only.
   *
   * @param bounds the parts' first places, then the end: part {@code i} is {@code [bounds[i], bounds[i + 1])}
   */
  static List<BatchResult> parts(BatchResult all, int[] bounds) {
    int n = bounds.length - 1;
    List<List<ProfileChange>> changes = new ArrayList<>(n);
    List<Set<UUID>> profiles = new ArrayList<>(n);
    boolean[] leaves = new boolean[n];
    for (int i = 0; i < n; i++) {
      changes.add(new ArrayList<>());
      Set<UUID> ids = new HashSet<>();
      for (Outcome o : all.outcomes().subList(bounds[i], bounds[i + 1])) {
        if (o.profileId() != null) ids.add(o.profileId());
        else if (o.accepted()) leaves[i] = true;
      }
      profiles.add(ids);
    }
    for (ProfileChange c : all.changes()) {
      boolean named = false;
      for (int i = 0; i < n; i++) {
        Set<UUID> ids = profiles.get(i);
        if (ids.contains(c.profileId()) || (c.mergedInto() != null && ids.contains(c.mergedInto()))) {
          changes.get(i).add(c);
          named = true;
        }
      }
      if (named) continue;
      // a record that left its profile names none: its part waits for the profiles no part names, as the first does
      for (int i = 0; i < n; i++) {
        if (i == 0 || leaves[i]) changes.get(i).add(c);
      }
    }
    List<BatchResult> shares = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      shares.add(new BatchResult(all.outcomes().subList(bounds[i], bounds[i + 1]), changes.get(i),
          i == 0 || leaves[i] ? all.unlinked() : List.of()));
    }
    return shares;
  }
}

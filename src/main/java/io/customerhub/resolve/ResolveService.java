package io.customerhub.resolve;

import io.customerhub.config.HubConfig;
import io.customerhub.metrics.HubMetrics;
import io.customerhub.record.SourceKey;
import io.customerhub.resolve.index.IndexSync;
import io.customerhub.resolve.standardize.Standardizer;
import io.customerhub.store.ProfileChange;
import io.customerhub.store.ProfileStore;
import io.customerhub.support.Chunks;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Resolves batches of records into profiles, two PostgreSQL transactions per batch: one links the records, one
 * recomputes the profiles they touched. Linking writers serialize on advisory locks over the batch's keys, taken
 * before anything is read, so concurrent batches on any number of nodes never create two profiles for one
 * customer; recomputing takes only the profiles' row locks, so it runs beside the next batch's linking. Deadlocks
 * and races that PostgreSQL reports are retried as a whole.
 */
public final class ResolveService {

  private static final Logger LOG = LoggerFactory.getLogger(ResolveService.class);
  /** How long a batch waits for this node to write a profile it wants to merge into before it retries instead. */
  private static final long AWAIT_RECOMPUTED_MS = 2_000;
  private static final Set<String> RETRYABLE = Set.of("40P01", "40001", "23505", "23503");

  private final Vertx vertx;
  private final Pool pool;
  private final Standardizer standardizer;
  private final Linker linker;
  private final IndexSync sync;
  private final KeptApartSync keptApart;
  private final ProfileStore profiles;
  private final HubConfig.Resolve config;
  private final HubMetrics metrics;
  private final Map<UUID, Future<?>> recomputing = new ConcurrentHashMap<>();
  private final LinkCoalescer coalescer;

  public ResolveService(Vertx vertx, Pool pool, Standardizer standardizer, Linker linker, IndexSync sync,
                        KeptApartSync keptApart, ProfileStore profiles, HubConfig.Resolve config, HubMetrics metrics) {
    this.sync = sync;
    this.keptApart = keptApart;
    this.vertx = vertx;
    this.pool = pool;
    this.standardizer = standardizer;
    this.linker = linker;
    this.profiles = profiles;
    this.config = config;
    this.metrics = metrics;
    this.coalescer = new LinkCoalescer(vertx, this::linkNow);
  }

  /**
   * The answer per input record (same order), the committed profile changes and the keys of records that left
   * their profiles without being deleted (orders that were identity records), for the cache.
   */
  public record BatchResult(List<Outcome> outcomes, List<ProfileChange> changes, List<SourceKey> unlinked) {
    public BatchResult(List<Outcome> outcomes, List<ProfileChange> changes) {
      this(outcomes, changes, List.of());
    }

    /** The results of two consecutive parts of one batch, as if they had been one. */
    public static BatchResult concat(BatchResult first, BatchResult second) {
      List<Outcome> outcomes = new ArrayList<>(first.outcomes());
      outcomes.addAll(second.outcomes());
      List<ProfileChange> changes = new ArrayList<>(first.changes());
      changes.addAll(second.changes());
      List<SourceKey> unlinked = new ArrayList<>(first.unlinked());
      unlinked.addAll(second.unlinked());
      return new BatchResult(outcomes, changes, unlinked);
    }
  }

  /** A batch standardized and ready to be committed: the records that could be, and why the others could not. */
  public record Standardized(List<Incoming> batch, List<Prepared> prepared, Map<Integer, Outcome> refused) {
  }

  /**
   * The first step of resolving a batch, pure CPU on worker threads (a few records in place, {@link Chunks}) and
   * outside any transaction, so that a caller with several batches can standardize the next ones while an earlier
   * one commits.
   */
  public Future<Standardized> standardize(List<Incoming> batch) {
    if (batch.isEmpty()) return Future.succeededFuture(new Standardized(batch, List.of(), Map.of()));
    long start = System.nanoTime();
    Map<Integer, Outcome> refused = new ConcurrentHashMap<>();
    return Chunks.concat(vertx, batch.size(), (from, to) -> prepare(batch, from, to, refused)).map(prepared -> {
      metrics.phase("standardize").record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
      return new Standardized(batch, prepared, refused);
    });
  }

  /**
   * A batch whose records are linked and committed; {@code recomputed} completes once the profiles it touched
   * are recomputed too, with the answers and the profile changes for the cache.
   */
  public record Linked(Future<BatchResult> recomputed) {
    public static Linked of(BatchResult result) {
      return new Linked(Future.succeededFuture(result));
    }

    /** Two consecutive parts of one batch, as if they had been one. */
    public static Linked concat(Linked first, Linked second) {
      return new Linked(Future.all(first.recomputed(), second.recomputed())
          .map(v -> BatchResult.concat(first.recomputed().result(), second.recomputed().result())));
    }
  }

  /**
   * The second step, in two transactions: the first links the batch (records, crosswalk, merges, index change)
   * under the key locks and marks the profiles it touched; the second recomputes those profiles and clears the
   * marks. The returned future completes with the first commit, so that the next batch can link while this one's
   * profiles are assembled and written: PostgreSQL and the JVM then work at the same time. Small batches of
   * concurrent callers share transactions ({@link LinkCoalescer}).
   */
  public Future<Linked> link(Standardized ready, String actor) {
    metrics.linkBatches().increment();
    return coalescer.link(ready, actor);
  }

  private Future<Linked> linkNow(Standardized ready, String actor) {
    metrics.linkTransactions().increment();
    if (ready.batch().isEmpty()) return Future.succeededFuture(Linked.of(new BatchResult(List.of(), List.of())));
    HubMetrics.Laps laps = metrics.laps();
    Future<BatchTransaction.Result> committed = ready.prepared().isEmpty()
        ? Future.succeededFuture(BatchTransaction.Result.EMPTY) : attempt(ready.prepared(), actor, 1, laps);
    return committed.map(result -> {
      laps.lap("commit-links");
      metrics.linkedRecords().increment(result.linked());
      metrics.scoredPairs().increment(result.scoredPairs());
      metrics.cappedBlocks().increment(result.cappedKeys());
      Future<List<ProfileChange>> changes = result.recomputes()
          ? track(result.created().keySet(), recompute(result, actor, 1, laps)) : Future.succeededFuture(List.of());
      return new Linked(changes.map(c -> {
        List<ProfileChange> all = new ArrayList<>(c);
        all.addAll(result.mergedAway());
        return complete(ready.batch(), result, all, ready.refused());
      }));
    });
  }

  /** The second transaction of a batch, retried as a whole when concurrent writers get in its way. */
  private Future<List<ProfileChange>> recompute(BatchTransaction.Result linked, String actor, int attempt,
                                                HubMetrics.Laps laps) {
    return pool.withTransaction(conn -> conn.query(ResolveSql.SHARED_WRITER_LOCK).execute()
            .compose(v -> profiles.recompute(conn, linked.affected(), linked.created(),
                ProfileStore.Cause.merged(linked.absorbed(), actor), laps))
            .compose(changes -> ProfileStore.clearDirty(conn, linked.token()).map(changes)))
        .recover(err -> retry(err, attempt, () -> recompute(linked, actor, attempt + 1, laps)));
  }

  /** Profiles created by batches of this node whose second transaction has not finished, by id. */
  private Future<List<ProfileChange>> track(Set<UUID> created, Future<List<ProfileChange>> recomputed) {
    if (created.isEmpty()) return recomputed;
    created.forEach(id -> recomputing.put(id, recomputed));
    return recomputed.onComplete(done -> created.forEach(id -> recomputing.remove(id, recomputed)));
  }

  /**
   * Completes when this node's batches that create {@code ids} have written them, or after a bounded wait (a
   * profile another node creates is found missing and the batch retried): never waits on locks it might hold.
   */
  private Future<Void> awaitRecomputed(UUID[] ids) {
    List<Future<?>> pending = new ArrayList<>();
    for (UUID id : ids) {
      Future<?> f = recomputing.get(id);
      if (f != null && !f.isComplete()) pending.add(f);
    }
    if (pending.isEmpty()) return Future.succeededFuture();
    Promise<Void> done = Promise.promise();
    long timer = vertx.setTimer(AWAIT_RECOMPUTED_MS, t -> done.tryComplete());
    Future.join(pending).onComplete(all -> {
      vertx.cancelTimer(timer);
      done.tryComplete();
    });
    return done.future();
  }

  /** Standardizes each record; one that cannot be is rejected on its own instead of failing the batch. */
  private List<Prepared> prepare(List<Incoming> batch, int from, int to, Map<Integer, Outcome> refused) {
    List<Prepared> out = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      try {
        out.add(Prepared.of(i, batch.get(i), standardizer));
      } catch (RuntimeException e) {
        LOG.warn("record {} could not be standardized", batch.get(i).record().key(), e);
        refused.put(i, Outcome.rejected("record: could not be standardized (" + e.getClass().getSimpleName() + ")"));
      }
    }
    return out;
  }

  private Future<BatchTransaction.Result> attempt(List<Prepared> prepared, String actor, int attempt,
                                                 HubMetrics.Laps laps) {
    List<BatchTransaction> tx = new ArrayList<>(1);
    return pool.withTransaction(conn -> {
          BatchTransaction t =
              new BatchTransaction(vertx, conn, linker, actor, config, laps, this::awaitRecomputed, sync,
                  keptApart);
          tx.add(t);
          return t.run(winners(prepared), lockBuckets(prepared));
        })
        .andThen(done -> {
          // the candidate index learns of the commit before anyone hears of it (the next batch links after it)
          IndexSync.Appended appended = tx.isEmpty() ? null : tx.get(0).appended();
          if (appended == null) return;
          if (done.succeeded()) appended.committed();
          else appended.abandoned();
        })
        .recover(err -> err instanceof IndexSync.Rewound && attempt < config.maxAttempts()
            // linked against records the database no longer has: again once the index holds what it does
            ? sync.reloadAfterRewind().compose(v -> attempt(prepared, actor, attempt + 1, laps))
            : retry(err, attempt, () -> attempt(prepared, actor, attempt + 1, laps)));
  }

  /** Runs {@code again} after a short random pause when {@code err} says concurrent writers got in the way. */
  private <T> Future<T> retry(Throwable err, int attempt, Supplier<Future<T>> again) {
    if (attempt >= config.maxAttempts() || !contended(err)) return Future.failedFuture(err);
    LOG.debug("retrying after {} (attempt {})", err.getMessage(), attempt);
    metrics.retries().increment();
    Promise<T> retry = Promise.promise();
    vertx.setTimer(20L * attempt + (long) (Math.random() * 30), t -> again.get().onComplete(retry));
    return retry.future();
  }

  /** Whether a batch failed only because concurrent writers got in its way (it is worth trying again). */
  public static boolean contended(Throwable err) {
    return err instanceof BatchTransaction.ConcurrentChange
        || err instanceof PgException pg && RETRYABLE.contains(pg.getSqlState());
  }

  /** Within one batch only the newest version of each key is applied; the others are superseded. */
  private static List<Prepared> winners(List<Prepared> prepared) {
    Map<SourceKey, Prepared> newest = new LinkedHashMap<>();
    for (Prepared p : prepared) {
      newest.merge(p.key(), p, (a, b) -> b.supersedes(a.record().updatedAt(), a.hash()) ? b : a);
    }
    return new ArrayList<>(newest.values());
  }

  /**
   * The key buckets of a batch in ascending order, or null (lock them all) when they are more than a quarter of
   * them: past that, the batch waits for nearly every other writer anyway and one lock is cheaper than hundreds.
   */
  private Integer[] lockBuckets(List<Prepared> prepared) {
    BitSet buckets = new BitSet(config.lockBuckets());
    for (Prepared p : prepared) {
      for (String k : p.keys()) buckets.set(Math.floorMod(mix(k.hashCode()), config.lockBuckets()));
    }
    return buckets.cardinality() > config.lockBuckets() / 4 ? null : buckets.stream().boxed().toArray(Integer[]::new);
  }

  private static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    return h;
  }

  /** Every input gets its outcome: its own, the winner's for a superseded duplicate key, or its rejection. */
  private static BatchResult complete(List<Incoming> batch, BatchTransaction.Result result,
                                      List<ProfileChange> changes, Map<Integer, Outcome> refused) {
    List<Outcome> outcomes = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      Outcome o = refused.containsKey(i) ? refused.get(i) : result.outcomes().get(i);
      if (o == null) {
        Outcome winner = result.byKey().get(batch.get(i).record().key());
        o = Outcome.of(Outcome.Kind.SUPERSEDED, winner == null ? null : winner.profileId());
      }
      outcomes.add(o);
    }
    return new BatchResult(outcomes, changes, result.unlinked());
  }

}

package io.customerhub.resolve;

import io.customerhub.support.HeapPressure;
import io.customerhub.record.SourceKey;
import io.customerhub.resolve.ReresolutionPlan.Snapshot;
import io.customerhub.resolve.index.IndexSync;
import io.customerhub.resolve.match.BatchPass;
import io.customerhub.resolve.match.Blocker;
import io.customerhub.resolve.standardize.StandardRecord;
import io.customerhub.store.ProfileChange;
import io.customerhub.store.ProfileStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Re-runs resolution over every stored identity record with the current model and thresholds: blocks and scores
 * all candidate pairs, keeps explicit links (but not between records a steward kept apart), lets the cluster guard
 * veto doubtful chains, then moves only the records whose profile changes. A profile keeps its id when it keeps
 * most of its records; a profile left empty redirects to the one that took them. Each page of moves is one
 * transaction taken exclusively against ingest. A run that completes is kept as the last re-resolution
 * ({@link ModelStore#lastReresolution}), whoever started it.
 */
public final class Reresolver {

  /** Progress of a run, for a progress bar. */
  public record Progress(String phase, long done, long total) {
  }

  private static final Logger LOG = LoggerFactory.getLogger(Reresolver.class);
  private static final int PAGE = 500;

  private final Vertx vertx;
  private final Pool pool;
  private final ReresolutionLock lock;
  private final MatchEngine engine;
  private final ModelStore models;
  private final ProfileStore store;
  private final IndexSync sync;

  /**
   * Heap a pass takes per stored record while it runs (decoded values, blocks, candidate pairs, scores). Measured
   * on 135,904 generated CRM records: 5.4 KB a record (301 MB live before the pass, about 1,040 MB during it). On
   * generated CRM, ERP and web records of several loads with their orders (68,000 identity records) it took 12 to 14
   * KB a record, from 1.04 GB live to 97% of a 2 GB heap, and at 85,000 such records a pass that the old estimate of
   * 6 KB let start froze the node in back-to-back full collections: the estimate is the larger measure. A pass that
   * would not fit is not started.
   */
  static final long PASS_BYTES_PER_RECORD = 14_000;
  private final HeapPressure heap;
  private final KeptApartSync keptApart;

  public Reresolver(Vertx vertx, Pool pool, MatchEngine engine, ModelStore models, ProfileStore store,
                    IndexSync sync, KeptApartSync keptApart, HeapPressure heap) {
    this.keptApart = keptApart;
    this.vertx = vertx;
    this.heap = heap;
    this.sync = sync;
    this.pool = pool;
    this.lock = new ReresolutionLock(pool);
    this.engine = engine;
    this.models = models;
    this.store = store;
  }

  /**
   * The stored identity records as they are now, standardized values decoded and blocked: what a run works on,
   * and what a training that comes first can learn from ({@link #records}) without reading them again.
   */
  public static final class Pass {
    private final Snapshot snapshot;
    private final Blocker.Candidates candidates;
    /** The identity records counted as {@link ModelStore#identityRecords} counts them, when the pass was read. */
    private final long identityRecords;
    private final long readMillis;
    private final long blockMillis;
    /** Let go once the run scores: the keys are only training's, and 250,000 records have some 200 MB of them. */
    private BatchPass batch;

    private Pass(Snapshot snapshot, BatchPass batch, long identityRecords, long readMillis, long blockMillis) {
      this.snapshot = snapshot;
      this.candidates = batch.candidates();
      this.batch = batch;
      this.identityRecords = identityRecords;
      this.readMillis = readMillis;
      this.blockMillis = blockMillis;
    }

    public BatchPass records() {
      if (batch == null) throw new IllegalStateException("the pass was run: its records are let go");
      return batch;
    }
  }

  /**
   * Runs to the end; {@code changes} receives committed profile changes (for the cache) page by page, and the run
   * goes on when it has taken them: a run that completed is what readers see.
   */
  public Future<Integer> run(Consumer<Progress> progress, Function<List<ProfileChange>, Future<Void>> changes) {
    return exclusively(() -> read().compose(pass -> run(pass, progress, changes)));
  }

  /**
   * Runs {@code work} (that reads and runs passes, or trains) as the cluster's one re-resolution, or fails with
   * {@link ReresolutionLock.AlreadyRunning} at once.
   */
  public <T> Future<T> exclusively(java.util.function.Supplier<Future<T>> work) {
    return lock.exclusively(work);
  }

  /** Reads and blocks every stored identity record. */
  public Future<Pass> read() {
    if (heap.high()) return Future.failedFuture(new HeapPressure.Full(heap.describe()));
    long started = System.nanoTime();
    // kept with the run, and compared by upkeep with its own count (ModelLearning): the same query, not the
    // snapshot's size, so that the two compare like for like. Counted before the read, so that a record linked
    // meanwhile is owed again rather than counted as re-resolved
    return models.identityRecords().compose(counted -> {
      long need = counted * PASS_BYTES_PER_RECORD;
      if (!heap.fits(need)) {
        return Future.failedFuture(new HeapPressure.WouldNotFit(heap.describeNeed("a pass over " + counted
            + " records", need)));
      }
      return snapshot().compose(snap -> {
        long read = System.nanoTime();
        return vertx.executeBlocking(() -> BatchPass.of(snap.standards(), engine.config()), false)
            .map(batch -> new Pass(snap, batch, counted, (read - started) / 1_000_000,
                (System.nanoTime() - read) / 1_000_000));
      });
    });
  }

  /**
   * Every candidate pair of the stored records that a run would score, scored with the model in use on workers:
   * for a sweep over thresholds ({@link ThresholdSweep}), nothing decided or stored. Pairs below {@code floor} are
   * let go as they are scored.
   */
  public Future<ScoredPairs> score(double floor) {
    return read().compose(pass -> vertx.executeBlocking(() -> {
      MatchEngine.ModelInUse model = engine.current();
      BatchPass batch = pass.records();
      return ScoredPairs.of(batch.records(), batch.candidates(), engine.scorerBelowEveryThreshold(model.model()),
          model.version(), floor);
    }, false));
  }

  /**
   * What a run with {@code scoring} (this node's engine, or {@link MatchEngine#withModel another model}) would
   * change, worked out from a pass over every stored record as a run plans it; nothing is written, not even the last
   * re-resolution. Taken as the cluster's one re-resolution: it reads and scores every record as a run does.
   */
  public Future<ReresolutionPreview> preview(MatchEngine scoring, Consumer<Progress> progress) {
    return exclusively(() -> read().compose(pass -> {
      Snapshot snap = pass.snapshot;
      progress.accept(new Progress("scoring", 0, snap.keys().size()));
      pass.batch = null;
      return vertx.executeBlocking(() -> ReresolutionPreview.of(snap, ReresolutionPlan.of(snap, pass.candidates,
          scoring, scoring.guard(), scoring.keptApart()::check)), false);
    }));
  }

  /**
   * Runs over a pass read earlier. Ingest and stewards go on meanwhile, and what they did since the read stands: a
   * record linked since is not in the pass, one deleted, moved or merged elsewhere since stays where it is now (see
   * {@link #applyPage}), and a profile that took records since keeps them (see {@link #redirectEmptied}). Once the
   * moves are done, keeps the model version and the records counted at the read as the last re-resolution, whoever
   * started the run (an administrator's job, the daily schedule, a young hub's upkeep): upkeep tells from it whether
   * one is owed, and an administrator's run it did not find there was run once more after a restart.
   */
  public Future<Integer> run(Pass pass, Consumer<Progress> progress,
                             Function<List<ProfileChange>, Future<Void>> changes) {
    Snapshot snap = pass.snapshot;
    long version = engine.current().version();
    long started = System.nanoTime();
    long[] scored = {0};
    progress.accept(new Progress("scoring", 0, snap.keys().size()));
    pass.batch = null;
    Future<ReresolutionPlan> planned =
        vertx.executeBlocking(() -> ReresolutionPlan.of(snap, pass.candidates, engine, engine.guard(),
            engine.keptApart()::check), false);
    return planned.compose(plan -> {
      scored[0] = System.nanoTime();
      progress.accept(new Progress("scoring", snap.keys().size(), snap.keys().size()));
      return apply(snap, plan, progress, changes);
    }).compose(moved -> models.reresolved(version, pass.identityRecords).map(moved))
        .onSuccess(moved -> LOG.info("re-resolution of {} records: read in {} ms, blocked in {} ms, scored in {} ms, "
        + "moved {} in {} ms", snap.keys().size(), pass.readMillis, pass.blockMillis, (scored[0] - started) / 1_000_000,
        moved, (System.nanoTime() - scored[0]) / 1_000_000));
  }

  /**
   * The identity records page by page, decoded on workers, while the links, steward merges and profile ages are
   * read side by side; those are gone through on a worker too (some 100,000 rows would hold up the event loop).
   */
  private Future<Snapshot> snapshot() {
    // the pairs stewards keep apart as committed, not as this node has heard of them so far (see KeptApartSync)
    return keptApart.refresh(pool).compose(v -> readSnapshot());
  }

  private Future<Snapshot> readSnapshot() {
    List<SourceKey> keys = new ArrayList<>();
    List<StandardRecord> standards = new ArrayList<>();
    List<UUID> profiles = new ArrayList<>();
    Future<Void> identities = StoredPages.each(vertx, pool, ResolveSql.ALL_IDENTITIES, rows -> {
      // a pass holds every record: one that would not fit stops here, before it runs the node out of memory
      if (heap.high()) {
        throw new HeapPressure.WouldNotFit("the pass filled the heap while it read the records; " + heap.describe());
      }
      for (Row r : rows) {
        keys.add(new SourceKey(r.getString(0), r.getString(1)));
        standards.add(StandardRecord.decode(r.getString(2)));
        profiles.add(r.getUUID(3));
      }
    });
    Future<RowSet<Row>> linkRows = pool.query(ResolveSql.ALL_LINKS).execute();
    Future<RowSet<Row>> mergeRows = pool.query(ResolveSql.STEWARD_MERGES).execute();
    Future<RowSet<Row>> createdRows = pool.query(ResolveSql.PROFILE_CREATED).execute();
    return Future.all(identities, linkRows, mergeRows, createdRows).compose(all -> vertx.executeBlocking(() -> {
      Map<SourceKey, Integer> index = new HashMap<>();
      for (int i = 0; i < keys.size(); i++) index.put(keys.get(i), i);
      Map<String, List<Integer>> links = linkGroups(index, linkRows.result(), mergeRows.result());
      Map<UUID, Long> created = new HashMap<>();
      for (Row r : createdRows.result()) created.put(r.getUUID(0), r.getOffsetDateTime(1).toInstant().toEpochMilli());
      return new Snapshot(keys, standards, profiles, links, created);
    }, false));
  }

  /** The groups explicit links and steward merges hold together, as indexes of the records. */
  private static Map<String, List<Integer>> linkGroups(Map<SourceKey, Integer> index, RowSet<Row> linkRows,
                                                       RowSet<Row> mergeRows) {
    // a group per linked-to record: the records that link it, and the record itself when it is stored
    Map<String, List<Integer>> links = new HashMap<>();
    for (Row r : linkRows) {
      Integer from = index.get(new SourceKey(r.getString(0), r.getString(1)));
      if (from == null || r.getString(2) == null || r.getString(3) == null) continue;
      SourceKey to = new SourceKey(r.getString(2), r.getString(3));
      List<Integer> group = links.computeIfAbsent(Linker.recordKey(to), k -> new ArrayList<>());
      if (group.isEmpty() && index.containsKey(to)) group.add(index.get(to));
      group.add(from);
    }
    // a steward's merge holds like an explicit link
    for (Row r : mergeRows) {
      Integer a = index.get(new SourceKey(r.getString(0), r.getString(1)));
      Integer b = index.get(new SourceKey(r.getString(2), r.getString(3)));
      if (a != null && b != null) links.put("steward decision " + links.size(), List.of(a, b));
    }
    return links;
  }

  private Future<Integer> apply(Snapshot s, ReresolutionPlan plan, Consumer<Progress> progress,
                                Function<List<ProfileChange>, Future<Void>> changes) {
    UUID[] target = plan.target();
    List<Integer> moves = new ArrayList<>();
    for (int i = 0; i < target.length; i++) if (!target[i].equals(s.profiles().get(i))) moves.add(i);
    int[] moved = {0};
    progress.accept(new Progress("moving", 0, moves.size()));
    Future<Void> chain = pool.withTransaction(conn -> writeReviews(conn, s, plan)).mapEmpty();
    // a profile a page empties redirects in that page's transaction: a run stopped after it (a crash, an outage)
    // must not leave its id answering 404, its overrides behind, and a 'deleted' event for a customer who merged
    Map<UUID, UUID> survivorOf = survivors(s, target);
    for (int from = 0; from < moves.size(); from += PAGE) {
      List<Integer> page = moves.subList(from, Math.min(moves.size(), from + PAGE));
      int done = Math.min(moves.size(), from + PAGE);
      // each page's changes reach the cache before the next page: a run that is done is what readers see
      chain = chain.compose(v -> applyPage(s, plan, page, survivorOf)
          .compose(applied -> changes.apply(applied.changes()).map(w -> {
            moved[0] += applied.moved();
            progress.accept(new Progress("moving", done, moves.size()));
            return null;
          })));
    }
    // the records moved, which may be fewer than planned: one moved elsewhere since the read stays there
    return chain.compose(v -> redirectEmptied(survivorOf, changes)).map(v -> moved[0]);
  }

  private static Future<Void> writeReviews(SqlConnection conn, Snapshot s, ReresolutionPlan plan) {
    List<ReviewPairs.Pair> pairs = new ArrayList<>();
    for (int k = 0; k < plan.reviews().size(); k++) {
      long[] p = plan.reviews().get(k);
      pairs.add(new ReviewPairs.Pair(s.keys().get((int) p[0]), s.keys().get((int) p[1]),
          plan.reviewDecisions().get(k)));
    }
    return ReviewPairs.replaceOpen(conn, pairs);
  }

  /**
   * The profiles the plan empties (none of their records stays, no cluster keeps their id), each with the profile
   * that takes most of their records.
   */
  private static Map<UUID, UUID> survivors(Snapshot s, UUID[] target) {
    Set<UUID> targets = new HashSet<>(List.of(target));
    Map<UUID, Map<UUID, Integer>> whereTo = new HashMap<>();
    for (int i = 0; i < target.length; i++) {
      UUID old = s.profiles().get(i);
      if (!targets.contains(old)) whereTo.computeIfAbsent(old, k -> new HashMap<>()).merge(target[i], 1, Integer::sum);
    }
    Map<UUID, UUID> survivorOf = new HashMap<>();
    whereTo.forEach((emptied, took) ->
        survivorOf.put(emptied, took.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey()));
    return survivorOf;
  }

  /**
   * Profiles that kept none of their records now redirect to the profile that took most of them: those the pages
   * left, whose survivor was not an active profile when their page ran.
   */
  private Future<Void> redirectEmptied(Map<UUID, UUID> survivorOf,
                                       Function<List<ProfileChange>, Future<Void>> changes) {
    if (survivorOf.isEmpty()) return Future.succeededFuture();
    // alone against ingest, which may have linked a record to one of them since the pass was read; a profile a
    // steward merged away since is left as the steward left it
    return pool.withTransaction(conn -> conn.query(ResolveSql.EXCLUSIVE_WRITER_LOCK).execute()
        .compose(v -> redirect(conn, survivorOf)).compose(redirected -> {
          Set<UUID> took = redirected.took();
          return store.recompute(conn, took, ProfileStore.Cause.of("reresolve")).map(recomputed -> {
            List<ProfileChange> all = new ArrayList<>(redirected.merged());
            all.addAll(recomputed);
            return all;
          });
        })).compose(changes::apply);
  }

  /** Emptied profiles redirected in a transaction: their changes, and the survivors that took overrides. */
  private record Redirected(List<ProfileChange> merged, Set<UUID> took) {
  }

  /**
   * Redirects each profile of {@code survivorOf} that holds no record any more to its survivor, where that is an
   * active profile, with its events and its overrides; the caller recomputes {@link Redirected#took}.
   */
  private Future<Redirected> redirect(SqlConnection conn, Map<UUID, UUID> survivorOf) {
    if (survivorOf.isEmpty()) return Future.succeededFuture(new Redirected(List.of(), Set.of()));
    return conn.preparedQuery(ResolveSql.MARK_EMPTIED).execute(SqlParams.mergeArrays(survivorOf)).compose(rows -> {
      Map<UUID, Long> versions = new HashMap<>();
      Map<UUID, UUID> redirected = new HashMap<>();
      List<ProfileChange> merged = new ArrayList<>();
      for (Row r : rows) {
        UUID id = r.getUUID(0);
        versions.put(id, r.getLong(1));
        redirected.put(id, survivorOf.get(id));
        merged.add(new ProfileChange(id, ProfileChange.MERGED, r.getLong(1), null, survivorOf.get(id), List.of()));
      }
      if (redirected.isEmpty()) return Future.succeededFuture(new Redirected(List.of(), Set.of()));
      return ProfileStore.writeMergedAway(conn, versions, redirected)
          .compose(v -> sync.log(conn, List.of(), redirected))
          .compose(v -> conn.preparedQuery(ResolveSql.CARRY_OVERRIDES).execute(SqlParams.mergeArrays(redirected)))
          .map(carried -> {
            Set<UUID> took = new HashSet<>();
            for (Row r : carried) took.add(r.getUUID(0));
            return new Redirected(merged, took);
          });
    });
  }

  /**
   * Why a moved record is where re-resolution put it, in the shape online linking writes: the pair that joined it
   * with its fields' levels and weights, marked as found by re-resolution with the model version.
   */
  private JsonObject matchJson(Snapshot s, ReresolutionPlan plan, int i) {
    PairDecider.Decision d = plan.joinedBy()[i];
    if (d == null) return new JsonObject().put("rule", "re-resolution").put("modelVersion", engine.current().version());
    return Explanations.linkReason(d, s.keys().get(plan.joinedWith()[i]))
        .put("foundBy", "re-resolution").put("modelVersion", engine.current().version());
  }

  /** A page of moves done: the profile changes it committed and the records it moved. */
  private record Applied(List<ProfileChange> changes, int moved) {
  }

  /**
   * One page of moves, alone against ingest. A record moves only while it is still where the pass read it (see
   * {@link ResolveSql#MOVE_CROSSWALK}): one a steward or ingest moved since stays put. So the profiles recomputed
   * are those that really lost or took records, not the pass's, and a profile made for records that all went
   * elsewhere since is dropped again (a later page that needs it makes it anew).
   */
  private Future<Applied> applyPage(Snapshot s, ReresolutionPlan plan, List<Integer> page,
                                    Map<UUID, UUID> survivorOf) {
    UUID[] target = plan.target();
    Set<UUID> fresh = new LinkedHashSet<>();
    for (int i : page) if (!s.created().containsKey(target[i])) fresh.add(target[i]);
    return pool.withTransaction(conn -> conn.query(ResolveSql.EXCLUSIVE_WRITER_LOCK).execute()
        .compose(v -> conn.preparedQuery(ResolveSql.INSERT_RERESOLUTION_PROFILES).execute(Tuple.tuple()
            .addValue(fresh.toArray(UUID[]::new)).addValue(fresh.stream().map(x -> "person").toArray(String[]::new))))
        .compose(made -> {
          // a profile that existed after all (made by ingest since the pass read them) is not the page's to drop
          Set<UUID> inserted = new HashSet<>();
          for (Row r : made) inserted.add(r.getUUID(0));
          fresh.retainAll(inserted);
          return conn.preparedQuery(ResolveSql.MOVE_CROSSWALK).execute(moves(s, plan, page));
        })
        .compose(rows -> {
          Set<UUID> affected = new TreeSet<>();
          Map<UUID, UUID> left = new HashMap<>();
          List<SourceKey> moved = new ArrayList<>(rows.size());
          for (Row r : rows) {
            moved.add(new SourceKey(r.getString(0), r.getString(1)));
            affected.add(r.getUUID(2));
            affected.add(r.getUUID(3));
            UUID survivor = survivorOf.get(r.getUUID(2));
            if (survivor != null) left.put(r.getUUID(2), survivor);
          }
          List<ProfileChange> all = new ArrayList<>();
          return dropUnfilled(conn, s, fresh)
              // the profiles this page emptied redirect now (recomputed, they would only be left 'deleted')
              .compose(v -> redirect(conn, left))
              .compose(redirected -> {
                all.addAll(redirected.merged());
                affected.addAll(redirected.took());
                return store.recompute(conn, affected, ProfileStore.Cause.of("reresolve"));
              })
              // every node (this one too) reads the moved records back when it next catches up
              .compose(changes -> {
                all.addAll(changes);
                return sync.log(conn, moved, Map.of()).map(new Applied(all, moved.size()));
              });
        }));
  }

  /** The page's moves as {@link ResolveSql#MOVE_CROSSWALK} takes them: key, new profile, reason, profile read in. */
  private Tuple moves(Snapshot s, ReresolutionPlan plan, List<Integer> page) {
    int n = page.size();
    String[] sources = new String[n], ids = new String[n], matches = new String[n];
    UUID[] targets = new UUID[n], readIn = new UUID[n];
    for (int k = 0; k < n; k++) {
      int i = page.get(k);
      sources[k] = s.keys().get(i).source();
      ids[k] = s.keys().get(i).sourceId();
      targets[k] = plan.target()[i];
      matches[k] = matchJson(s, plan, i).encode();
      readIn[k] = s.profiles().get(i);
    }
    return Tuple.of(sources, ids, targets, matches, readIn);
  }

  /** Deletes the page's new profiles that took no record; the others exist from now on for the pages after. */
  private static Future<Void> dropUnfilled(SqlConnection conn, Snapshot s, Set<UUID> fresh) {
    if (fresh.isEmpty()) return Future.succeededFuture();
    return conn.preparedQuery(ResolveSql.DELETE_UNFILLED_PROFILES).execute(Tuple.of(fresh.toArray(UUID[]::new)))
        .map(rows -> {
          Set<UUID> kept = new HashSet<>(fresh);
          for (Row r : rows) kept.remove(r.getUUID(0));
          kept.forEach(f -> s.created().put(f, System.currentTimeMillis()));
          return null;
        });
  }
}

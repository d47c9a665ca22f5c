package io.customerhub.upkeep;

import io.customerhub.support.HeapPressure;
import io.customerhub.cache.ProfileReadModel;
import io.customerhub.config.HubConfig;
import io.customerhub.resolve.MatchEngine;
import io.customerhub.resolve.ModelStore;
import io.customerhub.resolve.ReresolutionLock;
import io.customerhub.resolve.Reresolver;
import io.micrometer.core.instrument.Counter;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The match model learns from the records the hub is given (EM, {@code ModelStore.train}) once there are enough
 * of them and again as they grow. A young hub (at most {@code relearnMaxRecords} identity records) also
 * re-resolves every record when it has a model it has not re-resolved with yet, or when its records doubled
 * since it last re-resolved: its records were linked online, before the model had seen them and without the
 * batch blocking rules that only a pass over all records can afford. It waits for ingest to go quiet first (a bulk
 * load is over, or a stream slowed to a trickle), so that the re-resolution's writer lock never stalls a load, or
 * for a reader of the crosswalk to say that the load is over. A grown hub only trains: re-resolving it is the
 * operator's call ({@code bin/hub reresolve}), or the daily run at {@code upkeep.reresolveAt}.
 */
public final class ModelLearning {

  private static final Logger LOG = LoggerFactory.getLogger(ModelLearning.class);
  /** Event-bus address (local to a node) of {@link #settle()}: answers once the node learned or had nothing to. */
  public static final String SETTLE_ADDRESS = "hub.upkeep.learning.settle";

  private enum Mode {
    /** train when due */
    TRAIN,
    /** train when due, then re-resolve a young hub when due */
    LEARN,
    /** the same, for a young hub only: a grown hub's reader does not wait for a training */
    SETTLE,
    /** train when due, then re-resolve every record, young hub or grown: the daily run of upkeep.reresolveAt */
    SCHEDULED
  }

  private final HubConfig.Upkeep config;
  private final ModelStore models;
  private final MatchEngine engine;
  private final Reresolver reresolver;
  private final ProfileReadModel readModel;
  private final Counter linkedRecords;
  private final Counter reresolutions;
  /** Also called from outside the verticle's context ({@code bin/hub eval}): one attempt at a time. */
  private final AtomicBoolean busy = new AtomicBoolean();
  /**
   * How much the records of a young hub must have grown since its model was trained for a reader of the crosswalk
   * to have it trained again first (the quiet look waits for them to double).
   */
  static final double SETTLE_GROWTH = 1.1;

  /** The attempt under way while {@code busy}, for callers that wait for it. */
  private volatile Future<Boolean> underWay = Future.succeededFuture(false);
  private boolean failed;
  private final IngestPace pace;
  /** The linked-records count at the last quiet look's attempt that ran to its end: nothing new since, nothing to do. */
  private double learnedAt = -1;
  /**
   * The same for a reader of the crosswalk, kept apart: the quiet look does less (it re-resolves only once the
   * records doubled), so what it settled may still be due for the reader.
   */
  private double settledAt = -1;
  /**
   * The model version in use when the node started: counted as applied where no re-resolution was ever kept
   * ({@code reresolution_state}, which every completed re-resolution writes: see {@link Reresolver#run}).
   */
  private final long startedWith;
  private final HeapPressure heap;
  /** A pass over the records did not fit in the heap: this node learns no more by itself. */
  private volatile boolean outgrewHeap;

  public ModelLearning(HubConfig.Upkeep config, ModelStore models, MatchEngine engine, Reresolver reresolver,
                       ProfileReadModel readModel, Counter linkedRecords, Counter reresolutions, HeapPressure heap) {
    this.config = config;
    this.heap = heap;
    this.models = models;
    this.engine = engine;
    this.reresolver = reresolver;
    this.readModel = readModel;
    this.linkedRecords = linkedRecords;
    this.reresolutions = reresolutions;
    this.startedWith = engine.current().version();
    this.pace = IngestPace.of(config.trickleRecordsPerSecond(), config.trickleSeconds(),
        config.learnWhenQuietSeconds());
  }

  /**
   * The frequent look: learns (and re-resolves) only if ingest is quiet here ({@link IngestPace}: nothing linked
   * since the previous look, or a trickle for a while) and some records were linked since the last time it
   * learned; otherwise only puts a model another node trained to use.
   */
  Future<Boolean> learnIfQuiet() {
    double linked = linkedRecords.count();
    boolean quiet = pace.quiet(linked);
    if (!quiet || linked == learnedAt || busy.get()) {
      return models.adoptNewer(engine).recover(err -> Future.succeededFuture(false));
    }
    return attempt(Mode.LEARN).onSuccess(done -> {
      if (!failed) learnedAt = linked;
    });
  }

  /**
   * Learns now from what was linked since the last time it learned, without waiting for ingest to go quiet, after
   * the attempt under way if there is one: someone is about to read the result of a load (the crosswalk).
   */
  public Future<Boolean> settle() {
    if (busy.get()) return underWay.transform(done -> settle());
    double linked = linkedRecords.count();
    if (linked == settledAt) return Future.succeededFuture(false);
    return attempt(Mode.SETTLE).onSuccess(done -> {
      if (!failed) settledAt = linked;
    });
  }

  /**
   * The daily run ({@code upkeep.reresolveAt}, claimed by one node): trains when due, then re-resolves every record
   * however many there are, after the attempt under way if there is one; fails where either failed.
   */
  Future<Boolean> reresolveOnSchedule() {
    if (busy.get()) return underWay.transform(done -> reresolveOnSchedule());
    // an attempt logs its failure and answers false; the schedule must know, to leave the day open for a retry
    return attempt(Mode.SCHEDULED).compose(ran -> failed
        ? Future.failedFuture("training or re-resolving failed (see the warning above)") : Future.succeededFuture(ran));
  }

  /** The tier refresh tick: trains when due, whatever ingest is doing, without re-resolving. */
  Future<Boolean> trainWhenDue() {
    return attempt(Mode.TRAIN);
  }

  /**
   * Trains when due; with {@code relearn}, and if the hub is young, then re-resolves every record when due.
   * Completes with whether anything was done. One at a time per node.
   */
  public Future<Boolean> learn(boolean relearn) {
    return attempt(relearn ? Mode.LEARN : Mode.TRAIN);
  }

  private Future<Boolean> attempt(Mode mode) {
    // automatic training off (autoTrainMinRecords 0) leaves learning to the operator, but not a run they scheduled
    boolean autoTrain = config.autoTrainMinRecords() > 0;
    // a pass reads every record into the heap: started with none to spare, it ran the node out of memory
    if (!autoTrain && mode != Mode.SCHEDULED || heap.high() || outgrewHeap || !busy.compareAndSet(false, true)) {
      return Future.succeededFuture(false);
    }
    Promise<Boolean> attempt = Promise.promise();
    underWay = attempt.future();
    failed = false;
    // every node uses the newest model, whichever node trained it
    Future<Long> records = models.adoptNewer(engine).compose(adopted -> models.identityRecords());
    // one node learns at a time: two nodes trained two versions of the model from the same records
    records.compose(count -> reresolver.exclusively(() -> models.lastReresolution().compose(kept -> {
      // what the records were last re-resolved with, read under the lock at every attempt: a node that restarted
      // still owes what the one before it had not done (a model trained but not yet applied, records linked online
      // since), and owes nothing for a run an administrator, the schedule or another node did meanwhile. Without a
      // kept state, the records this node found stored count as resolved with the model it started with
      long[] last = kept != null ? kept
          : new long[] {startedWith, Math.max(0, count - (long) linkedRecords.count())};
      boolean young = count <= config.relearnMaxRecords();
      if (mode == Mode.SETTLE && !young) return Future.succeededFuture(false);
      return models.newest().compose(newest -> {
        // a model an earlier release learned, before a field was compared in more levels, is learned again; one an
        // administrator put back and pinned is left alone
        // a reader of the crosswalk ends a load: the model learns from all of it, not from the half or so it had
        // seen when the records last doubled (a set of 4,800 records was read with a model of 2,487)
        boolean grewForReader = mode == Mode.SETTLE && count >= newest.trainedOn() * SETTLE_GROWTH;
        boolean due = autoTrain && !newest.pinned() && count >= config.autoTrainMinRecords()
            && (count >= newest.trainedOn() * config.autoTrainGrowth() || grewForReader
                || engine.current().model().predatesLevels());
        if (mode == Mode.TRAIN || !young && mode != Mode.SCHEDULED) {
          return due ? models.train(engine, "upkeep").map(true) : Future.succeededFuture(false);
        }
        boolean reresolve = mode == Mode.SCHEDULED || reresolveDue(count, last, mode == Mode.SETTLE);
        if (!due && !reresolve) return Future.succeededFuture(false);
        // training and re-resolution read and block the same records: once for both
        return reresolver.read().compose(pass -> {
          Future<Boolean> trained = due ? models.train(engine, "upkeep", pass.records()).map(true)
              : Future.succeededFuture(false);
          // a model trained just now is one the records have not been re-resolved with
          return trained.compose(t -> t || reresolve ? reresolveAll(pass, count) : Future.succeededFuture(false));
        });
      });
    }))).recover(err -> {
      if (err instanceof ReresolutionLock.AlreadyRunning) {
        LOG.debug("learning from the data waits: {}", err.getMessage());
        return Future.succeededFuture(false);
      }
      if (err instanceof HeapPressure.WouldNotFit) {
        // records only grow: trying again at every look would read them all again and stop again
        outgrewHeap = true;
        LOG.warn("learning from the data stopped, and stays off on this node until it restarts with a larger heap:"
            + " its pass over the stored records would not fit. {}", err.getMessage());
        return Future.succeededFuture(false);
      }
      if (err instanceof HeapPressure.Full) {
        LOG.debug("learning from the data waits for room in the heap");
        return Future.succeededFuture(false);
      }
      failed = true;
      LOG.warn("learning from the data failed (next look retries): {}", err.getMessage());
      return Future.succeededFuture(false);
    }).onComplete(done -> {
      busy.set(false);
      attempt.handle(done);
    });
    return attempt.future();
  }

  /**
   * A model not yet applied, or twice the records (or more) since the last re-resolution; for a reader of the
   * crosswalk, any record more. The quiet look waits for the records to double, or a trickle of records would
   * have every quiet second re-resolve them all; a crosswalk read is the end of a load, and a load that paused
   * half-way (the hub then learned from its first half) must not leave its second half as linked online.
   */
  private boolean reresolveDue(long records, long[] last, boolean settling) {
    return engine.current().version() > last[0]
        || records > 1 && records >= last[1] * config.autoTrainGrowth()
        || settling && records > last[1];
  }

  private Future<Boolean> reresolveAll(Reresolver.Pass pass, long records) {
    long started = System.nanoTime();
    long version = engine.current().version();
    return reresolver.run(pass, progress -> { }, changes -> readModel.afterCommit(changes, List.of()))
        .map(moved -> {
          reresolutions.increment();
          LOG.info("re-resolved {} records with match model version {} in {} ms: {} moved", records, version,
              (System.nanoTime() - started) / 1_000_000, moved);
          return true;
        });
  }
}

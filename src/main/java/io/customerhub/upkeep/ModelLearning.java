package io.customerhub.upkeep;

import io.customerhub.cache.ProfileReadModel;
import io.customerhub.config.HubConfig;
import io.customerhub.resolve.MatchEngine;
import io.customerhub.resolve.ModelStore;
import io.customerhub.resolve.Reresolver;
import io.micrometer.core.instrument.Counter;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The match model learns from the records the hub is given (EM, {@code ModelStore.train}) once there are enough
 * of them and again as they grow. A young hub (at most {@code relearnMaxRecords} identity records) also
 * re-resolves every record with a model it has not re-resolved with yet, because the records it holds were
 * linked before the model had seen them; it waits for ingest to go quiet first (a bulk load is over) so that the
 * re-resolution's writer lock never stalls a load. A grown hub only trains: re-resolving it is the operator's
 * call ({@code bin/hub reresolve}), made when the new model's parameters say it is worth it.
 */
public final class ModelLearning {

  private static final Logger LOG = LoggerFactory.getLogger(ModelLearning.class);

  private final HubConfig.Upkeep config;
  private final ModelStore models;
  private final MatchEngine engine;
  private final Reresolver reresolver;
  private final ProfileReadModel readModel;
  private final Counter linkedRecords;
  /** Also called from outside the verticle's context ({@code bin/hub eval}): one attempt at a time. */
  private final AtomicBoolean busy = new AtomicBoolean();
  private boolean failed;
  private double linkedAtLastLook = -1;
  /** The linked-records count at the last learning attempt that ran to its end: nothing new since, nothing to do. */
  private double settledAt = -1;
  /** The model version the records were last re-resolved with; the one loaded at start counts as applied. */
  private long reresolvedVersion = -1;

  public ModelLearning(HubConfig.Upkeep config, ModelStore models, MatchEngine engine, Reresolver reresolver,
                       ProfileReadModel readModel, Counter linkedRecords) {
    this.config = config;
    this.models = models;
    this.engine = engine;
    this.reresolver = reresolver;
    this.readModel = readModel;
    this.linkedRecords = linkedRecords;
  }

  /**
   * The frequent look: learns (and re-resolves) only if no record was linked here since the previous look and
   * some were since the last time it learned; otherwise only puts a model another node trained to use.
   */
  Future<Boolean> learnIfQuiet() {
    double linked = linkedRecords.count();
    boolean quiet = linked == linkedAtLastLook;
    linkedAtLastLook = linked;
    if (!quiet || linked == settledAt || busy.get()) {
      return models.adoptNewer(engine).recover(err -> Future.succeededFuture(false));
    }
    return learn(true).onSuccess(done -> {
      if (!failed) settledAt = linked;
    });
  }

  /** The tier refresh tick: trains when due, whatever ingest is doing, without re-resolving. */
  Future<Boolean> trainWhenDue() {
    return learn(false);
  }

  /**
   * Trains when due; with {@code relearn}, and if the hub is young, then re-resolves every record with the
   * model in use unless that was done already. Completes with whether anything was done. One at a time per node.
   */
  public Future<Boolean> learn(boolean relearn) {
    if (config.autoTrainMinRecords() <= 0 || !busy.compareAndSet(false, true)) return Future.succeededFuture(false);
    failed = false;
    if (reresolvedVersion < 0) reresolvedVersion = engine.current().version();
    // every node uses the newest model, whichever node trained it
    Future<Long> records = models.adoptNewer(engine).compose(adopted -> models.identityRecords());
    return records.compose(count -> models.trainedOn().compose(trainedOn -> {
      boolean due = count >= config.autoTrainMinRecords() && count >= trainedOn * config.autoTrainGrowth();
      Future<Boolean> trained = due ? models.train(engine, "upkeep").map(true) : Future.succeededFuture(false);
      if (!relearn || count > config.relearnMaxRecords()) return trained;
      return trained.compose(t -> engine.current().version() > reresolvedVersion ? reresolveAll(count)
          : Future.succeededFuture(t));
    })).recover(err -> {
      failed = true;
      LOG.warn("learning from the data failed (next look retries): {}", err.getMessage());
      return Future.succeededFuture(false);
    }).onComplete(done -> busy.set(false));
  }

  private Future<Boolean> reresolveAll(long records) {
    long started = System.nanoTime();
    long version = engine.current().version();
    return reresolver.run(progress -> { }, changes -> readModel.afterCommit(changes, List.of()))
        .map(moved -> {
          reresolvedVersion = version;
          LOG.info("re-resolved {} records with the newly learned model in {} ms: {} moved", records,
              (System.nanoTime() - started) / 1_000_000, moved);
          return true;
        });
  }
}

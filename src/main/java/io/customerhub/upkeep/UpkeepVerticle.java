package io.customerhub.upkeep;

import io.customerhub.cache.ProfileReadModel;
import io.customerhub.config.HubConfig;
import io.customerhub.resolve.index.IndexSync;
import io.customerhub.store.ProfileQueries;
import io.customerhub.store.ProfileStore;
import io.customerhub.store.TableStatistics;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Keeps profiles true as time passes: refreshes the tier cut-offs from the population, and periodically
 * re-assesses every active profile (12-month value, dormancy, new-customer windows, tiers after cut-offs moved),
 * in pages of one transaction each. Recomputation locks each profile row, so it never races an ingest. Also
 * finishes what a batch stopped between linking and recomputing left behind, keeps the planner's statistics
 * of fast-growing tables current, and runs the daily re-resolution where {@code upkeep.reresolveAt} names a time.
 */
public final class UpkeepVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(UpkeepVerticle.class);
  /** A node that has not written for longer than this reloads its candidate index instead of catching up. */
  private static final int INDEX_CHANGES_KEPT_HOURS = 24;
  /** Marks of unfinished batches repaired per round (each a batch of up to a thousand profiles). */
  private static final int RECOVERY_ROUND = 100;
  private static final int MAX_RECOVERY_LOOK_SECONDS = 10;
  private static final int START_RECOVERY_SECONDS = 30;
  /** The name of the daily re-resolution among the scheduled runs. */
  private static final String DAILY_RERESOLUTION = "reresolve";

  private final HubConfig.Upkeep config;
  private final TierCutoffs cutoffs;
  private final ProfileQueries queries;
  private final ProfileStore store;
  private final IndexSync candidateIndex;
  private final ProfileReadModel readModel;
  private final Pool pool;
  private final ModelLearning learning;
  private boolean sweeping;
  private boolean recovering;
  /** The day whose scheduled re-resolution this node ran to its end: nothing more to do until the next day. */
  private LocalDate scheduledDayDone;
  /** The day whose scheduled re-resolution this node is claiming or running, whose claim each look renews. */
  private LocalDate scheduledDayRunning;

  public UpkeepVerticle(HubConfig.Upkeep config, TierCutoffs cutoffs, ProfileQueries queries, ProfileStore store,
                        IndexSync candidateIndex, ProfileReadModel readModel, Pool pool, ModelLearning learning) {
    this.config = config;
    this.cutoffs = cutoffs;
    this.queries = queries;
    this.store = store;
    this.candidateIndex = candidateIndex;
    this.readModel = readModel;
    this.pool = pool;
    this.learning = learning;
  }

  @Override
  public Future<?> start() {
    refreshCutoffs();
    if (config.tierRefreshSeconds() > 0) {
      vertx.setPeriodic(TimeUnit.SECONDS.toMillis(config.tierRefreshSeconds()), t -> {
        refreshCutoffs();
        learning.trainWhenDue();
      });
    }
    if (config.learnWhenQuietSeconds() > 0) {
      vertx.setPeriodic(TimeUnit.SECONDS.toMillis(config.learnWhenQuietSeconds()), t -> learning.learnIfQuiet());
      vertx.eventBus().<Void>localConsumer(ModelLearning.SETTLE_ADDRESS,
          msg -> learning.settle().onComplete(done -> msg.reply(done.succeeded() && done.result())));
    }
    if (config.analyzeCheckSeconds() > 0) {
      TableStatistics statistics = new TableStatistics(pool);
      vertx.setPeriodic(TimeUnit.SECONDS.toMillis(config.analyzeCheckSeconds()), t -> statistics.refreshGrown()
          .onSuccess(tables -> {
            if (!tables.isEmpty()) LOG.debug("analyzed {}: they grew since PostgreSQL last did", tables);
          })
          .onFailure(err -> LOG.debug("planner statistics not refreshed: {}", err.getMessage())));
    }
    if (config.rewindCheckSeconds() > 0) {
      // a node that writes nothing finds it too when PostgreSQL lost its last commits (IndexSync.Rewound)
      vertx.setPeriodic(TimeUnit.SECONDS.toMillis(config.rewindCheckSeconds()), t -> candidateIndex.checkNotRewound()
          .onFailure(err -> LOG.debug("change log not checked: {}", err.getMessage())));
    }
    Future<Integer> recovered = Future.succeededFuture(0);
    if (config.recoverAfterSeconds() > 0) {
      // looked for more often than a mark must age: a dead node's marks wait at most ten seconds past that
      vertx.setPeriodic(TimeUnit.SECONDS.toMillis(Math.min(config.recoverAfterSeconds(), MAX_RECOVERY_LOOK_SECONDS)),
          t -> recover());
      // at start, every mark, however young: a node that crashed between a batch's two transactions and came back
      // left profiles that the crosswalk names but that do not exist, which refused every batch merging into them
      // (503) until the mark had aged. A mark of a peer's batch still in flight is repaired twice at worst: the
      // batch finds its profile written and reads its members as stored (ProfileStore.recompute).
      recovered = recover(0);
    }
    ReresolveSchedule schedule = ReresolveSchedule.of(config.reresolveAt(), config.reresolveWindowMinutes());
    if (schedule != null && config.scheduleCheckSeconds() > 0) {
      // a claim not renewed for three looks belonged to a node that died
      ScheduledRuns runs = new ScheduledRuns(pool, nodeName(), 3 * config.scheduleCheckSeconds());
      vertx.setPeriodic(TimeUnit.SECONDS.toMillis(config.scheduleCheckSeconds()),
          t -> reresolveIfScheduled(schedule, runs, Instant.now()));
    }
    if (config.reassessMinutes() > 0) {
      vertx.setPeriodic(TimeUnit.MINUTES.toMillis(config.reassessMinutes()), t -> {
        sweep();
        candidateIndex.prune(INDEX_CHANGES_KEPT_HOURS)
            .onFailure(err -> LOG.warn("old candidate index changes not pruned: {}", err.getMessage()));
        vertx.executeBlocking(candidateIndex::compact, false).onSuccess(forgotten -> {
          if (forgotten > 0) LOG.info("candidate index: forgot {} removal stamps and merge redirects", forgotten);
        });
      });
    }
    // the node answers once its marks are repaired; one that cannot be (said at WARN) is no reason to stay down, nor
    // is a repair that takes long (it goes on meanwhile): a node must start well within the minutes it is given
    return recovered.timeout(START_RECOVERY_SECONDS, TimeUnit.SECONDS).otherwise(0);
  }

  /**
   * Renews the claim of the run under way; else claims and runs the day's re-resolution when its window is open and
   * no node holds or finished it. A claim that fails, or a run that fails, is tried again at the next look (another
   * node's, once this node's claim goes stale).
   */
  private void reresolveIfScheduled(ReresolveSchedule schedule, ScheduledRuns runs, Instant now) {
    LocalDate running = scheduledDayRunning;
    if (running != null) {
      runs.renew(DAILY_RERESOLUTION, running)
          .onFailure(err -> LOG.warn("the scheduled re-resolution's claim was not renewed: {}", err.getMessage()));
      return;
    }
    LocalDate day = schedule.dueDay(now);
    if (day == null || day.equals(scheduledDayDone)) return;
    scheduledDayRunning = day;
    runs.claim(DAILY_RERESOLUTION, day).onComplete(claimed -> {
      if (claimed.failed() || !claimed.result()) {
        // held or finished by another node: looked at again, in case that node dies
        scheduledDayRunning = null;
        if (claimed.failed()) {
          LOG.warn("the scheduled re-resolution of {} could not be claimed (next look retries): {}", day,
              claimed.cause().getMessage());
        }
        return;
      }
      LOG.info("scheduled re-resolution of {} ({} UTC) claimed by this node", day, schedule.at());
      learning.reresolveOnSchedule()
          .compose(ran -> runs.finish(DAILY_RERESOLUTION, day).map(ran))
          .onComplete(done -> {
            scheduledDayRunning = null;
            if (done.succeeded()) {
              scheduledDayDone = day;
              LOG.info("scheduled re-resolution of {} {}", day, done.result() ? "done" : "had nothing to do");
            } else {
              LOG.warn("scheduled re-resolution of {} failed (retried while its window lasts): {}", day,
                  done.cause().getMessage());
            }
          });
    });
  }

  /** Who claimed a scheduled run, for whoever reads the table: the host, the process and this verticle. */
  private static String nodeName() {
    String host = System.getenv("HOSTNAME");
    return (host == null || host.isBlank() ? "node" : host) + " pid " + ProcessHandle.current().pid() + " "
        + UUID.randomUUID().toString().substring(0, 8);
  }

  private void refreshCutoffs() {
    cutoffs.refresh(queries).onFailure(err -> LOG.warn("tier cut-offs not refreshed: {}", err.getMessage()));
  }

  /**
   * Recomputes the profiles that batches linked but did not get to recompute (a crash or an outage between their
   * two transactions), one batch's mark per transaction; a mark that fails is left for the next round and does
   * not hold up the others. Returns how many profiles it recomputed.
   */
  public Future<Integer> recover() {
    return recover(config.recoverAfterSeconds());
  }

  private Future<Integer> recover(int minAgeSeconds) {
    if (recovering) return Future.succeededFuture(0);
    recovering = true;
    return recoverRounds(minAgeSeconds, 0)
        .onComplete(done -> {
          recovering = false;
          if (done.failed()) LOG.warn("recomputing marked profiles stopped: {}", done.cause().getMessage());
          else if (done.result() > 0) LOG.warn("recomputed {} profiles left marked by unfinished batches", done.result());
        });
  }

  /**
   * Rounds of marks until one finds fewer than a full round or clears fewer than it found: a mark that cannot be
   * repaired now, or that another node is repairing, waits for the next look instead of being read again at once.
   */
  private Future<Integer> recoverRounds(int minAgeSeconds, int soFar) {
    return ProfileStore.staleMarks(pool, minAgeSeconds, RECOVERY_ROUND)
        .compose(tokens -> recoverEach(tokens, 0, new Round()).compose(round ->
            tokens.size() == RECOVERY_ROUND && round.cleared == tokens.size()
                ? recoverRounds(minAgeSeconds, soFar + round.profiles)
                : Future.succeededFuture(soFar + round.profiles)));
  }

  /** What one round of marks repaired: the marks cleared and the profiles they recomputed. */
  private static final class Round {
    int cleared;
    int profiles;
  }

  private Future<Round> recoverEach(List<Long> tokens, int at, Round round) {
    if (at == tokens.size()) return Future.succeededFuture(round);
    long token = tokens.get(at);
    return pool.withTransaction(conn -> store.recoverMark(conn, token))
        .compose(mark -> readModel.afterCommit(mark.changes(), List.of()).map(v -> {
          if (mark.cleared()) round.cleared++;
          round.profiles += mark.marked();
          return round;
        }))
        .recover(err -> {
          LOG.warn("could not recompute the profiles marked by batch {} (next round retries): {}", token,
              err.getMessage());
          return Future.succeededFuture(round);
        })
        .compose(r -> recoverEach(tokens, at + 1, r));
  }

  /** Re-assesses all active profiles; returns the number of profiles that changed. */
  public Future<Integer> sweep() {
    if (sweeping) return Future.succeededFuture(0);
    sweeping = true;
    long started = System.nanoTime();
    Tally tally = new Tally();
    return cutoffs.refresh(queries).compose(t -> page(new UUID(0, 0), tally)).map(v -> tally.changed)
        .onComplete(done -> {
          sweeping = false;
          if (done.succeeded()) {
            LOG.info("re-assessed profiles in {} ms: {} changed{}",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), tally.changed,
                tally.failed == 0 ? "" : ", " + tally.failed + " could not be (see the warnings above)");
          } else {
            LOG.warn("profile re-assessment stopped: {}", done.cause().getMessage());
          }
        });
  }

  /** What a sweep did so far. */
  private static final class Tally {
    int changed;
    int failed;
  }

  private Future<Void> page(UUID after, Tally tally) {
    return queries.activePage(after, config.reassessBatch()).compose(ids -> {
      if (ids.isEmpty()) return Future.succeededFuture();
      // a page that fails is taken one profile at a time: one profile the hub cannot re-assess must not leave every
      // profile after it unassessed, hour after hour
      return reassess(ids)
          .recover(err -> {
            LOG.warn("re-assessing {} profiles from {} failed ({}); taking them one by one", ids.size(), ids.get(0),
                err.getMessage());
            return oneByOne(ids, 0, tally);
          })
          .compose(changed -> {
            tally.changed += changed;
            return page(ids.get(ids.size() - 1), tally);
          });
    });
  }

  private Future<Integer> oneByOne(List<UUID> ids, int at, Tally tally) {
    if (at == ids.size()) return Future.succeededFuture(0);
    UUID id = ids.get(at);
    return reassess(List.of(id))
        .recover(err -> {
          tally.failed++;
          LOG.warn("profile {} could not be re-assessed: {}", id, err.getMessage());
          return Future.succeededFuture(0);
        })
        .compose(changed -> oneByOne(ids, at + 1, tally).map(rest -> changed + rest));
  }

  /** Recomputes {@code ids} in one transaction and brings the cache up to date; the number that changed. */
  private Future<Integer> reassess(List<UUID> ids) {
    return pool.withTransaction(conn -> store.recompute(conn, new HashSet<>(ids), ProfileStore.Cause.of("upkeep")))
        .compose(changes -> readModel.afterCommit(changes, List.of()).map(changes.size()));
  }
}

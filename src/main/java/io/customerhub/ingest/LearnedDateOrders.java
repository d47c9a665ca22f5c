package io.customerhub.ingest;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * How each source writes dates with the year last, where its mapping does not say: learned from its dates
 * ({@link DateOrders}, in this node's memory) and shared through PostgreSQL ({@link StoredDateOrders}), so that
 * every node and every restart reads a source's dates alike. Looking at a request's inputs is CPU work, done on a
 * worker thread.
 */
final class LearnedDateOrders {

  private static final Logger LOG = LoggerFactory.getLogger(LearnedDateOrders.class);

  private final Vertx vertx;
  private final DateOrders memory = new DateOrders();
  private final StoredDateOrders stored;
  private final Consumer<String> learnedMonthFirst;
  /** Sources PostgreSQL held no order for when last asked, until when that answer is taken as still true. */
  private final Map<String, Long> absentUntil = new ConcurrentHashMap<>();
  private static final long ABSENT_FOR_NANOS = TimeUnit.SECONDS.toNanos(1);
  /** Sources this node read day first for want of telling dates until it found another's month first stored. */
  private final Set<String> adoptedLater = ConcurrentHashMap.newKeySet();

  /**
   * @param learnedMonthFirst hears of a source whose dates this node has just seen to be written month first: its
   *                          inputs stored before were read day first where they read either way
   */
  LearnedDateOrders(Vertx vertx, Pool pool, Consumer<String> learnedMonthFirst) {
    this.vertx = vertx;
    this.stored = new StoredDateOrders(pool);
    this.learnedMonthFirst = learnedMonthFirst;
  }

  /** Up to {@code limit} stored inputs of {@code source} with a date that reads either way. */
  Future<List<String>> storedEitherWay(String source, int limit) {
    return stored.readEitherWay(source, limit);
  }

  /**
   * How a request's dates with the year last are read: month first or not, and whether only {@code forNow}: the
   * source's order is still undecided and the request holds a date that reads either way, read day first until a
   * request of the source shows the order.
   */
  record Reading(boolean monthFirst, boolean forNow) {
    static final Reading DAY_FIRST = new Reading(false, false);
  }

  /**
   * How the request's dates with the year last are read: as the source's mapping says, else as its dates have
   * shown ({@link DateOrders}) this node or, through PostgreSQL, another or an earlier one; while still undecided,
   * looked for in this request's inputs on a worker thread, and what they show is stored for the others.
   */
  Future<Reading> monthFirst(String source, SourceMapping mapping, List<IngestService.Input> inputs) {
    if (mapping == null) return Future.succeededFuture(Reading.DAY_FIRST);
    Boolean known = memory.decided(source, mapping);
    if (known != null) {
      if (known || mapping.datesDeclared() || memory.shown(source) != null || knownAbsent(source)) {
        return Future.succeededFuture(new Reading(known, false));
      }
      return laterLearned(source);
    }
    Future<Boolean> elsewhere = knownAbsent(source) ? Future.succeededFuture() : stored(source);
    return elsewhere.compose(found -> {
      if (found != null) return Future.succeededFuture(new Reading(found, false));
      List<String> texts = new ArrayList<>(inputs.size());
      for (IngestService.Input in : inputs) texts.add(in.text());
      return vertx.executeBlocking(() -> memory.learn(source, mapping, texts), false).compose(learned ->
          learned.monthFirst() == null ? Future.succeededFuture(new Reading(false, learned.eitherWay()))
              : keepShown(source, learned.monthFirst()).map(monthFirst -> new Reading(monthFirst, false)));
    });
  }

  /**
   * A source this node reads day first only because none of its first {@link DateOrders#SCAN_LIMIT} inputs told the
   * order: another node (a new one, or one restarted) may have learned it from a later date since. Looked for at
   * most once a second; a month first found there is adopted, and this node reads its stored inputs again as the
   * node that learned it did (those it stored meanwhile, read day first, are among them).
   */
  private Future<Reading> laterLearned(String source) {
    return stored(source).map(found -> {
      if (!Boolean.TRUE.equals(found)) return new Reading(false, false);
      if (adoptedLater.add(source)) { // two requests may find it at once: one pass is enough
        LOG.info("source {} writes dates month first, as another node learned: read so from now on", source);
        learnedMonthFirst.accept(source);
      }
      return new Reading(true, false);
    });
  }

  /**
   * Whether PostgreSQL held no order for {@code source} less than {@link #ABSENT_FOR_NANOS} ago: a source's first
   * requests need not each ask again. One read day first meanwhile, though another node had stored the month first,
   * is read again once it has committed ({@link #turnedMonthFirst}, which always asks).
   */
  private boolean knownAbsent(String source) {
    Long until = absentUntil.get(source);
    return until != null && until - System.nanoTime() > 0;
  }

  /**
   * Whether a source read day first {@link Reading#forNow for now} has since shown it writes the month first, to
   * this node or, through PostgreSQL, to another. Asked after the request's records committed: either this finds
   * the order stored, or the node that stores it finds those records when it reads its stored inputs again.
   */
  Future<Boolean> turnedMonthFirst(String source, SourceMapping mapping) {
    Boolean known = memory.decided(source, mapping);
    if (known != null) return Future.succeededFuture(known);
    return stored(source).map(Boolean.TRUE::equals);
  }

  /** The order stored for {@code source}, adopted by this node; null if none is, or if it cannot be read. */
  private Future<Boolean> stored(String source) {
    return stored.find(source)
        .otherwise(err -> {
          LOG.warn("the stored date order of source {} could not be read: this node reads as it learned", source, err);
          return null;
        })
        .map(found -> {
          if (found != null) memory.adopt(source, found);
          else absentUntil.put(source, System.nanoTime() + ABSENT_FOR_NANOS);
          return found;
        });
  }

  /** Stores what the source's dates showed, if they did, and reads as stored: the first node to learn decides. */
  private Future<Boolean> keepShown(String source, boolean monthFirst) {
    Boolean shown = memory.shown(source);
    if (shown == null) return Future.succeededFuture(monthFirst);
    return stored.keep(source, shown).map(kept -> {
      if (!kept.equals(shown)) {
        LOG.warn("source {} showed this node dates {} first, another node learned {} first: read as stored", source,
            shown ? "month" : "day", kept ? "month" : "day");
        memory.adopt(source, kept);
      }
      if (kept) learnedMonthFirst.accept(source);
      return kept;
    }).otherwise(err -> {
      LOG.warn("the date order learned for source {} could not be stored: kept on this node only", source, err);
      return monthFirst;
    });
  }
}

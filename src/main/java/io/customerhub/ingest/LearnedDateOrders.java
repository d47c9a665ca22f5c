package io.customerhub.ingest;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
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
   * Whether the request's dates with the year last are read month first: as the source's mapping says, else as its
   * dates have shown ({@link DateOrders}) this node or, through PostgreSQL, another or an earlier one; while still
   * undecided, looked for in this request's inputs on a worker thread, and what they show is stored for the others.
   */
  Future<Boolean> monthFirst(String source, SourceMapping mapping, List<IngestService.Input> inputs) {
    if (mapping == null) return Future.succeededFuture(false);
    Boolean known = memory.decided(source, mapping);
    if (known != null) return Future.succeededFuture(known);
    return stored.find(source)
        .otherwise(err -> {
          LOG.warn("the stored date order of source {} could not be read: learned from this request", source, err);
          return null;
        })
        .compose(found -> {
          if (found != null) {
            memory.adopt(source, found);
            return Future.succeededFuture(found);
          }
          List<String> texts = new ArrayList<>(inputs.size());
          for (IngestService.Input in : inputs) texts.add(in.text());
          return vertx.executeBlocking(() -> memory.monthFirst(source, mapping, texts), false)
              .compose(monthFirst -> keepShown(source, monthFirst));
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

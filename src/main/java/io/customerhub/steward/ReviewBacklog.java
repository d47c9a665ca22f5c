package io.customerhub.steward;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How many review pairs wait for a steward and how long the oldest has waited, for the metrics: a queue that
 * grows, or a pair nobody decides, is the stewards' service level slipping, and the customers behind those pairs
 * keep two profiles meanwhile. Read from PostgreSQL when the metrics are scraped, at most every
 * {@link #MIN_LOOK_SECONDS}: each scrape answers what the one before it had read, and a hub nobody monitors does not
 * read at all. Every node reads the same figures (alert on their maximum); a failed read keeps the last ones.
 */
public final class ReviewBacklog {

  private static final Logger LOG = LoggerFactory.getLogger(ReviewBacklog.class);
  static final int MIN_LOOK_SECONDS = 2;

  private final Pool pool;
  private final AtomicBoolean looking = new AtomicBoolean();
  private volatile long lookedAt = Long.MIN_VALUE / 2;
  private volatile long open;
  private volatile double oldestSeconds;

  public ReviewBacklog(Pool pool) {
    this.pool = pool;
  }

  /** Review pairs open when last read; starts a new read when that was long enough ago. */
  public long open() {
    lookIfStale();
    return open;
  }

  /** Seconds since the oldest open pair was found, when last read (0 when none was open). */
  public double oldestSeconds() {
    lookIfStale();
    return oldestSeconds;
  }

  /** Reads the figures now, unless a read is under way. */
  public Future<Void> look() {
    if (!looking.compareAndSet(false, true)) return Future.succeededFuture();
    lookedAt = System.nanoTime();
    return pool.query(StewardSql.REVIEW_BACKLOG).execute().onSuccess(rows -> {
      Row r = rows.iterator().next();
      open = r.getLong(0);
      oldestSeconds = r.getDouble(1);
    }).onFailure(err -> LOG.debug("review backlog not read (the last figures stay): {}", err.getMessage()))
        .onComplete(done -> looking.set(false)).mapEmpty();
  }

  private void lookIfStale() {
    if (System.nanoTime() - lookedAt >= TimeUnit.SECONDS.toNanos(MIN_LOOK_SECONDS)) look();
  }
}

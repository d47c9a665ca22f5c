package io.customerhub.resolve;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;

import java.util.function.Supplier;

/**
 * One re-resolution (or learning from the data, which re-resolves) at a time in the whole cluster: two at once, on
 * two nodes or one, each read, scored and moved every record, the second one's moves undoing nothing but doubling
 * the work, and two nodes trained two model versions from the same records. A session-level advisory lock, held on
 * a connection of its own for the run: a node that dies lets it go with its connection.
 */
public final class ReresolutionLock {

  /** Another run holds the lock: this one did nothing. */
  public static final class AlreadyRunning extends RuntimeException {
    AlreadyRunning() {
      super("another re-resolution or training is running in the cluster (on this node or another); this one did "
          + "nothing: start it again once that one is done", null, false, false);
    }
  }

  private static final String TRY = "select pg_try_advisory_lock(1213547074, -7)";
  private static final String RELEASE = "select pg_advisory_unlock(1213547074, -7)";

  private final Pool pool;

  public ReresolutionLock(Pool pool) {
    this.pool = pool;
  }

  /** Runs {@code work} holding the lock, or fails with {@link AlreadyRunning} at once when another run holds it. */
  public <T> Future<T> exclusively(Supplier<Future<T>> work) {
    return pool.getConnection().compose(conn -> conn.query(TRY).execute().<T>compose(rows -> {
      if (!rows.iterator().next().getBoolean(0)) return Future.failedFuture(new AlreadyRunning());
      // let go before the connection goes back to the pool, where a session's lock would outlive the run
      return work.get().transform(result -> release(conn).transform(released -> result.succeeded()
          ? Future.succeededFuture(result.result()) : Future.<T>failedFuture(result.cause())));
    }).eventually(() -> conn.close()));
  }

  private static Future<Void> release(SqlConnection conn) {
    return conn.query(RELEASE).execute().mapEmpty();
  }
}

package io.customerhub.ingest;

import io.customerhub.resolve.ResolveService;
import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;

import java.util.Set;

/**
 * Tells a batch that failed because of what is in it from one that failed because the database could not be
 * reached or was busy. Only the first kind may be narrowed down to a record and rejected: the second is retried
 * as it is, since every record of it may be good.
 */
final class StorageFailures {

  /** SQLSTATE classes about the data itself: data exception, integrity constraint, program limit exceeded. */
  private static final Set<String> CONTENT_CLASSES = Set.of("22", "23", "54");

  private StorageFailures() {
  }

  static boolean causedByContent(Throwable err) {
    if (ResolveService.contended(err)) return false; // unique races and deadlocks are writers, not content
    if (err instanceof PgException pg) {
      String state = pg.getSqlState();
      return state != null && state.length() == 5 && CONTENT_CLASSES.contains(state.substring(0, 2));
    }
    // connections, pools and timeouts fail as VertxException; anything else was thrown by the hub's own code
    // for this batch's content
    return err instanceof RuntimeException && !(err instanceof VertxException);
  }

  /** The answer for the record that could not be stored, naming the database's reason and never its values. */
  static String reason(Throwable err) {
    if (err instanceof PgException pg) {
      return "record: the database refused it (SQLSTATE " + pg.getSqlState() + ")";
    }
    return "record: could not be resolved (" + err.getClass().getSimpleName() + ")";
  }
}

package io.customerhub.resolve;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Cursor;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;

import java.util.function.Consumer;

/**
 * Reads a query over all stored records through a cursor, a page of rows at a time, and hands each page to a
 * worker thread before the next is read: passes over all records (training, re-resolution) never hold the whole
 * result at once (250,000 records have some 80 MB of standardized text) nor go through it on the event loop.
 * One query and one plan: pages cut by key (each a query of its own) made PostgreSQL merge the crosswalk from its
 * start for every page, twice the work of the whole query at 244,437 records.
 */
final class StoredPages {

  static final int PAGE = 20_000;

  private StoredPages() {
  }

  /** Runs {@code onWorker} on each page in the query's order; completes once the last page was handled. */
  static Future<Void> each(Vertx vertx, Pool pool, String sql, Consumer<RowSet<Row>> onWorker) {
    // a cursor lives in a transaction; this one only reads
    return pool.withTransaction(conn -> conn.prepare(sql)
        .compose(statement -> next(vertx, statement.cursor(), onWorker)));
  }

  private static Future<Void> next(Vertx vertx, Cursor cursor, Consumer<RowSet<Row>> onWorker) {
    return cursor.read(PAGE).compose(rows -> vertx.<Void>executeBlocking(() -> {
      onWorker.accept(rows);
      return null;
    }, false)).compose(v -> cursor.hasMore() ? next(vertx, cursor, onWorker) : cursor.close());
  }
}

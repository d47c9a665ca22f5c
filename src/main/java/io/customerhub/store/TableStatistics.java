package io.customerhub.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps PostgreSQL's planner statistics of the tables the ingest path joins current while a load makes them grow.
 * Autovacuum looks at a database once a minute: a bulk load into a young hub outruns it, and the planner, which
 * knows nothing of a table never analyzed, then plans a recompute's read of a thousand profiles' members as a
 * hash join over every record (measured on a 100,000-record load: 35 ms a batch, growing with the table, which
 * made the load's time grow faster than its size). A table is analyzed again once more of its rows changed than
 * {@link #MIN_CHANGED_ROWS} plus {@link #CHANGED_FRACTION} times the rows it had at its last analysis: a load
 * analyzes a table each time it about doubled, and a grown table is left to autovacuum.
 */
public final class TableStatistics {

  /** The tables whose joins the hot paths plan from statistics; the only names ever put into an ANALYZE. */
  static final List<String> TABLES = List.of("source_record", "crosswalk", "profile", "customer_order", "review_pair");
  /**
   * A sample of 9,000 rows per table instead of 30,000: enough for the row counts and key spreads the planner
   * needs here, at a third of the cost; autovacuum's own analyses later refine them. (Leaving the documents out
   * by naming columns would cost less again, but such an ANALYZE does not reset the table's count of changes.)
   */
  private static final String SAMPLE = "set local default_statistics_target = 30";
  static final int MIN_CHANGED_ROWS = 500;
  static final double CHANGED_FRACTION = 1.0;

  private static final String GROWN = """
      select s.relname::text from pg_stat_user_tables s join pg_class c on c.oid = s.relid
      where s.schemaname = current_schema() and s.relname = any($1::text[])
        and s.n_mod_since_analyze > $2 + $3 * greatest(c.reltuples, 0)
      order by s.relname""";

  /** Nodes take turns: two analyses of one table would only wait for each other. */
  private static final String TURN = "select pg_try_advisory_xact_lock(1213547074, -6)";

  private final Pool pool;
  private final AtomicBoolean running = new AtomicBoolean();

  public TableStatistics(Pool pool) {
    this.pool = pool;
  }

  /**
   * Analyzes the tables that changed enough since their last analysis; completes with their names (none when
   * another node is analyzing, or this one still is).
   */
  public Future<List<String>> refreshGrown() {
    if (!running.compareAndSet(false, true)) return Future.succeededFuture(List.of());
    return pool.withTransaction(conn -> conn.query(TURN).execute().compose(turn -> {
          if (!turn.iterator().next().getBoolean(0)) return Future.succeededFuture(List.<String>of());
          return conn.preparedQuery(GROWN)
              .execute(Tuple.of(TABLES.toArray(String[]::new), MIN_CHANGED_ROWS, CHANGED_FRACTION))
              .compose(rows -> {
                List<String> grown = new ArrayList<>();
                for (Row r : rows) {
                  if (TABLES.contains(r.getString(0))) grown.add(r.getString(0));
                }
                if (grown.isEmpty()) return Future.succeededFuture(grown);
                return conn.query(SAMPLE).execute()
                    .compose(v -> conn.query("analyze " + String.join(", ", grown)).execute())
                    .map(grown);
              });
        }))
        .onComplete(done -> running.set(false));
  }
}

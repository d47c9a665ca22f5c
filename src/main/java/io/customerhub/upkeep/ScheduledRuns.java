package io.customerhub.upkeep;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

import java.time.LocalDate;

/** The upkeep's once-a-day runs, claimed in PostgreSQL so that one node of many runs each (table scheduled_run). */
final class ScheduledRuns {

  private static final String CLAIM = "insert into scheduled_run (name, day, claimed_by) values ($1, $2, $3) "
      + "on conflict (name, day) do nothing returning day";

  private final Pool pool;
  private final String node;

  ScheduledRuns(Pool pool, String node) {
    this.pool = pool;
    this.node = node;
  }

  /** Whether this node claimed {@code name}'s run of {@code day}: false where another node had. */
  Future<Boolean> claim(String name, LocalDate day) {
    return pool.preparedQuery(CLAIM).execute(Tuple.of(name, day, node)).map(rows -> rows.rowCount() == 1);
  }
}

package io.customerhub.upkeep;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

import java.time.LocalDate;

/**
 * The upkeep's once-a-day runs, claimed in PostgreSQL so that one node of many runs each (table scheduled_run). A
 * claim is a lease: its node renews it while the run lasts and marks it finished at the end; one left neither
 * renewed nor finished for {@code staleSeconds} belonged to a node that died, and another node may take it over.
 */
final class ScheduledRuns {

  private static final String CLAIM = """
      insert into scheduled_run (name, day, claimed_by) values ($1, $2, $3)
      on conflict (name, day) do update set claimed_by = excluded.claimed_by, claimed_at = now(), renewed_at = now()
        where scheduled_run.finished_at is null and scheduled_run.renewed_at < now() - make_interval(secs => $4)
      returning day""";
  private static final String RENEW = "update scheduled_run set renewed_at = now() "
      + "where name = $1 and day = $2 and claimed_by = $3 and finished_at is null";
  private static final String FINISH = "update scheduled_run set finished_at = now() "
      + "where name = $1 and day = $2 and claimed_by = $3";

  private final Pool pool;
  private final String node;
  private final int staleSeconds;

  ScheduledRuns(Pool pool, String node, int staleSeconds) {
    this.pool = pool;
    this.node = node;
    this.staleSeconds = staleSeconds;
  }

  /** Whether this node claimed {@code name}'s run of {@code day}: false where another node holds or finished it. */
  Future<Boolean> claim(String name, LocalDate day) {
    return pool.preparedQuery(CLAIM).execute(Tuple.of(name, day, node, (double) staleSeconds))
        .map(rows -> rows.rowCount() == 1);
  }

  /** Tells the other nodes that this node's run of {@code day} is still under way. */
  Future<Void> renew(String name, LocalDate day) {
    return pool.preparedQuery(RENEW).execute(Tuple.of(name, day, node)).mapEmpty();
  }

  /** Marks this node's run of {@code day} done: no node takes it over, however old its last renewal. */
  Future<Void> finish(String name, LocalDate day) {
    return pool.preparedQuery(FINISH).execute(Tuple.of(name, day, node)).mapEmpty();
  }
}

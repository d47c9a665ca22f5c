package io.customerhub.steward;

import io.customerhub.testing.HubTestNode;
import io.customerhub.testing.HubTestNode.Response;
import io.customerhub.testing.WireRecords;
import io.customerhub.testing.WireRecords.Rec;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static io.customerhub.testing.Futures.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Puts a steward's request between a batch's two transactions, where the batch's records are linked (their
 * crosswalk rows committed) and the profile it creates is not written yet. A trigger holds the batch's first
 * transaction at the crosswalk write of its last record, on an advisory lock the test holds, until the request
 * waits for the writer lock the batch holds in each transaction; then the batch commits and the request, queued
 * first, gets the lock before the batch's second transaction does. That makes the order certain.
 */
final class BatchGate {

  /** The advisory lock the test holds to stop the batch at the trigger. */
  private static final int GATE = 424242;
  /** The writer lock's advisory key (ResolveSql.EXCLUSIVE_WRITER_LOCK) as pg_locks shows it. */
  private static final String WRITER_LOCK = "objsubid = 2 and classid = 1213547074";
  /** Names the session of the held batch: the crosswalk row it writes is invisible to others before its commit. */
  private static final String LINKING = "linking ";

  /** The request's answer, and the profile the batch linked its last record into. */
  record Held(Response answer, String profile) {
  }

  private BatchGate() {
  }

  /**
   * Ingests {@code batch} (of one source) with {@code request}, made for the profile its last record is linked
   * into, sent while the batch is held; completes once both are answered (the batch with 200).
   */
  static Held between(HubTestNode hub, List<Rec> batch, Function<String, HttpRequest> request) throws Exception {
    sql(hub, "create function gated_link() returns trigger language plpgsql as $$ begin "
        + "perform set_config('application_name', '" + LINKING + "' || new.profile_id, true); "
        + "perform pg_advisory_xact_lock_shared(" + GATE + "); return new; end $$");
    sql(hub, "create trigger gated_link before insert on crosswalk for each row "
        + "when (new.source_id = '" + gated(batch).sourceId() + "') execute function gated_link()");
    try {
      return hold(hub, batch, request);
    } finally {
      sql(hub, "drop trigger if exists gated_link on crosswalk");
      sql(hub, "drop function if exists gated_link()");
    }
  }

  private static Held hold(HubTestNode hub, List<Rec> batch, Function<String, HttpRequest> request) throws Exception {
    Pool pool = hub.node().database().pool();
    SqlConnection gate = await(pool.getConnection());
    CompletableFuture<Response> ingest;
    CompletableFuture<Response> early;
    String profile;
    try {
      await(gate.query("select pg_advisory_lock(" + GATE + ")").execute());
      ingest = HubTestNode.sendAsync(hub.postRequest("/api/v1/records/" + gated(batch).source(),
          HubTestNode.NDJSON, WireRecords.ndjson(batch), hub.adminToken()));
      awaitWaiting(pool, "objsubid = 1 and objid = " + GATE);
      profile = linking(pool);
      early = HubTestNode.sendAsync(request.apply(profile));
      awaitWaiting(pool, WRITER_LOCK);
    } finally {
      // released on every path: a session lock left on a pooled connection would hold the next batch for good
      await(gate.query("select pg_advisory_unlock_all()").execute());
      gate.close();
    }
    Response answer = early.get(30, TimeUnit.SECONDS);
    assertEquals(200, ingest.get(30, TimeUnit.SECONDS).status(), "the batch finishes");
    return new Held(answer, profile);
  }

  /** The record whose crosswalk write the trigger holds (any would do: the batch commits them all at once). */
  private static Rec gated(List<Rec> batch) {
    return batch.get(batch.size() - 1);
  }

  /** The profile the held batch links its gated record into, as its trigger named it. */
  private static String linking(Pool pool) {
    RowSet<Row> rows = await(pool.preparedQuery("select substr(application_name, $1) from pg_stat_activity "
        + "where application_name like $2").execute(Tuple.of(LINKING.length() + 1, LINKING + "%")));
    assertEquals(1, rows.size(), "one held batch");
    return rows.iterator().next().getString(0);
  }

  /** Waits until some session waits for an advisory lock matching {@code which} (columns of pg_locks). */
  private static void awaitWaiting(Pool pool, String which) {
    for (int i = 0; i < 500; i++) {
      if (await(pool.query("select 1 from pg_locks where locktype = 'advisory' and not granted and " + which)
          .execute()).size() > 0) {
        return;
      }
      HubTestNode.sleep(20);
    }
    throw new AssertionError("nobody waits for the advisory lock " + which);
  }

  private static void sql(HubTestNode hub, String statement) {
    await(hub.node().database().pool().query(statement).execute());
  }
}

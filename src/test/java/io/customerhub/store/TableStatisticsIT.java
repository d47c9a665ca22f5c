package io.customerhub.store;

import io.customerhub.testing.TestInfra;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.customerhub.testing.Futures.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tables a load filled faster than autovacuum looks are analyzed by the hub, after which the recompute's read of
 * a few profiles' members goes through the crosswalk's profile index and the records' key instead of reading
 * every record; tables that did not change since are left alone.
 */
class TableStatisticsIT {

  /** The recompute's member read (ProfileSql.MEMBERS) for ten profiles, as the planner sees it with their ids. */
  private static final String MEMBERS_OF_TEN = """
      explain select c.profile_id, r.canonical::text from crosswalk c
      join source_record r on r.source = c.source and r.source_id = c.source_id
      where c.profile_id = any(array(select md5(g::text)::uuid from generate_series(1, 10) g)) and not r.deleted""";

  private static Database database;

  @BeforeAll
  static void fillTablesNobodyAnalyzed() {
    database = await(Database.open(TestInfra.vertx(), TestInfra.freshDatabase(), 2));
    // one connection, so that it reports its changes to the statistics as it finishes (forced, not once a second)
    await(database.pool().withConnection(conn -> conn.query("""
            insert into source_record (source, source_id, kind, content_hash, canonical)
            select 'crm', 'C-' || g, 'person', 'h', '{}' from generate_series(1, 30000) g""").execute()
        .compose(v -> conn.query("""
            insert into crosswalk (source, source_id, profile_id)
            select 'crm', 'C-' || g, md5((g / 2)::text)::uuid from generate_series(1, 30000) g""").execute())
        .compose(v -> conn.query("select pg_stat_force_next_flush()").execute())
        .compose(v -> conn.query("select 1").execute())));
  }

  @AfterAll
  static void close() {
    await(database.close());
  }

  @Test
  void grownTablesAreAnalyzedOnceAndTheMemberReadThenUsesTheProfileIndex() {
    Pool pool = database.pool();
    assertEquals(-1, reltuples(pool, "crosswalk"), "never analyzed before");
    String before = plan(pool);
    assertTrue(before.contains("Seq Scan on source_record"), "the premise: without statistics it reads every record\n"
        + before);

    List<String> analyzed = await(new TableStatistics(pool).refreshGrown());

    assertTrue(analyzed.containsAll(List.of("crosswalk", "source_record")), "analyzed " + analyzed);
    assertFalse(analyzed.contains("profile"), "the empty profile table did not change");
    assertEquals(30000, reltuples(pool, "crosswalk"));
    String plan = plan(pool);
    assertTrue(plan.contains("crosswalk_profile") && plan.contains("source_record_pkey"), plan);
    assertFalse(plan.contains("Seq Scan"), plan);
    assertEquals(List.of(), await(new TableStatistics(pool).refreshGrown()), "nothing changed since");
  }

  private static long reltuples(Pool pool, String table) {
    Row r = await(pool.query("select reltuples::bigint from pg_class where relname = '" + table + "'").execute())
        .iterator().next();
    return r.getLong(0);
  }

  private static String plan(Pool pool) {
    List<String> lines = new ArrayList<>();
    for (Row r : await(pool.query(MEMBERS_OF_TEN).execute())) lines.add(r.getString(0));
    return String.join("\n", lines);
  }
}

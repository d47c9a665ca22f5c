package io.customerhub.events;

import io.customerhub.metrics.HubMetrics;
import io.customerhub.testing.OneHubPerClass;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Published change events leave the outbox once older than the retention, in rounds of
 * {@link OutboxRelayVerticle#PRUNE_ROUND}; events not yet published stay whatever their age, and so do recent ones.
 */
class OutboxRetentionIT extends OneHubPerClass {

  @Test
  void eventsPublishedLongerAgoThanTheRetentionGoAndNoOthers() {
    Pool pool = hub.node().database().pool();
    String mark = java.util.UUID.randomUUID().toString();
    // 25,000 old published events (three rounds), 10 recent ones and 10 old ones never published
    run(pool, """
        insert into outbox (profile_id, change_type, version, payload, created_at, published_at)
        select gen_random_uuid(), 'updated', 1, json_build_object('mark', '%s', 'kind', k),
               now() - interval '30 days', case k when 'old' then now() - interval '200 hours'
                                               when 'recent' then now() - interval '2 hours' end
        from (select 'old' as k from generate_series(1, 25000)
              union all select 'recent' from generate_series(1, 10)
              union all select 'unpublished' from generate_series(1, 10)) as t""".formatted(mark));

    long deleted = new OutboxRelayVerticle(pool, null, "unused", 1, 1, 168, HubMetrics.detached()).prune()
        .toCompletionStage().toCompletableFuture().join();

    assertEquals(25_000, deleted);
    RowSet<Row> left = run(pool, "select payload->>'kind', count(*) from outbox where payload->>'mark' = '" + mark
        + "' group by 1 order by 1");
    StringBuilder kinds = new StringBuilder();
    for (Row r : left) kinds.append(r.getString(0)).append('=').append(r.getLong(1)).append(' ');
    assertEquals("recent=10 unpublished=10 ", kinds.toString());
  }

  private static RowSet<Row> run(Pool pool, String sql) {
    return pool.query(sql).execute().toCompletionStage().toCompletableFuture().join();
  }
}

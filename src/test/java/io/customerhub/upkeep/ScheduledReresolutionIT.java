package io.customerhub.upkeep;

import io.customerhub.testing.HubTestNode;
import io.customerhub.testing.WireRecords;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A grown hub (more records than {@code upkeep.relearnMaxRecords}, so it never re-resolves after a load by itself)
 * re-resolves every record at {@code upkeep.reresolveAt}, once a day however many nodes share its database: the
 * first node to look within the window claims the day, the others find it taken; a claim whose node died (never
 * renewed, never finished) is taken over.
 */
class ScheduledReresolutionIT {

  private static HubTestNode loader;
  /** A minute ago: the window (an hour) is open as the nodes start, and the day's run is due at once. */
  private static LocalDateTime minuteAgo;

  @BeforeAll
  static void load() {
    loader = HubTestNode.start();
    for (WireRecords.Rec record : WireRecords.customersWithErpCopies(60, 3)) loader.accept(record);
    minuteAgo = LocalDateTime.now(ZoneOffset.UTC).minusMinutes(1);
  }

  @AfterAll
  static void stop() {
    if (loader != null) loader.close();
  }

  @Test
  void oneNodeOfTwoReresolvesAGrownHubOnceADayAtTheScheduledTime() throws Exception {
    sql("delete from scheduled_run", Tuple.tuple());
    try (HubTestNode first = scheduled()) {
      assertTrue(waitFor(() -> first.counter("hub_learning_reresolutions_total") >= 1 && finished() == 1),
          "the first node re-resolved the grown hub at the scheduled time and marked the day done");
      try (HubTestNode second = scheduled()) {
        Thread.sleep(3_000); // three looks of the second node at the open window
        assertEquals(0.0, second.counter("hub_learning_reresolutions_total"), "the day was done");
        assertEquals(1.0, first.counter("hub_learning_reresolutions_total"), "once a day");
        assertEquals(1L, sql("select count(*) from scheduled_run", Tuple.tuple()).getLong(0), "one claim");
      }
    }
  }

  @Test
  void aClaimWhoseNodeDiedIsTakenOver() throws Exception {
    LocalDate day = minuteAgo.toLocalDate();
    sql("delete from scheduled_run", Tuple.tuple());
    sql("insert into scheduled_run (name, day, claimed_by, claimed_at, renewed_at) "
        + "values ('reresolve', $1, 'a node that died', now() - interval '10 minutes', now() - interval '10 minutes')",
        Tuple.of(day));
    try (HubTestNode node = scheduled()) {
      assertTrue(waitFor(() -> node.counter("hub_learning_reresolutions_total") >= 1 && finished() == 1),
          "the stale claim was taken over and the day's run done");
      assertNotEquals("a node that died",
          sql("select claimed_by from scheduled_run where day = $1", Tuple.of(day)).getString(0));
    }
  }

  private static HubTestNode scheduled() {
    return HubTestNode.builder().postgresUrl(loader.pgUrl())
        .env("HUB_UPKEEP_RERESOLVE_AT", minuteAgo.format(DateTimeFormatter.ofPattern("HH:mm")))
        .env("HUB_UPKEEP_SCHEDULE_CHECK_SECONDS", "1").env("HUB_UPKEEP_RELEARN_MAX_RECORDS", "10").start();
  }

  private static long finished() {
    return sql("select count(*) from scheduled_run where finished_at is not null", Tuple.tuple()).getLong(0);
  }

  private static Row sql(String sql, Tuple args) {
    try {
      var rows = loader.node().database().pool().preparedQuery(sql).execute(args).toCompletionStage()
          .toCompletableFuture().get(30, TimeUnit.SECONDS);
      return rows.iterator().hasNext() ? rows.iterator().next() : null;
    } catch (Exception e) {
      throw new AssertionError(sql, e);
    }
  }

  private static boolean waitFor(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) return true;
      Thread.sleep(200);
    }
    return condition.getAsBoolean();
  }
}

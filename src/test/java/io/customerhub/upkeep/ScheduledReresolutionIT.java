package io.customerhub.upkeep;

import io.customerhub.testing.HubTestNode;
import io.customerhub.testing.WireRecords;
import io.vertx.sqlclient.Row;
import org.junit.jupiter.api.Test;

import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A grown hub (more records than {@code upkeep.relearnMaxRecords}, so it never re-resolves after a load by itself)
 * re-resolves every record at {@code upkeep.reresolveAt}, once a day however many nodes share its database: the
 * first node to look within the window claims the day, the others find it taken.
 */
class ScheduledReresolutionIT {

  @Test
  void oneNodeOfTwoReresolvesAGrownHubOnceADayAtTheScheduledTime() throws Exception {
    try (HubTestNode loader = HubTestNode.start()) {
      for (WireRecords.Rec record : WireRecords.customersWithErpCopies(60, 3)) loader.accept(record);
      // a minute ago: the window (an hour) is open as the nodes start, and the day's run is due at once
      String minuteAgo = LocalTime.now(ZoneOffset.UTC).minusMinutes(1).format(DateTimeFormatter.ofPattern("HH:mm"));
      try (HubTestNode first = scheduled(loader.pgUrl(), minuteAgo)) {
        assertTrue(waitFor(() -> first.counter("hub_learning_reresolutions_total") >= 1, 60),
            "the first node re-resolved the grown hub at the scheduled time");
        try (HubTestNode second = scheduled(loader.pgUrl(), minuteAgo)) {
          Thread.sleep(3_000); // three looks of the second node at the open window
          assertEquals(0.0, second.counter("hub_learning_reresolutions_total"), "the day was taken");
          assertEquals(1.0, first.counter("hub_learning_reresolutions_total"), "once a day");
          Row claims = loader.node().database().pool()
              .query("select count(*), count(distinct claimed_by) from scheduled_run where name = 'reresolve'")
              .execute().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS).iterator().next();
          assertEquals(1L, claims.getLong(0), "one claim for the day");
        }
      }
    }
  }

  private static HubTestNode scheduled(String pgUrl, String at) {
    return HubTestNode.builder().postgresUrl(pgUrl).env("HUB_UPKEEP_RERESOLVE_AT", at)
        .env("HUB_UPKEEP_SCHEDULE_CHECK_SECONDS", "1").env("HUB_UPKEEP_RELEARN_MAX_RECORDS", "10").start();
  }

  private static boolean waitFor(java.util.function.BooleanSupplier condition, int seconds)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) return true;
      Thread.sleep(200);
    }
    return condition.getAsBoolean();
  }
}

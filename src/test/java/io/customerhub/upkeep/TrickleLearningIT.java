package io.customerhub.upkeep;

import io.customerhub.testing.HubTestNode;
import io.customerhub.testing.WireRecords;
import io.customerhub.testing.WireRecords.Rec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A stream that never stops (here a record every 100 ms, so every look of the learning sees one linked) still lets
 * a young hub learn once it has been a trickle for a while ({@code upkeep.trickleSeconds}, 2 s here): its records
 * would otherwise stay as linked online, without the batch rules, for as long as the stream runs.
 */
class TrickleLearningIT {

  private static HubTestNode hub;

  @BeforeAll
  static void start() {
    hub = HubTestNode.builder().learningFrom(40).env("HUB_UPKEEP_TRICKLE_RECORDS_PER_SECOND", "50")
        .env("HUB_UPKEEP_TRICKLE_SECONDS", "2").start();
  }

  @AfterAll
  static void stop() {
    if (hub != null) hub.close();
  }

  @Test
  void aStreamThatSlowedToATrickleLetsTheHubLearnWithoutEverGoingSilent() throws InterruptedException {
    List<Rec> records = WireRecords.customersWithErpCopies(400, 3);
    Iterator<Rec> stream = records.iterator();
    // a burst first: the load a trickle follows, too fast to count as quiet
    for (int i = 0; i < 60; i++) hub.accept(stream.next());
    long last = System.nanoTime();
    long longestGapMs = 0;
    long deadline = last + 30_000_000_000L;
    boolean learned = false;
    while (!learned && stream.hasNext() && System.nanoTime() < deadline) {
      Thread.sleep(100);
      hub.accept(stream.next());
      long now = System.nanoTime();
      longestGapMs = Math.max(longestGapMs, (now - last) / 1_000_000);
      last = now;
      learned = reresolutions() > 0;
    }
    assertTrue(learned, "the hub learned while the stream ran");
    long gap = longestGapMs;
    assertTrue(gap < 1000, () -> "a second without a record would have been quiet anyway: " + gap + " ms");
  }

  private static double reresolutions() {
    return hub.counter("hub_learning_reresolutions_total");
  }
}

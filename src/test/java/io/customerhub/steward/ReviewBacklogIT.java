package io.customerhub.steward;

import io.customerhub.testing.HubTestNode.Response;
import io.customerhub.testing.OneHubPerClass;
import io.customerhub.testing.WireRecords;
import io.customerhub.testing.WireRecords.Rec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.DoublePredicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stewards' queue on /metrics: the open review pairs and how long the oldest has waited, as a scrape reads them. */
class ReviewBacklogIT extends OneHubPerClass {

  @Test
  void theOpenPairsAndTheOldestOnesWaitAreOnTheMetrics() throws InterruptedException {
    assertEquals(0, hub.counter("hub_reviews_open"), "none at start");
    List<Rec> unsure = WireRecords.unsurePair();
    for (Rec r : unsure) hub.accept(r);

    awaitMetric("hub_reviews_open", open -> open == 1);
    assertTrue(hub.counter("hub_reviews_oldest_open_seconds") >= 0);
    awaitMetric("hub_reviews_oldest_open_seconds", seconds -> seconds > 0);

    long id = hub.get("/api/v1/reviews?status=open&limit=1", hub.token("steward")).json().getJsonArray("items")
        .getJsonObject(0).getLong("id");
    Response decided = hub.post("/api/v1/reviews/" + id + "/decision", "application/json",
        "{\"decision\":\"keep-apart\"}", hub.token("steward"));
    assertEquals(200, decided.status(), decided::toString);
    awaitMetric("hub_reviews_open", open -> open == 0);
    awaitMetric("hub_reviews_oldest_open_seconds", seconds -> seconds == 0);
  }

  /** A scrape answers what the read before it found, and reads again at most every few seconds. */
  private static void awaitMetric(String name, DoublePredicate holds) throws InterruptedException {
    long deadline = System.nanoTime() + 20_000_000_000L;
    double value = hub.counter(name);
    while (!holds.test(value) && System.nanoTime() < deadline) {
      Thread.sleep(250);
      value = hub.counter(name);
    }
    double last = value;
    assertTrue(holds.test(last), () -> name + " is " + last);
  }
}

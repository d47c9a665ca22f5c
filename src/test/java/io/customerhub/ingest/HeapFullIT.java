package io.customerhub.ingest;

import io.customerhub.testing.HubTestNode;
import io.customerhub.testing.HubTestNode.Response;
import io.customerhub.testing.WireRecords;
import io.customerhub.testing.WireRecords.Rec;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Design: a node whose heap is nearly full after garbage collection refuses new records with a 503 that says why
 * and what to change, stores none of them, and goes on serving reads; readiness shows it. The limit is set
 * below what any node uses, so that the test JVM's own heap trips it.
 */
class HeapFullIT {

  private static HubTestNode hub;

  @BeforeAll
  static void start() {
    hub = HubTestNode.builder().env("HUB_RESOLVE_MAX_HEAP_AFTER_GC", "0.01").start();
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!hub.node().services().heap().high() && System.nanoTime() < deadline) {
      System.gc();
      HubTestNode.sleep(50);
    }
  }

  @AfterAll
  static void stop() {
    if (hub != null) hub.close();
  }

  @Test
  void recordsAreRefusedWithTheReasonAndNoneIsStored() {
    Rec record = WireRecords.distinctPerson("crm", "C");

    Response answer = hub.post("/api/v1/records/crm", "application/x-ndjson", WireRecords.ndjson(List.of(record)),
        hub.token("ingest"));

    assertEquals(503, answer.status(), answer.body());
    assertEquals("application/problem+json", answer.contentType());
    assertEquals("30", answer.header("Retry-After"));
    String detail = answer.json().getString("detail");
    assertTrue(detail.contains("heap") && detail.contains("HUB_JAVA_OPTS"), detail);
    assertEquals(404, hub.profileByKeyResponse(record.source(), record.sourceId()).status(), "nothing was stored");
  }

  @Test
  void readinessShowsTheHeapFullAndTheNodeStaysReady() {
    Response ready = hub.get("/health/ready", null);

    assertEquals(200, ready.status(), ready.body());
    JsonObject heap = ready.json().getJsonObject("checks").getJsonObject("heap");
    assertEquals("FULL", heap.getString("status"));
    assertTrue(heap.getDouble("usedAfterGc") > 0.01, heap.encode());
  }

  @Test
  void aReresolutionIsNotStartedAndItsJobSaysWhy() {
    Response started = hub.post("/api/v1/admin/reresolve", "application/json", "{}", hub.adminToken());
    assertEquals(202, started.status(), started.body());

    JsonObject job = hub.awaitJob(started.header("Location"));

    assertEquals("failed", job.getString("state"), job.encode());
    assertTrue(job.encode().contains("heap"), job.encode());
  }
}

package io.customerhub.ingest;

import io.customerhub.testing.HubTestNode;
import io.customerhub.testing.KafkaNames;
import io.customerhub.testing.KafkaTestClient;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.customerhub.testing.WireRecords.at;
import static io.customerhub.testing.WireRecords.uniqueEmail;
import static io.customerhub.testing.WireRecords.uniqueId;
import static io.customerhub.testing.WireRecords.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Design: on Kafka, a node whose heap is full leaves the records in their topic, neither stored nor dead-lettered,
 * and stays ready; a node with room consumes them later. Nothing is lost.
 */
class KafkaHeapFullIT {

  private static HubTestNode nodeWithFullHeap(KafkaNames names) {
    HubTestNode hub = HubTestNode.builder().kafka(names).env("HUB_RESOLVE_MAX_HEAP_AFTER_GC", "0.01").start();
    long deadline = System.nanoTime() + 30_000_000_000L;
    while ((!hub.node().services().heap().high() || hub.get("/health/ready", null).status() != 200)
        && System.nanoTime() < deadline) {
      System.gc();
      HubTestNode.sleep(50);
    }
    return hub;
  }

  @Test
  void recordsWaitInKafkaUntilANodeHasRoom() {
    KafkaNames names = KafkaNames.unique("heapfull");
    String contactId = uniqueId("C");
    JsonObject contact = new JsonObject().put("contact_id", contactId).put("first_name", uniqueName())
        .put("last_name", "Wang").put("email", uniqueEmail("heap")).put("modified_at", at(0).toString());
    try (KafkaTestClient kafka = new KafkaTestClient()) {
      String pgUrl;
      try (HubTestNode full = nodeWithFullHeap(names)) {
        pgUrl = full.pgUrl();
        kafka.send(names.sourceTopic("crm"), contactId, contact.encode());
        HubTestNode.sleep(5_000);

        assertEquals(404, full.profileByKeyResponse("crm", contactId).status(), "not stored");
        assertTrue(kafka.readAll(names.deadLetterTopic()).isEmpty(), "not dead-lettered");
        HubTestNode.Response ready = full.get("/health/ready", null);
        assertEquals(200, ready.status(), ready.body());
        assertEquals("UP", ready.json().getJsonObject("checks").getJsonObject("kafka").getString("status"));
      }

      try (HubTestNode roomy = HubTestNode.builder().kafka(names).postgresUrl(pgUrl).start()) {
        JsonObject profile = roomy.awaitProfile("crm", contactId, p -> true, Duration.ofSeconds(45));
        assertEquals(contact.getString("first_name"), profile.getString("givenName"));
      }
    }
  }
}

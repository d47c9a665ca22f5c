package io.customerhub.ingest;

import io.customerhub.embedded.EmbeddedKafkaBroker;
import io.customerhub.testing.HubTestNode;
import io.customerhub.testing.HubTestNode.Response;
import io.customerhub.testing.KafkaNames;
import io.customerhub.testing.WireRecords;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A node whose Kafka broker goes away is not ready: its consumer's polls of a broker that is gone succeed with no
 * records, and the node said Kafka was UP for minutes while the change events it took could not leave. A broker of
 * its own, stopped under it; the change events that cannot leave show how long they have waited, all along.
 */
class KafkaOutageIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  void readinessSaysKafkaIsDownOnceTheBrokerIsGone() throws IOException {
    Path dir = Files.createTempDirectory("hub-kafka-outage-");
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"));
    try (HubTestNode hub = HubTestNode.builder().kafka(KafkaNames.unique("outage"))
        .kafkaAt(broker.bootstrapServers()).start()) {
      assertEquals(200, poll(hub, 200).status(), "ready with its broker");

      broker.close();

      Response down = poll(hub, 503);
      assertEquals(503, down.status(), down::toString);
      assertTrue(down.body().contains("does not answer"), down.body());

      // its change event cannot leave: the wait counts on while the send hangs (it stood still for two minutes)
      hub.accept(WireRecords.distinctPerson("crm", "C"));
      long deadline = System.nanoTime() + WAIT.toNanos();
      double waited = 0;
      while (waited < 5 && System.nanoTime() < deadline) {
        HubTestNode.sleep(500);
        waited = oldestUnpublished(hub);
      }
      assertTrue(waited >= 5, "waited " + waited);
    } finally {
      broker.close();
      HubTestNode.deleteTree(dir);
    }
  }

  private static double oldestUnpublished(HubTestNode hub) {
    for (String line : hub.get("/metrics", hub.adminToken()).body().split("\n")) {
      if (line.startsWith("hub_outbox_oldest_unpublished_seconds ")) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return Double.NaN;
  }

  private static Response poll(HubTestNode hub, int status) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    Response r = hub.get("/health/ready", null);
    while (r.status() != status && System.nanoTime() < deadline) {
      HubTestNode.sleep(250);
      r = hub.get("/health/ready", null);
    }
    return r;
  }
}

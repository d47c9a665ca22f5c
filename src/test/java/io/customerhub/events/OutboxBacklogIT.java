package io.customerhub.events;

import io.customerhub.testing.OneKafkaHubPerClass;
import io.customerhub.testing.WireRecords;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.function.DoublePredicate;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Operators see events that do not leave: {@code hub_outbox_oldest_unpublished_seconds} grows while Kafka refuses
 * the change events, and falls back to 0 once they go out; {@code hub_outbox_published_total} counts them.
 */
class OutboxBacklogIT extends OneKafkaHubPerClass {

  private static final Duration WAIT = Duration.ofSeconds(45);

  private static double meter(String name) {
    for (String line : hub.get("/metrics", hub.adminToken()).body().split("\n")) {
      if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return Double.NaN;
  }

  private static double await(String name, DoublePredicate until) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    double value;
    while (!until.test(value = meter(name))) {
      if (System.nanoTime() > deadline) throw new AssertionError(name + " stayed at " + value);
      Thread.sleep(200);
    }
    return value;
  }

  @Test
  void eventsThatCannotLeaveShowHowLongTheyHaveWaited() throws InterruptedException {
    hub.accept(WireRecords.distinctPerson("crm", "C"));
    double sent = await("hub_outbox_published_total", n -> n >= 1);
    await("hub_outbox_oldest_unpublished_seconds", s -> s == 0);

    // the change topic takes nothing from now on: the next event waits
    kafka.setTopicConfig(names.changeTopic(), "max.message.bytes", "64");
    hub.accept(WireRecords.distinctPerson("crm", "C"));
    double waited = await("hub_outbox_oldest_unpublished_seconds", s -> s >= 2);

    kafka.setTopicConfig(names.changeTopic(), "max.message.bytes", String.valueOf(1 << 20));
    await("hub_outbox_oldest_unpublished_seconds", s -> s == 0);
    assertTrue(meter("hub_outbox_published_total") > sent, "the waiting event went out");
    assertTrue(waited >= 2, "waited " + waited);
  }
}

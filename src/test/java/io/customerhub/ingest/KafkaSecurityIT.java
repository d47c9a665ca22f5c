package io.customerhub.ingest;

import io.customerhub.embedded.EmbeddedKafkaBroker;
import io.customerhub.embedded.EmbeddedKafkaBroker.SaslUser;
import io.customerhub.testing.HubTestNode;
import io.customerhub.testing.KafkaNames;
import io.customerhub.testing.KafkaTestClient;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A Kafka cluster that requires its clients to sign in (SASL/PLAIN here; SASL_SSL or mutual TLS in production, set
 * the same way): the hub reaches it with the operator's client properties file ({@code kafka.clientConfig}),
 * consumes its sources, publishes its change events, creates its topics as configured, and a hub whose credentials
 * the cluster refuses does not start, saying why.
 */
class KafkaSecurityIT {

  private static final SaslUser HUB = new SaslUser("customer-hub", "s3cret-" + UUID.randomUUID());
  private static Path dir;
  private static EmbeddedKafkaBroker broker;
  private static KafkaTestClient kafka;

  @BeforeAll
  static void startSecuredBroker() throws IOException {
    dir = Files.createTempDirectory("hub-kafka-sasl-");
    broker = EmbeddedKafkaBroker.startWithSasl(dir.resolve("kafka"), HUB);
    kafka = new KafkaTestClient(broker.bootstrapServers(), HUB.clientProperties());
  }

  @AfterAll
  static void stop() throws IOException {
    if (kafka != null) kafka.close();
    if (broker != null) broker.close();
    HubTestNode.deleteTree(dir);
  }

  /** The properties file an operator writes for a secured cluster. */
  private static Path clientConfig(String name, Map<String, String> settings) throws IOException {
    StringBuilder text = new StringBuilder("# the hub's client settings for the secured cluster\n");
    settings.forEach((k, v) -> text.append(k).append('=').append(v.replace("\\", "\\\\")).append('\n'));
    return Files.writeString(dir.resolve(name), text);
  }

  @Test
  void withTheOperatorsClientSettingsTheHubConsumesAndPublishes() throws IOException {
    KafkaNames names = KafkaNames.unique("kafkasecurity");
    Path config = clientConfig("hub-kafka.properties", HUB.clientProperties());
    try (HubTestNode hub = HubTestNode.builder().kafka(names).kafkaAt(broker.bootstrapServers())
        .env("HUB_KAFKA_CLIENT_CONFIG", config.toString()).env("HUB_KAFKA_TOPIC_PARTITIONS", "2").start()) {
      assertEquals(2, kafka.partitions(names.changeTopic()), "the topics the hub created have the partitions set");
      String contactId = "C-" + UUID.randomUUID();
      kafka.send(names.sourceTopic("crm"), contactId, new JsonObject().put("contact_id", contactId)
          .put("first_name", "Grace").put("last_name", "Hopper").put("email", contactId + "@example.com")
          .put("modified_at", Instant.parse("2026-11-01T08:00:00Z").toString()).encode());
      JsonObject profile = hub.awaitProfile("crm", contactId, p -> true, Duration.ofSeconds(45));
      String profileId = profile.getString("profileId");
      kafka.readUntil(names.changeTopic(), read -> read.stream().anyMatch(m -> profileId.equals(m.key())),
          Duration.ofSeconds(45));
      assertEquals(200, hub.get("/health/ready", null).status());
    }
  }

  @Test
  void credentialsTheClusterRefusesStopTheStartWithTheReason() throws IOException {
    Path config = clientConfig("wrong.properties", new SaslUser(HUB.name(), "not-the-password").clientProperties());
    IllegalStateException refused = assertThrows(IllegalStateException.class, () -> HubTestNode.builder()
        .kafka(KafkaNames.unique("kafkarefused")).kafkaAt(broker.bootstrapServers())
        .env("HUB_KAFKA_CLIENT_CONFIG", config.toString()).start());
    // the one line bin/hub start prints: the broker, its setting and the broker's reason
    assertEquals("Kafka at " + broker.bootstrapServers() + " (kafka.bootstrap, HUB_KAFKA_BOOTSTRAP): Authentication "
        + "failed: Invalid username or password", refused.getCause().getMessage());
  }
}

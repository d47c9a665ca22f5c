package io.customerhub.embedded;

import com.hazelcast.map.IMap;
import io.customerhub.cache.ProfileCache;
import io.customerhub.testing.TestInfra;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.customerhub.testing.Futures.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddedInfraIT {

  @Test
  void postgresAnswersThroughTheReactiveClientWithTheHubSettings() throws Exception {
    String uri = TestInfra.freshDatabase();
    Pool pool = PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(1))
        .connectingTo(PgConnectOptions.fromUri(uri))
        .using(TestInfra.vertx())
        .build();
    try {
      Row row = await(pool.query("SELECT current_database(), current_setting('max_locks_per_transaction'),"
          + " current_setting('max_connections'), current_setting('synchronous_commit'), current_setting('fsync'),"
          + " current_setting('server_version_num')::int / 10000")
          .execute()).iterator().next();
      assertEquals(uri.substring(uri.lastIndexOf('/') + 1), row.getString(0));
      assertEquals("1024", row.getString(1));
      assertEquals("200", row.getString(2));
      assertEquals("on", row.getString(3));
      assertEquals("off", row.getString(4), "a temporary server trades durability for speed");
      assertEquals(EmbeddedPostgresServer.BUNDLED_MAJOR, String.valueOf(row.getInteger(5)),
          "the binaries the pom selects are the major version the data directory check expects");
    } finally {
      await(pool.close());
    }
  }

  @Test
  void kafkaDeliversAProducedRecordToAConsumerGroup() throws Exception {
    String topic = "infra-it-" + UUID.randomUUID();
    TestInfra.kafka().createTopics(topic);
    TestInfra.kafka().createTopics(topic);

    Map<String, Object> producerConfig = Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.kafkaBootstrap(),
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig)) {
      producer.send(new ProducerRecord<>(topic, "C-1001", "{\"source\":\"crm\"}")).get(30, TimeUnit.SECONDS);
    }

    Map<String, Object> consumerConfig = Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.kafkaBootstrap(),
        ConsumerConfig.GROUP_ID_CONFIG, topic,
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    List<ConsumerRecord<String, String>> received = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig)) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (received.isEmpty() && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(received::add);
      }
      consumer.commitSync();
    }
    assertEquals(1, received.size());
    assertEquals("C-1001", received.get(0).key());
    assertEquals("{\"source\":\"crm\"}", received.get(0).value());
  }

  @Test
  void nearCacheAnswersRepeatedReadsOnASingleMember() {
    IMap<String, String> profiles = TestInfra.hazelcast().getMap(ProfileCache.PROFILES);
    String key = UUID.randomUUID().toString();
    profiles.put(key, "{\"profileId\":\"" + key + "\"}");

    profiles.get(key);
    profiles.get(key);

    assertTrue(profiles.getLocalMapStats().getNearCacheStats().getHits() > 0);
  }

  @Test
  void aClusterOfAnotherMajorVersionIsKeptAsideAndANewOneStarts() throws Exception {
    java.nio.file.Path dataDir = java.nio.file.Files.createTempDirectory("customer-hub-pg-upgrade-");
    try {
      java.nio.file.Path old = java.nio.file.Files.createDirectories(dataDir.resolve("pg"));
      java.nio.file.Files.writeString(old.resolve("PG_VERSION"), "14\n");
      java.nio.file.Files.writeString(old.resolve("postgresql.conf"), "# written by PostgreSQL 14\n");

      try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, true)) {
        assertTrue(server.pgUri().startsWith("postgresql://"));
      }

      assertEquals("14", java.nio.file.Files.readString(dataDir.resolve("pg-14/PG_VERSION")).strip(),
          "the old cluster is kept as it was");
      assertEquals(EmbeddedPostgresServer.BUNDLED_MAJOR,
          java.nio.file.Files.readString(dataDir.resolve("pg/PG_VERSION")).strip());
    } finally {
      try (var paths = java.nio.file.Files.walk(dataDir)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}

package io.customerhub.testing;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.fail;

/** What a test does with the shared broker: produce as a source would, read a topic, look at a group's offsets. */
public final class KafkaTestClient implements AutoCloseable {

  private final KafkaProducer<String, String> producer;
  private final Admin admin;
  private final String bootstrap;
  private final Map<String, String> security;

  /** A client of the shared broker. */
  public KafkaTestClient() {
    this(TestInfra.kafkaBootstrap(), Map.of());
  }

  /** A client of another broker, with the settings it takes to reach it (a secured one's sign-in). */
  public KafkaTestClient(String bootstrap, Map<String, String> security) {
    this.bootstrap = bootstrap;
    this.security = Map.copyOf(security);
    producer = new KafkaProducer<>(with(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ProducerConfig.ACKS_CONFIG, "all",
        // as large as a source may send, once its topic allows it: tests of oversized messages need it
        ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(8 << 20),
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class)));
    admin = Admin.create(with(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap)));
  }

  private Map<String, Object> with(Map<String, Object> settings) {
    Map<String, Object> all = new HashMap<>(security);
    all.putAll(settings);
    return all;
  }

  /** The topic's partition count. */
  public int partitions(String topic) {
    try {
      return admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic).partitions()
          .size();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot describe " + topic, e);
    }
  }

  /** Sends one message and waits for the broker's acknowledgement; returns where it was written. */
  public RecordMetadata send(String topic, String key, String value) {
    try {
      return producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot send to " + topic, e);
    }
  }

  /** The same with headers, as the hub writes its dead letters. */
  public RecordMetadata send(String topic, String key, String value, Map<String, String> headers) {
    ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
    headers.forEach((name, v) -> record.headers().add(name, v.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    try {
      return producer.send(record).get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot send to " + topic, e);
    }
  }

  /**
   * Sets one setting of {@code topic} (e.g. {@code max.message.bytes}) and waits until the broker reports it, so
   * that the next message is held to it.
   */
  public void setTopicConfig(String topic, String name, String value) {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    try {
      admin.incrementalAlterConfigs(Map.of(resource, List.of(new AlterConfigOp(new ConfigEntry(name, value),
          AlterConfigOp.OpType.SET)))).all().get(30, TimeUnit.SECONDS);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!value.equals(admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS)
          .get(resource).get(name).value())) {
        if (System.nanoTime() > deadline) fail("the broker did not apply " + name + "=" + value + " to " + topic);
        HubTestNode.sleep(50);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot set " + name + " of " + topic, e);
    }
  }

  /** A message as a test reads it back, headers decoded as UTF-8. */
  public record Message(String key, String value, Map<String, String> headers) {
    /** Shortened: a test's failure message should not print a megabyte. */
    @Override
    public String toString() {
      return "Message[key=" + key + ", value=" + abbreviated(value) + ", headers=" + headers.entrySet().stream()
          .map(h -> h.getKey() + "=" + abbreviated(h.getValue())).toList() + "]";
    }

    private static String abbreviated(String s) {
      return s == null || s.length() <= 300 ? s : s.substring(0, 300) + "… (" + s.length() + " chars)";
    }
  }

  /** Reads {@code topic} from its beginning until {@code enough} holds for what was read; fails after the timeout. */
  public List<Message> readUntil(String topic, Predicate<List<Message>> enough, Duration timeout) {
    List<Message> read = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(with(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.GROUP_ID_CONFIG, "it-reader-" + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class)))) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) read.add(message(r));
        if (enough.test(read)) return read;
      }
    }
    return fail("reading " + topic + " for " + timeout + " did not find what was expected; read " + read);
  }

  /** Every message currently in {@code topic}, all partitions, from the beginning to the end offsets. */
  public List<Message> readAll(String topic) {
    List<Message> read = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(with(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class)))) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        if (System.nanoTime() > deadline) fail("cannot read " + topic + " to its end " + ends);
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) read.add(message(r));
      }
    }
    return read;
  }

  private static Message message(ConsumerRecord<String, String> r) {
    Map<String, String> headers = new HashMap<>();
    for (Header h : r.headers()) headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
    return new Message(r.key(), r.value(), headers);
  }

  /** Waits until {@code groupId} has committed every message of {@code topic} (committed offset = end offset). */
  public void awaitCommitted(String groupId, String topic, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<TopicPartition, Long> lag = null;
    while (System.nanoTime() < deadline) {
      lag = lag(groupId, topic);
      if (lag.values().stream().allMatch(l -> l == 0)) return;
      HubTestNode.sleep(100);
    }
    fail("group " + groupId + " did not commit all of " + topic + " within " + timeout + "; lag " + lag);
  }

  /** Messages of {@code topic} not yet committed by {@code groupId}, per partition. */
  public Map<TopicPartition, Long> lag(String groupId, String topic) {
    try {
      List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
          .get(topic).partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
      Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
          .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
      Map<TopicPartition, Long> ends = new HashMap<>();
      var latest = admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
          .all().get(30, TimeUnit.SECONDS);
      for (TopicPartition p : partitions) {
        OffsetAndMetadata c = committed.get(p);
        ends.put(p, latest.get(p).offset() - (c == null ? 0 : c.offset()));
      }
      return ends;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot read offsets of " + groupId, e);
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
    admin.close(Duration.ofSeconds(5));
  }
}

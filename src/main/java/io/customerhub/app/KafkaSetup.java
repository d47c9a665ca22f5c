package io.customerhub.app;

import io.customerhub.config.HubConfig;
import io.customerhub.config.KafkaClientProperties;
import io.customerhub.ingest.SourceMapping;
import io.customerhub.ingest.SourceMappings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Kafka client settings of the hub, and the topics it needs, created at start when they are missing. Every client
 * takes the operator's settings ({@link KafkaClientProperties}: security, timeouts) under the hub's own.
 */
final class KafkaSetup {

  private KafkaSetup() {
  }

  /**
   * Blocking; called once at start, before any verticle runs. A cluster that refuses the hub (credentials, TLS) stops
   * the start with its reason.
   *
   * @param replicationFactor 0: the cluster's default
   */
  static void ensureTopics(String bootstrap, Map<String, String> client, Collection<String> topics, int partitions,
                           int replicationFactor) throws Exception {
    Map<String, Object> cfg = new HashMap<>(KafkaClientProperties.with(client, Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000")));
    try (Admin admin = Admin.create(cfg)) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t))
          .map(t -> new NewTopic(t, Optional.of(partitions),
              replicationFactor > 0 ? Optional.of((short) replicationFactor) : Optional.empty())).toList();
      if (!missing.isEmpty()) {
        try {
          admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
          if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) throw e;
        }
      }
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new ServiceRefused("Kafka at " + bootstrap + " (kafka.bootstrap, HUB_KAFKA_BOOTSTRAP)",
          e instanceof java.util.concurrent.ExecutionException ? e.getCause() : e);
    }
  }

  private static final java.util.regex.Pattern TOPIC = java.util.regex.Pattern.compile("[a-zA-Z0-9._-]{1,249}");

  /**
   * The source each Kafka topic of the mappings feeds, checked before anything starts: a mapping reading the
   * dead-letter topic dead-lettered its own refusals for ever (a thousand a second), one reading the change topic
   * would take the hub's events for records, and of two mappings on one topic one was dropped without a word.
   */
  static Map<String, String> sourceByTopic(SourceMappings mappings, HubConfig.Kafka kafka) {
    if (kafka.deadLetterTopic().equals(kafka.changeTopic())) {
      throw new IllegalArgumentException("kafka.deadLetterTopic and kafka.changeTopic are both '"
          + kafka.changeTopic() + "': the hub's events and the records it refused would mix");
    }
    for (String[] own : new String[][] {{"kafka.deadLetterTopic", kafka.deadLetterTopic()},
        {"kafka.changeTopic", kafka.changeTopic()}}) {
      if (!validTopic(own[1])) throw new IllegalArgumentException(own[0] + ": '" + own[1] + "' is no Kafka topic name"
          + " (letters, digits, '.', '_', '-'; at most 249)");
    }
    Map<String, String> sourceByTopic = new HashMap<>();
    for (SourceMapping m : mappings.configured()) {
      if (m.topic() == null) continue;
      String file = "sources/" + m.name() + ".json";
      if (!validTopic(m.topic())) {
        throw new IllegalArgumentException(file + ": topic '" + m.topic() + "' is no Kafka topic name (letters, "
            + "digits, '.', '_', '-'; at most 249)");
      }
      if (m.topic().equals(kafka.deadLetterTopic()) || m.topic().equals(kafka.changeTopic())) {
        throw new IllegalArgumentException(file + ": topic '" + m.topic() + "' is the hub's own "
            + (m.topic().equals(kafka.deadLetterTopic()) ? "dead-letter topic (kafka.deadLetterTopic)"
            : "change topic (kafka.changeTopic)") + ", not a source's");
      }
      String other = sourceByTopic.putIfAbsent(m.topic(), m.name());
      if (other != null) {
        throw new IllegalArgumentException(file + ": topic '" + m.topic() + "' feeds source '" + other
            + "' already (sources/" + other + ".json); a topic feeds one source");
      }
    }
    return sourceByTopic;
  }

  private static boolean validTopic(String topic) {
    return TOPIC.matcher(topic).matches() && !topic.equals(".") && !topic.equals("..");
  }

  static Map<String, String> consumer(String bootstrap, Map<String, String> client, String groupId, int maxPollRecords) {
    Map<String, String> cfg = new HashMap<>(client);
    cfg.put("bootstrap.servers", bootstrap);
    cfg.put("group.id", groupId);
    cfg.put("max.poll.records", String.valueOf(maxPollRecords));
    cfg.put("client.id", "customer-hub-ingest");
    return cfg;
  }

  /** Idempotent, fully acknowledged sends: nothing is lost and order per key survives retries. */
  static Map<String, String> producer(String bootstrap, Map<String, String> client, String clientId) {
    Map<String, String> cfg = new HashMap<>(client);
    cfg.put("bootstrap.servers", bootstrap);
    cfg.put("client.id", clientId);
    cfg.put("acks", "all");
    cfg.put("enable.idempotence", "true");
    cfg.put("max.in.flight.requests.per.connection", "5");
    cfg.put("linger.ms", "5");
    // a send waits this long for a broker that is gone (Kafka's default is a minute): the outbox relay tries again
    // a second later anyway, and a node stopping meanwhile waited for it
    cfg.putIfAbsent("max.block.ms", "10000");
    cfg.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
    cfg.put("value.serializer", "org.apache.kafka.common.serialization.StringSerializer");
    return cfg;
  }
}

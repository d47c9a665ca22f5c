package io.customerhub.app;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Kafka client settings of the hub, and the topics it needs, created at start when they are missing. */
final class KafkaSetup {

  private KafkaSetup() {
  }

  /** Blocking; called once at start, before any verticle runs. */
  static void ensureTopics(String bootstrap, Collection<String> topics, int partitions) throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000"))) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t))
          .map(t -> new NewTopic(t, partitions, (short) 1)).toList();
      if (!missing.isEmpty()) {
        try {
          admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
          if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) throw e;
        }
      }
    }
  }

  static Map<String, String> consumer(String bootstrap, String groupId, int maxPollRecords) {
    Map<String, String> cfg = new HashMap<>();
    cfg.put("bootstrap.servers", bootstrap);
    cfg.put("group.id", groupId);
    cfg.put("max.poll.records", String.valueOf(maxPollRecords));
    cfg.put("client.id", "customer-hub-ingest");
    return cfg;
  }

  /** Idempotent, fully acknowledged sends: nothing is lost and order per key survives retries. */
  static Map<String, String> producer(String bootstrap, String clientId) {
    Map<String, String> cfg = new HashMap<>();
    cfg.put("bootstrap.servers", bootstrap);
    cfg.put("client.id", clientId);
    cfg.put("acks", "all");
    cfg.put("enable.idempotence", "true");
    cfg.put("max.in.flight.requests.per.connection", "5");
    cfg.put("linger.ms", "5");
    cfg.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
    cfg.put("value.serializer", "org.apache.kafka.common.serialization.StringSerializer");
    return cfg;
  }
}

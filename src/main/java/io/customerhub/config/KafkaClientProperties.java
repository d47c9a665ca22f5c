package io.customerhub.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Kafka client settings an operator gives every client of the hub (consumer, producer, admin, the dead-letter
 * export), from a properties file as Kafka's own tools take ({@code --command-config}): how to reach a secured
 * cluster ({@code security.protocol=SASL_SSL}, {@code sasl.mechanism}, {@code sasl.jaas.config}, {@code ssl.*}),
 * timeouts, config providers for secrets. The settings the hub's guarantees rest on (manual commits, acknowledged
 * idempotent sends, its own group and serializers) are the hub's: a file that sets one is refused at start.
 */
public final class KafkaClientProperties {

  /** What the hub sets itself; a different value would break "nothing lost, nothing duplicated". */
  static final Set<String> RESERVED = Set.of("bootstrap.servers", "group.id", "client.id", "key.serializer",
      "value.serializer", "key.deserializer", "value.deserializer", "enable.auto.commit", "auto.offset.reset", "acks",
      "enable.idempotence", "max.in.flight.requests.per.connection", "max.poll.records");

  private KafkaClientProperties() {
  }

  /** The file's settings, checked; none when {@code file} is null. */
  public static Map<String, String> load(String file) {
    if (file == null) return Map.of();
    Properties props = new Properties();
    try (Reader in = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
      props.load(in);
    } catch (IOException e) {
      throw new IllegalArgumentException("kafka.clientConfig (HUB_KAFKA_CLIENT_CONFIG): cannot read " + file + ": "
          + e.getMessage(), e);
    }
    Map<String, String> out = new TreeMap<>();
    for (String key : props.stringPropertyNames()) {
      if (RESERVED.contains(key)) {
        throw new IllegalArgumentException("kafka.clientConfig (HUB_KAFKA_CLIENT_CONFIG) " + file + ": '" + key
            + "' is the hub's own setting (" + (key.equals("bootstrap.servers") ? "kafka.bootstrap, HUB_KAFKA_BOOTSTRAP"
            : "its delivery guarantees rest on it") + "); remove it from the file");
      }
      out.put(key, props.getProperty(key));
    }
    return Map.copyOf(out);
  }

  /** {@code hubSettings} with the operator's settings added; the hub's win (none of them can be in the file). */
  public static Map<String, String> with(Map<String, String> operator, Map<String, String> hubSettings) {
    Map<String, String> all = new TreeMap<>(operator);
    all.putAll(hubSettings);
    return all;
  }
}

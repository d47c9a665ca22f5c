package io.customerhub.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KafkaClientPropertiesTest {

  @TempDir
  Path dir;

  private Path file(String text) throws IOException {
    return Files.writeString(dir.resolve("kafka.properties"), text);
  }

  @Test
  void aSecuredClustersSettingsAreTakenAsWritten() throws IOException {
    Path f = file("""
        # Confluent Cloud style
        security.protocol=SASL_SSL
        sasl.mechanism=PLAIN
        sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required \\
          username="hub" password="p=ss;word";
        ssl.endpoint.identification.algorithm=https
        request.timeout.ms = 20000
        """);
    Map<String, String> settings = KafkaClientProperties.load(f.toString());
    assertEquals("SASL_SSL", settings.get("security.protocol"));
    assertEquals("org.apache.kafka.common.security.plain.PlainLoginModule required username=\"hub\" "
        + "password=\"p=ss;word\";", settings.get("sasl.jaas.config"));
    assertEquals("20000", settings.get("request.timeout.ms"));
    assertEquals(5, settings.size());
  }

  @Test
  void noFileNoSettings() {
    assertEquals(Map.of(), KafkaClientProperties.load(null));
  }

  @ParameterizedTest
  @ValueSource(strings = {"enable.auto.commit", "acks", "enable.idempotence", "group.id", "value.deserializer",
      "bootstrap.servers", "max.in.flight.requests.per.connection"})
  void whatTheHubsGuaranteesRestOnCannotBeSet(String key) throws IOException {
    Path f = file("security.protocol=SSL\n" + key + "=x\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> KafkaClientProperties.load(f.toString()));
    assertTrue(e.getMessage().startsWith("kafka.clientConfig (HUB_KAFKA_CLIENT_CONFIG) " + f + ": '" + key
        + "' is the hub's own setting"), e.getMessage());
  }

  @Test
  void aMissingFileIsNamed() {
    Path missing = dir.resolve("nope.properties");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> KafkaClientProperties.load(missing.toString()));
    assertTrue(e.getMessage().startsWith("kafka.clientConfig (HUB_KAFKA_CLIENT_CONFIG): cannot read " + missing),
        e.getMessage());
  }

  @Test
  void theHubsSettingsComeOnTop() {
    assertEquals(Map.of("security.protocol", "SSL", "acks", "all"), KafkaClientProperties.with(
        Map.of("security.protocol", "SSL"), Map.of("acks", "all")));
  }
}

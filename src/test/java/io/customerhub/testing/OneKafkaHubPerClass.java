package io.customerhub.testing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInfo;

/**
 * Base of integration tests that share, per test class, one hub node consuming and publishing on Kafka topics
 * of their own (named after the class) and a client of the test broker to publish and read with.
 */
public abstract class OneKafkaHubPerClass {

  protected static KafkaNames names;
  protected static KafkaTestClient kafka;
  protected static HubTestNode hub;

  @BeforeAll
  static void startKafkaHub(TestInfo test) {
    String label = test.getTestClass().map(Class::getSimpleName).orElse("kafka").toLowerCase();
    names = KafkaNames.unique(label);
    kafka = new KafkaTestClient();
    hub = HubTestNode.builder().kafka(names).start();
  }

  @AfterAll
  static void stopKafkaHub() {
    if (hub != null) hub.close();
    if (kafka != null) kafka.close();
    hub = null;
    kafka = null;
  }
}

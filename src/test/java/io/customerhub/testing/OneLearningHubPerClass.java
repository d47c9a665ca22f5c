package io.customerhub.testing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of integration tests that share one hub node per test class with learning from the data on, as a young hub
 * ships it but quicker (a look every second once ingest goes quiet, training from 40 identity records); the other
 * test classes keep it off ({@link OneHubPerClass}).
 */
public abstract class OneLearningHubPerClass {

  protected static HubTestNode hub;

  @BeforeAll
  static void startHub() {
    hub = HubTestNode.builder().learningFrom(40).start();
  }

  @AfterAll
  static void stopHub() {
    if (hub != null) hub.close();
    hub = null;
  }
}

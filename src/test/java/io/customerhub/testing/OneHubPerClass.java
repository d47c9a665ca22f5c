package io.customerhub.testing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of integration tests that share one hub node with the default configuration per test class: started
 * before the first test, closed after the last. Test classes run one after the other, never side by side.
 */
public abstract class OneHubPerClass {

  protected static HubTestNode hub;

  @BeforeAll
  static void startHub() {
    hub = HubTestNode.start();
  }

  @AfterAll
  static void stopHub() {
    if (hub != null) hub.close();
    hub = null;
  }
}

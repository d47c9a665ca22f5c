package io.customerhub.testing;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.util.concurrent.TimeUnit;

/**
 * Base of unit tests of code that schedules on Vert.x (timers, workers) without a hub: a plain, unclustered Vert.x
 * per test class, closed after its last test.
 */
public abstract class OwnVertx {

  protected static Vertx vertx;

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void closeVertx() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }
}

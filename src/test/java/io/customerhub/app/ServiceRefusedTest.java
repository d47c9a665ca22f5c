package io.customerhub.app;

import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ServiceRefusedTest {

  @Test
  void theReasonIsTheInnermostMessagesFirstLine() {
    Exception nested = new IllegalStateException("Unable to obtain connection\n----\nSQL State: 08001",
        new IOException("Connection to 127.0.0.1:1 refused.\nCheck the host", new IOException((String) null)));
    assertEquals("Kafka at x: Connection to 127.0.0.1:1 refused.", new ServiceRefused("Kafka at x", nested).getMessage());
    assertEquals("PostgreSQL: IOException", new ServiceRefused("PostgreSQL", new IOException()).getMessage());
  }
}

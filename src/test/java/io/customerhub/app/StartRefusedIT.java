package io.customerhub.app;

import io.customerhub.testing.HubTestNode;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A node whose PostgreSQL does not answer says so in one line that names it, its setting and the reason. */
class StartRefusedIT {

  @Test
  void aPostgresqlThatDoesNotAnswerIsNamedInOneLineWithoutItsPassword() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }
    Exception e = assertThrows(IllegalStateException.class,
        () -> HubTestNode.builder().postgresUrl("postgresql://hub:s3cret@127.0.0.1:" + closed + "/hub").start());

    ServiceRefused refused = (ServiceRefused) e.getCause();
    assertEquals("PostgreSQL at 127.0.0.1:" + closed + "/hub (postgres.url, HUB_POSTGRES_URL): Connection refused",
        refused.getMessage());
    assertFalse(refused.getMessage().contains("s3cret"));
  }
}

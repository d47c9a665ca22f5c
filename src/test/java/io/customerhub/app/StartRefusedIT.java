package io.customerhub.app;

import io.customerhub.testing.HubTestNode;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A node whose PostgreSQL does not answer says so in one line that names it, its setting and the reason; so does a
 * node whose Hazelcast cluster serves another database.
 */
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

  @Test
  void aTakenHttpPortIsNamedBeforeAnythingStarts() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Exception e = assertThrows(IllegalStateException.class, () -> HubTestNode.builder()
          .env("HUB_HTTP_PORT", String.valueOf(taken.getLocalPort())).start().close());

      ServiceRefused refused = (ServiceRefused) e.getCause();
      assertTrue(refused.getMessage().startsWith("HTTP port " + taken.getLocalPort() + " on 127.0.0.1 (http.port, "
          + "HUB_HTTP_PORT, --port): "), refused::getMessage);
    }
  }

  @Test
  void aNodeOfAnotherDatabaseDoesNotJoinACluster() {
    try (HubTestNode first = HubTestNode.builder().ownHazelcastMember().start()) {
      Exception e = assertThrows(IllegalStateException.class,
          () -> HubTestNode.builder().ownHazelcastMember().start().close());

      ServiceRefused refused = (ServiceRefused) e.getCause();
      assertTrue(refused.getMessage().startsWith("Hazelcast cluster '"), refused::getMessage);
      assertTrue(refused.getMessage().contains("(hazelcast.clusterName, HUB_HAZELCAST_CLUSTER_NAME): its members "
          + "serve another database"), refused::getMessage);
      try (HubTestNode second = HubTestNode.builder().postgresUrl(first.pgUrl()).ownHazelcastMember().start()) {
        assertEquals(200, second.get("/health/ready", null).status(), "a node of the same database joins");
      }
    }
  }
}

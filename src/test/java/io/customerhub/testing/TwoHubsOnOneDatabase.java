package io.customerhub.testing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of integration tests that run two hub nodes on one PostgreSQL database, as a cluster does: each node has
 * its own Hazelcast member, caches and candidate index. Started before the first test, closed after the last.
 */
public abstract class TwoHubsOnOneDatabase {

  protected static HubTestNode nodeA;
  protected static HubTestNode nodeB;

  @BeforeAll
  static void startTwoNodesOnOneDatabase() {
    nodeA = HubTestNode.start();
    nodeB = HubTestNode.builder().postgresUrl(nodeA.pgUrl()).start();
  }

  @AfterAll
  static void stopNodes() {
    if (nodeB != null) nodeB.close();
    if (nodeA != null) nodeA.close();
    nodeA = null;
    nodeB = null;
  }
}

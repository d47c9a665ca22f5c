package io.customerhub.cache;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.customerhub.testing.HubTestNode;
import io.customerhub.testing.TestInfra;

import java.util.List;
import java.util.concurrent.TimeUnit;

/** A second member of the tests' cluster, as another hub node's on another machine would be. */
final class SecondMember {

  private SecondMember() {
  }

  /** Joins the tests' cluster and returns once its partitions have their backups. */
  static HazelcastInstance join() {
    HazelcastInstance shared = TestInfra.hazelcast();
    int port = shared.getCluster().getLocalMember().getAddress().getPort();
    HazelcastInstance other = Hazelcast.newHazelcastInstance(HazelcastConfigs.member(TestInfra.clusterName(),
        List.of("127.0.0.1:" + port), port + 2));
    awaitSafe(shared);
    return other;
  }

  /** Waits until every partition of the cluster {@code member} is in has its backup (30 s at most). */
  static void awaitSafe(HazelcastInstance member) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!member.getPartitionService().isClusterSafe() && System.nanoTime() < deadline) HubTestNode.sleep(100);
  }
}

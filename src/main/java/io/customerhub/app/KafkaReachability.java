package io.customerhub.app;

import io.customerhub.config.KafkaClientProperties;
import io.vertx.core.Context;
import io.vertx.core.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

import java.util.HashMap;
import java.util.Map;

/**
 * Whether the Kafka cluster answers now, for the readiness check. The consumer alone cannot tell: a poll of a
 * broker that is gone succeeds with no records, so a node reported Kafka UP for minutes after its broker died while
 * the change events it took could not leave. One small metadata request, at most every few seconds, with a short
 * timeout: a probe never waits on Kafka's default minute.
 */
final class KafkaReachability implements AutoCloseable {

  /** Under the readiness probe's own two seconds, so that the answer says why. */
  private static final int TIMEOUT_MS = 1500;
  private static final long FRESH_NANOS = 5_000_000_000L;

  private final Admin admin;
  private volatile Future<Void> last;
  private volatile long lastAt;

  KafkaReachability(String bootstrap, Map<String, String> client) {
    this.admin = Admin.create(new HashMap<String, Object>(KafkaClientProperties.with(client, Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        AdminClientConfig.CLIENT_ID_CONFIG, "customer-hub-health",
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(TIMEOUT_MS),
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(TIMEOUT_MS)))));
  }

  /** Succeeds when the cluster named its nodes within the timeout; the answer of the last few seconds is reused. */
  Future<Void> probe(Context context) {
    long now = System.nanoTime();
    Future<Void> answer = last;
    if (answer != null && (!answer.isComplete() || now - lastAt < FRESH_NANOS)) return answer;
    lastAt = now;
    answer = Future.fromCompletionStage(admin.describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS))
            .nodes().toCompletionStage(), context)
        .compose(nodes -> nodes.isEmpty() ? Future.failedFuture("the Kafka cluster names no broker")
            : Future.<Void>succeededFuture())
        .recover(err -> Future.failedFuture("the Kafka cluster does not answer: " + err.getMessage()));
    last = answer;
    return answer;
  }

  @Override
  public void close() {
    admin.close(java.time.Duration.ofSeconds(2));
  }
}

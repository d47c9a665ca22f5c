package io.customerhub.serve;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonObject;
import io.vertx.core.spi.cluster.ClusterManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * The state of the administrators' background jobs (a re-resolution and its progress), readable from every node:
 * the node running a job keeps its state and copies each change to a cluster-wide map, so that a client polling
 * through a load balancer finds it wherever its request lands. States are kept a day, then dropped.
 */
final class AdminJobs {

  private static final Logger LOG = LoggerFactory.getLogger(AdminJobs.class);
  private static final String MAP = "hub.admin-jobs";
  private static final long KEEP_MILLIS = TimeUnit.DAYS.toMillis(1);

  private final Vertx vertx;
  /** The jobs this node runs; a finished one is read from the cluster map like any other. */
  private final Map<String, JsonObject> running = new ConcurrentHashMap<>();
  /** Each running job's last copy to the cluster map: copies go one after the other, so the last state stays. */
  private final Map<String, Future<Void>> copies = new ConcurrentHashMap<>();

  AdminJobs(Vertx vertx) {
    this.vertx = vertx;
  }

  /**
   * Completes once the first state is readable from every node, so the caller can hand out the job's address. The
   * state names the node that runs the job ({@code runningOn}), so that the others can tell when it stops.
   */
  Future<Void> start(String id, JsonObject state) {
    ClusterManager cluster = ((VertxInternal) vertx).clusterManager();
    if (cluster != null) state.put("runningOn", cluster.getNodeId());
    running.put(id, state);
    return publish(id, state);
  }

  /**
   * Applies {@code change} to the job's state; a finished job ({@code state} not running) leaves this node's map
   * once its last state is in the cluster map.
   */
  void update(String id, UnaryOperator<JsonObject> change) {
    JsonObject next = running.computeIfPresent(id, (k, state) -> change.apply(state.copy()));
    if (next == null) return;
    Future<Void> copied = publish(id, next);
    if (!"running".equals(next.getString("state"))) {
      copied.onComplete(done -> {
        running.remove(id, next);
        copies.remove(id, copied);
      });
    }
  }

  /**
   * The job's state, or null when no node knows it (any more). A job whose node left the cluster while it ran (a
   * crash, a kill) is told {@code interrupted}: its last state stays in the map, and read as it was, it would show
   * the job running for the day it is kept.
   */
  Future<JsonObject> get(String id) {
    JsonObject here = running.get(id);
    if (here != null) return Future.succeededFuture(here);
    return vertx.sharedData().<String, JsonObject>getAsyncMap(MAP).compose(map -> map.get(id))
        .map(state -> {
          ClusterManager cluster = ((VertxInternal) vertx).clusterManager();
          return state == null || cluster == null ? state : interruptedOrAsIs(state, cluster.getNodes());
        });
  }

  /** The state as told, where {@code liveNodes} are the cluster's nodes now. */
  static JsonObject interruptedOrAsIs(JsonObject state, Collection<String> liveNodes) {
    String node = state.getString("runningOn");
    if (!"running".equals(state.getString("state")) || node == null || liveNodes.contains(node)) return state;
    return state.copy().put("state", "interrupted").put("error", "the node that ran it stopped before it ended "
        + "(what it did is committed and consistent): start it again");
  }

  /** Copies the state after the job's copy before it, whether that one succeeded or not. */
  private Future<Void> publish(String id, JsonObject state) {
    return copies.compute(id, (k, before) -> (before == null ? Future.<Void>succeededFuture() : before)
        .transform(ignored -> vertx.sharedData().<String, JsonObject>getAsyncMap(MAP)
            .compose(map -> map.put(id, state, KEEP_MILLIS))
            .onFailure(err -> LOG.warn("job {}: its state is not readable from other nodes: {}", id,
                err.getMessage()))));
  }
}

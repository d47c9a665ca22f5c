package io.customerhub.serve;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code /health/live} answers while the process serves HTTP; {@code /health/ready} is 200 only when every
 * dependency check passes (PostgreSQL, Hazelcast, and Kafka when enabled) and the node is not stopping, and names
 * each one's state, the node's own first.
 */
public final class Health {

  /**
   * A named dependency check; a {@code null} supplier means the dependency is switched off. {@code facts}, when
   * given, adds what an operator wants to see beside the status (a cluster's members).
   */
  public record Check(String name, Supplier<Future<String>> probe, Supplier<JsonObject> facts) {
    public Check(String name, Supplier<Future<String>> probe) {
      this(name, probe, null);
    }
  }

  private final List<Check> checks;
  /** Set from the thread that stops the node, read by every HTTP event loop. */
  private volatile boolean draining;

  public Health(List<Check> checks) {
    this.checks = List.copyOf(checks);
  }

  /**
   * The node is stopping: from now on readiness answers 503 with {@code node: DRAINING}, so that a load balancer
   * sends its requests elsewhere while the ones in flight finish. Liveness stays as it is: the process is not broken,
   * and an orchestrator that restarted it for a failed liveness check would cut the drain short.
   */
  public void drain() {
    draining = true;
  }

  void live(RoutingContext ctx) {
    ctx.response().putHeader("Content-Type", "application/json").end("{\"status\":\"UP\"}");
  }

  void ready(RoutingContext ctx) {
    Map<String, Future<String>> probes = new LinkedHashMap<>();
    for (Check c : checks) {
      probes.put(c.name(), c.probe() == null ? Future.succeededFuture("off")
          : c.probe().get().timeout(2, java.util.concurrent.TimeUnit.SECONDS));
    }
    Future.join(new ArrayList<>(probes.values())).onComplete(done -> {
      // read once the probes answered: a check that was under way when the stop began already answers 503
      boolean up = !draining;
      JsonObject details = new JsonObject().put("node", new JsonObject().put("status", up ? "UP" : "DRAINING"));
      for (Map.Entry<String, Future<String>> e : probes.entrySet()) {
        Future<String> f = e.getValue();
        if (f.succeeded()) details.put(e.getKey(), facts(e.getKey()).put("status", f.result()));
        else {
          up = false;
          details.put(e.getKey(), new JsonObject().put("status", "DOWN").put("error", String.valueOf(f.cause().getMessage())));
        }
      }
      ctx.response().setStatusCode(up ? 200 : 503).putHeader("Content-Type", "application/json")
          .end(new JsonObject().put("status", up ? "UP" : "DOWN").put("checks", details).encode());
    });
  }

  private JsonObject facts(String name) {
    for (Check c : checks) {
      if (c.name().equals(name) && c.facts() != null) return c.facts().get().copy();
    }
    return new JsonObject();
  }
}

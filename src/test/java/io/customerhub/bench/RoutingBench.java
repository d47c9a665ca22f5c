package io.customerhub.bench;

import io.customerhub.record.SourceKey;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.customerhub.bench.BenchSupport.log;

/**
 * Throughput and latency of {@code GET /api/v1/routing/{source}/{sourceId}} (role router, answers from the
 * near cache) against a bare Vert.x HTTP server measured in the same JVM run, driven identically.
 *
 * <pre>
 * RoutingBench [--persons 5000] [--connections 32] [--warmup 5] [--duration 15] [--rounds 2] [--jit 15] [--seed 42]
 *              [--client-loops 2] [--port-zero]
 * </pre>
 * Steps: start a hub node (embedded PostgreSQL in a temp dir, Kafka off); load the identity records (CRM, ERP,
 * risk) of {@code persons} generated persons through {@code POST /api/v1/records/{source}}; read every routing
 * answer once (fills the near cache); run each side for {@code jit} seconds uncounted, alternating (JIT); then,
 * per round, drive the bare server and the hub for warm-up + duration seconds each with a closed loop over
 * {@code connections} keep-alive connections on keys chosen at random.
 * With several rounds the order alternates (bare, hub, hub, bare, ...) so that a drifting machine load hits
 * both sides alike; the figures printed are over all rounds.
 */
public final class RoutingBench {

  public static void main(String[] argv) throws Exception {
    Map<String, List<String>> args = BenchSupport.args(argv);
    int persons = BenchSupport.intArg(args, "persons", 5000);
    int connections = BenchSupport.intArg(args, "connections", 32);
    int warmup = BenchSupport.intArg(args, "warmup", 5);
    int duration = BenchSupport.intArg(args, "duration", 15);
    int rounds = BenchSupport.intArg(args, "rounds", 2);
    int jit = BenchSupport.intArg(args, "jit", 15);
    int seed = BenchSupport.intArg(args, "seed", 42);
    int clientLoops = BenchSupport.intArg(args, "client-loops", 2);
    if (duration > 300 || warmup > 120 || jit > 120 || rounds > 5 || connections > 256) {
      throw new IllegalArgumentException("keep runs bounded: duration <= 300 s, warmup and jit <= 120 s, rounds <= 5, "
          + "connections <= 256");
    }
    int cores = Runtime.getRuntime().availableProcessors();
    log("RoutingBench: %d persons, %d connections, %d s warm-up + %d s measured, %d round(s), %d cores",
        persons, connections, warmup, duration, rounds, cores);

    Vertx clientVertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(clientLoops));
    Vertx bareVertx = Vertx.vertx();
    boolean portZero = BenchSupport.flag(args, "port-zero");
    // The automatic EM training (upkeep, as the data grows) would otherwise start in the background right after the
    // load and was seen to overlap a measured round; the read path is what is measured here.
    Map<String, String> env = Map.of("HUB_UPKEEP_AUTO_TRAIN_MIN_RECORDS", "0");
    try (BenchSupport.Node node = BenchSupport.Node.start("routing", portZero ? 0 : BenchSupport.freePort(), env)) {
      // ---- data ----
      var lines = BenchSupport.identityLines(
          io.customerhub.generate.GeneratorOptions.defaults().withPersons(persons).withOrgs(0).withSeed(seed));
      log("loading %,d identity records (%s) through the HTTP ingest door, batches of 1000 …",
          BenchSupport.count(lines), BenchSupport.sizes(lines));
      BenchSupport.LoadResult load = BenchSupport.load(node.hub, lines, 1000, true);
      log("loaded: %,d accepted, %,d rejected in %.1f s (%,.0f records/s)%s", load.accepted(), load.rejected(),
          load.seconds(), load.perSecond(), load.firstRejection() == null ? "" : "; first rejection: "
              + load.firstRejection());
      List<SourceKey> keys = load.acceptedKeys();
      if (keys.isEmpty()) throw new IllegalStateException("no record was accepted");
      String[] uris = new String[keys.size()];
      for (int i = 0; i < uris.length; i++) {
        SourceKey k = keys.get(i);
        uris[i] = "/api/v1/routing/" + BenchSupport.segment(k.source()) + "/" + BenchSupport.segment(k.sourceId());
      }
      String auth = "Bearer " + node.hub.token("bench-router", List.of("router"));

      // ---- warm the near cache: every routing answer once ----
      ClosedLoopLoad load32 = new ClosedLoopLoad(clientVertx, connections, clientLoops);
      long t0 = System.nanoTime();
      ClosedLoopLoad.Sweep sweep = load32.sweep(node.hub.httpPort(), auth, Arrays.asList(uris), 600);
      log("cache warm-up: %,d routing answers read in %.1f s (%,d errors%s), mean answer %d bytes",
          sweep.answered(), (System.nanoTime() - t0) / 1e9, sweep.errors(),
          sweep.firstError() == null ? "" : ", first: " + sweep.firstError(), sweep.meanBodyBytes());
      if (sweep.errors() > 0) throw new IllegalStateException("routing answered errors: " + sweep.firstError());
      log("near cache of the routing map after warm-up: %s", nearCache(node));
      String sample = sampleAnswer(clientVertx, node.hub.httpPort(), auth, uris[0]);
      log("sample answer %s -> %s", uris[0], sample);

      // ---- the baseline: a bare Vert.x server, same instances as the hub's HTTP verticle, fixed body ----
      String body = fixedBody((int) sweep.meanBodyBytes());
      int bareInstances = portZero ? 1 : cores;
      int barePort = startBare(bareVertx, bareInstances, body);
      log("bare server: %d instance(s) on 127.0.0.1:%d, one route, fixed %d-byte body, no auth", bareInstances,
          barePort, body.length());

      // ---- JIT warm-up of both sides, alternating slices of at most 5 s, not counted: on a starved machine the
      // compiler threads lag, and a first measured round was seen to cost 2-3x the CPU per request of later ones ----
      int left = jit;
      while (left > 0) {
        int slice = Math.min(5, left);
        left -= slice;
        ClosedLoopLoad.Result jb = load32.run("jit bare", barePort, null, uris.length, i -> uris[i], 0, slice, seed);
        ClosedLoopLoad.Result jh = load32.run("jit hub", node.hub.httpPort(), auth, uris.length, i -> uris[i], 0,
            slice, seed);
        log("JIT warm-up slice of %d s per side, not counted: bare %,.0f req/s (%.1f us CPU/req), hub %,.0f req/s "
            + "(%.1f us CPU/req)", slice, jb.perSecond(), jb.cpuMicrosPerRequest(), jh.perSecond(),
            jh.cpuMicrosPerRequest());
      }

      // ---- the measured rounds ----
      List<ClosedLoopLoad.Result> bare = new ArrayList<>();
      List<ClosedLoopLoad.Result> hub = new ArrayList<>();
      for (int r = 0; r < rounds; r++) {
        boolean bareFirst = r % 2 == 0;
        for (int side = 0; side < 2; side++) {
          boolean isBare = (side == 0) == bareFirst;
          String name = (isBare ? "bare" : "hub") + " round " + (r + 1);
          ClosedLoopLoad.Result res = isBare
              ? load32.run(name, barePort, null, uris.length, i -> uris[i], warmup, duration, seed + r)
              : load32.run(name, node.hub.httpPort(), auth, uris.length, i -> uris[i], warmup, duration, seed + r);
          print(res);
          (isBare ? bare : hub).add(res);
        }
      }
      log("near cache of the routing map after the runs: %s", nearCache(node));
      report(ClosedLoopLoad.Result.merge("bare", bare), ClosedLoopLoad.Result.merge("hub", hub), connections);
    } finally {
      BenchSupport.await(bareVertx.close(), 30);
      BenchSupport.await(clientVertx.close(), 30);
    }
    System.exit(0);
  }

  /** Hits and misses of the routing map's near cache: the measured reads should all be hits. */
  private static String nearCache(BenchSupport.Node node) {
    var hz = ((io.vertx.spi.cluster.hazelcast.HazelcastClusterManager)
        ((io.vertx.core.internal.VertxInternal) node.hub.vertx()).clusterManager()).getHazelcastInstance();
    var stats = hz.getMap(io.customerhub.cache.ProfileCache.ROUTING).getLocalMapStats().getNearCacheStats();
    return stats == null ? "no near cache" : String.format(Locale.ROOT, "%,d entries, %,d hits, %,d misses",
        stats.getOwnedEntryCount(), stats.getHits(), stats.getMisses());
  }

  private static String sampleAnswer(Vertx vertx, int port, String auth, String uri) throws Exception {
    var client = vertx.createHttpClient();
    try {
      return BenchSupport.await(client.request(io.vertx.core.http.HttpMethod.GET, port, "127.0.0.1", uri)
          .compose(req -> req.putHeader("Authorization", auth).send())
          .compose(resp -> resp.body()).map(b -> b.toString()), 30);
    } finally {
      BenchSupport.await(client.close(), 30);
    }
  }

  /** A JSON body of exactly {@code size} bytes (at least a minimal object). */
  static String fixedBody(int size) {
    String head = "{\"profileId\":\"00000000-0000-0000-0000-000000000000\",\"lane\":\"STANDARD\",\"pad\":\"";
    String tail = "\"}";
    int pad = Math.max(0, size - head.length() - tail.length());
    return head + "x".repeat(pad) + tail;
  }

  /** Deploys {@code instances} verticles each with a router of one GET route answering {@code body}. */
  private static int startBare(Vertx vertx, int instances, String body) throws Exception {
    int port = BenchSupport.freePort();
    io.vertx.core.buffer.Buffer payload = io.vertx.core.buffer.Buffer.buffer(body);
    BenchSupport.await(vertx.deployVerticle(() -> new VerticleBase() {
      private HttpServer server;

      @Override
      public Future<?> start() {
        Router router = Router.router(vertx);
        router.get("/api/v1/routing/:source/:sourceId").handler(ctx ->
            ctx.response().putHeader("Content-Type", "application/json").end(payload));
        // every instance listens on the same fixed port: Vert.x shares it and spreads connections over them
        server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port));
        return server.requestHandler(router).listen();
      }
    }, new DeploymentOptions().setInstances(instances)), 60);
    return port;
  }

  private static void print(ClosedLoopLoad.Result r) {
    log("%-13s %,10.0f req/s  p50 %7.2f ms  p99 %7.2f ms  p99.9 %7.2f ms  JVM CPU %6.1f us/req, %.2f cores  "
            + "(%,d answered in %.0f s, %,d errors%s)", r.name(), r.perSecond(), r.percentileMs(0.50),
        r.percentileMs(0.99), r.percentileMs(0.999), r.cpuMicrosPerRequest(), r.coresUsed(), r.requests(),
        r.seconds(), r.errors(), r.firstError() == null ? "" : "; first: " + r.firstError());
  }

  private static void report(ClosedLoopLoad.Result bare, ClosedLoopLoad.Result hub, int connections) {
    double ratio = hub.perSecond() / bare.perSecond();
    double p99 = hub.percentileMs(0.99) / bare.percentileMs(0.99);
    System.out.println();
    System.out.println("=== RoutingBench result (" + connections + " connections, closed loop) ===");
    System.out.printf(Locale.ROOT, "%-6s %12s %10s %10s %10s %8s %12s %7s%n", "", "req/s", "p50 ms", "p99 ms",
        "p99.9 ms", "errors", "CPU us/req", "cores");
    for (ClosedLoopLoad.Result r : List.of(bare, hub)) {
      System.out.printf(Locale.ROOT, "%-6s %,12.0f %10.2f %10.2f %10.2f %,8d %12.1f %7.2f%n", r.name(), r.perSecond(),
          r.percentileMs(0.50), r.percentileMs(0.99), r.percentileMs(0.999), r.errors(), r.cpuMicrosPerRequest(),
          r.coresUsed());
    }
    System.out.printf(Locale.ROOT, "throughput ratio hub/bare   %.3f   (target >= 0.5: %s)%n", ratio,
        ratio >= 0.5 ? "MET" : "NOT MET");
    System.out.printf(Locale.ROOT, "p99 ratio hub/bare          %.3f   (target <= 2.0: %s)%n", p99,
        p99 <= 2.0 ? "MET" : "NOT MET");
    System.out.printf(Locale.ROOT, "p50 ratio hub/bare          %.3f%n",
        hub.percentileMs(0.50) / bare.percentileMs(0.50));
    System.out.printf(Locale.ROOT, "CPU per request hub/bare    %.3f   (JVM CPU time, client + server; its inverse "
        + "%.3f is the throughput ratio to expect on a CPU-bound machine that nothing else uses)%n",
        hub.cpuMicrosPerRequest() / bare.cpuMicrosPerRequest(), bare.cpuMicrosPerRequest() / hub.cpuMicrosPerRequest());
  }
}

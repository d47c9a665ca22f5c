package io.customerhub.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * A closed-loop HTTP load generator on Vert.x: one HttpClient with a pool of {@code connections} keep-alive
 * connections (no pipelining) and as many request loops; each loop sends its next request only when the previous
 * one has been answered in full. Latencies (ns, send to last byte of the body) are kept per loop in a plain long
 * array and sorted at the end; no HdrHistogram. Everything goes to 127.0.0.1 and every run is bounded in time.
 */
final class ClosedLoopLoad {

  /** Figures of one measured window. */
  record Result(String name, long requests, double seconds, long errors, long[] sortedLatencies, String firstError,
                double cpuSeconds) {

    /** CPU time of the whole JVM (client and server, every thread) per request, in microseconds. */
    double cpuMicrosPerRequest() {
      return cpuSeconds * 1e6 / requests;
    }

    /** Cores the JVM kept busy during the window (2.0 = both cores of this machine). */
    double coresUsed() {
      return cpuSeconds / seconds;
    }

    double perSecond() {
      return requests / seconds;
    }

    /** The latency (ms) at quantile q (nearest rank). */
    double percentileMs(double q) {
      if (sortedLatencies.length == 0) return Double.NaN;
      int rank = (int) Math.ceil(q * sortedLatencies.length);
      return sortedLatencies[Math.max(0, Math.min(sortedLatencies.length - 1, rank - 1))] / 1e6;
    }

    static Result merge(String name, List<Result> parts) {
      long req = 0;
      long err = 0;
      double s = 0;
      double cpu = 0;
      int n = 0;
      String first = null;
      for (Result r : parts) {
        req += r.requests;
        err += r.errors;
        s += r.seconds;
        cpu += r.cpuSeconds;
        n += r.sortedLatencies.length;
        if (first == null) first = r.firstError;
      }
      long[] all = new long[n];
      int at = 0;
      for (Result r : parts) {
        System.arraycopy(r.sortedLatencies, 0, all, at, r.sortedLatencies.length);
        at += r.sortedLatencies.length;
      }
      Arrays.sort(all);
      return new Result(name, req, s, err, all, first, cpu);
    }
  }

  private final Vertx vertx;
  private final int connections;
  private final int eventLoops;

  /**
   * @param vertx      the client's own Vert.x (not the server's), so that client and server do not share loops
   * @param eventLoops how many verticle instances (event loops) run the request loops between them
   */
  ClosedLoopLoad(Vertx vertx, int connections, int eventLoops) {
    this.vertx = vertx;
    this.connections = connections;
    this.eventLoops = Math.max(1, Math.min(eventLoops, connections));
  }

  /**
   * Drives GETs of {@code uri(random index < keys)} for {@code warmupS + durationS} seconds; only requests sent
   * and answered inside the last {@code durationS} seconds are counted.
   */
  Result run(String name, int port, String authorization, int keys, IntFunction<String> uri, int warmupS,
             int durationS, long seed) throws Exception {
    HttpClientAgent client = client();
    try {
      long start = System.nanoTime();
      long measureFrom = start + TimeUnit.SECONDS.toNanos(warmupS);
      long measureTo = measureFrom + TimeUnit.SECONDS.toNanos(durationS);
      List<Loop> loops = new ArrayList<>();
      for (int i = 0; i < connections; i++) {
        SplittableRandom rnd = new SplittableRandom(seed * 1_000_003L + i);
        loops.add(new Loop(client, port, authorization, () -> uri.apply(rnd.nextInt(keys)), measureFrom, measureTo));
      }
      CpuWindow cpu = new CpuWindow(measureFrom, measureTo);
      cpu.start();
      runLoops(loops, warmupS + durationS + 60);
      cpu.join(TimeUnit.SECONDS.toMillis(30));
      return collect(name, loops, durationS, cpu.seconds);
    } finally {
      BenchSupport.await(client.close(), 30);
    }
  }

  /** Reads every URI once ({@code connections} at a time), e.g. to fill a cache; returns the answers' figures. */
  Sweep sweep(int port, String authorization, List<String> uris, long timeoutS) throws Exception {
    HttpClientAgent client = client();
    try {
      AtomicInteger next = new AtomicInteger();
      AtomicLong bytes = new AtomicLong();
      List<Loop> loops = new ArrayList<>();
      for (int i = 0; i < connections; i++) {
        loops.add(new Loop(client, port, authorization, () -> {
          int n = next.getAndIncrement();
          return n < uris.size() ? uris.get(n) : null;
        }, 0, Long.MAX_VALUE));
      }
      for (Loop l : loops) l.onBody = b -> bytes.addAndGet(b.length());
      long t0 = System.nanoTime();
      runLoops(loops, timeoutS);
      Result r = collect("sweep", loops, (System.nanoTime() - t0) / 1e9, Double.NaN);
      return new Sweep(r.requests(), r.errors(), r.firstError(), r.requests() == 0 ? 0 : bytes.get() / r.requests());
    } finally {
      BenchSupport.await(client.close(), 30);
    }
  }

  record Sweep(long answered, long errors, String firstError, long meanBodyBytes) {
  }

  private HttpClientAgent client() {
    return vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setPipelining(false)
        .setDefaultHost("127.0.0.1").setIdleTimeout(0).setConnectTimeout(5_000),
        new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
  }

  /** Spreads the loops over {@code eventLoops} verticle instances, starts them and waits until all stopped. */
  private void runLoops(List<Loop> loops, long timeoutS) throws Exception {
    List<Future<?>> done = new ArrayList<>();
    List<String> deployments = new ArrayList<>();
    for (int v = 0; v < eventLoops; v++) {
      List<Loop> mine = new ArrayList<>();
      for (int i = v; i < loops.size(); i += eventLoops) mine.add(loops.get(i));
      Promise<Void> finished = Promise.promise();
      done.add(finished.future());
      deployments.add(BenchSupport.await(vertx.deployVerticle(new VerticleBase() {
        @Override
        public Future<?> start() {
          List<Future<Void>> all = new ArrayList<>();
          for (Loop l : mine) all.add(l.start());
          Future.all(all).onComplete(ar -> finished.complete());
          return Future.succeededFuture();
        }
      }), 30));
    }
    try {
      BenchSupport.await(Future.all(done), timeoutS);
    } finally {
      for (String id : deployments) BenchSupport.await(vertx.undeploy(id), 30);
    }
  }

  /** Samples the JVM's CPU time at the start and the end of the measured window. */
  private static final class CpuWindow extends Thread {
    private final long from;
    private final long to;
    volatile double seconds = Double.NaN;

    CpuWindow(long from, long to) {
      super("bench-cpu-window");
      setDaemon(true);
      this.from = from;
      this.to = to;
    }

    @Override
    public void run() {
      try {
        sleepUntil(from);
        long c0 = processCpuNanos();
        sleepUntil(to);
        seconds = (processCpuNanos() - c0) / 1e9;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
      long wait;
      while ((wait = nanoTime - System.nanoTime()) > 0) Thread.sleep(Math.max(1, wait / 1_000_000), 0);
    }
  }

  static long processCpuNanos() {
    var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
  }

  private static Result collect(String name, List<Loop> loops, double seconds, double cpuSeconds) {
    long requests = 0;
    long errors = 0;
    String first = null;
    int n = 0;
    for (Loop l : loops) {
      requests += l.count;
      errors += l.errors;
      n += l.count;
      if (first == null) first = l.firstError;
    }
    long[] all = new long[n];
    int at = 0;
    for (Loop l : loops) {
      System.arraycopy(l.latencies, 0, all, at, l.count);
      at += l.count;
    }
    Arrays.sort(all);
    return new Result(name, requests, seconds, errors, all, first, cpuSeconds);
  }

  /** One connection's worth of closed-loop requests; touched only by the event loop that runs it. */
  private static final class Loop {
    private final HttpClientAgent client;
    private final int port;
    private final String authorization;
    private final java.util.function.Supplier<String> nextUri;
    private final long measureFrom;
    private final long measureTo;
    private final Promise<Void> done = Promise.promise();
    java.util.function.Consumer<Buffer> onBody;
    long[] latencies = new long[4096];
    int count;
    long errors;
    String firstError;

    Loop(HttpClientAgent client, int port, String authorization, java.util.function.Supplier<String> nextUri,
         long measureFrom, long measureTo) {
      this.client = client;
      this.port = port;
      this.authorization = authorization;
      this.nextUri = nextUri;
      this.measureFrom = measureFrom;
      this.measureTo = measureTo;
    }

    Future<Void> start() {
      next();
      return done.future();
    }

    private void next() {
      long t0 = System.nanoTime();
      String uri = t0 >= measureTo ? null : nextUri.get();
      if (uri == null) {
        done.tryComplete();
        return;
      }
      client.request(HttpMethod.GET, port, "127.0.0.1", uri)
          .compose(req -> {
            if (authorization != null) req.putHeader(HttpHeaders.AUTHORIZATION, authorization);
            return req.send();
          })
          .compose(resp -> resp.body().compose(body -> resp.statusCode() == 200 ? Future.succeededFuture(body)
              : Future.failedFuture("HTTP " + resp.statusCode() + " " + body.toString())))
          .onComplete(ar -> {
            long t1 = System.nanoTime();
            if (ar.failed()) {
              if (t0 >= measureFrom && t1 <= measureTo) errors++;
              if (firstError == null) firstError = uri + ": " + ar.cause().getMessage();
            } else {
              if (onBody != null) onBody.accept(ar.result());
              if (t0 >= measureFrom && t1 <= measureTo) {
                if (count == latencies.length) latencies = Arrays.copyOf(latencies, count * 2);
                latencies[count++] = t1 - t0;
              }
            }
            next();
          });
    }
  }
}

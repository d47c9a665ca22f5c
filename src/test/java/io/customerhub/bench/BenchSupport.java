package io.customerhub.bench;

import io.customerhub.app.HubNode;
import io.customerhub.config.ConfigLoader;
import io.customerhub.config.HubConfig;
import io.customerhub.generate.Dataset;
import io.customerhub.generate.DatasetGenerator;
import io.customerhub.generate.GeneratorOptions;
import io.customerhub.record.SourceKey;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What the benchmarks share: a throw-away hub node (embedded PostgreSQL in a temp dir, Kafka off, a Hazelcast
 * cluster of its own on loopback), generated identity records, and loading them through the HTTP ingest door.
 * Not a test: nothing here runs under {@code mvn verify}.
 */
final class BenchSupport {

  /** The identity sources, in load order (orders are not identities and are never loaded by the benches). */
  static final List<String> IDENTITY_SOURCES = List.of(Dataset.CRM, Dataset.ERP, Dataset.RISK);

  private BenchSupport() {
  }

  // ---- the node -------------------------------------------------------------------------------------------------

  /** A started node and the temp dir it lives in; closing stops the node and deletes the dir. */
  static final class Node implements AutoCloseable {
    final HubNode hub;
    final Path dir;
    final HubConfig config;

    private Node(HubNode hub, Path dir, HubConfig config) {
      this.hub = hub;
      this.dir = dir;
      this.config = config;
    }

    static Node start(String label) throws Exception {
      return start(label, freePort());
    }

    /**
     * With {@code httpPort} 0 every instance of the hub's HTTP verticle binds its own random port and
     * {@link HubNode#httpPort()} names the first one only, so all traffic lands on one event loop; a fixed port is
     * shared by all instances (as in production, port 8080).
     */
    static Node start(String label, int httpPort) throws Exception {
      return start(label, httpPort, Map.of());
    }

    /**
     * @param env configuration overrides as environment variables would give them (see ConfigLoader); the
     *            environment variable BENCH_PG_URL points the node at an existing (empty) database instead of an
     *            embedded one, for looking at query plans and statistics after a run
     */
    static Node start(String label, int httpPort, Map<String, String> env) throws Exception {
      Path dir = Files.createTempDirectory("hub-bench-" + label + "-");
      HubConfig cfg = ConfigLoader.load(Path.of("conf/hub.json"), env)
          .withDataDir(dir).withPostgresUrl(System.getenv("BENCH_PG_URL")).withHttpPort(httpPort).withKafkaBootstrap(null)
          .withHazelcast(new HubConfig.Hazelcast("bench-" + UUID.randomUUID(), List.of("127.0.0.1"), 5901))
          // a young hub learns once ingest goes quiet, that is after a measured load: it would run during the
          // COPY baseline that follows. The loads themselves never go quiet, so they measure the same either way
          .withoutLearningWhenQuiet();
      long t0 = System.nanoTime();
      try {
        HubNode hub = HubNode.start(cfg);
        log("hub node started on 127.0.0.1:%d in %.1f s (embedded PostgreSQL under %s, Kafka off)",
            hub.httpPort(), (System.nanoTime() - t0) / 1e9, dir);
        return new Node(hub, dir, cfg);
      } catch (Exception | Error e) {
        deleteTree(dir);
        throw e;
      }
    }

    @Override
    public void close() {
      try {
        hub.close();
      } finally {
        deleteTree(dir);
      }
    }
  }

  // ---- data -----------------------------------------------------------------------------------------------------

  /** One identity record as it is sent: its key and its NDJSON line (the canonical JSON the generator emits). */
  record Line(String source, String sourceId, String json) {
    SourceKey key() {
      return new SourceKey(source, sourceId);
    }
  }

  /** Identity records (CRM, ERP, risk; no orders) of a data set, grouped by source in load order. */
  static Map<String, List<Line>> identityLines(GeneratorOptions options) {
    Dataset data = DatasetGenerator.generate(options);
    Map<String, List<Line>> out = new LinkedHashMap<>();
    for (String source : IDENTITY_SOURCES) {
      List<Line> lines = new ArrayList<>();
      for (Map<String, Object> r : data.records(source)) {
        lines.add(new Line(source, String.valueOf(r.get("sourceId")), new JsonObject(r).encode()));
      }
      out.put(source, lines);
    }
    return out;
  }

  /**
   * About {@code target} identity records: the generator is sized from a small pilot run of the same options
   * (identity records per entity), over-generated by a few percent, then cut to exactly {@code target} records,
   * keeping the source order (CRM first, then ERP, then risk).
   */
  static Map<String, List<Line>> identityLines(int target, boolean withOrgs, long seed) {
    GeneratorOptions base = GeneratorOptions.defaults().withSeed(seed);
    int pilotPersons = 2000;
    int pilotOrgs = withOrgs ? pilotPersons / 8 : 0;
    int pilot = count(identityLines(base.withPersons(pilotPersons).withOrgs(pilotOrgs)));
    double perEntity = pilot / (double) (pilotPersons + pilotOrgs);
    int entities = (int) Math.ceil(target / perEntity * 1.04) + 10;
    int persons = withOrgs ? (int) Math.round(entities * 8 / 9.0) : entities;
    int orgs = withOrgs ? entities - persons : 0;
    Map<String, List<Line>> all = identityLines(base.withPersons(persons).withOrgs(orgs));
    Map<String, List<Line>> cut = new LinkedHashMap<>();
    int left = target;
    for (Map.Entry<String, List<Line>> e : all.entrySet()) {
      List<Line> take = e.getValue().subList(0, Math.min(left, e.getValue().size()));
      cut.put(e.getKey(), new ArrayList<>(take));
      left -= take.size();
    }
    if (left > 0) throw new IllegalStateException("generated " + count(all) + " identity records, wanted " + target);
    log("generated %,d identity records from %,d persons and %,d organizations (seed %d): %s", target, persons, orgs,
        seed, sizes(cut));
    return cut;
  }

  static int count(Map<String, List<Line>> lines) {
    return lines.values().stream().mapToInt(List::size).sum();
  }

  static String sizes(Map<String, List<Line>> lines) {
    StringBuilder s = new StringBuilder();
    lines.forEach((k, v) -> s.append(s.length() == 0 ? "" : ", ").append(k).append(' ').append(v.size()));
    return s.toString();
  }

  // ---- loading through the HTTP door ----------------------------------------------------------------------------

  /** What a load through {@code POST /api/v1/records/{source}} did. */
  record LoadResult(int sent, int accepted, int rejected, double seconds, List<SourceKey> acceptedKeys,
                    Map<String, Integer> outcomes, String firstRejection, double[] tenths) {
    double perSecond() {
      return sent / seconds;
    }

    /** Seconds each tenth of the records took (answers in the order they came), e.g. "0.15 0.16 …". */
    String tenthsText() {
      StringBuilder s = new StringBuilder();
      for (double t : tenths) s.append(s.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.2f", t));
      return s.toString();
    }
  }

  /**
   * Loads the lines source by source in batches of {@code batch} lines per request, one request at a time (the
   * hub answers when every line of the batch is resolved and committed), and checks every answer line.
   */
  static LoadResult load(HubNode node, Map<String, List<Line>> lines, int batch, boolean progress) throws Exception {
    return load(node, lines, batch, 1, progress);
  }

  /**
   * As above with up to {@code inFlight} requests sent at once, as a bulk loader with several workers would: the
   * batches are taken in order, each answer is checked line by line.
   */
  static LoadResult load(HubNode node, Map<String, List<Line>> lines, int batch, int inFlight, boolean progress)
      throws Exception {
    HttpClientAgent client = node.vertx().createHttpClient(new HttpClientOptions().setKeepAlive(true)
        .setIdleTimeout(0).setMaxChunkSize(64 * 1024), new PoolOptions().setHttp1MaxSize(inFlight));
    String token = "Bearer " + node.token("bench-ingest", List.of("ingest"));
    record Request(String source, List<Line> chunk) {
    }
    List<Request> requests = new ArrayList<>();
    lines.forEach((source, list) -> {
      for (int from = 0; from < list.size(); from += batch) {
        requests.add(new Request(source, list.subList(from, Math.min(list.size(), from + batch))));
      }
    });
    int total = count(lines);
    // bodies encoded before the clock starts, as a loader reads them from files: building them in the measured
    // window would charge the hub's JVM (the client shares it) for half a megabyte of strings per request
    Buffer[] bodies = new Buffer[requests.size()];
    for (int i = 0; i < requests.size(); i++) {
      StringBuilder body = new StringBuilder(requests.get(i).chunk().size() * 600);
      for (Line l : requests.get(i).chunk()) body.append(l.json()).append('\n');
      bodies[i] = Buffer.buffer(body.toString());
    }
    Buffer[] answers = new Buffer[requests.size()];
    long[] answeredAt = new long[requests.size()];
    java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger sentSoFar = new java.util.concurrent.atomic.AtomicInteger();
    long t0 = System.nanoTime();
    java.util.concurrent.atomic.AtomicLong lastReport = new java.util.concurrent.atomic.AtomicLong(t0);
    var workers = java.util.concurrent.Executors.newFixedThreadPool(inFlight);
    try {
      List<java.util.concurrent.Future<?>> running = new ArrayList<>();
      for (int w = 0; w < inFlight; w++) {
        running.add(workers.submit(() -> {
          for (int i = next.getAndIncrement(); i < requests.size(); i = next.getAndIncrement()) {
            Request r = requests.get(i);
            Buffer body = bodies[i];
            answers[i] = client.request(HttpMethod.POST, node.httpPort(), "127.0.0.1", "/api/v1/records/" + r.source())
                .compose(req -> req.putHeader(HttpHeaders.AUTHORIZATION, token)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/x-ndjson")
                    .send(body)
                    .compose(resp -> resp.body().compose(b -> resp.statusCode() == 200 ? Future.succeededFuture(b)
                        : Future.failedFuture("ingest answered " + resp.statusCode() + ": " + b))))
                .toCompletionStage().toCompletableFuture().get(15, TimeUnit.MINUTES);
            int sent = sentSoFar.addAndGet(r.chunk().size());
            long now = System.nanoTime();
            answeredAt[i] = now;
            long last = lastReport.get();
            if (progress && now - last > TimeUnit.SECONDS.toNanos(10) && lastReport.compareAndSet(last, now)) {
              double secs = (now - t0) / 1e9;
              log("  loaded %,d / %,d records in %.0f s (%,.0f records/s so far)", sent, total, secs, sent / secs);
            }
          }
          return null;
        }));
      }
      for (var f : running) f.get();
    } finally {
      workers.shutdownNow();
      client.close();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    int accepted = 0;
    int rejected = 0;
    String firstRejection = null;
    List<SourceKey> keys = new ArrayList<>(total);
    Map<String, Integer> outcomes = new HashMap<>();
    for (int i = 0; i < requests.size(); i++) {
      List<Line> chunk = requests.get(i).chunk();
      String[] lineAnswers = answers[i].toString(StandardCharsets.UTF_8).split("\n");
      if (lineAnswers.length != chunk.size()) {
        throw new IllegalStateException("ingest answered " + lineAnswers.length + " lines for " + chunk.size());
      }
      for (int j = 0; j < lineAnswers.length; j++) {
        JsonObject a = new JsonObject(lineAnswers[j]);
        if ("accepted".equals(a.getString("status"))) {
          accepted++;
          keys.add(chunk.get(j).key());
          outcomes.merge(String.valueOf(a.getString("outcome")), 1, Integer::sum);
        } else {
          rejected++;
          if (firstRejection == null) firstRejection = chunk.get(j).key() + ": " + a.getString("error");
        }
      }
    }
    return new LoadResult(total, accepted, rejected, seconds, keys, outcomes, firstRejection,
        tenths(requests.stream().mapToInt(r -> r.chunk().size()).toArray(), answeredAt, t0));
  }

  /**
   * The seconds each tenth of the records took, from the answer times: whether a big load slows down as its
   * tables grow (later tenths slower) or is slower throughout.
   */
  private static double[] tenths(int[] sizes, long[] answeredAt, long t0) {
    Integer[] order = new Integer[sizes.length];
    for (int i = 0; i < order.length; i++) order[i] = i;
    java.util.Arrays.sort(order, java.util.Comparator.comparingLong(i -> answeredAt[i]));
    long total = java.util.Arrays.stream(sizes).sum();
    double[] tenths = new double[10];
    long done = 0;
    long previous = t0;
    int tenth = 0;
    for (int i : order) {
      done += sizes[i];
      while (tenth < 10 && done * 10 >= total * (tenth + 1)) {
        tenths[tenth++] = (answeredAt[i] - previous) / 1e9;
        previous = answeredAt[i];
      }
    }
    return tenths;
  }

  /** A port that was free a moment ago on 127.0.0.1 (so that several server instances can share it). */
  static int freePort() throws IOException {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** A URI path segment (generated ids are plain, but a space or slash must not break the path). */
  static String segment(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  // ---- little helpers -------------------------------------------------------------------------------------------

  static <T> T await(Future<T> f, long seconds) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(seconds, TimeUnit.SECONDS);
  }

  static long scalar(HubNode node, String sql) throws Exception {
    return await(node.database().pool().query(sql).execute(), 600).iterator().next().getLong(0);
  }

  static void log(String format, Object... args) {
    System.out.printf(Locale.ROOT, "%tT  " + format + "%n", prepend(System.currentTimeMillis(), args));
    System.out.flush();
  }

  private static Object[] prepend(Object first, Object[] rest) {
    Object[] all = new Object[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }

  /** Options as {@code --name value} pairs and bare flags ({@code --flag}); positional arguments under "". */
  static Map<String, List<String>> args(String[] argv) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (int i = 0; i < argv.length; i++) {
      String a = argv[i];
      if (a.startsWith("--")) {
        String name = a.substring(2);
        int eq = name.indexOf('=');
        if (eq >= 0) out.computeIfAbsent(name.substring(0, eq), k -> new ArrayList<>()).add(name.substring(eq + 1));
        else if (i + 1 < argv.length && !argv[i + 1].startsWith("--")) {
          out.computeIfAbsent(name, k -> new ArrayList<>()).add(argv[++i]);
        } else out.computeIfAbsent(name, k -> new ArrayList<>()).add("true");
      } else out.computeIfAbsent("", k -> new ArrayList<>()).add(a);
    }
    return out;
  }

  static int intArg(Map<String, List<String>> args, String name, int dflt) {
    List<String> v = args.get(name);
    return v == null ? dflt : Integer.parseInt(v.get(v.size() - 1).replace("_", "").replace(",", ""));
  }

  static boolean flag(Map<String, List<String>> args, String name) {
    List<String> v = args.get(name);
    return v != null && !"false".equals(v.get(v.size() - 1));
  }

  static void deleteTree(Path dir) {
    if (dir == null || !Files.exists(dir)) return;
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException ignored) {
          // best effort: a temp dir
        }
      });
    } catch (IOException ignored) {
      // best effort
    }
  }
}

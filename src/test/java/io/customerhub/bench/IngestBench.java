package io.customerhub.bench;

import io.customerhub.app.HubNode;
import io.customerhub.config.ConfigLoader;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Row;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.customerhub.bench.BenchSupport.log;

/**
 * Ingest throughput through the HTTP door ({@code POST /api/v1/records/{source}}, NDJSON, batches of 1000: every
 * line validated, standardized, matched probabilistically against the stored records that share a key, linked
 * and committed before the answer) against a plain PostgreSQL {@code COPY} of the same lines into a fresh table
 * on the same embedded PostgreSQL, in the same run.
 *
 * <pre>
 * IngestBench [SIZE ...] [--batch 1000] [--in-flight 2] [--with-orgs] [--seed 42] [--no-pairs] [--pairs-only]
 *             [--warmup 300000] [--rounds 1]
 *   SIZE: identity records per run (default 10000); e.g. "10000 100000" runs both and prints time(100k)/time(10k)
 *   --pairs-only: no hub, no load: only the candidate pairs per record the linker would score at each size
 *   --in-flight: requests sent at once (a loader with two workers by default: while one batch's profiles are
 *                recomputed, the next one links); 1 = one after the other
 *   --warmup: at most this many records loaded first into a node of their own, not counted, until the JIT is
 *     quiet (see warmUp); 0 = none
 *   --rounds: every size this many times, the sizes taking turns (10k, 100k, 10k, 100k, …), so that the machine's
 *     drift over the minutes of a run falls on every size alike; the ratios then compare the sizes' median times
 * </pre>
 * Each size runs on a fresh node (its own temp dir and embedded PostgreSQL), so the sizes do not disturb each
 * other. The COPY baseline is run before and after the hub load (the machine's load drifts; both are printed and
 * their mean is the baseline).
 */
public final class IngestBench {

  /** Figures of one size. */
  record Run(int records, BenchSupport.LoadResult load, double copyBefore, double copyAfter, double copyBatched,
             PairCount pairs) {
    double copyRate() {
      return records / ((copyBefore + copyAfter) / 2);
    }
  }

  public static void main(String[] argv) throws Exception {
    Map<String, List<String>> args = BenchSupport.args(argv);
    List<Integer> sizes = new ArrayList<>();
    for (String s : args.getOrDefault("", List.of("10000"))) {
      sizes.add(Integer.parseInt(s.replace("_", "").replace(",", "")));
    }
    int batch = BenchSupport.intArg(args, "batch", 1000);
    int inFlight = BenchSupport.intArg(args, "in-flight", 2);
    boolean withOrgs = BenchSupport.flag(args, "with-orgs");
    boolean pairs = !BenchSupport.flag(args, "no-pairs");
    int seed = BenchSupport.intArg(args, "seed", 42);
    for (int size : sizes) {
      if (size < 100 || size > 1_000_000) throw new IllegalArgumentException("sizes must lie within 100 .. 1,000,000");
    }
    log("IngestBench: sizes %s, batches of %d, %s, seed %d", sizes, batch, withOrgs ? "persons + organizations"
        : "persons only", seed);
    if (BenchSupport.flag(args, "pairs-only")) {
      // no hub: the candidate pairs the linker would score, per size, from the hub's own standardizer
      for (int size : sizes) {
        logPairs("candidate pairs at " + size, offlinePairs(BenchSupport.identityLines(size, withOrgs, seed), batch));
      }
      System.exit(0);
    }
    int warmup = BenchSupport.intArg(args, "warmup", 300_000);
    if (warmup > 0) warmUp(warmup, batch, inFlight, withOrgs, seed + 1);
    int rounds = BenchSupport.intArg(args, "rounds", 1);
    if (rounds < 1 || rounds > 9) throw new IllegalArgumentException("--rounds must lie within 1 .. 9");
    Map<Integer, List<Run>> runs = new LinkedHashMap<>();
    for (int round = 1; round <= rounds; round++) {
      for (int size : sizes) {
        if (rounds > 1) log("round %d of %d, %,d records", round, rounds, size);
        // the candidate-pair counts depend on the data only: once per size is enough
        runs.computeIfAbsent(size, k -> new ArrayList<>()).add(run(size, batch, inFlight, withOrgs, seed,
            pairs && round == 1));
        report(runs);
      }
    }
    System.exit(0);
  }

  /**
   * Loads up to {@code max} records (another seed) into nodes of their own, a fresh node every 30,000 records, in
   * slices of 10,000, until the JIT compilers take less than 5% of the time of two slices in a row. On two cores C2
   * keeps compiling the hub's code for minutes: measured during that, the smallest size would be slowed most and
   * time(big)/time(small) would look better than the hub is. Fresh nodes, because the measured loads start on
   * fresh nodes: an empty database and an untrained model take paths a node that has grown past them no longer
   * takes, and C2 would compile them (again) during the measurement.
   */
  private static void warmUp(int max, int batch, int inFlight, boolean withOrgs, int seed) throws Exception {
    int slice = 10_000, perNode = 30_000;
    log("JIT warm-up: up to %,d records on nodes of their own (a fresh one every %,d), in slices of %,d, until "
        + "compiling takes < 5%% of two slices in a row; not counted", max, perNode, slice);
    List<BenchSupport.Line> all = new ArrayList<>();
    BenchSupport.identityLines(max, withOrgs, seed).values().forEach(all::addAll);
    java.util.Collections.shuffle(all, new java.util.Random(seed)); // each slice mixes the sources like a real feed
    var jit = java.lang.management.ManagementFactory.getCompilationMXBean();
    int quiet = 0;
    for (int round = 0; round < all.size(); round += perNode) {
      try (BenchSupport.Node node = BenchSupport.Node.start("warmup")) {
        for (int from = round; from < Math.min(all.size(), round + perNode); from += slice) {
          Map<String, List<BenchSupport.Line>> part = new LinkedHashMap<>();
          for (BenchSupport.Line l : all.subList(from, Math.min(all.size(), from + slice))) {
            part.computeIfAbsent(l.source(), k -> new ArrayList<>()).add(l);
          }
          long compiled = jit.getTotalCompilationTime();
          BenchSupport.LoadResult r = BenchSupport.load(node.hub, part, batch, inFlight, false);
          double share = (jit.getTotalCompilationTime() - compiled) / 1000.0 / r.seconds();
          log("  warm-up slice %,d: %,.0f records/s, compiling %.0f%% of the time", from / slice + 1, r.perSecond(),
              share * 100);
          // two quiet slices in a row: one alone happens while C2 is still working through its queue
          quiet = share < 0.05 ? quiet + 1 : 0;
          if (quiet == 2) return;
        }
      }
    }
    log("  the JIT was still compiling after %,d records: the figures below are not steady state", all.size());
  }

  private static Run run(int size, int batch, int inFlight, boolean withOrgs, int seed, boolean pairs)
      throws Exception {
    var lines = BenchSupport.identityLines(size, withOrgs, seed);
    if (pairs) logPairs("candidate pairs (offline, predicted)", offlinePairs(lines, batch));
    try (BenchSupport.Node node = BenchSupport.Node.start("ingest-" + size)) {
      String jdbc = jdbcUrl(node.hub);
      PgConnectOptions o = node.hub.database().options();
      double before;
      double batched;
      try (Connection c = DriverManager.getConnection(jdbc, o.getUser(), o.getPassword())) {
        before = copy(c, lines, 0);
        batched = copy(c, lines, batch);
      }
      log("COPY baseline (before): %,d rows in %.2f s = %,.0f rows/s; as COPYs of %d rows each: %.2f s = %,.0f rows/s",
          size, before, size / before, batch, batched, size / batched);

      log("loading %,d identity records (%s) through POST /api/v1/records/{source}, batches of %d, %d in flight …",
          size, BenchSupport.sizes(lines), batch, inFlight);
      long heapBefore = usedHeapAfterGc();
      String walBefore = walPosition(node.hub);
      CpuMeter cpuBefore = CpuMeter.read(node.hub);
      Profiler profiler = Profiler.start(size);
      BenchSupport.LoadResult load = BenchSupport.load(node.hub, lines, batch, inFlight, true);
      profiler.stop();
      log("CPU per record: %s", CpuMeter.read(node.hub).perRecordSince(cpuBefore, size));
      logWal(node.hub, walBefore, size);
      log("hub load: %,d records in %.1f s = %,.0f records/s (%,d accepted %s, %,d rejected%s)", load.sent(),
          load.seconds(), load.perSecond(), load.accepted(), load.outcomes(), load.rejected(),
          load.firstRejection() == null ? "" : "; first: " + load.firstRejection());
      log("seconds per tenth of the load: %s", load.tenthsText());
      logPhases(node.hub);
      logRowSizes(node.hub);
      logMemory(node.hub, lines, heapBefore);

      double after;
      try (Connection c = DriverManager.getConnection(jdbc, o.getUser(), o.getPassword())) {
        after = copy(c, lines, 0);
      }
      log("COPY baseline (after):  %,d rows in %.2f s = %,.0f rows/s", size, after, size / after);
      PairCount p = pairs ? storedPairs(node.hub, lines, batch, node.config.resolve().maxCandidatesPerKey()) : null;
      if (p != null) logPairs("candidate pairs (stored match keys)", p);
      return new Run(size, load, before, after, batched, p);
    }
  }

  /** Where the hub's time went, from its own meters: seconds per phase over the whole load, and live candidates. */
  private static void logPhases(HubNode node) {
    var registry = node.services().metrics().registry();
    StringBuilder sb = new StringBuilder("time per phase (s, summed over batches):");
    registry.find("hub.resolve.phase").timers().stream()
        .sorted(java.util.Comparator.comparing(t -> -t.totalTime(java.util.concurrent.TimeUnit.SECONDS)))
        .forEach(t -> sb.append(String.format(" %s=%.2f", t.getId().getTag("phase"),
            t.totalTime(java.util.concurrent.TimeUnit.SECONDS))));
    log("%s", sb);
    double linked = registry.counter("hub.resolve.linked.records").count();
    double scored = registry.counter("hub.resolve.scored.pairs").count();
    log("live metrics: %,.0f records linked, %,.0f candidate pairs scored = %.2f per record; capped blocks %,.0f",
        linked, scored, linked == 0 ? 0 : scored / linked, registry.counter("hub.resolve.blocks.capped").count());
  }

  /**
   * CPU profile of the measured loads only (not the warm-up), when {@code -Dbench.profile=FILE} is set and
   * async-profiler is on the classpath with its agent loaded ({@code -agentpath:.../libasyncProfiler.so}):
   * collapsed stacks per thread, for flame graphs or a quick sum.
   */
  private record Profiler(Object instance, String file) {
    static final Profiler NONE = new Profiler(null, null);

    /** Profiles the load of {@code size} records into {@code FILE-size}; {@code -Dbench.event=alloc} for memory. */
    static Profiler start(int size) throws Exception {
      String file = System.getProperty("bench.profile");
      if (file == null) return NONE;
      Object p = Class.forName("one.profiler.AsyncProfiler").getMethod("getInstance").invoke(null);
      String event = System.getProperty("bench.event", "cpu");
      p.getClass().getMethod("execute", String.class).invoke(p,
          "start,event=" + event + (event.equals("cpu") ? ",interval=2ms" : ""));
      return new Profiler(p, file + "-" + size);
    }

    void stop() throws Exception {
      if (instance == null) return;
      instance.getClass().getMethod("execute", String.class).invoke(instance, "stop,threads,collapsed,file=" + file);
      log("CPU profile of the load written to %s", file);
    }
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    return java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /**
   * Memory the load left behind in this JVM (the node's Hazelcast member lives in it): heap growth after full
   * collections, and what Hazelcast counts for the entries and near caches of its two maps, against the bytes of
   * the NDJSON input as the baseline.
   */
  private static void logMemory(HubNode node, Map<String, List<BenchSupport.Line>> lines, long heapBefore)
      throws InterruptedException {
    long heapGrowth = usedHeapAfterGc() - heapBefore;
    long input = lines.values().stream().flatMap(List::stream)
        .mapToLong(l -> l.json().getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 1L).sum();
    var hz = ((io.vertx.spi.cluster.hazelcast.HazelcastClusterManager)
        ((io.vertx.core.internal.VertxInternal) node.vertx()).clusterManager()).getHazelcastInstance();
    StringBuilder maps = new StringBuilder();
    long cache = 0;
    for (String name : List.of(io.customerhub.cache.ProfileCache.ROUTING, io.customerhub.cache.ProfileCache.PROFILES)) {
      var stats = hz.getMap(name).getLocalMapStats();
      long near = stats.getNearCacheStats() == null ? 0 : stats.getNearCacheStats().getOwnedEntryMemoryCost();
      cache += stats.getOwnedEntryMemoryCost() + near;
      maps.append(String.format(Locale.ROOT, " %s %,d entries %.1f MB (+ near cache %.1f MB);", name,
          stats.getOwnedEntryCount(), stats.getOwnedEntryMemoryCost() / 1e6, near / 1e6));
    }
    int records = BenchSupport.count(lines);
    log("memory: heap grew %.1f MB over the load (%,d bytes per record) for %.1f MB of NDJSON input (%.2fx);"
            + "%s cache %,d bytes per record (%.2fx the input)", heapGrowth / 1e6, heapGrowth / records, input / 1e6,
        heapGrowth / (double) input, maps, cache / records, cache / (double) input);
  }

  private static String walPosition(HubNode node) throws Exception {
    return BenchSupport.await(node.database().pool().query("select pg_current_wal_lsn()::text").execute(), 60)
        .iterator().next().getString(0);
  }

  /**
   * The write-ahead log the load made PostgreSQL write, per record: every row, index entry and (after each
   * checkpoint) full page image it changed; steadier from run to run than the seconds, which drift with the machine.
   */
  private static void logWal(HubNode node, String before, int records) throws Exception {
    double bytes = BenchSupport.await(node.database().pool()
        .preparedQuery("select pg_wal_lsn_diff(pg_current_wal_lsn(), $1::text::pg_lsn)::float8")
        .execute(io.vertx.sqlclient.Tuple.of(before)), 60).iterator().next().getDouble(0);
    log("write-ahead log written by the load: %.1f MB, %,.0f bytes per record", bytes / 1e6, bytes / records);
  }

  /** What the load wrote per record: average stored sizes (bytes, after compression) of the widest columns. */
  private static void logRowSizes(HubNode node) throws Exception {
    String sql = """
        select (select avg(pg_column_size(canonical))::int from source_record),
               (select avg(pg_column_size(raw))::int from source_record),
               (select avg(pg_column_size(standard))::int from source_record),
               (select avg(pg_column_size(body))::int from profile),
               (select avg(pg_column_size(payload))::int from outbox),
               (select avg(pg_column_size(match))::int from crosswalk),
               (select coalesce(sum(cardinality(key_hashes)), 0) from source_record)::float8
                 / greatest(1, (select count(*) from source_record)),
               pg_size_pretty(pg_database_size(current_database()))""";
    Row r = BenchSupport.await(node.database().pool().query(sql).execute(), 600).iterator().next();
    log("stored per record (avg bytes): canonical %s, raw %s, standard %s, profile body %s, outbox payload %s, "
        + "crosswalk match %s; match keys per record %.2f; database %s", r.getValue(0), r.getValue(1), r.getValue(2),
        r.getValue(3), r.getValue(4), r.getValue(5), r.getDouble(6), r.getString(7));
  }

  private static String jdbcUrl(HubNode node) {
    PgConnectOptions o = node.database().options();
    return "jdbc:postgresql://" + o.getHost() + ":" + o.getPort() + "/" + o.getDatabase();
  }

  /**
   * COPYs the lines into a fresh {@code copy_baseline(source text, source_id text, body json)} (dropped and
   * created before the clock starts) and commits; {@code perCopy} 0 means one COPY of all rows, otherwise one
   * COPY and commit per {@code perCopy} rows. Returns the seconds from the first row sent to the last commit.
   */
  static double copy(Connection c, Map<String, List<BenchSupport.Line>> lines, int perCopy) throws Exception {
    c.setAutoCommit(true);
    try (Statement s = c.createStatement()) {
      s.execute("drop table if exists copy_baseline");
      s.execute("create table copy_baseline(source text, source_id text, body json)");
    }
    c.setAutoCommit(false);
    CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
    List<BenchSupport.Line> all = new ArrayList<>();
    lines.values().forEach(all::addAll);
    int chunk = perCopy <= 0 ? all.size() : perCopy;
    // the CSV text is built before the clock starts: the baseline is what PostgreSQL does with the rows
    List<String> csv = new ArrayList<>();
    for (int from = 0; from < all.size(); from += chunk) {
      StringBuilder sb = new StringBuilder(chunk * 600);
      for (BenchSupport.Line l : all.subList(from, Math.min(all.size(), from + chunk))) {
        sb.append(csvField(l.source())).append(',').append(csvField(l.sourceId())).append(',')
            .append(csvField(l.json())).append('\n');
      }
      csv.add(sb.toString());
    }
    long rows = 0;
    long t0 = System.nanoTime();
    for (String text : csv) {
      try (Reader r = new StringReader(text)) {
        rows += copy.copyIn("copy copy_baseline (source, source_id, body) from stdin with (format csv)", r);
      }
      c.commit();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    c.setAutoCommit(true);
    if (rows != all.size()) throw new SQLException("COPY wrote " + rows + " rows, expected " + all.size());
    return seconds;
  }

  private static String csvField(String s) {
    return '"' + s.replace("\"", "\"\"") + '"';
  }

  /**
   * The candidate-pair counts of what is stored: the key hashes of each record, in the order and batches the
   * bench sent the records in.
   */
  static PairCount storedPairs(HubNode node, Map<String, List<BenchSupport.Line>> lines, int batch, int cap)
      throws Exception {
    Map<String, List<String>> byRecord = new HashMap<>();
    for (Row r : BenchSupport.await(node.database().pool()
        .query("select source || ':' || source_id, h::text from source_record, unnest(key_hashes) as h").execute(),
        600)) {
      byRecord.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(r.getString(1));
    }
    List<PairCount.Rec> recs = new ArrayList<>();
    int b = 0;
    for (List<BenchSupport.Line> list : lines.values()) {
      for (int i = 0; i < list.size(); i++) {
        if (i % batch == 0) b++;
        List<String> keys = byRecord.get(list.get(i).key().asString());
        if (keys != null) recs.add(new PairCount.Rec(list.get(i).key(), b, keys));
      }
    }
    return PairCount.of(recs, cap);
  }

  /** The same counts computed offline from the lines (the hub's own decoder and standardizer), no hub needed. */
  static PairCount offlinePairs(Map<String, List<BenchSupport.Line>> lines, int batch) {
    Path conf = Path.of("conf");
    int cap = ConfigLoader.load(conf.resolve("hub.json"), Map.of()).resolve().maxCandidatesPerKey();
    return PairCount.of(PairCount.offlineKeys(lines, conf, batch), cap);
  }

  static void logPairs(String what, PairCount p) {
    log("%s: %,d records, %,d match keys; pairs the linker scores %,d (%.2f per record; without the per-key cap "
            + "%.2f); per-key pairs %.2f per record; candidate rows fetched %.2f per record; biggest block %,d, "
            + "blocks over the cap %d; top: %s; rows per record by rule: %s", what, p.records(), p.keyRows(),
        p.linkerPairs(), p.linkerPerRecord(), p.distinctPerRecord(), p.keyPairsPerRecord(), p.rowsPerRecord(),
        p.maxBlock(), p.overCap(), p.biggest(), p.rowsByRule());
  }

  private static void report(Map<Integer, List<Run>> runs) {
    System.out.println();
    System.out.println("=== IngestBench result ===");
    System.out.printf(Locale.ROOT, "%9s %5s %9s %11s %10s %11s %9s %9s %10s %10s %9s%n", "records", "round", "hub s",
        "hub rec/s", "COPY s", "COPY rec/s", "hub/COPY", "pairs/rec", "uncapped", "rows/rec", "max block");
    for (List<Run> list : runs.values()) {
      for (int i = 0; i < list.size(); i++) {
        Run r = list.get(i);
        double copySeconds = (r.copyBefore() + r.copyAfter()) / 2;
        PairCount p = r.pairs();
        System.out.printf(Locale.ROOT, "%,9d %5d %9.1f %,11.0f %10.2f %,11.0f %9.3f %9s %10s %10s %9s%n", r.records(),
            i + 1, r.load().seconds(), r.load().perSecond(), copySeconds, r.copyRate(),
            r.load().perSecond() / r.copyRate(),
            p == null ? "-" : String.format(Locale.ROOT, "%.2f", p.linkerPerRecord()),
            p == null ? "-" : String.format(Locale.ROOT, "%.2f", p.distinctPerRecord()),
            p == null ? "-" : String.format(Locale.ROOT, "%.2f", p.rowsPerRecord()),
            p == null ? "-" : String.valueOf(p.maxBlock()));
      }
    }
    for (List<Run> list : runs.values()) {
      Run first = list.get(0);
      double[] ratios = list.stream().mapToDouble(r -> r.load().perSecond() / r.copyRate()).toArray();
      double ratio = median(ratios);
      System.out.printf(Locale.ROOT, "%,d records: hub/COPY = %.4f%s (target >= 0.3: %s); COPY per %d-row batch would "
              + "be %,.0f rows/s%s%n", first.records(), ratio, list.size() > 1 ? " (median of " + list.size() + ")" : "",
          ratio >= 0.3 ? "MET" : "NOT MET", 1000, first.records() / first.copyBatched(),
          first.pairs() == null ? "" : String.format(Locale.ROOT, "; keys over the per-key cap: %d",
              first.pairs().overCap()));
    }
    List<List<Run>> sizes = new ArrayList<>(runs.values());
    for (List<Run> smallRuns : sizes) {
      for (List<Run> bigRuns : sizes) {
        int small = smallRuns.get(0).records(), big = bigRuns.get(0).records();
        if (big <= small) continue;
        double linear = big / (double) small;
        double limit = linear * 1.1;
        double ratio = median(seconds(bigRuns)) / median(seconds(smallRuns));
        StringBuilder each = new StringBuilder();
        for (int i = 0; i < Math.min(smallRuns.size(), bigRuns.size()) && smallRuns.size() > 1; i++) {
          each.append(each.length() == 0 ? "; round by round " : ", ").append(String.format(Locale.ROOT, "%.2f",
              bigRuns.get(i).load().seconds() / smallRuns.get(i).load().seconds()));
        }
        System.out.printf(Locale.ROOT, "time(%,d)/time(%,d) = %.2f%s (linear %.1f; target <= %.1f: %s)%s%n", big, small,
            ratio, smallRuns.size() > 1 || bigRuns.size() > 1 ? " from the median times" : "", linear, limit,
            ratio <= limit ? "MET" : "NOT MET", each);
      }
    }
    System.out.flush();
  }

  private static double[] seconds(List<Run> runs) {
    return runs.stream().mapToDouble(r -> r.load().seconds()).toArray();
  }

  private static double median(double[] xs) {
    double[] sorted = xs.clone();
    java.util.Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}

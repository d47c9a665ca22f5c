package io.customerhub.bench;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.customerhub.cache.HazelcastConfigs;
import io.customerhub.cache.ProfileCache;
import io.customerhub.cache.VersionedPut;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static io.customerhub.bench.BenchSupport.log;

/**
 * The process CPU and time per key of a commit's cache writes on one Hazelcast member (loopback), as a batch of
 * ingest sends them: {@link ProfileCache#write} (one completion for the caller however many keys) against the
 * baseline of one Vert.x future per key gathered by {@code Future.all} (how it wrote them before), in the same run,
 * taking turns.
 * <pre>
 * CacheWriteBench [--batches 100] [--keys 2000] [--rounds 6]
 * </pre>
 */
public final class CacheWriteBench {

  public static void main(String[] argv) throws Exception {
    Map<String, List<String>> args = BenchSupport.args(argv);
    int batches = BenchSupport.intArg(args, "batches", 100);
    int keys = BenchSupport.intArg(args, "keys", 2000);
    int rounds = BenchSupport.intArg(args, "rounds", 6);
    if (batches < 1 || batches > 10_000 || keys < 1 || keys > 100_000 || rounds < 1 || rounds > 50) {
      throw new IllegalArgumentException("--batches 1..10000, --keys 1..100000, --rounds 1..50");
    }
    HazelcastInstance hz = Hazelcast.newHazelcastInstance(HazelcastConfigs.member("cache-bench-" + System.nanoTime(),
        HazelcastConfigs.LOOPBACK_MEMBERS, 5991));
    Vertx vertx = Vertx.vertx();
    ProfileCache cache = new ProfileCache(vertx, hz);
    IMap<String, String> routing = hz.getMap(ProfileCache.ROUTING);
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    String answer = "x".repeat(140); // a routing answer's size
    long[] version = {1};
    log("CacheWriteBench: %d batches of %,d keys, %d rounds, one member on loopback", batches, keys, rounds);
    Map<String, List<double[]>> figures = new java.util.LinkedHashMap<>();
    for (int round = 1; round <= rounds; round++) {
      for (String way : List.of("one future per key (baseline)", "ProfileCache.write")) {
        Function<Integer, Future<Void>> batch = b -> {
          long v = version[0]++;
          List<ProfileCache.ProfileState> states = new ArrayList<>(keys);
          for (int k = 0; k < keys; k++) {
            // twenty key sets, written over and over: the map stays small, each write replaces an entry
            states.add(new ProfileCache.ProfileState("p" + k, v, null, Set.of("s:" + (b % 20) + "-" + k), answer));
          }
          return way.startsWith("ProfileCache") ? cache.write(states, Map.of(), List.of())
              : perKey(vertx, routing, states);
        };
        long cpu0 = os.getProcessCpuTime(), t0 = System.nanoTime();
        for (int b = 0; b < batches; b++) {
          CompletableFuture<Void> done = new CompletableFuture<>();
          int at = b;
          vertx.runOnContext(x -> batch.apply(at).onComplete(r -> done.complete(null)));
          done.get(1, TimeUnit.MINUTES);
        }
        double n = (double) batches * keys;
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e3 / n, time = (System.nanoTime() - t0) / 1e3 / n;
        log("round %d %-30s CPU %6.2f µs/key, time %6.2f µs/key", round, way, cpu, time);
        // the first round warms the JIT up for both
        if (round > 1 || rounds == 1) figures.computeIfAbsent(way, k -> new ArrayList<>()).add(new double[] {cpu, time});
      }
    }
    List<List<double[]>> ways = new ArrayList<>(figures.values());
    System.out.printf("%nProfileCache.write / one future per key, medians of the rounds after the first: CPU %.2f, "
        + "time %.2f%n", median(ways.get(1), 0) / median(ways.get(0), 0), median(ways.get(1), 1) / median(ways.get(0), 1));
    vertx.close();
    hz.shutdown();
    System.exit(0);
  }

  private static double median(List<double[]> rows, int column) {
    double[] values = rows.stream().mapToDouble(r -> r[column]).sorted().toArray();
    return values[values.length / 2];
  }

  /** The baseline: each key's write completes a promise of the caller's context, gathered by Future.all. */
  private static Future<Void> perKey(Vertx vertx, IMap<String, String> map, List<ProfileCache.ProfileState> states) {
    List<Future<?>> writes = new ArrayList<>(states.size());
    for (ProfileCache.ProfileState s : states) {
      for (String key : s.sourceKeys()) {
        Promise<Boolean> promise = ((ContextInternal) vertx.getOrCreateContext()).promise();
        map.submitToKey(key, new VersionedPut(s.version(), s.profileId(), s.routingAnswer()))
            .whenCompleteAsync((applied, failure) -> {
              if (failure != null) promise.fail(failure);
              else promise.complete(applied);
            }, Runnable::run);
        writes.add(promise.future());
      }
    }
    return Future.all(writes).mapEmpty();
  }
}

package io.customerhub.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which blocking rules cost the candidate pairs: for SIZE generated identity records, the sum over keys of
 * n(n-1)/2 per key kind (the prefix before ':'), per record, and each kind's biggest block. Usage:
 * {@code java … io.customerhub.bench.BlockStats 100000}.
 */
public final class BlockStats {

  public static void main(String[] args) {
    int size = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    List<PairCount.Rec> recs = PairCount.offlineKeys(BenchSupport.identityLines(size, false, 42), Path.of("conf"), 1000);
    Map<String, Integer> sizes = new HashMap<>();
    for (PairCount.Rec r : recs) for (String k : r.keys()) sizes.merge(k, 1, Integer::sum);
    Map<String, long[]> byKind = new TreeMap<>();
    sizes.forEach((k, n) -> {
      String kind = k.substring(0, Math.max(0, k.indexOf(':')));
      long[] s = byKind.computeIfAbsent(kind, x -> new long[3]);
      s[0] += (long) n * (n - 1) / 2;
      s[1] = Math.max(s[1], n);
      s[2]++;
    });
    System.out.printf("%d records%n%-6s %12s %10s %10s%n", recs.size(), "kind", "pairs/rec", "maxBlock", "keys");
    byKind.forEach((kind, s) -> System.out.printf("%-6s %12.2f %10d %10d%n", kind, s[0] / (double) recs.size(), s[1], s[2]));
  }
}

package io.customerhub.resolve.match;

import io.customerhub.resolve.standardize.BlockingKeys;
import io.customerhub.resolve.standardize.StandardRecord;
import io.customerhub.resolve.standardize.StandardizerConfig;
import io.customerhub.support.Parallel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Candidate pairs from the blocking keys stored with each record ({@link StandardRecord#blockingKeys()}).
 * A block holding more than {@code maxBlockSize} records (a common surname in a common birth year, a shared
 * company switchboard number) is not paired all-with-all: its records are sorted by name and birth date and
 * each is paired with its next {@code blockWindow} neighbours. So candidate pairs grow linearly with the
 * records (at most keys x window per record for big blocks), and the oversized blocks are reported.
 */
public final class Blocker {

  /** Candidate pairs as {@code (i << 32) | j} with i < j (indexes into the input list), sorted, distinct. */
  public record Candidates(long[] pairs, Map<String, Integer> oversizedBlocks, int blocks) {

    public int size() {
      return pairs.length;
    }

    public static int left(long pair) {
      return (int) (pair >>> 32);
    }

    public static int right(long pair) {
      return (int) pair;
    }
  }

  private static final Comparator<StandardRecord> NEIGHBOUR_ORDER = Comparator
      .comparing(StandardRecord::familyKey, Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparing(StandardRecord::givenKey, Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparing(StandardRecord::birthDate, Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparing(StandardRecord::key);

  private final int maxBlockSize;
  private final int window;
  private final StandardizerConfig batchRules;

  public Blocker(MatchingConfig cfg) {
    this.maxBlockSize = cfg.maxBlockSize();
    this.window = cfg.blockWindow();
    this.batchRules = cfg.standardizer().forBatch();
  }

  /** True when a block of this size is too big to be paired all-with-all (online lookups should cap too). */
  public boolean oversized(int blockSize) {
    return blockSize > maxBlockSize;
  }

  /** Candidate pairs by the keys stored with each record (the ones online linking looks up). */
  public Candidates candidates(List<StandardRecord> records) {
    return candidates(records, records.stream().map(StandardRecord::blockingKeys).toList());
  }

  /**
   * The keys of a pass over all records at once (training, re-resolution): recomputed with the rules in force
   * plus the batch rules. A batch rule's blocks may grow with the data (a name sound and a birth year): looked up
   * for every record linked online they would slow ingest, but scored once in a batch pass they cost seconds.
   */
  public List<List<String>> batchKeys(List<StandardRecord> records) {
    return Parallel.concat(records.size(), (from, to) -> {
      List<List<String>> keys = new ArrayList<>(to - from);
      for (int i = from; i < to; i++) keys.add(BlockingKeys.of(batchRules, records.get(i)));
      return keys;
    });
  }

  /** Candidate pairs of records by the keys given for each (same order). */
  public Candidates candidates(List<StandardRecord> records, List<List<String>> keys) {
    record Part(LongList pairs, Map<String, Integer> oversized) {
    }
    KeyGroups.Grouped<Part> grouped = KeyGroups.collect(keys, () -> new Part(new LongList(), new LinkedHashMap<>()),
        (part, key, ids) -> pairBlock(records, key, ids, part.pairs(), part.oversized()));
    Map<String, Integer> oversized = new LinkedHashMap<>();
    for (Part part : grouped.parts()) oversized.putAll(part.oversized());
    long[] pairs = LongList.sortedDistinct(grouped.parts().stream().map(Part::pairs).toList());
    return new Candidates(pairs, oversized, grouped.distinct());
  }

  private void pairBlock(List<StandardRecord> records, String key, List<Integer> ids, LongList pairs,
                         Map<String, Integer> oversized) {
    if (ids.size() > BlockingKeys.skippedAbove(key, window)) {
      // a name many records share, and little else: their other keys (a birth date, an address) pair the ones
      // that are one customer; paired by neighbourhood, a few common names made most of a pass's pairs. The keys
      // of records that have no other are thinned instead: each record with its next few in name order
      oversized.put(key, ids.size());
      int neighbours = BlockingKeys.thinnedNeighbours(key);
      if (neighbours > 0) neighbourhood(records, ids, neighbours, pairs);
      return;
    }
    if (oversized(ids.size())) {
      oversized.put(key, ids.size());
      neighbourhood(records, ids, window, pairs);
    } else {
      for (int x = 0; x < ids.size(); x++) {
        for (int y = x + 1; y < ids.size(); y++) pairs.add(pair(ids.get(x), ids.get(y)));
      }
    }
  }

  /** Sorted neighbourhood: each record with the next {@code neighbours} in name order. */
  private static void neighbourhood(List<StandardRecord> records, List<Integer> ids, int neighbours, LongList pairs) {
    ids.sort(Comparator.comparing(records::get, NEIGHBOUR_ORDER));
    for (int x = 0; x < ids.size(); x++) {
      for (int y = x + 1; y <= Math.min(ids.size() - 1, x + neighbours); y++) pairs.add(pair(ids.get(x), ids.get(y)));
    }
  }

  static long pair(int i, int j) {
    int lo = Math.min(i, j);
    int hi = Math.max(i, j);
    return ((long) lo << 32) | (hi & 0xffffffffL);
  }

  /** A growable long array: candidate sets reach millions of pairs, too many to box. */
  private static final class LongList {
    private long[] data = new long[64];
    private int size;

    void add(long v) {
      if (size == data.length) data = Arrays.copyOf(data, size * 2);
      data[size++] = v;
    }

    /** The values of all the lists, sorted, each once: copied into one array sized for them all. */
    static long[] sortedDistinct(List<LongList> lists) {
      int total = 0;
      for (LongList l : lists) total += l.size;
      long[] a = new long[total];
      int at = 0;
      for (LongList l : lists) {
        System.arraycopy(l.data, 0, a, at, l.size);
        at += l.size;
      }
      Arrays.parallelSort(a);
      int n = 0;
      for (int i = 0; i < a.length; i++) if (i == 0 || a[i] != a[i - 1]) a[n++] = a[i];
      return Arrays.copyOf(a, n);
    }
  }
}

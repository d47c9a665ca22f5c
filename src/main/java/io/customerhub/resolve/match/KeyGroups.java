package io.customerhub.resolve.match;

import io.customerhub.support.Parallel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * The records under each distinct blocking key of a pass over all records (training, re-resolution): some ten
 * keys for each of hundreds of thousands of records. Grouped by sorting one array of numbers (a 64-bit hash of
 * the key above the entry's number) instead of filling a hash map of key texts, which spent most of its time
 * waiting on memory; keys whose hashes agree are told apart by their texts, so the blocks are exact.
 */
final class KeyGroups {

  private KeyGroups() {
  }

  /**
   * One block: its key and the records holding it, ascending (a record holding a key twice is there twice),
   * handed to the accumulator of the range it fell in.
   */
  interface BlockInto<A> {
    void accept(A part, String key, List<Integer> records);
  }

  /** What every range of blocks gave, in the order of the ranges, and the number of distinct keys. */
  record Grouped<A>(List<A> parts, int distinct) {
  }

  /**
   * The blocks of every key held by two or more entries, handed out on every core: each range of the sorted
   * entries gets an accumulator of its own from {@code part}, and {@code block} adds that range's blocks to it.
   */
  static <A> Grouped<A> collect(List<List<String>> keys, Supplier<A> part, BlockInto<A> block) {
    return collect(keys, part, block, KeyGroups::hash);
  }

  static <A> Grouped<A> collect(List<List<String>> keys, Supplier<A> part, BlockInto<A> block,
                                ToLongFunction<String> hash) {
    int total = 0;
    for (List<String> k : keys) total += k.size();
    int[] recordOf = new int[total];
    String[] keyOf = new String[total];
    int e = 0;
    for (int r = 0; r < keys.size(); r++) {
      for (String k : keys.get(r)) {
        recordOf[e] = r;
        keyOf[e++] = k;
      }
    }
    long low = (1L << Math.max(1, 32 - Integer.numberOfLeadingZeros(total))) - 1; // room for every entry's number
    long[] packed = new long[total];
    Parallel.forEach(total, (from, to) -> {
      for (int i = from; i < to; i++) packed[i] = (hash.applyAsLong(keyOf[i]) & ~low) | i;
    });
    Arrays.parallelSort(packed);
    int size = total;
    // a range takes the groups of entries that begin in it, to their ends
    record Range<A>(A part, int distinct) {
    }
    List<Range<A>> ranges = Parallel.ranges(size, (from, to) -> {
      A acc = part.get();
      int distinct = 0;
      int start = from;
      while (start > 0 && start < to && code(packed, start, low) == code(packed, start - 1, low)) start++;
      for (int end; start < to; start = end) {
        long code = code(packed, start, low);
        end = start + 1;
        while (end < size && code(packed, end, low) == code) end++;
        distinct += emit(packed, start, end, low, recordOf, keyOf, block, acc);
      }
      return new Range<>(acc, distinct);
    });
    List<A> parts = new ArrayList<>(ranges.size());
    int distinct = 0;
    for (Range<A> r : ranges) {
      parts.add(r.part());
      distinct += r.distinct();
    }
    return new Grouped<>(parts, distinct);
  }

  private static long code(long[] packed, int i, long low) {
    return packed[i] & ~low;
  }

  /** The blocks of entries {@code [start, end)}, which share a hash: one key, unless two texts met by chance. */
  private static <A> int emit(long[] packed, int start, int end, long low, int[] recordOf, String[] keyOf,
                               BlockInto<A> block, A acc) {
    String first = keyOf[(int) (packed[start] & low)];
    boolean one = true;
    for (int i = start + 1; i < end && one; i++) one = keyOf[(int) (packed[i] & low)].equals(first);
    if (one) {
      if (end - start >= 2) block.accept(acc, first, records(packed, start, end, low, recordOf));
      return 1;
    }
    Map<String, List<Integer>> byText = new LinkedHashMap<>();
    for (int i = start; i < end; i++) {
      int entry = (int) (packed[i] & low);
      byText.computeIfAbsent(keyOf[entry], k -> new ArrayList<>()).add(recordOf[entry]);
    }
    byText.forEach((key, records) -> {
      if (records.size() >= 2) block.accept(acc, key, records);
    });
    return byText.size();
  }

  private static List<Integer> records(long[] packed, int start, int end, long low, int[] recordOf) {
    List<Integer> out = new ArrayList<>(end - start);
    for (int i = start; i < end; i++) out.add(recordOf[(int) (packed[i] & low)]);
    return out;
  }

  /** FNV-1a over the key's characters, its high bits spread: the hash the grouping sorts by. */
  static long hash(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    return h ^ (h >>> 29);
  }
}

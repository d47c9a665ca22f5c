package io.customerhub.app;

import java.util.Locale;
import java.util.Optional;

/**
 * Whether a node's heap fits the records it holds, said at start, when the candidate index is loaded: a node keeps
 * every stored identity record in memory (the candidate index, its share of the Hazelcast cache, the name counts),
 * about {@link #BYTES_PER_RECORD} bytes each on top of {@link #BASE_BYTES} (measured by {@code bench/ingest.sh}:
 * the heap grew 1,800–2,200 bytes per record over loads of 100,000 and 1,000,000). A heap too small for them is
 * found out by the garbage collector, as long pauses and then an out-of-memory error; this says it first.
 */
final class HeapAdvice {

  static final long BYTES_PER_RECORD = 2_200;
  static final long BASE_BYTES = 1L << 30;
  /** Room left for batches in flight, trainings and reads; a heap fuller than this after the load is too small. */
  static final double FULL = 0.6;

  private HeapAdvice() {
  }

  /** A warning when {@code records} stored identity records need more than {@link #FULL} of {@code maxHeap}. */
  static Optional<String> check(long records, long maxHeap) {
    long needed = BASE_BYTES + records * BYTES_PER_RECORD;
    if (needed <= FULL * maxHeap) return Optional.empty();
    long advisedGb = (long) Math.ceil(needed / FULL / (1L << 30));
    return Optional.of(String.format(Locale.ROOT, "the heap (%.1f GB) is small for a node holding %,d stored identity "
        + "records: a node needs 1 GB, and about %,d bytes more for each record it holds; give it %d GB or more, e.g. "
        + "HUB_JAVA_OPTS=\"-Xms%dg -Xmx%dg -XX:+AlwaysPreTouch\"", maxHeap / (double) (1L << 30), records,
        BYTES_PER_RECORD, advisedGb, advisedGb, advisedGb));
  }
}

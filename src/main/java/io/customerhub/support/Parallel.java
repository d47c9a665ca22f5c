package io.customerhub.support;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * CPU work over all records at once (blocking, training, scoring a re-resolution), split into ranges of a fixed
 * size that run on the common fork-join pool and the calling thread, so that a pass uses every core. The ranges
 * depend on the size alone, never on the number of threads, and the results come back in range order: a pass
 * gives the same answer on any machine, however its ranges were scheduled.
 */
public final class Parallel {

  /** Items per range: big enough that handing a range to a thread costs little, small enough to balance. */
  static final int RANGE = 4096;

  private Parallel() {
  }

  /** The work on one range {@code [from, to)} of the indexes. */
  @FunctionalInterface
  public interface Range<R> {
    R apply(int from, int to);
  }

  /** The work of every range, in range order. */
  public static <R> List<R> ranges(int size, Range<R> work) {
    int count = (size + RANGE - 1) / RANGE;
    return IntStream.range(0, count).parallel()
        .mapToObj(r -> work.apply(r * RANGE, (int) Math.min(size, (long) (r + 1) * RANGE)))
        .toList();
  }

  /** The lists of every range, one after the other: as if one thread had made one list. */
  public static <R> List<R> concat(int size, Range<List<R>> work) {
    List<R> all = new ArrayList<>(size);
    for (List<R> part : ranges(size, work)) all.addAll(part);
    return all;
  }

  /** Work that writes its results into places of its own: its range's indexes of an array. */
  @FunctionalInterface
  public interface Each {
    void apply(int from, int to);
  }

  public static void forEach(int size, Each work) {
    ranges(size, (from, to) -> {
      work.apply(from, to);
      return Boolean.TRUE;
    });
  }
}

package io.customerhub.support;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.ArrayList;
import java.util.List;

/**
 * Pure CPU work over a batch (standardizing records, assembling profiles, rendering views), split in one chunk
 * per core and run on worker threads at once: while it runs the database has nothing to do for the batch, so
 * every core may work on it. Results come back in chunk order.
 */
public final class Chunks {

  /** Below this many items a second thread costs more than it saves. */
  private static final int MIN_PER_CHUNK = 64;
  /**
   * Up to this many items, the work runs on the thread that asks for it, the event loop: a few records take tens of
   * microseconds, less than the hop to a worker and back (two thread wake-ups: in a CPU profile of single-record
   * requests on a virtual machine, wake-ups and socket calls took a quarter of the time), and far less than anything
   * that would hold the loop up.
   */
  static final int IN_PLACE = 8;

  private Chunks() {
  }

  /** The work on one range {@code [from, to)} of the batch's indexes. */
  @FunctionalInterface
  public interface Range<R> {
    R apply(int from, int to) throws Exception;
  }

  /** The work's lists of every chunk, one after the other: the result of the whole batch in its order. */
  public static <R> Future<List<R>> concat(Vertx vertx, int size, Range<List<R>> work) {
    return concat(vertx, size, size, work);
  }

  /**
   * As above, for items whose work is not alike: {@code weight} counts what it grows with (the members and orders of
   * the profiles to assemble), so that one profile of thousands of orders is not assembled on the event loop.
   */
  public static <R> Future<List<R>> concat(Vertx vertx, int size, int weight, Range<List<R>> work) {
    return run(vertx, size, weight, work).map(parts -> {
      List<R> all = new ArrayList<>(size);
      parts.forEach(all::addAll);
      return all;
    });
  }

  public static <R> Future<List<R>> run(Vertx vertx, int size, Range<R> work) {
    return run(vertx, size, size, work);
  }

  private static <R> Future<List<R>> run(Vertx vertx, int size, int weight, Range<R> work) {
    if (weight <= IN_PLACE) return work(vertx, weight, () -> java.util.Collections.singletonList(work.apply(0, size)));
    int chunks = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), size / MIN_PER_CHUNK));
    List<Future<R>> parts = new ArrayList<>(chunks);
    for (int c = 0; c < chunks; c++) {
      int from = (int) ((long) size * c / chunks), to = (int) ((long) size * (c + 1) / chunks);
      parts.add(vertx.executeBlocking(() -> work.apply(from, to), false));
    }
    return Future.all(parts).map(all -> {
      List<R> out = new ArrayList<>(chunks);
      for (Future<R> f : parts) out.add(f.result());
      return out;
    });
  }

  /**
   * Work over {@code items} items of a batch: on a worker thread, or where it is asked for when there are no more
   * than {@link #IN_PLACE}.
   */
  public static <T> Future<T> work(Vertx vertx, int items, java.util.concurrent.Callable<T> work) {
    if (items > IN_PLACE) return vertx.executeBlocking(work, false);
    try {
      return Future.succeededFuture(work.call());
    } catch (Exception e) {
      return Future.failedFuture(e);
    }
  }
}

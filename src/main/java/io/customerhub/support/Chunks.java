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

  private Chunks() {
  }

  /** The work on one range {@code [from, to)} of the batch's indexes. */
  @FunctionalInterface
  public interface Range<R> {
    R apply(int from, int to) throws Exception;
  }

  /** The work's lists of every chunk, one after the other: the result of the whole batch in its order. */
  public static <R> Future<List<R>> concat(Vertx vertx, int size, Range<List<R>> work) {
    return run(vertx, size, work).map(parts -> {
      List<R> all = new ArrayList<>(size);
      parts.forEach(all::addAll);
      return all;
    });
  }

  public static <R> Future<List<R>> run(Vertx vertx, int size, Range<R> work) {
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
}

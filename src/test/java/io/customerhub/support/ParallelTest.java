package io.customerhub.support;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ParallelTest {

  @Test
  void rangesCoverEveryIndexOnceInOrder() {
    for (int size : new int[] {0, 1, Parallel.RANGE - 1, Parallel.RANGE, Parallel.RANGE + 1, 5 * Parallel.RANGE + 17}) {
      List<int[]> ranges = Parallel.ranges(size, (from, to) -> new int[] {from, to});
      int next = 0;
      for (int[] r : ranges) {
        assertEquals(next, r[0], "ranges follow each other at size " + size);
        assertEquals(Math.min(size, r[0] + Parallel.RANGE), r[1], "a range is full unless it is the last");
        next = r[1];
      }
      assertEquals(size, next, "the ranges reach the end at size " + size);
    }
  }

  @Test
  void concatIsTheSequentialListWhateverThePool() throws Exception {
    int size = 3 * Parallel.RANGE + 5;
    List<Integer> expected = IntStream.range(0, size).map(i -> i * 7).boxed().toList();
    for (int threads : new int[] {1, 2, 5}) {
      ForkJoinPool pool = new ForkJoinPool(threads);
      try {
        List<Integer> got = pool.submit(() -> Parallel.concat(size, (from, to) -> {
          List<Integer> part = new ArrayList<>();
          for (int i = from; i < to; i++) part.add(i * 7);
          return part;
        })).get();
        assertEquals(expected, got, threads + " threads");
      } finally {
        pool.shutdown();
      }
    }
  }

  @Test
  void forEachVisitsEveryIndexOnce() {
    int size = 2 * Parallel.RANGE + 3;
    AtomicIntegerArray visits = new AtomicIntegerArray(size);
    Parallel.forEach(size, (from, to) -> {
      for (int i = from; i < to; i++) visits.incrementAndGet(i);
    });
    for (int i = 0; i < size; i++) assertEquals(1, visits.get(i), "index " + i);
  }
}

package io.customerhub.app;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeapAdviceTest {

  private static final long GB = 1L << 30;

  @Test
  void aHeapWithRoomSaysNothing() {
    assertEquals(Optional.empty(), HeapAdvice.check(0, 2 * GB));
    assertEquals(Optional.empty(), HeapAdvice.check(50_000, 2 * GB), "the demo's and the tests' hubs");
    assertEquals(Optional.empty(), HeapAdvice.check(1_000_000, 8 * GB));
  }

  @Test
  void aMillionRecordsInTheDefaultHeapGetAdviceWithASizeThatFits() {
    String advice = HeapAdvice.check(1_000_000, 2 * GB).orElseThrow();

    assertTrue(advice.contains("1,000,000 stored identity records"), advice);
    assertTrue(advice.contains("HUB_JAVA_OPTS=\"-Xms6g -Xmx6g"), advice);
    assertEquals(Optional.empty(), HeapAdvice.check(1_000_000, 6 * GB), "the advice is enough");
  }

  @Test
  void theLimitIsSixtyPercentOfTheHeap() {
    long records = (long) ((0.6 * 4 * GB - HeapAdvice.BASE_BYTES) / HeapAdvice.BYTES_PER_RECORD);
    assertEquals(Optional.empty(), HeapAdvice.check(records, 4 * GB));
    assertTrue(HeapAdvice.check(records + 1, 4 * GB).isPresent());
  }
}

package io.customerhub.support;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeapPressureTest {

  private static final long MB = 1 << 20;

  @Test
  void pressureBeginsPastTheLimitAndEndsWellBelowIt() {
    try (HeapPressure heap = HeapPressure.watch(0.9)) {
      assertFalse(heap.high(), "no collection seen yet");
      heap.after(900 * MB, 1000 * MB);
      assertFalse(heap.high(), "at the limit");
      heap.after(901 * MB, 1000 * MB);
      assertTrue(heap.high());
      heap.after(860 * MB, 1000 * MB);
      assertTrue(heap.high(), "within the hysteresis: one lucky collection does not let a flood back in");
      heap.after(849 * MB, 1000 * MB);
      assertFalse(heap.high());
      assertEquals(0.849, heap.usedAfterGc(), 1e-9);
    }
  }

  @Test
  void aLimitBelowTheHysteresisStillLetsTheNodeTakeRecordsAgain() {
    try (HeapPressure heap = HeapPressure.watch(0.04)) {
      heap.after(50 * MB, 1000 * MB);
      assertTrue(heap.high());
      assertTrue(heap.describe().contains("until it is below 2%"), heap.describe());
      heap.after(25 * MB, 1000 * MB);
      assertTrue(heap.high(), "within half the limit");
      heap.after(19 * MB, 1000 * MB);
      assertFalse(heap.high(), "it was below -1%, which no heap reaches");
    }
  }

  @Test
  void aLimitOfOneNeverRefuses() {
    try (HeapPressure heap = HeapPressure.watch(1)) {
      heap.after(1000 * MB, 1000 * MB);
      assertFalse(heap.high());
    }
  }

  @Test
  void theReasonSaysHowFullAndWhatToChange() {
    try (HeapPressure heap = HeapPressure.watch(0.8)) {
      heap.after(350 * MB, 384 * MB);
      String reason = heap.describe();
      assertTrue(reason.contains("91% full after garbage collection (350 of 384 MB): it takes no more records until it is below 75%"), reason);
      assertTrue(reason.contains("HUB_JAVA_OPTS"), reason);
    }
  }

  @Test
  void aRealCollectionIsSeen() throws Exception {
    try (HeapPressure heap = HeapPressure.watch(0.99)) {
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (heap.usedAfterGc() == 0 && System.nanoTime() < deadline) {
        System.gc();
        Thread.sleep(50);
      }
      assertTrue(heap.usedAfterGc() > 0 && heap.usedAfterGc() < 1, String.valueOf(heap.usedAfterGc()));
    }
  }

  @Test
  void workFitsUnderTheLimitWithWhatTheLastCollectionLeft() {
    try (HeapPressure heap = HeapPressure.watch(0.9)) {
      heap.after(300 * MB, 1000 * MB);
      assertTrue(heap.fits(600 * MB));
      assertFalse(heap.fits(601 * MB));
      String reason = heap.describeNeed("a pass over 100000 records", 601 * MB);
      assertTrue(reason.startsWith("a pass over 100000 records needs about 601 MB of heap besides the 300 MB in use"
          + " after garbage collection, more than 90% of the node's 1000 MB"), reason);
    }
    try (HeapPressure never = HeapPressure.watch(1)) {
      never.after(999 * MB, 1000 * MB);
      assertTrue(never.fits(1000 * MB));
    }
  }

  /** Refusing records, a node allocates next to nothing: no collection came to say the heap had room again. */
  @Test
  void aNodeRefusingRecordsAsksForACollectionWhenNoneCameAndTakesRecordsAgain() throws InterruptedException {
    try (HeapPressure heap = HeapPressure.watch(0.9)) {
      heap.after(950 * MB, 1000 * MB);
      assertTrue(heap.high());
      heap.collectIfStale();
      assertTrue(heap.high(), "a collection was reported a moment ago: nothing to ask yet");

      heap.lastCollection = System.nanoTime() - java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(
          HeapPressure.RECHECK_MILLIS + 1000);
      heap.collectIfStale();
      long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
      while (heap.high() && System.nanoTime() < deadline) Thread.sleep(20);
      assertFalse(heap.high(), "the collection asked for said how full the test's heap really is");
    }
  }
}

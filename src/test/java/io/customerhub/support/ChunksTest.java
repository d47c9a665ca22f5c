package io.customerhub.support;

import io.customerhub.testing.OwnVertx;
import io.vertx.core.Future;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static io.customerhub.testing.Futures.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChunksTest extends OwnVertx {

  @Test
  void aFewItemsAreWorkedWhereAskedManyOnAWorker() {
    Thread caller = Thread.currentThread();
    assertEquals(caller, await(Chunks.work(vertx, Chunks.IN_PLACE, Thread::currentThread)));
    assertNotEquals(caller, await(Chunks.work(vertx, Chunks.IN_PLACE + 1, Thread::currentThread)));
  }

  @Test
  void workThatThrowsFailsItsFutureWhereverItRuns() {
    for (int items : new int[] {1, 1000}) {
      Future<Object> f = Chunks.work(vertx, items, () -> {
        throw new IllegalStateException("no");
      });
      AssertionError e = assertThrows(AssertionError.class, () -> await(f));
      assertTrue(e.getCause().getCause() instanceof IllegalStateException, e.toString());
    }
  }

  @Test
  void chunksComeBackInOrderWhateverTheSize() {
    for (int size : new int[] {0, 1, Chunks.IN_PLACE, 65, 1000}) {
      List<Integer> all = await(Chunks.concat(vertx, size,
          (from, to) -> IntStream.range(from, to).boxed().toList()));
      assertEquals(IntStream.range(0, size).boxed().toList(), all, "size " + size);
    }
  }
}

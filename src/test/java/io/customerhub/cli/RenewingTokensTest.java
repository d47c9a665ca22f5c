package io.customerhub.cli;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A long import or export keeps a token until half its life has passed, then signs a new one. */
class RenewingTokensTest {

  @Test
  void theSameTokenUntilItsTimeThenANewOne() {
    AtomicLong clock = new AtomicLong(1_000);
    AtomicInteger made = new AtomicInteger();
    Supplier<String> tokens = RemoteHub.renewing(() -> "t" + made.incrementAndGet(), 30, clock::get);

    assertEquals("t1", tokens.get());
    clock.addAndGet(29);
    assertEquals("t1", tokens.get(), "not yet half its life");
    clock.addAndGet(1);
    assertEquals("t2", tokens.get(), "renewed");
    assertEquals("t2", tokens.get());
    clock.set(Long.MAX_VALUE);
    clock.addAndGet(100); // nanoTime may wrap: differences still count
    assertEquals("t3", tokens.get());
    assertEquals(3, made.get());
  }
}

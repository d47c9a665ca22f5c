package io.customerhub.testing;

import io.vertx.core.Future;

import java.util.concurrent.TimeUnit;

/** Waiting for a Vert.x future from a test thread. */
public final class Futures {

  private Futures() {
  }

  /** The future's result, or an AssertionError when it failed or took more than a minute. */
  public static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}

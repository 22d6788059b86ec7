package io.strikeswarm.dex;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/** Test helpers: wait for a stage with a deadline, get a stage's failure, poll until a value appears. */
public final class Stages {

  private Stages() {}

  public static <T> T await(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError("stage failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException | TimeoutException e) {
      throw new AssertionError("stage did not complete within 30 s", e);
    }
  }

  /** The exception the stage failed with (not wrapped); an assertion error if it succeeded. */
  public static Throwable failure(CompletionStage<?> stage) {
    try {
      Object v = stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
      throw new AssertionError("expected a failure, got " + v);
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (InterruptedException | TimeoutException e) {
      throw new AssertionError("stage did not complete within 30 s", e);
    }
  }

  /** Polls {@code probe} every 5 ms until it yields a value, failing after {@code within}. */
  public static <T> T eventually(Duration within, Supplier<Optional<T>> probe) {
    long deadline = System.nanoTime() + within.toNanos();
    while (true) {
      Optional<T> v = probe.get();
      if (v.isPresent()) return v.get();
      if (System.nanoTime() > deadline) throw new AssertionError("nothing within " + within);
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted");
      }
    }
  }
}

package io.strikeswarm.master.support;

import java.time.Duration;

/** Retries an assertion until it holds or the time is up; the last failure is what the test reports. */
public final class Eventually {
  private Eventually() {}

  public static void eventually(Duration max, Runnable assertion) {
    long deadline = System.nanoTime() + max.toNanos();
    while (true) {
      try {
        assertion.run();
        return;
      } catch (AssertionError e) {
        if (System.nanoTime() > deadline) throw e;
        Bots.sleep(25);
      }
    }
  }

  public static void eventually(Runnable assertion) {
    eventually(Duration.ofSeconds(10), assertion);
  }
}

package io.strikeswarm.cex.config;

import java.time.Duration;

/**
 * A token bucket: {@code burst} calls at once, refilled at {@code permitsPerSecond}. A call that cannot get a token
 * within {@code maxWait} is not made (a place is refused locally, a read fails and may be retried).
 */
public record RateLimit(double permitsPerSecond, int burst, Duration maxWait) {
  public RateLimit {
    if (!(permitsPerSecond > 0)) throw new IllegalArgumentException("permits-per-second must be > 0");
    if (burst < 1) throw new IllegalArgumentException("burst must be >= 1");
    if (maxWait.isNegative()) throw new IllegalArgumentException("max-wait must not be negative");
  }
}

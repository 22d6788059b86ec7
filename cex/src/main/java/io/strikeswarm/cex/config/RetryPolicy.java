package io.strikeswarm.cex.config;

import java.time.Duration;

/**
 * Retries of idempotent venue calls (reads and cancels), never of a place: {@code attempts} in all, the n-th retry
 * after {@code initialBackoff * 2^(n-1)}, capped at {@code maxBackoff}.
 */
public record RetryPolicy(int attempts, Duration initialBackoff, Duration maxBackoff) {
  public RetryPolicy {
    if (attempts < 1) throw new IllegalArgumentException("attempts must be >= 1");
    if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("need 0 <= initial-backoff <= max-backoff");
    }
  }

  public static RetryPolicy none() {
    return new RetryPolicy(1, Duration.ZERO, Duration.ZERO);
  }

  /** The pause before retry {@code retry} (1 for the first retry). */
  public Duration backoff(int retry) {
    long factor = 1L << Math.min(30, Math.max(0, retry - 1));
    Duration d = initialBackoff.multipliedBy(factor);
    return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
  }
}

package io.strikeswarm.cex.config;

import java.time.Duration;

/**
 * XChange is blocking: venue calls run on {@code threads} threads of their own with at most {@code queue} waiting,
 * and each call's answer is awaited at most {@code timeout} (after which a place's outcome is unknown). The HTTP
 * timeouts go to XChange's own client.
 */
public record CallSettings(int threads, int queue, Duration timeout, Duration httpConnectTimeout,
    Duration httpReadTimeout) {
  public CallSettings {
    if (threads < 1) throw new IllegalArgumentException("threads must be >= 1");
    if (queue < 1) throw new IllegalArgumentException("queue must be >= 1");
    if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be > 0");
  }
}

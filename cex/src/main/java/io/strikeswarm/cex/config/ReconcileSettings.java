package io.strikeswarm.cex.config;

import java.time.Duration;

/**
 * Reconciliation with the venue. An intended order the venue does not show is declared never placed only once
 * {@code unseenGrace} has passed since the intent (venues can be slow to list an order they accepted). Trade
 * history is read from {@code clockSkew} before the oldest unresolved intent. While orders are open the entity
 * polls every {@code pollInterval}.
 */
public record ReconcileSettings(Duration unseenGrace, Duration clockSkew, Duration pollInterval) {
  public ReconcileSettings {
    if (unseenGrace.isNegative()) throw new IllegalArgumentException("unseen-grace must not be negative");
    if (clockSkew.isNegative()) throw new IllegalArgumentException("clock-skew must not be negative");
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("poll-interval must be > 0");
    }
  }
}

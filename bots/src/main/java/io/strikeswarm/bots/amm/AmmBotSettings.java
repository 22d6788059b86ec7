package io.strikeswarm.bots.amm;

import java.time.Duration;

/**
 * Runtime settings of AMM bots: snapshots every N events (0 = off), the entity's restart backoff, how soon a
 * receipt is first looked for and how far the wait between looks grows while the chain is slow or unreachable, and
 * the longest a single chain call may take before it counts as failed.
 */
public record AmmBotSettings(int snapshotEvery, Duration minBackoff, Duration maxBackoff, Duration firstPoll,
    Duration maxPoll, Duration callTimeout) {

  public static final AmmBotSettings DEFAULT = new AmmBotSettings(100, Duration.ofMillis(200), Duration.ofSeconds(5),
      Duration.ofMillis(2), Duration.ofSeconds(2), Duration.ofSeconds(10));

  public AmmBotSettings {
    if (snapshotEvery < 0) throw new IllegalArgumentException("snapshotEvery must be >= 0");
    if (firstPoll.isNegative() || firstPoll.isZero() || maxPoll.compareTo(firstPoll) < 0) {
      throw new IllegalArgumentException("need 0 < firstPoll <= maxPoll");
    }
  }
}

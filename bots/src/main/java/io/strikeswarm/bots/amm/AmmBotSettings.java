package io.strikeswarm.bots.amm;

import java.time.Duration;
import java.util.function.LongConsumer;

/**
 * Runtime settings of AMM bots: snapshots every N events (0 = off), the entity's restart backoff, how soon a
 * receipt is first looked for and how far the wait between looks grows while the chain is slow or unreachable, and
 * the longest a single chain call may take before it counts as failed. {@code decisionNanos} receives, for each round
 * trip, the bot's own time from taking the block to handing leg one to the chain client (planning, signing and the
 * journal write included).
 */
public record AmmBotSettings(int snapshotEvery, Duration minBackoff, Duration maxBackoff, Duration firstPoll,
    Duration maxPoll, Duration callTimeout, LongConsumer decisionNanos) {

  public static final AmmBotSettings DEFAULT = new AmmBotSettings(100, Duration.ofMillis(200), Duration.ofSeconds(5),
      Duration.ofMillis(2), Duration.ofSeconds(2), Duration.ofSeconds(10), nanos -> { });

  /** The same settings reporting, for every round trip, the bot's own time from seeing the block to sending leg one. */
  public AmmBotSettings timedBy(LongConsumer consumer) {
    return new AmmBotSettings(snapshotEvery, minBackoff, maxBackoff, firstPoll, maxPoll, callTimeout, consumer);
  }

  public AmmBotSettings {
    if (snapshotEvery < 0) throw new IllegalArgumentException("snapshotEvery must be >= 0");
    if (firstPoll.isNegative() || firstPoll.isZero() || maxPoll.compareTo(firstPoll) < 0) {
      throw new IllegalArgumentException("need 0 < firstPoll <= maxPoll");
    }
  }
}

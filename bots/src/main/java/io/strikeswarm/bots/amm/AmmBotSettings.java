package io.strikeswarm.bots.amm;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Runtime settings of AMM bots: snapshots every N events (0 = off), the entity's restart backoff, how soon a
 * receipt is first looked for and how far the wait between looks grows while the chain is slow or unreachable, and
 * the longest a single chain call may take before it counts as failed. {@code decisions} receives, for each round
 * trip, the bot's own time from taking the block to handing leg one to the chain client, split into planning,
 * signing and the rest (the journal write of the signed swap, and waiting for it).
 */
public record AmmBotSettings(int snapshotEvery, Duration minBackoff, Duration maxBackoff, Duration firstPoll,
    Duration maxPoll, Duration callTimeout, Consumer<DecisionTiming> decisions) {

  public static final AmmBotSettings DEFAULT = new AmmBotSettings(100, Duration.ofMillis(200), Duration.ofSeconds(5),
      Duration.ofMillis(2), Duration.ofSeconds(2), Duration.ofSeconds(10), timing -> { });

  /** Where one round trip's first leg spent the bot's own time, in nanoseconds. */
  public record DecisionTiming(long planNanos, long signNanos, long totalNanos) {
    /** Persisting the signed swap before it may leave, including any wait for the journal. */
    public long journalNanos() {
      return totalNanos - planNanos - signNanos;
    }
  }

  /** The same settings reporting every round trip's split timing. */
  public AmmBotSettings timingsTo(Consumer<DecisionTiming> consumer) {
    return new AmmBotSettings(snapshotEvery, minBackoff, maxBackoff, firstPoll, maxPoll, callTimeout, consumer);
  }

  /** The same settings reporting, for every round trip, the bot's own time from seeing the block to sending leg one. */
  public AmmBotSettings timedBy(LongConsumer totalNanos) {
    return timingsTo(t -> totalNanos.accept(t.totalNanos()));
  }

  public AmmBotSettings {
    if (snapshotEvery < 0) throw new IllegalArgumentException("snapshotEvery must be >= 0");
    if (firstPoll.isNegative() || firstPoll.isZero() || maxPoll.compareTo(firstPoll) < 0) {
      throw new IllegalArgumentException("need 0 < firstPoll <= maxPoll");
    }
  }
}

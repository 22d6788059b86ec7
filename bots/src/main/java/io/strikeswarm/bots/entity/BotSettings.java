package io.strikeswarm.bots.entity;

import java.time.Duration;

/**
 * Runtime settings of every bot entity. {@code snapshotEvery} = 0 turns snapshots off (recovery replays the whole
 * journal); otherwise a snapshot every N events, keeping the last two.
 */
public record BotSettings(int snapshotEvery, Duration minBackoff, Duration maxBackoff) {
  public static final BotSettings DEFAULT = new BotSettings(100, Duration.ofMillis(200), Duration.ofSeconds(5));

  public BotSettings {
    if (snapshotEvery < 0) throw new IllegalArgumentException("swarm.bots.snapshot-every must be >= 0");
  }
}

package io.strikeswarm.bots.entity;

import io.strikeswarm.bots.routing.OrderRoutes;
import java.time.Duration;
import java.util.Objects;

/**
 * Runtime settings of every bot entity. {@code snapshotEvery} = 0 turns snapshots off (recovery replays the whole
 * journal); otherwise a snapshot every N events, keeping the last two. {@code routes} are the routed venues wired on
 * this node (none: every bot trades the simulated venue); {@code routePoll} is how often a bot with working routed
 * orders asks the venue about them.
 */
public record BotSettings(int snapshotEvery, Duration minBackoff, Duration maxBackoff, OrderRoutes routes,
    Duration routePoll) {
  public static final BotSettings DEFAULT = new BotSettings(100, Duration.ofMillis(200), Duration.ofSeconds(5));

  public BotSettings {
    if (snapshotEvery < 0) throw new IllegalArgumentException("swarm.bots.snapshot-every must be >= 0");
    Objects.requireNonNull(routes, "routes");
    if (routePoll.isNegative() || routePoll.isZero()) throw new IllegalArgumentException("routePoll must be > 0");
  }

  public BotSettings(int snapshotEvery, Duration minBackoff, Duration maxBackoff) {
    this(snapshotEvery, minBackoff, maxBackoff, OrderRoutes.NONE, Duration.ofMillis(200));
  }

  public BotSettings withRoutes(OrderRoutes newRoutes) {
    return new BotSettings(snapshotEvery, minBackoff, maxBackoff, newRoutes, routePoll);
  }
}

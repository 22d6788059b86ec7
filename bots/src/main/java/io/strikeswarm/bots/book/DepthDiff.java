package io.strikeswarm.bots.book;

import java.util.Objects;

/**
 * A diff-depth update ({@code depthUpdate}): the new quantity of every level that changed during the update ids
 * {@code firstUpdateId..finalUpdateId} ({@code U..u}), 0 meaning the level is gone.
 */
public record DepthDiff(long eventTimeMs, long firstUpdateId, long finalUpdateId, Levels bids, Levels asks)
    implements MarketMessage {

  public DepthDiff {
    Objects.requireNonNull(bids, "bids");
    Objects.requireNonNull(asks, "asks");
    if (firstUpdateId > finalUpdateId) throw new IllegalArgumentException("first update id after final");
  }

  @Override
  public int dataPoints() {
    return bids.size() + asks.size();
  }
}

package io.strikeswarm.bots.book;

import java.util.Objects;

/** A REST depth snapshot: the book's levels as of update id {@code lastUpdateId}. */
public record DepthSnapshot(long lastUpdateId, Levels bids, Levels asks) implements MarketMessage {

  public DepthSnapshot {
    Objects.requireNonNull(bids, "bids");
    Objects.requireNonNull(asks, "asks");
  }

  @Override
  public int dataPoints() {
    return bids.size() + asks.size();
  }
}

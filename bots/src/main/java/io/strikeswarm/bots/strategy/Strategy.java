package io.strikeswarm.bots.strategy;

import io.strikeswarm.bots.domain.Side;

/**
 * A trading rule with no actor code and no hidden state: the same history and position give the same signal, in
 * backtest, paper and live alike.
 */
public interface Strategy {
  /** How many closes the strategy needs to see; the bot keeps exactly this many. */
  int lookback();

  /** The side this strategy trades (the diamond's side). */
  Side side();

  Signal decide(PriceHistory history, boolean positionOpen);
}

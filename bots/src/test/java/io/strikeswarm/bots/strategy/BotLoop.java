package io.strikeswarm.bots.strategy;

import io.strikeswarm.bots.strategy.Bars.Ohlc;
import java.util.ArrayList;
import java.util.List;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Rule;

/**
 * Trades a strategy the way a bot does (and ta4j's BarSeriesManager with a BaseStrategy): rules built once on an
 * empty series, then after each appended bar, from index {@code unstableBars()} on, the entry rule asked while
 * flat and the exit rule while in a position — at the newest index only, with no trading record.
 */
final class BotLoop {
  private BotLoop() {}

  /** An entry or exit at a series index; prints as ENTER@7. */
  record Trade(int index, Signal signal) {
    @Override
    public String toString() {
      return signal + "@" + index;
    }
  }

  static Trade enter(int index) {
    return new Trade(index, Signal.ENTER);
  }

  static Trade exit(int index) {
    return new Trade(index, Signal.EXIT);
  }

  /** On a series that keeps every bar. */
  static List<Trade> trades(Strategy strategy, List<Ohlc> bars) {
    return trades(strategy, bars, Bars.unbounded());
  }

  static List<Trade> trades(Strategy strategy, List<Ohlc> bars, BarSeries empty) {
    Strategy.Rules rules = strategy.rules(empty);
    List<Trade> trades = new ArrayList<>();
    boolean inPosition = false;
    for (Ohlc bar : bars) {
      Bars.append(empty, bar);
      int i = empty.getEndIndex();
      if (i < strategy.unstableBars()) continue;
      Rule ask = inPosition ? rules.exit() : rules.entry();
      if (ask.isSatisfied(i)) {
        trades.add(new Trade(i, inPosition ? Signal.EXIT : Signal.ENTER));
        inPosition = !inPosition;
      }
    }
    return trades;
  }
}

package io.strikeswarm.bots.strategy;

import io.strikeswarm.bots.domain.Side;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBar;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

/**
 * Moving-average crossover with ta4j's indicators and rules. Long side: enter when SMA(short) crosses above
 * SMA(long), exit when it crosses below; the short side mirrors it. No signal until the long SMA has a full
 * window.
 */
public record SmaCrossStrategy(int shortWindow, int longWindow, Side side) implements Strategy {

  public SmaCrossStrategy {
    if (shortWindow < 1) throw new IllegalArgumentException("short must be >= 1");
    if (longWindow <= shortWindow) throw new IllegalArgumentException("long must be > short");
  }

  @Override
  public int lookback() {
    // The crossing compares this bar with the one before, so both need a full long window.
    return longWindow + 1;
  }

  @Override
  public Signal decide(PriceHistory history, boolean positionOpen) {
    if (history.size() < longWindow) return Signal.HOLD;
    BarSeries series = toSeries(history);
    ClosePriceIndicator close = new ClosePriceIndicator(series);
    SMAIndicator fast = new SMAIndicator(close, shortWindow);
    SMAIndicator slow = new SMAIndicator(close, longWindow);
    int last = series.getEndIndex();
    boolean crossedUp = new CrossedUpIndicatorRule(fast, slow).isSatisfied(last);
    boolean crossedDown = new CrossedDownIndicatorRule(fast, slow).isSatisfied(last);
    boolean enter = side == Side.LONG ? crossedUp : crossedDown;
    boolean exit = side == Side.LONG ? crossedDown : crossedUp;
    if (!positionOpen && enter) return Signal.ENTER;
    if (positionOpen && exit) return Signal.EXIT;
    return Signal.HOLD;
  }

  private static BarSeries toSeries(PriceHistory history) {
    BarSeries series = new BaseBarSeriesBuilder().withNumTypeOf(DoubleNum.class).build();
    for (int i = 0; i < history.size(); i++) {
      double c = history.closes().get(i).doubleValue();
      series.addBar(new BaseBar(Duration.ofMinutes(1),
          Instant.ofEpochMilli(history.timesMs().get(i)).atZone(ZoneOffset.UTC), c, c, c, c, 0d, 0d, 0L,
          DoubleNum::valueOf));
    }
    return series;
  }
}

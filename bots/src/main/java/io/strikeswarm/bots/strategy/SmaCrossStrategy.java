package io.strikeswarm.bots.strategy;

import io.strikeswarm.bots.domain.Side;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBar;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DecimalNum;

/**
 * Moving-average crossover on ta4j's SMA indicators, with the crossing semantics of ta4j's
 * {@code CrossedUpIndicatorRule} / {@code CrossedDownIndicatorRule}. Long side: enter when SMA(short) crosses above
 * SMA(long), exit when it crosses below; the short side mirrors it. No signal until the long SMA has a full
 * window.
 */
public record SmaCrossStrategy(int shortWindow, int longWindow, Side side) implements Strategy {

  public SmaCrossStrategy {
    if (shortWindow < 1) throw new IllegalArgumentException("short must be >= 1");
    if (longWindow <= shortWindow) throw new IllegalArgumentException("long must be > short");
  }

  /**
   * Twice the long window: the last {@code longWindow + 1} bars all have a full long average, so a crossing can be
   * judged against the latest earlier bar where the averages differed (ta4j's rule skips ties the same way).
   */
  @Override
  public int lookback() {
    return 2 * longWindow;
  }

  @Override
  public Signal decide(PriceHistory history, boolean positionOpen) {
    // No signal until this bar and the one before it both have a full long window.
    if (history.size() < longWindow + 1) return Signal.HOLD;
    BarSeries series = toSeries(history);
    ClosePriceIndicator close = new ClosePriceIndicator(series);
    SMAIndicator fast = new SMAIndicator(close, shortWindow);
    SMAIndicator slow = new SMAIndicator(close, longWindow);
    int last = series.getEndIndex();
    int firstFull = series.getBeginIndex() + longWindow - 1;
    int now = fast.getValue(last).compareTo(slow.getValue(last));
    // As ta4j's CrossedUp/DownIndicatorRule: a touch is not a cross, and ties before this bar are skipped — here
    // only over bars whose long average is complete.
    int before = 0;
    for (int i = last - 1; i >= firstFull && before == 0; i--) before = fast.getValue(i).compareTo(slow.getValue(i));
    boolean crossedUp = now > 0 && before < 0;
    boolean crossedDown = now < 0 && before > 0;
    boolean enter = side == Side.LONG ? crossedUp : crossedDown;
    boolean exit = side == Side.LONG ? crossedDown : crossedUp;
    if (!positionOpen && enter) return Signal.ENTER;
    if (positionOpen && exit) return Signal.EXIT;
    return Signal.HOLD;
  }

  private static BarSeries toSeries(PriceHistory history) {
    // Exact decimals: averages that are equal must compare equal, or a touch would read as a cross.
    BarSeries series = new BaseBarSeriesBuilder().withNumTypeOf(DecimalNum.class).build();
    for (int i = 0; i < history.size(); i++) {
      BigDecimal c = history.closes().get(i);
      series.addBar(new BaseBar(Duration.ofMinutes(1),
          Instant.ofEpochMilli(history.timesMs().get(i)).atZone(ZoneOffset.UTC), c, c, c, c, BigDecimal.ZERO,
          BigDecimal.ZERO, 0L, DecimalNum::valueOf));
    }
    return series;
  }
}

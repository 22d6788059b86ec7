package io.strikeswarm.bots.strategy;

import io.strikeswarm.bots.domain.Side;
import java.util.Map;
import java.util.Objects;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Rule;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

/**
 * Moving-average crossover. Long side: enter when SMA(close, short) crosses above SMA(close, long), exit when it
 * crosses below; the short side enters on the cross below and exits on the cross above. Crossing means ta4j's
 * {@code CrossedUp/DownIndicatorRule}: strictly above now, strictly below on the latest earlier bar where the two
 * differed — a touch is not a cross.
 *
 * <p>Both averages look at a bounded window, so the rules need no memory beyond {@code long} bars.
 */
public record SmaCrossStrategy(int shortWindow, int longWindow, Side side) implements Strategy {
  public static final String NAME = "sma-cross";
  static final Map<String, String> DEFAULTS = Map.of("short", "10", "long", "30");

  public SmaCrossStrategy {
    Objects.requireNonNull(side, "side");
    Checks.window(NAME, "short", shortWindow, 1);
    Checks.windowAbove(NAME, "long", longWindow, "short", shortWindow);
  }

  static SmaCrossStrategy from(Parameters p, Side side) {
    return new SmaCrossStrategy(p.integer("short"), p.integer("long"), side);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Map<String, String> parameters() {
    return Checks.sorted("short", shortWindow, "long", longWindow);
  }

  /**
   * {@code long}: a cross at index i compares bars i and i - 1, and SMA(long) is a full window from index
   * long - 1 on.
   */
  @Override
  public int unstableBars() {
    return longWindow;
  }

  @Override
  public Rules rules(BarSeries series) {
    ClosePriceIndicator close = new ClosePriceIndicator(series);
    SMAIndicator fast = new SMAIndicator(close, shortWindow);
    SMAIndicator slow = new SMAIndicator(close, longWindow);
    Rule up = new CrossedUpIndicatorRule(fast, slow);
    Rule down = new CrossedDownIndicatorRule(fast, slow);
    return side == Side.LONG ? new Rules(up, down) : new Rules(down, up);
  }
}

package io.strikeswarm.bots.strategy;

import static io.strikeswarm.bots.strategy.KeepCurrent.keepCurrent;

import io.strikeswarm.bots.domain.Side;
import java.util.Map;
import java.util.Objects;
import org.ta4j.core.BarSeries;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.ROCIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.rules.OverIndicatorRule;
import org.ta4j.core.rules.UnderIndicatorRule;

/**
 * Trend-following momentum. Long side: enter when the close has risen more than {@code threshold} percent over
 * the last {@code roc} bars (ta4j's ROC) and is above EMA(close, trend); exit as soon as the rise turns into a
 * fall (ROC below 0) or the close drops below the EMA. The short side mirrors it: enter on a fall of more than
 * {@code threshold} percent below the EMA, exit when ROC is above 0 or the close above the EMA.
 *
 * <p>The EMA is recursive: its value depends, ever more faintly, on every bar since the series began (see
 * {@link KeepCurrent} for what that means on a series with a maximum bar count).
 */
public record MomentumStrategy(int rocWindow, double threshold, int trendWindow, Side side) implements Strategy {
  public static final String NAME = "momentum";
  static final Map<String, String> DEFAULTS = Map.of("roc", "12", "threshold", "1.0", "trend", "50");

  public MomentumStrategy {
    Objects.requireNonNull(side, "side");
    Checks.window(NAME, "roc", rocWindow, 1);
    // Zero is allowed: enter on any rise at all.
    Checks.notNegative(NAME, "threshold", threshold);
    // EMA(1) is the close itself, so "close above its EMA" could never hold.
    Checks.window(NAME, "trend", trendWindow, 2);
  }

  static MomentumStrategy from(Parameters p, Side side) {
    return new MomentumStrategy(p.integer("roc"), p.number("threshold"), p.integer("trend"), side);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Map<String, String> parameters() {
    return Checks.sorted("roc", rocWindow, "threshold", threshold, "trend", trendWindow);
  }

  /**
   * ROC at index i needs the close at i - roc; the EMA, which never has a full window, counts as settled after
   * {@code trend} bars (ta4j's own unstable-bar count for it).
   */
  @Override
  public int unstableBars() {
    return Math.max(rocWindow, trendWindow);
  }

  @Override
  public Rules rules(BarSeries series) {
    ClosePriceIndicator close = new ClosePriceIndicator(series);
    ROCIndicator roc = new ROCIndicator(close, rocWindow);
    EMAIndicator trend = new EMAIndicator(close, trendWindow);
    return switch (side) {
      case LONG -> new Rules(
          keepCurrent(new OverIndicatorRule(roc, threshold).and(new OverIndicatorRule(close, trend)), trend),
          keepCurrent(new UnderIndicatorRule(roc, 0).or(new UnderIndicatorRule(close, trend)), trend));
      case SHORT -> new Rules(
          keepCurrent(new UnderIndicatorRule(roc, -threshold).and(new UnderIndicatorRule(close, trend)), trend),
          keepCurrent(new OverIndicatorRule(roc, 0).or(new OverIndicatorRule(close, trend)), trend));
    };
  }
}

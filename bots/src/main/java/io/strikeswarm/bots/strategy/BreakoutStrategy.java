package io.strikeswarm.bots.strategy;

import static io.strikeswarm.bots.strategy.KeepCurrent.keepCurrent;

import io.strikeswarm.bots.domain.Side;
import java.util.Map;
import java.util.Objects;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.Rule;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.donchian.DonchianChannelLowerIndicator;
import org.ta4j.core.indicators.donchian.DonchianChannelUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.PreviousValueIndicator;
import org.ta4j.core.indicators.helpers.TransformIndicator;
import org.ta4j.core.num.Num;
import org.ta4j.core.rules.OverIndicatorRule;
import org.ta4j.core.rules.UnderIndicatorRule;

/**
 * Volatility-expansion breakout on Donchian channels and ATR. Long side: enter when the close is above the highest
 * high of the previous {@code entry} bars while volatility is expanding — ATR(atr) at least {@code expansion}
 * times its own SMA over {@code entry} bars; exit when the close is below the lowest low of the previous
 * {@code exit} bars. The short side mirrors it: enter below the lowest low of the previous {@code entry} bars with
 * the same volatility filter, exit above the highest high of the previous {@code exit} bars.
 *
 * <p>The channels exclude the current bar (ta4j's Donchian channel one bar back): a close can never be above a
 * high that includes its own bar. ATR is Wilder's recursive average (see {@link KeepCurrent}).
 */
public record BreakoutStrategy(int entryWindow, int exitWindow, int atrWindow, double expansion, Side side)
    implements Strategy {
  public static final String NAME = "breakout";
  static final Map<String, String> DEFAULTS = Map.of("entry", "20", "exit", "10", "atr", "14", "expansion", "1.0");

  public BreakoutStrategy {
    Objects.requireNonNull(side, "side");
    // The volatility filter compares ATR with its average over the entry window; over one bar that average is ATR
    // itself, and the filter would be always, never, or (at expansion 1) a coin toss of rounding.
    Checks.window(NAME, "entry", entryWindow, 2);
    Checks.window(NAME, "exit", exitWindow, 1);
    Checks.window(NAME, "atr", atrWindow, 1);
    Checks.positive(NAME, "expansion", expansion);
  }

  static BreakoutStrategy from(Parameters p, Side side) {
    return new BreakoutStrategy(p.integer("entry"), p.integer("exit"), p.integer("atr"), p.number("expansion"),
        side);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Map<String, String> parameters() {
    return Checks.sorted("entry", entryWindow, "exit", exitWindow, "atr", atrWindow, "expansion", expansion);
  }

  /**
   * The channels of the previous {@code entry} / {@code exit} bars are full from index entry / exit on. ATR
   * counts as settled from index {@code atr} on (ta4j's unstable-bar count for it), and its SMA over
   * {@code entry} bars needs ATR settled on all of them: the oldest, at i - entry + 1, must be at least atr.
   */
  @Override
  public int unstableBars() {
    return Math.max(Math.max(entryWindow, exitWindow), atrWindow + entryWindow - 1);
  }

  @Override
  public Rules rules(BarSeries series) {
    ClosePriceIndicator close = new ClosePriceIndicator(series);
    ATRIndicator atr = new ATRIndicator(series, atrWindow);
    Indicator<Num> expandingAbove = TransformIndicator.multiply(new SMAIndicator(atr, entryWindow), expansion);
    // "ATR >= expansion x its average", said as "not below" because ta4j has no at-least rule.
    Rule expanding = new UnderIndicatorRule(atr, expandingAbove).negation();
    return switch (side) {
      case LONG -> new Rules(
          keepCurrent(expanding.and(new OverIndicatorRule(close, previousHighest(series, entryWindow))), atr),
          keepCurrent(new UnderIndicatorRule(close, previousLowest(series, exitWindow)), atr));
      case SHORT -> new Rules(
          keepCurrent(expanding.and(new UnderIndicatorRule(close, previousLowest(series, entryWindow))), atr),
          keepCurrent(new OverIndicatorRule(close, previousHighest(series, exitWindow)), atr));
    };
  }

  /** Highest high of the {@code bars} bars before the current one. */
  private static Indicator<Num> previousHighest(BarSeries series, int bars) {
    return new PreviousValueIndicator(new DonchianChannelUpperIndicator(series, bars));
  }

  /** Lowest low of the {@code bars} bars before the current one. */
  private static Indicator<Num> previousLowest(BarSeries series, int bars) {
    return new PreviousValueIndicator(new DonchianChannelLowerIndicator(series, bars));
  }
}

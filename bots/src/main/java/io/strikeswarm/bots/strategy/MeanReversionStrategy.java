package io.strikeswarm.bots.strategy;

import static io.strikeswarm.bots.strategy.KeepCurrent.keepCurrent;

import io.strikeswarm.bots.domain.Side;
import java.util.Map;
import java.util.Objects;
import org.ta4j.core.BarSeries;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.rules.OverIndicatorRule;
import org.ta4j.core.rules.UnderIndicatorRule;

/**
 * Mean reversion on Bollinger bands and RSI. Long side: buy a close below the lower band (SMA(period) minus k
 * standard deviations of the last {@code period} closes) while RSI is below {@code oversold}; sell once the close
 * is back above the middle band or RSI is above {@code overbought}. The short side mirrors it: sell a close above
 * the upper band while RSI is above {@code overbought}; cover below the middle band or with RSI below
 * {@code oversold}.
 *
 * <p>The bands look at a bounded window; RSI is built on Wilder's recursive average (see {@link KeepCurrent}).
 */
public record MeanReversionStrategy(int period, double k, int rsiWindow, double oversold, double overbought, Side side)
    implements Strategy {
  public static final String NAME = "mean-reversion";
  static final Map<String, String> DEFAULTS =
      Map.of("period", "20", "k", "2.0", "rsi", "14", "oversold", "30", "overbought", "70");

  public MeanReversionStrategy {
    Objects.requireNonNull(side, "side");
    // One close has no spread: both bands would be the close itself and never be crossed.
    Checks.window(NAME, "period", period, 2);
    Checks.positive(NAME, "k", k);
    Checks.window(NAME, "rsi", rsiWindow, 1);
    Checks.between(NAME, "oversold", oversold, 0, 100, "greater than 0 and less than 100");
    Checks.between(NAME, "overbought", overbought, oversold, 100,
        "greater than oversold (" + oversold + ") and less than 100");
  }

  static MeanReversionStrategy from(Parameters p, Side side) {
    return new MeanReversionStrategy(p.integer("period"), p.number("k"), p.integer("rsi"), p.number("oversold"),
        p.number("overbought"), side);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Map<String, String> parameters() {
    return Checks.sorted("period", period, "k", k, "rsi", rsiWindow, "oversold", oversold, "overbought", overbought);
  }

  /**
   * The bands are full windows from index period - 1 on; RSI's first value built from {@code rsi} real price
   * changes is at index {@code rsi} (ta4j counts its Wilder average unstable for that many bars).
   */
  @Override
  public int unstableBars() {
    return Math.max(period - 1, rsiWindow);
  }

  @Override
  public Rules rules(BarSeries series) {
    ClosePriceIndicator close = new ClosePriceIndicator(series);
    BollingerBandsMiddleIndicator middle = new BollingerBandsMiddleIndicator(new SMAIndicator(close, period));
    StandardDeviationIndicator deviation = new StandardDeviationIndicator(close, period);
    RSIIndicator rsi = new RSIIndicator(close, rsiWindow);
    return switch (side) {
      case LONG -> new Rules(
          keepCurrent(new UnderIndicatorRule(close, new BollingerBandsLowerIndicator(middle, deviation,
              series.numOf(k))).and(new UnderIndicatorRule(rsi, oversold)), rsi),
          keepCurrent(new OverIndicatorRule(close, middle).or(new OverIndicatorRule(rsi, overbought)), rsi));
      case SHORT -> new Rules(
          keepCurrent(new OverIndicatorRule(close, new BollingerBandsUpperIndicator(middle, deviation,
              series.numOf(k))).and(new OverIndicatorRule(rsi, overbought)), rsi),
          keepCurrent(new UnderIndicatorRule(close, middle).or(new UnderIndicatorRule(rsi, oversold)), rsi));
    };
  }
}

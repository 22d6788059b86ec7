package io.strikeswarm.bots.trading;

import io.strikeswarm.bots.domain.Bar;
import io.strikeswarm.bots.domain.Money;
import io.strikeswarm.bots.strategy.Strategy;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBar;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.num.DecimalNum;
import org.ta4j.core.num.Num;

/**
 * A bot's market memory: its own ta4j bar series (bounded, so memory stays flat over any run) with the strategy's
 * rules and an ATR(14) for volatility sizing built on it. Not event-sourced: it is derived from market data alone,
 * so after a restart the bot is warmed up by feeding it the same bars again, which rebuilds it exactly.
 *
 * <p>Indicators run on ta4j's {@code DecimalNum}: on real prices (a few decimals) its sums are exact, so an
 * indicator's value does not depend on the order ta4j happens to compute it in. With doubles it does — two equal
 * averages can differ in the last bit depending on whether ta4j updated a running sum or summed afresh — and a
 * touch would read as a cross on one path and not on another (a live bot vs ta4j's BarSeriesManager, a bot vs the
 * same bot warmed up after a restart). Both rules are asked on every bar from the first stable one, so every
 * indicator is computed bar by bar in the same order whether the bot is trading or being warmed up.
 */
public final class StrategyRuntime {
  static final int ATR_PERIOD = 14;

  private final Strategy strategy;
  private final BarSeries series;
  private final Strategy.Rules rules;
  private final ATRIndicator atr;
  private long lastTimeMs = Long.MIN_VALUE;
  private boolean entry;
  private boolean exit;
  private BigDecimal atrValue;

  public StrategyRuntime(Strategy strategy) {
    this.strategy = strategy;
    int keep = Math.max(500, 4 * Math.max(strategy.unstableBars(), ATR_PERIOD));
    this.series = new BaseBarSeriesBuilder().withNumTypeOf(DecimalNum.class).withMaxBarCount(keep).build();
    this.rules = strategy.rules(series);
    this.atr = new ATRIndicator(series, ATR_PERIOD);
  }

  public Strategy strategy() {
    return strategy;
  }

  /** The time of the last bar fed, {@code Long.MIN_VALUE} before the first. */
  public long lastTimeMs() {
    return lastTimeMs;
  }

  public void append(Bar bar) {
    if (bar.timeMs() <= lastTimeMs) {
      throw new IllegalArgumentException("bar at " + bar.timeMs() + " is not after " + lastTimeMs);
    }
    Duration period = lastTimeMs == Long.MIN_VALUE ? Duration.ofMinutes(1) : Duration.ofMillis(bar.timeMs() - lastTimeMs);
    series.addBar(new BaseBar(period, Instant.ofEpochMilli(bar.timeMs()).atZone(ZoneOffset.UTC),
        num(bar.open()), num(bar.high()), num(bar.low()), num(bar.close()), num(bar.volume()), DecimalNum.valueOf(0)));
    lastTimeMs = bar.timeMs();
    int i = series.getEndIndex();
    boolean stable = i >= strategy.unstableBars();
    entry = stable && rules.entry().isSatisfied(i);
    exit = stable && rules.exit().isSatisfied(i);
    // ATR is recursive: computed every bar, so a bounded series never has to rebuild it from its oldest bar.
    Num value = atr.getValue(i);
    atrValue = i >= ATR_PERIOD && !value.isNaN() && value.isPositive() ? Money.normalize((BigDecimal) value.getDelegate())
        : null;
  }

  /** Whether the strategy says enter on the last bar fed (false while its indicators are unstable). */
  public boolean entry() {
    return entry;
  }

  /** Whether the strategy says exit on the last bar fed (false while its indicators are unstable). */
  public boolean exit() {
    return exit;
  }

  /** ATR(14) on the last bar fed, or null before it has a full window. */
  public BigDecimal atr() {
    return atrValue;
  }

  private static Num num(BigDecimal value) {
    return DecimalNum.valueOf(value);
  }
}

package io.strikeswarm.bots.strategy;

import io.strikeswarm.bots.domain.Side;
import java.util.Map;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Rule;

/**
 * A trading strategy: immutable, validated parameters that build ta4j entry and exit rules on a bot's own bar
 * series. No actor code and no hidden state — the indicators live on the series the bot feeds bar by bar, so the
 * same bars always give the same signals, in backtest, paper and live alike.
 *
 * <p>Entry means "open a position on {@link #side()}" (buy for LONG, sell short for SHORT); exit means "close it".
 * The bot asks the entry rule only while flat and the exit rule only while in a position, and asks neither before
 * {@link #unstableBars()} bars have been seen — exactly what ta4j's {@code BaseStrategy} does in
 * {@code BarSeriesManager}.
 */
public interface Strategy {
  /** The catalog name, e.g. {@code sma-cross}. */
  String name();

  /** Every parameter with the value in use (defaults filled in), sorted by name; for display and audit. */
  Map<String, String> parameters();

  /** The side this strategy trades: the diamond's side. */
  Side side();

  /**
   * Bars whose indicators are not yet complete (ta4j "unstable bars"): series indices below this never give a
   * signal. For a 10/30 SMA cross it is 30, so the first possible signal compares two full-window bars.
   */
  int unstableBars();

  /** Builds the entry and exit rules on {@code series}; called once per series, then evaluated per index. */
  Rules rules(BarSeries series);

  record Rules(Rule entry, Rule exit) {}
}

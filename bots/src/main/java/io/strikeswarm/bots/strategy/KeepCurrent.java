package io.strikeswarm.bots.strategy;

import java.util.List;
import org.ta4j.core.Indicator;
import org.ta4j.core.Rule;
import org.ta4j.core.TradingRecord;

/**
 * A rule that first asks its strategy's recursive indicators (EMA, and the Wilder average inside RSI and ATR: each
 * value is built from the one before) for the index, then answers as the wrapped rule.
 *
 * <p>Why: a bot asks only one of entry and exit per bar, and ta4j's {@code AndRule}/{@code OrRule} stop at the
 * first operand that decides, so without this an indicator can go unasked for hundreds of bars. On a full series
 * that costs nothing. On a series with a maximum bar count it changes the answer: ta4j then rebuilds the value
 * from the oldest bar still held, as if the indicator had started there, and the bot would drift away from a
 * backtest on the full history. Asking every bar keeps the chain unbroken, so each new value is one step from a
 * cached one. The values themselves do not depend on when they are asked, so the signals are unchanged.
 */
record KeepCurrent(Rule rule, List<Indicator<?>> recursive) implements Rule {

  static Rule keepCurrent(Rule rule, Indicator<?>... recursive) {
    return new KeepCurrent(rule, List.of(recursive));
  }

  @Override
  public boolean isSatisfied(int index, TradingRecord tradingRecord) {
    for (Indicator<?> indicator : recursive) indicator.getValue(index);
    return rule.isSatisfied(index, tradingRecord);
  }
}

package io.strikeswarm.bots.strategy;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The raw text of a strategy's parameters, defaults already filled in, read as numbers. Only the syntax is
 * checked here; ranges are the strategy's own constructor's business.
 */
record Parameters(String strategy, Map<String, String> raw) {

  int integer(String key) {
    String text = raw.get(key);
    try {
      return Integer.parseInt(text.trim());
    } catch (RuntimeException e) {
      throw new BadParameter(strategy, key, "a whole number", String.valueOf(text));
    }
  }

  /** A plain decimal: BigDecimal's syntax, so "NaN", "Infinity", hex and "1f" are refused rather than parsed. */
  double number(String key) {
    String text = raw.get(key);
    try {
      return new BigDecimal(text.trim()).doubleValue();
    } catch (RuntimeException e) {
      throw new BadParameter(strategy, key, "a number", String.valueOf(text));
    }
  }
}

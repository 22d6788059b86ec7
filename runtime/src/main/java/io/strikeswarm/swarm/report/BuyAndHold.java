package io.strikeswarm.swarm.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * The benchmark: the capital split equally over the instruments, each bought at its first close and held to its
 * last close, without fees. Its return is therefore the mean of the instruments' own returns.
 */
final class BuyAndHold {
  private BuyAndHold() {}

  /** mean over instruments of (lastClose / firstClose − 1) × 100, 4 decimals. */
  static BigDecimal returnPct(List<InstrumentRange> instruments) {
    BigDecimal sum = BigDecimal.ZERO;
    for (InstrumentRange i : instruments) {
      sum = sum.add(i.lastClose().divide(i.firstClose(), MathContext.DECIMAL128).subtract(BigDecimal.ONE));
    }
    return Rounding.percent(sum, BigDecimal.valueOf(instruments.size()));
  }
}

package io.strikeswarm.swarm.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The two precisions the report shows: money to the cent, ratios and percentages to 4 decimals. Both round
 * half-even so that rounding many figures does not drift one way.
 */
final class Rounding {
  static final int MONEY_SCALE = 2;
  static final int RATIO_SCALE = 4;
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private Rounding() {}

  static BigDecimal money(BigDecimal amount) {
    return amount.setScale(MONEY_SCALE, RoundingMode.HALF_EVEN);
  }

  static BigDecimal ratio(BigDecimal value) {
    return value.setScale(RATIO_SCALE, RoundingMode.HALF_EVEN);
  }

  /** A double ratio (Sharpe, Sortino); anything not finite becomes 0 so that no NaN or Infinity is ever written. */
  static BigDecimal ratio(double value) {
    return Double.isFinite(value) ? ratio(BigDecimal.valueOf(value)) : ratio(BigDecimal.ZERO);
  }

  /** {@code part / whole}, 0 when {@code whole} is 0 (a rate of nothing is reported as 0, never undefined). */
  static BigDecimal fraction(BigDecimal part, BigDecimal whole) {
    return whole.signum() == 0 ? ratio(BigDecimal.ZERO) : part.divide(whole, RATIO_SCALE, RoundingMode.HALF_EVEN);
  }

  /** {@code part / whole × 100}, 0 when {@code whole} is 0. */
  static BigDecimal percent(BigDecimal part, BigDecimal whole) {
    return fraction(part.multiply(HUNDRED), whole);
  }
}

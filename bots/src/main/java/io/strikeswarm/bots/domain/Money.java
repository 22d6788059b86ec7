package io.strikeswarm.bots.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Money and quantity arithmetic. Every stored amount has {@link #SCALE} decimals, so equal values compare equal
 * with {@code equals} and journals replay to identical states. Quantities round toward zero (never buy more
 * than the cash allows); money rounds half-even.
 */
public final class Money {
  public static final int SCALE = 8;
  public static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;
  public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(SCALE);

  private Money() {}

  public static BigDecimal of(String value) {
    return normalize(new BigDecimal(value));
  }

  public static BigDecimal of(long value) {
    return normalize(BigDecimal.valueOf(value));
  }

  public static BigDecimal normalize(BigDecimal value) {
    return value.setScale(SCALE, ROUNDING);
  }

  public static BigDecimal quantity(BigDecimal value) {
    return value.setScale(SCALE, RoundingMode.DOWN);
  }

  /** {@code amount × bps / 10,000}, e.g. a taker fee on a notional. */
  public static BigDecimal bps(BigDecimal amount, BigDecimal bps) {
    return normalize(amount.multiply(bps).movePointLeft(4));
  }

  public static BigDecimal divide(BigDecimal dividend, BigDecimal divisor) {
    return dividend.divide(divisor, SCALE, ROUNDING);
  }

  /** Rounds down to whole cents: what a capital allocator hands out, leaving the remainder where it was. */
  public static BigDecimal cents(BigDecimal value) {
    return value.setScale(2, RoundingMode.DOWN).setScale(SCALE);
  }

  public static boolean isPositive(BigDecimal value) {
    return value.signum() > 0;
  }
}

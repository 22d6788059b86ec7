package io.strikeswarm.swarm.paper;

import java.math.BigDecimal;

/**
 * How fast the paper feed replays market time: {@code 60x} plays an hour of bars in a minute, {@code 1x} in real
 * time, {@code max} as fast as the swarm can trade.
 */
public record Speed(BigDecimal factor) {
  public static final Speed MAX = new Speed(null);

  public static Speed parse(String text) {
    String t = text == null ? "" : text.trim().toLowerCase();
    if (t.equals("max")) return MAX;
    String number = t.endsWith("x") ? t.substring(0, t.length() - 1) : t;
    BigDecimal factor;
    try {
      factor = new BigDecimal(number);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--speed: must be like 60x, 1x, 0.5x or max, got '" + text + "'");
    }
    if (factor.signum() <= 0 || factor.compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
      throw new IllegalArgumentException("--speed: must be in (0x, 1000000x] or max, got '" + text + "'");
    }
    return new Speed(factor);
  }

  public boolean unpaced() {
    return factor == null;
  }

  /** Wall-clock nanoseconds that {@code marketMs} of market time take at this speed. */
  public long wallNanos(long marketMs) {
    if (factor == null) return 0;
    return BigDecimal.valueOf(marketMs).multiply(BigDecimal.valueOf(1_000_000))
        .divide(factor, 0, java.math.RoundingMode.HALF_UP).longValue();
  }

  @Override
  public String toString() {
    return factor == null ? "max" : factor.stripTrailingZeros().toPlainString() + "x";
  }
}

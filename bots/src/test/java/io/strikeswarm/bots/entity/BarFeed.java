package io.strikeswarm.bots.entity;

import io.strikeswarm.bots.domain.Bar;
import java.math.BigDecimal;

/**
 * Minute bars of one instrument as an exchange would send them: each opens at the previous close, its high and
 * low reach a little beyond open and close, and the volume varies.
 */
final class BarFeed {
  static final long MINUTE = 60_000L;
  private static final BigDecimal WICK_UP = new BigDecimal("0.40");
  private static final BigDecimal WICK_DOWN = new BigDecimal("0.35");

  private final String instrument;
  private long timeMs;
  private BigDecimal lastClose;
  private int count;

  BarFeed(String instrument, long startMs) {
    this.instrument = instrument;
    this.timeMs = startMs;
  }

  /** The next minute's bar, closing at {@code close}. */
  Bar next(String close) {
    BigDecimal c = new BigDecimal(close);
    BigDecimal open = lastClose == null ? c : lastClose;
    timeMs += MINUTE;
    lastClose = c;
    count++;
    BigDecimal volume = new BigDecimal("3.25").add(BigDecimal.valueOf(count % 7).multiply(new BigDecimal("1.5")));
    return new Bar(instrument, timeMs, open, open.max(c).add(WICK_UP), open.min(c).subtract(WICK_DOWN), c, volume);
  }

  /** Time of the last bar handed out. */
  long lastTimeMs() {
    return timeMs;
  }
}

package io.strikeswarm.swarm.market;

import io.strikeswarm.bots.domain.Bar;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * OHLCV keyed by its OPEN time, before the period is known. Sources state open times (or, for trades, instants), but
 * a {@link Bar} is stamped with its end, which needs the period that is only known once the whole series is read.
 */
record Candle(long openTimeMs, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close,
    BigDecimal volume) {

  /** A single trade seen as the smallest possible candle, so trades and bars share one aggregation path. */
  static Candle ofTrade(long timeMs, BigDecimal price, BigDecimal amount) {
    return new Candle(timeMs, price, price, price, price, amount);
  }

  Candle movedBy(long deltaMs) {
    return new Candle(openTimeMs + deltaMs, open, high, low, close, volume);
  }

  Bar toBar(String instrument, Duration period) {
    return new Bar(instrument, openTimeMs + period.toMillis(), open, high, low, close, volume);
  }
}

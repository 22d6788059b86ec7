package io.strikeswarm.bots.domain;

import io.strikeswarm.persistence.CborSerializable;
import java.math.BigDecimal;

/**
 * An open position: signed quantity (+ long, − short) at an average entry price, opened at market time
 * {@code openedAtMs}.
 */
public record Position(String instrument, BigDecimal quantity, BigDecimal averageEntry, long openedAtMs)
    implements CborSerializable {

  public Side side() {
    return quantity.signum() >= 0 ? Side.LONG : Side.SHORT;
  }

  public BigDecimal notional(BigDecimal mark) {
    return Money.normalize(quantity.abs().multiply(mark));
  }

  public BigDecimal unrealizedPnl(BigDecimal mark) {
    return Money.normalize(quantity.multiply(mark.subtract(averageEntry)));
  }

  /** What the position is worth at {@code mark} when added to cash: + for a long, − for a short liability. */
  public BigDecimal markValue(BigDecimal mark) {
    return Money.normalize(quantity.multiply(mark));
  }
}

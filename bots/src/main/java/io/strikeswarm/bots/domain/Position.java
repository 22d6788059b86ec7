package io.strikeswarm.bots.domain;

import io.strikeswarm.persistence.CborSerializable;
import java.math.BigDecimal;

/**
 * An open position: signed quantity (+ long, − short) and its signed cost basis (Σ quantity × price of the fills
 * that opened it, in money at {@link Money#SCALE} decimals), opened at market time {@code openedAtMs}. The cost basis
 * is kept exactly, so P&amp;L never inherits the rounding of an average price.
 */
public record Position(String instrument, BigDecimal quantity, BigDecimal costBasis, long openedAtMs)
    implements CborSerializable {

  public Side side() {
    return quantity.signum() >= 0 ? Side.LONG : Side.SHORT;
  }

  /** Average entry price, for display and as a mark of last resort; never used for accounting. */
  public BigDecimal averageEntry() {
    return Money.divide(costBasis, quantity);
  }

  public BigDecimal notional(BigDecimal mark) {
    return markValue(mark).abs();
  }

  public BigDecimal unrealizedPnl(BigDecimal mark) {
    return Money.normalize(markValue(mark).subtract(costBasis));
  }

  /** What the position is worth at {@code mark} when added to cash: + for a long, − for a short liability. */
  public BigDecimal markValue(BigDecimal mark) {
    return Money.normalize(quantity.multiply(mark));
  }
}

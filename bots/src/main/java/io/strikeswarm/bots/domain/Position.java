package io.strikeswarm.bots.domain;

import io.strikeswarm.persistence.CborSerializable;
import java.math.BigDecimal;

/**
 * An open position: signed quantity (+ long, − short) and its signed cost basis (Σ quantity × price of the fills
 * that opened it, in money at {@link Money#SCALE} decimals), the fees those fills paid, opened at market time
 * {@code openedAtMs}. Cost basis and entry fees are kept exactly, so P&amp;L never inherits the rounding of an
 * average price.
 */
public record Position(String instrument, BigDecimal quantity, BigDecimal costBasis, BigDecimal entryFees,
    long openedAtMs) implements CborSerializable {

  /**
   * The part of this position that closing {@code closing} units takes with it: its share of the cost basis and of
   * the entry fees. Exact when the whole position closes; otherwise rounded once, and the remainder stays with the
   * position, so the shares of all its exits add up exactly.
   */
  public Slice slice(BigDecimal closing) {
    BigDecimal held = quantity.abs();
    if (closing.compareTo(held) >= 0) return new Slice(held, costBasis, entryFees);
    return new Slice(closing, proportion(costBasis, closing, held), proportion(entryFees, closing, held));
  }

  public record Slice(BigDecimal quantity, BigDecimal costBasis, BigDecimal entryFees) {}

  private static BigDecimal proportion(BigDecimal amount, BigDecimal part, BigDecimal whole) {
    return Money.normalize(amount.multiply(part).divide(whole, Money.SCALE + 8, Money.ROUNDING));
  }

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

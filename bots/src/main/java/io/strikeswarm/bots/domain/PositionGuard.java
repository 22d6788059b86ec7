package io.strikeswarm.bots.domain;

import io.strikeswarm.persistence.CborSerializable;
import java.math.BigDecimal;

/**
 * The resting protection of an open position, set from its entry fill: stop-loss, take-profit, partial
 * take-profit and trailing-stop levels (null = off), the isolated margin behind it and the liquidation and
 * bankruptcy prices that margin implies, the best price seen since entry (for the trail) and how many bars it has
 * been held.
 */
public record PositionGuard(
    Side side,
    BigDecimal entryPrice,
    BigDecimal stopPrice,
    BigDecimal takeProfitPrice,
    BigDecimal partialTakeProfitPrice,
    BigDecimal trailingFraction,
    BigDecimal watermark,
    BigDecimal margin,
    BigDecimal liquidationPrice,
    BigDecimal bankruptcyPrice,
    long openedAtMs,
    int barsHeld)
    implements CborSerializable {

  /** The trailing stop's level now, or null when there is no trail. */
  public BigDecimal trailingStopPrice() {
    if (trailingFraction == null) return null;
    BigDecimal factor = side == Side.LONG ? BigDecimal.ONE.subtract(trailingFraction)
        : BigDecimal.ONE.add(trailingFraction);
    return Money.normalize(watermark.multiply(factor));
  }

  /** After a bar the position lived through: the best price extends to the bar's extreme, one more bar held. */
  public PositionGuard heldThrough(Bar bar) {
    BigDecimal best = side == Side.LONG ? watermark.max(bar.high()) : watermark.min(bar.low());
    return new PositionGuard(side, entryPrice, stopPrice, takeProfitPrice, partialTakeProfitPrice, trailingFraction,
        Money.normalize(best), margin, liquidationPrice, bankruptcyPrice, openedAtMs, barsHeld + 1);
  }

  /** After a partial exit: the partial level is spent and the margin shrinks with the position. */
  public PositionGuard afterPartial(BigDecimal remainingMargin) {
    return new PositionGuard(side, entryPrice, stopPrice, takeProfitPrice, null, trailingFraction, watermark,
        remainingMargin, liquidationPrice, bankruptcyPrice, openedAtMs, barsHeld);
  }
}

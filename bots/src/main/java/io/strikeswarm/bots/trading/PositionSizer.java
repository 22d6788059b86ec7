package io.strikeswarm.bots.trading;

import io.strikeswarm.bots.domain.Money;
import io.strikeswarm.bots.domain.TradePlan;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How many units an entry buys (or sells short), from the plan, the bot's equity and the price. Pure. Every mode
 * is capped by {@code fraction × equity × leverage} (the margin the bot may commit, levered) and by the plan's
 * notional budget, and leaves room for slippage and fees, so a filled entry never exceeds either limit.
 */
public final class PositionSizer {
  private PositionSizer() {}

  /** The largest notional an entry may carry: levered margin, within the budget. */
  public static BigDecimal notionalCap(TradePlan plan, BigDecimal equity) {
    BigDecimal cap = equity.multiply(plan.fraction()).multiply(plan.leverage());
    return plan.maxNotional() == null ? cap : cap.min(plan.maxNotional());
  }

  /**
   * {@code quantity}, or the most units whose notional at the actual {@code fillPrice} stays within {@code cap}: the
   * venue rounds its fill price and the notional to money, and with no fee to absorb it that rounding can tip a
   * quantity sized on the ideal price a unit over the cap.
   */
  public static BigDecimal withinCap(BigDecimal quantity, BigDecimal fillPrice, BigDecimal cap) {
    BigDecimal limit = cap.setScale(Money.SCALE, RoundingMode.DOWN);
    if (Money.normalize(quantity.multiply(fillPrice)).compareTo(limit) <= 0) return quantity;
    return Money.quantity(limit.divide(fillPrice, Money.SCALE + 4, RoundingMode.DOWN));
  }

  /**
   * Units to trade at {@code price}, rounded down; zero when nothing fits. {@code atr} is needed only for
   * volatility sizing (null → zero units).
   */
  public static BigDecimal quantity(TradePlan plan, BigDecimal equity, BigDecimal price, BigDecimal atr,
      BigDecimal costFactor) {
    if (equity.signum() <= 0 || price.signum() <= 0) return Money.ZERO;
    BigDecimal cap = notionalCap(plan, equity);
    BigDecimal wanted = switch (plan.sizing()) {
      case FRACTION -> cap;
      case RISK -> equity.multiply(plan.riskPerTrade()).divide(plan.stopLoss(), Money.SCALE + 4, Money.ROUNDING);
      case VOLATILITY -> {
        if (atr == null || atr.signum() <= 0) yield BigDecimal.ZERO;
        BigDecimal stopFraction = plan.atrMultiple().multiply(atr).divide(price, Money.SCALE + 4, Money.ROUNDING);
        yield stopFraction.signum() > 0
            ? equity.multiply(plan.riskPerTrade()).divide(stopFraction, Money.SCALE + 4, Money.ROUNDING)
            : BigDecimal.ZERO;
      }
    };
    BigDecimal notional = wanted.min(cap);
    if (notional.signum() <= 0) return Money.ZERO;
    return Money.quantity(notional.divide(price.multiply(costFactor), Money.SCALE + 4, Money.ROUNDING));
  }
}

package io.strikeswarm.bots.domain;

import io.strikeswarm.persistence.CborSerializable;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * How a bot sizes, levers and protects its positions — the risk layer between a strategy's signal and the venue.
 * Fractions are of price (stop-loss 0.025 = 2.5 % below a long's entry) or of equity (fraction, risk per trade).
 * A null level means that protection is off.
 *
 * <ul>
 *   <li>{@code sizing}: FRACTION commits {@code fraction} of equity as margin; RISK sizes so that hitting the
 *       stop-loss loses {@code riskPerTrade} of equity; VOLATILITY does the same with a stop distance of
 *       {@code atrMultiple} × ATR(14). Every mode is capped by {@code fraction} × equity × leverage and by
 *       {@code maxNotional}.</li>
 *   <li>{@code leverage} in [1, {@value #MAX_LEVERAGE}] on isolated margin; {@code maintenanceMargin} sets the
 *       liquidation level.</li>
 *   <li>{@code priceBand}: no entry on a bar whose close moved more than this fraction from the previous close
 *       (an extreme print may be real, but the bot will not open a position on it).</li>
 * </ul>
 */
public record TradePlan(
    Sizing sizing,
    BigDecimal fraction,
    BigDecimal riskPerTrade,
    BigDecimal atrMultiple,
    BigDecimal leverage,
    BigDecimal maintenanceMargin,
    BigDecimal stopLoss,
    BigDecimal takeProfit,
    BigDecimal partialTakeProfit,
    BigDecimal partialFraction,
    BigDecimal trailingStop,
    int maxBarsHeld,
    BigDecimal maxNotional,
    BigDecimal priceBand)
    implements CborSerializable {

  public static final int MAX_LEVERAGE = 5;

  public enum Sizing {
    FRACTION,
    RISK,
    VOLATILITY
  }

  /**
   * The default plan: risk 2 % of equity over a 2.5 % stop, 3x isolated margin, half the position out at +5 %,
   * the rest at +10 % or on a 4 % trail; no entries on a bar that moved more than 20 %.
   */
  public static final TradePlan DEFAULT = new TradePlan(Sizing.RISK, new BigDecimal("0.95"), new BigDecimal("0.02"),
      new BigDecimal("2"), new BigDecimal("3"), new BigDecimal("0.005"), new BigDecimal("0.025"),
      new BigDecimal("0.10"), new BigDecimal("0.05"), new BigDecimal("0.5"), new BigDecimal("0.04"), 0, null,
      new BigDecimal("0.20"));

  /** Only strategy signals act: no stops, targets, trail or time exit (liquidation still applies — it is the venue's). */
  public static TradePlan signalsOnly(BigDecimal leverage) {
    return new TradePlan(Sizing.FRACTION, new BigDecimal("0.95"), new BigDecimal("0.02"), new BigDecimal("2"),
        leverage, new BigDecimal("0.005"), null, null, null, null, null, 0, null, null);
  }

  public TradePlan {
    Objects.requireNonNull(sizing, "sizing");
    Objects.requireNonNull(fraction, "fraction");
    Objects.requireNonNull(riskPerTrade, "riskPerTrade");
    Objects.requireNonNull(atrMultiple, "atrMultiple");
    Objects.requireNonNull(leverage, "leverage");
    Objects.requireNonNull(maintenanceMargin, "maintenanceMargin");
  }

  /** Checks every field; the message names the one that is wrong. */
  public TradePlan validate() {
    inRange("fraction", fraction, BigDecimal.ONE);
    inRange("risk-per-trade", riskPerTrade, new BigDecimal("0.5"));
    inRange("atr-multiple", atrMultiple, BigDecimal.valueOf(100));
    if (leverage.compareTo(BigDecimal.ONE) < 0 || leverage.compareTo(BigDecimal.valueOf(MAX_LEVERAGE)) > 0) {
      throw new IllegalArgumentException("leverage must be in [1, " + MAX_LEVERAGE + "], got " + leverage.toPlainString());
    }
    if (maintenanceMargin.signum() < 0 || maintenanceMargin.compareTo(new BigDecimal("0.1")) > 0) {
      throw new IllegalArgumentException("maintenance-margin must be in [0, 0.1], got " + maintenanceMargin.toPlainString());
    }
    optional("stop-loss", stopLoss, new BigDecimal("0.5"));
    optional("take-profit", takeProfit, BigDecimal.TEN);
    optional("partial-take-profit", partialTakeProfit, BigDecimal.TEN);
    optional("trailing-stop", trailingStop, new BigDecimal("0.5"));
    optional("price-band", priceBand, BigDecimal.TEN);
    if (partialTakeProfit != null) {
      if (partialFraction == null) throw new IllegalArgumentException("partial-fraction is required with partial-take-profit");
      inRange("partial-fraction", partialFraction, BigDecimal.ONE);
      if (partialFraction.compareTo(BigDecimal.ONE) == 0) {
        throw new IllegalArgumentException("partial-fraction must be < 1 (use take-profit to close it all)");
      }
      if (takeProfit != null && partialTakeProfit.compareTo(takeProfit) >= 0) {
        throw new IllegalArgumentException("partial-take-profit (" + partialTakeProfit.toPlainString()
            + ") must be below take-profit (" + takeProfit.toPlainString() + ")");
      }
    }
    if (sizing == Sizing.RISK && stopLoss == null) {
      throw new IllegalArgumentException("sizing 'risk' needs a stop-loss (risk is measured to the stop)");
    }
    if (maxBarsHeld < 0) throw new IllegalArgumentException("max-bars-held must be >= 0, got " + maxBarsHeld);
    if (maxNotional != null && maxNotional.signum() <= 0) {
      throw new IllegalArgumentException("max-notional must be > 0, got " + maxNotional.toPlainString());
    }
    return this;
  }

  public TradePlan withLeverage(BigDecimal newLeverage) {
    return new TradePlan(sizing, fraction, riskPerTrade, atrMultiple, newLeverage, maintenanceMargin, stopLoss,
        takeProfit, partialTakeProfit, partialFraction, trailingStop, maxBarsHeld, maxNotional, priceBand);
  }

  public TradePlan withMaxNotional(BigDecimal cap) {
    return new TradePlan(sizing, fraction, riskPerTrade, atrMultiple, leverage, maintenanceMargin, stopLoss,
        takeProfit, partialTakeProfit, partialFraction, trailingStop, maxBarsHeld, cap, priceBand);
  }

  private static void inRange(String name, BigDecimal value, BigDecimal max) {
    if (value == null || value.signum() <= 0 || value.compareTo(max) > 0) {
      throw new IllegalArgumentException(name + " must be in (0, " + max.toPlainString() + "], got "
          + (value == null ? "nothing" : value.toPlainString()));
    }
  }

  private static void optional(String name, BigDecimal value, BigDecimal max) {
    if (value != null) inRange(name, value, max);
  }
}

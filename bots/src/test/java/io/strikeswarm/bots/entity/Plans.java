package io.strikeswarm.bots.entity;

import io.strikeswarm.bots.domain.TradePlan;
import java.math.BigDecimal;

/**
 * Trade plans for tests, built field by field from a plain base: fraction sizing of 0.5005 of equity at leverage 1,
 * maintenance margin 0.5 %, no stop, target, trail, time exit, notional cap or price band. At a price of 100 and a
 * 10 bps taker fee the base plan buys exactly 50 units with 10,000 of equity: 5005 / (100 × 1.001) = 50.
 */
final class Plans {
  private TradePlan.Sizing sizing = TradePlan.Sizing.FRACTION;
  private BigDecimal fraction = new BigDecimal("0.5005");
  private BigDecimal riskPerTrade = new BigDecimal("0.02");
  private BigDecimal atrMultiple = new BigDecimal("2");
  private BigDecimal leverage = BigDecimal.ONE;
  private BigDecimal maintenanceMargin = new BigDecimal("0.005");
  private BigDecimal stopLoss;
  private BigDecimal takeProfit;
  private BigDecimal partialTakeProfit;
  private BigDecimal partialFraction;
  private BigDecimal trailingStop;
  private int maxBarsHeld;
  private BigDecimal maxNotional;
  private BigDecimal priceBand;

  private Plans() {}

  static Plans plan() {
    return new Plans();
  }

  Plans sizing(TradePlan.Sizing value) {
    sizing = value;
    return this;
  }

  Plans fraction(String value) {
    fraction = bd(value);
    return this;
  }

  Plans riskPerTrade(String value) {
    riskPerTrade = bd(value);
    return this;
  }

  Plans atrMultiple(String value) {
    atrMultiple = bd(value);
    return this;
  }

  Plans leverage(String value) {
    leverage = bd(value);
    return this;
  }

  Plans maintenanceMargin(String value) {
    maintenanceMargin = bd(value);
    return this;
  }

  Plans stopLoss(String value) {
    stopLoss = bd(value);
    return this;
  }

  Plans takeProfit(String value) {
    takeProfit = bd(value);
    return this;
  }

  Plans partialTakeProfit(String level, String fractionOfPosition) {
    partialTakeProfit = bd(level);
    partialFraction = bd(fractionOfPosition);
    return this;
  }

  Plans trailingStop(String value) {
    trailingStop = bd(value);
    return this;
  }

  Plans maxBarsHeld(int value) {
    maxBarsHeld = value;
    return this;
  }

  Plans maxNotional(String value) {
    maxNotional = bd(value);
    return this;
  }

  Plans priceBand(String value) {
    priceBand = bd(value);
    return this;
  }

  /** The plan, validated: a test never trades on a plan a bot would refuse. */
  TradePlan build() {
    return new TradePlan(sizing, fraction, riskPerTrade, atrMultiple, leverage, maintenanceMargin, stopLoss, takeProfit,
        partialTakeProfit, partialFraction, trailingStop, maxBarsHeld, maxNotional, priceBand).validate();
  }

  private static BigDecimal bd(String value) {
    return value == null ? null : new BigDecimal(value);
  }
}

package io.strikeswarm.bots.domain;

import java.math.BigDecimal;

/**
 * Fills a market order at a reference price moved against the taker by the slippage, and charges the taker fee
 * on the filled notional. Pure: the same order and price always give the same fill.
 */
public final class PaperFillModel {
  private PaperFillModel() {}

  public static Fill fill(Order order, BigDecimal referencePrice, BigDecimal feeBps, BigDecimal slippageBps,
      long timeMs) {
    BigDecimal slip = Money.bps(referencePrice, slippageBps);
    BigDecimal price = Money.normalize(referencePrice.add(slip.multiply(BigDecimal.valueOf(order.action().sign()))));
    BigDecimal fee = Money.bps(order.quantity().multiply(price), feeBps);
    return new Fill(order.instrument(), order.action(), order.quantity(), price, fee, timeMs);
  }
}

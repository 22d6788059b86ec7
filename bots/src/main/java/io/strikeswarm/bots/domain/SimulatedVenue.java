package io.strikeswarm.bots.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The simulated venue's execution model, pure and deterministic: the same order and bar always give the same fill.
 *
 * <ul>
 *   <li>Market orders fill at the reference price (the bar's close, or the next bar's open) moved against the taker
 *       by the slippage, and pay the taker fee on the filled notional.</li>
 *   <li>Stop orders (stop-loss, trailing stop) trigger intrabar at their level; when the bar opens beyond the level
 *       the price gapped through it and the stop fills at the open. Then they are market orders: slippage and fee.</li>
 *   <li>Take-profit orders are limit orders: they fill at their level, or at the open when it is already better; no
 *       slippage, taker fee (conservative: no maker rebate is assumed).</li>
 *   <li>A liquidation closes an isolated position at its bankruptcy price with no fee, so it loses exactly its margin;
 *       a gap beyond that is the venue's insurance fund's, as on the large derivatives venues.</li>
 * </ul>
 */
public record SimulatedVenue(FillTiming timing, BigDecimal feeBps, BigDecimal slippageBps) {

  public SimulatedVenue {
    Objects.requireNonNull(timing, "timing");
    Objects.requireNonNull(feeBps, "feeBps");
    Objects.requireNonNull(slippageBps, "slippageBps");
  }

  public Fill market(Order order, BigDecimal reference, long timeMs) {
    return fill(order, slipped(order.action(), reference), feeBps, timeMs);
  }

  public Fill stop(Order order, BigDecimal level, BigDecimal open, long timeMs) {
    boolean gapped = order.action() == OrderAction.SELL ? open.compareTo(level) < 0 : open.compareTo(level) > 0;
    return fill(order, slipped(order.action(), gapped ? open : level), feeBps, timeMs);
  }

  public Fill limit(Order order, BigDecimal level, BigDecimal open, long timeMs) {
    boolean better = order.action() == OrderAction.SELL ? open.compareTo(level) > 0 : open.compareTo(level) < 0;
    return fill(order, Money.normalize(better ? open : level), feeBps, timeMs);
  }

  public Fill liquidation(Order order, BigDecimal bankruptcyPrice, long timeMs) {
    return fill(order, Money.normalize(bankruptcyPrice), BigDecimal.ZERO, timeMs);
  }

  /** Buy + sell costs per unit of notional: what sizing leaves room for so the entry still fits the budget. */
  public BigDecimal costFactor() {
    return BigDecimal.ONE.add(slippageBps.add(feeBps).movePointLeft(4));
  }

  private BigDecimal slipped(OrderAction action, BigDecimal reference) {
    BigDecimal slip = Money.bps(reference, slippageBps);
    return Money.normalize(reference.add(slip.multiply(BigDecimal.valueOf(action.sign()))));
  }

  private static Fill fill(Order order, BigDecimal price, BigDecimal feeBps, long timeMs) {
    BigDecimal fee = Money.bps(order.quantity().multiply(price), feeBps);
    return new Fill(order.instrument(), order.action(), order.quantity(), price, fee, timeMs);
  }
}

package io.strikeswarm.bots.entity;

import io.strikeswarm.bots.domain.Bar;
import io.strikeswarm.bots.domain.BotConfig;
import io.strikeswarm.bots.domain.BotStatus;
import io.strikeswarm.bots.domain.ClosedTrade;
import io.strikeswarm.bots.domain.Fill;
import io.strikeswarm.bots.domain.FillTiming;
import io.strikeswarm.bots.domain.Money;
import io.strikeswarm.bots.domain.Order;
import io.strikeswarm.bots.domain.OrderAction;
import io.strikeswarm.bots.domain.Position;
import io.strikeswarm.bots.domain.PositionGuard;
import io.strikeswarm.bots.domain.Side;
import io.strikeswarm.bots.domain.SimulatedVenue;
import io.strikeswarm.bots.domain.TradePlan;
import io.strikeswarm.bots.domain.TradingState;
import io.strikeswarm.bots.trading.PositionSizer;
import io.strikeswarm.bots.trading.StrategyRuntime;
import java.math.BigDecimal;
import java.util.ArrayList;

/**
 * One bar of a bot's trading, in the order a real bar unfolds: orders waiting for this bar's open fill; resting
 * protection (liquidation, stop-loss, trailing stop, then take-profits) triggers intrabar from the bar's open, high
 * and low; the strategy sees the bar; a time exit, a signal exit or an entry acts at the close (or waits for the
 * next open); finally the bar is observed (mark, trail, stats). Pure: no clock, no randomness, no actor — the same
 * state, bar and swarm state always record the same events.
 *
 * <p>Where the bar's path is unknown it assumes the worst: adverse levels are checked before favourable ones, and
 * the trail only moves after the bar that moved it.
 *
 * <p>On a routed venue ({@link BotConfig#routesOrders()}) the same decisions place orders and nothing fills here: the
 * venue fills them later and {@link RoutedFills} books what it did at the start of a later step. While an order
 * works there, the bot places no other (no second exit for the same position, no entry beside an exit).
 */
final class BotTrader {
  private BotTrader() {}

  static void onBar(BatchRecorder rec, Bar bar, StrategyRuntime runtime, TradingState swarm) {
    boolean routed = routed(rec);
    if (!routed) fillWaitingOrders(rec, bar, runtime, swarm);
    boolean closedThisBar = !(routed && !rec.state().openOrders().isEmpty()) && protect(rec, bar);
    runtime.append(bar);
    BotState s = rec.state();
    boolean trading = s.status() == BotStatus.ACTIVE || s.status() == BotStatus.PAUSED;
    if (trading && swarm != TradingState.HALTED && s.openOrders().isEmpty()) {
      Position position = s.position();
      if (position != null) {
        PositionGuard guard = s.guard();
        int maxBars = s.config().plan().maxBarsHeld();
        if (maxBars > 0 && guard != null && livedThrough(s, guard, bar) && guard.barsHeld() + 1 >= maxBars) {
          exitAtClose(rec, bar, Order.Reason.TIME_EXIT);
        } else if (runtime.exit()) {
          exitAtClose(rec, bar, Order.Reason.EXIT);
        }
      } else if (!closedThisBar && runtime.entry()) {
        enter(rec, bar, runtime, swarm);
      }
    }
    observe(rec, bar);
  }

  /** Cancel every waiting order and close the position at the last close: the kill switch, the breaker, retiring. */
  static void flatten(BatchRecorder rec, String reason) {
    if (routed(rec)) {
      flattenOnVenue(rec);
      return;
    }
    BotState s = rec.state();
    for (Order order : new ArrayList<>(s.openOrders().values())) {
      rec.trade(new BotEntity.OrderCancelled(order.orderId(), reason));
    }
    Position position = rec.state().position();
    BigDecimal mark = rec.state().lastClose();
    if (position == null || mark == null) return;
    Order order = order(rec.state(), position.side().closing(), position.quantity().abs(), Order.Reason.FLATTEN);
    rec.trade(new BotEntity.OrderPlaced(order));
    close(rec, order, venue(rec).market(order, mark, rec.state().lastBarTimeMs()));
  }

  /**
   * On a routed venue the bot cannot cancel an order by itself: working orders are the venue's to finish (the entity
   * asks it to cancel them), and the position is closed by a market order once none works — now, or at the step
   * that books the last of them.
   */
  static void flattenOnVenue(BatchRecorder rec) {
    BotState s = rec.state();
    Position position = s.position();
    if (!s.openOrders().isEmpty() || position == null) return;
    rec.trade(new BotEntity.OrderPlaced(order(s, position.side().closing(), position.quantity().abs(),
        Order.Reason.FLATTEN)));
  }

  // ---- the steps -------------------------------------------------------------------------------------------

  private static void fillWaitingOrders(BatchRecorder rec, Bar bar, StrategyRuntime runtime, TradingState swarm) {
    for (Order order : new ArrayList<>(rec.state().openOrders().values())) {
      if (order.placedAtMs() >= bar.timeMs()) continue;
      if (order.reason() == Order.Reason.ENTRY) {
        BotState s = rec.state();
        // Entries are only opened by an active bot in an active swarm, at the fill as at the decision.
        if (!swarm.allowsEntries() || s.status() != BotStatus.ACTIVE) {
          rec.trade(new BotEntity.OrderCancelled(order.orderId(),
              !swarm.allowsEntries() ? "swarm is " + swarm : "bot is " + s.status()));
          continue;
        }
        // Re-checked at the fill: a gap since the decision must not push the entry past its limits.
        BigDecimal equity = s.portfolio().equity();
        BigDecimal cap = PositionSizer.notionalCap(s.config().plan(), equity);
        BigDecimal fits = Money.quantity(cap.divide(bar.open().multiply(venue(rec).costFactor()), Money.SCALE + 4,
            Money.ROUNDING));
        BigDecimal quantity = PositionSizer.withinCap(order.quantity().min(fits),
            venue(rec).market(order, bar.open(), bar.timeMs()).price(), cap);
        if (quantity.signum() <= 0) {
          rec.trade(new BotEntity.OrderCancelled(order.orderId(), "no longer fits the limits at the open"));
          continue;
        }
        Order sized = quantity.compareTo(order.quantity()) == 0 ? order
            : new Order(order.orderId(), order.instrument(), order.action(), quantity, order.reason(), order.placedAtMs());
        Fill fill = venue(rec).market(sized, bar.open(), bar.timeMs());
        rec.trade(new BotEntity.OrderFilled(order.orderId(), fill));
        // The ATR the entry was sized on: the runtime has not seen this bar yet.
        rec.trade(new BotEntity.PositionProtected(guardFor(rec.state(), fill, runtime.atr())));
      } else {
        PositionGuard g = rec.state().guard();
        if (g != null && g.liquidationPrice() != null && reached(g.side(), bar.open(), g.liquidationPrice())) {
          // The market went through the liquidation price before it opened: the venue liquidates (see protect),
          // a waiting exit has nothing left to close.
          rec.trade(new BotEntity.OrderCancelled(order.orderId(), "position liquidated before the open"));
          continue;
        }
        close(rec, order, venue(rec).market(order, bar.open(), bar.timeMs()));
      }
    }
  }

  /** Resting protection, intrabar. Returns whether it closed the position. */
  private static boolean protect(BatchRecorder rec, Bar bar) {
    BotState s = rec.state();
    Position position = s.position();
    PositionGuard g = s.guard();
    if (position == null || g == null) return false;
    Side side = g.side();
    BigDecimal adverseExtreme = side == Side.LONG ? bar.low() : bar.high();
    BigDecimal favourableExtreme = side == Side.LONG ? bar.high() : bar.low();

    BigDecimal stop = g.stopPrice();
    Order.Reason stopReason = Order.Reason.STOP_LOSS;
    BigDecimal trail = g.trailingStopPrice();
    if (trail != null && (stop == null || before(side, trail, stop))) {
      stop = trail;
      stopReason = Order.Reason.TRAILING_STOP;
    }
    BigDecimal liquidation = g.liquidationPrice();
    if (liquidation != null && reached(side, bar.open(), liquidation)) {
      liquidate(rec, g, bar);
      return true;
    }
    if (stop != null && (liquidation == null || !before(side, liquidation, stop)) && reached(side, adverseExtreme, stop)) {
      exitAtStop(rec, bar, stop, stopReason);
      return true;
    }
    if (liquidation != null && reached(side, adverseExtreme, liquidation)) {
      liquidate(rec, g, bar);
      return true;
    }
    if (g.partialTakeProfitPrice() != null && reached(side.opposite(), favourableExtreme, g.partialTakeProfitPrice())) {
      BigDecimal held = position.quantity().abs();
      BigDecimal part = Money.quantity(held.multiply(s.config().plan().partialFraction()));
      if (part.signum() > 0 && part.compareTo(held) < 0) {
        takeProfit(rec, bar, g.partialTakeProfitPrice(), part, Order.Reason.PARTIAL_TAKE_PROFIT);
        if (routed(rec)) return true; // the guard follows the venue's fill (RoutedFills)
        BigDecimal remaining = rec.state().position().quantity().abs();
        BigDecimal margin = Money.normalize(g.margin().multiply(remaining).divide(held, Money.SCALE + 8, Money.ROUNDING));
        rec.trade(new BotEntity.PositionProtected(g.afterPartial(margin)));
      }
    }
    PositionGuard current = rec.state().guard();
    if (current != null && current.takeProfitPrice() != null
        && reached(side.opposite(), favourableExtreme, current.takeProfitPrice())) {
      takeProfit(rec, bar, current.takeProfitPrice(), rec.state().position().quantity().abs(), Order.Reason.TAKE_PROFIT);
      return true;
    }
    return false;
  }

  private static void enter(BatchRecorder rec, Bar bar, StrategyRuntime runtime, TradingState swarm) {
    BotState s = rec.state();
    if (s.status() != BotStatus.ACTIVE) return;
    if (!swarm.allowsEntries()) {
      rec.trade(new BotEntity.EntryRefused(bar.timeMs(), "swarm is " + swarm));
      return;
    }
    TradePlan plan = s.config().plan();
    BigDecimal previous = s.lastClose();
    if (plan.priceBand() != null && previous != null) {
      BigDecimal move = bar.close().subtract(previous).abs().divide(previous, Money.SCALE, Money.ROUNDING);
      if (move.compareTo(plan.priceBand()) > 0) {
        rec.trade(new BotEntity.EntryRefused(bar.timeMs(), "price band: close moved " + move.movePointRight(2)
            .stripTrailingZeros().toPlainString() + " % in one bar"));
        return;
      }
    }
    BigDecimal atr = runtime.atr();
    BigDecimal quantity = PositionSizer.quantity(plan, s.portfolio().equity(), bar.close(), atr,
        venue(rec).costFactor());
    if (quantity.signum() > 0 && s.config().fillTiming() == FillTiming.CLOSE) {
      // Fitted to the cap at the price it fills at (an entry for the next open is fitted when it fills).
      BigDecimal price = venue(rec).market(order(s, s.config().side().opening(), quantity, Order.Reason.ENTRY,
          bar.timeMs()), bar.close(), bar.timeMs()).price();
      quantity = PositionSizer.withinCap(quantity, price, PositionSizer.notionalCap(plan, s.portfolio().equity()));
    }
    if (quantity.signum() <= 0) {
      rec.trade(new BotEntity.EntryRefused(bar.timeMs(), plan.sizing() == TradePlan.Sizing.VOLATILITY && atr == null
          ? "no ATR yet for volatility sizing" : "position size rounds to zero"));
      return;
    }
    Order order = order(s, s.config().side().opening(), quantity, Order.Reason.ENTRY, bar.timeMs());
    rec.trade(new BotEntity.OrderPlaced(order));
    if (s.config().fillTiming() == FillTiming.CLOSE && !routed(rec)) {
      Fill fill = venue(rec).market(order, bar.close(), bar.timeMs());
      rec.trade(new BotEntity.OrderFilled(order.orderId(), fill));
      rec.trade(new BotEntity.PositionProtected(guardFor(rec.state(), fill, atr)));
    }
  }

  private static void exitAtClose(BatchRecorder rec, Bar bar, Order.Reason reason) {
    Position position = rec.state().position();
    Order order = order(rec.state(), position.side().closing(), position.quantity().abs(), reason, bar.timeMs());
    rec.trade(new BotEntity.OrderPlaced(order));
    if (rec.state().config().fillTiming() == FillTiming.CLOSE) {
      close(rec, order, venue(rec).market(order, bar.close(), bar.timeMs()));
    }
  }

  private static void exitAtStop(BatchRecorder rec, Bar bar, BigDecimal level, Order.Reason reason) {
    Position position = rec.state().position();
    rec.trade(new BotEntity.StopTriggered(reason.label(), level, bar.timeMs()));
    Order order = order(rec.state(), position.side().closing(), position.quantity().abs(), reason, bar.timeMs());
    rec.trade(new BotEntity.OrderPlaced(order));
    close(rec, order, venue(rec).stop(order, level, bar.open(), bar.timeMs()));
  }

  private static void takeProfit(BatchRecorder rec, Bar bar, BigDecimal level, BigDecimal quantity, Order.Reason reason) {
    Position position = rec.state().position();
    rec.trade(new BotEntity.StopTriggered(reason.label(), level, bar.timeMs()));
    Order order = order(rec.state(), position.side().closing(), quantity, reason, bar.timeMs());
    rec.trade(new BotEntity.OrderPlaced(order));
    close(rec, order, venue(rec).limit(order, level, bar.open(), bar.timeMs()));
  }

  private static void liquidate(BatchRecorder rec, PositionGuard g, Bar bar) {
    Position position = rec.state().position();
    rec.trade(new BotEntity.StopTriggered(Order.Reason.LIQUIDATION.label(), g.liquidationPrice(), bar.timeMs()));
    Order order = order(rec.state(), position.side().closing(), position.quantity().abs(), Order.Reason.LIQUIDATION,
        bar.timeMs());
    rec.trade(new BotEntity.OrderPlaced(order));
    close(rec, order, venue(rec).liquidation(order, g.bankruptcyPrice(), bar.timeMs()));
  }

  private static void observe(BatchRecorder rec, Bar bar) {
    BotState s = rec.state();
    PositionGuard guard = s.guard();
    if (guard != null && livedThrough(s, guard, bar)) guard = guard.heldThrough(bar);
    BigDecimal equity = s.portfolio().mark(bar.instrument(), bar.close()).equity();
    rec.market(new BotEntity.MarketObserved(bar.timeMs(), bar.instrument(), bar.close(), guard,
        s.stats().observed(equity)));
  }

  // ---- helpers ---------------------------------------------------------------------------------------------

  /** Books the simulated venue's fill of a reducing order; on a routed venue the order stays working instead. */
  private static void close(BatchRecorder rec, Order order, Fill fill) {
    if (routed(rec)) return;
    ClosedTrade trade = rec.state().portfolio().closedBy(fill, rec.state().botId(), order.reason().label());
    rec.trade(new BotEntity.OrderFilled(order.orderId(), fill));
    if (trade != null) rec.trade(new BotEntity.TradeClosed(trade));
  }

  /** Protection for the position a fill just opened, priced from the fill. */
  static PositionGuard guardFor(BotState s, Fill fill, BigDecimal atr) {
    TradePlan plan = s.config().plan();
    Position position = s.position();
    Side side = position.side();
    BigDecimal entry = fill.price();
    BigDecimal stop = null;
    if (plan.sizing() == TradePlan.Sizing.VOLATILITY && atr != null) {
      stop = Money.normalize(entry.subtract(plan.atrMultiple().multiply(atr).multiply(BigDecimal.valueOf(side.sign()))));
      if (stop.signum() <= 0) stop = null;
    } else if (plan.stopLoss() != null) {
      stop = away(entry, plan.stopLoss(), side, false);
    }
    BigDecimal takeProfit = plan.takeProfit() == null ? null : away(entry, plan.takeProfit(), side, true);
    BigDecimal partial = plan.partialTakeProfit() == null ? null : away(entry, plan.partialTakeProfit(), side, true);
    BigDecimal cost = position.costBasis().abs();
    BigDecimal qty = position.quantity().abs();
    BigDecimal margin = Money.normalize(cost.divide(plan.leverage(), Money.SCALE + 8, Money.ROUNDING));
    BigDecimal mmr = plan.maintenanceMargin();
    BigDecimal bankruptcy;
    BigDecimal liquidation;
    if (side == Side.LONG) {
      bankruptcy = Money.divide(cost.subtract(margin), qty);
      liquidation = cost.subtract(margin).divide(qty.multiply(BigDecimal.ONE.subtract(mmr)), Money.SCALE, Money.ROUNDING);
    } else {
      bankruptcy = Money.divide(cost.add(margin), qty);
      liquidation = cost.add(margin).divide(qty.multiply(BigDecimal.ONE.add(mmr)), Money.SCALE, Money.ROUNDING);
    }
    if (liquidation.signum() <= 0) {
      liquidation = null; // an unlevered long cannot lose more than it paid: nothing to liquidate
      bankruptcy = null;
    }
    return new PositionGuard(side, entry, stop, takeProfit, partial, plan.trailingStop(), entry, margin, liquidation,
        bankruptcy, fill.timeMs(), 0);
  }

  /** {@code price} moved by {@code fraction} in the position's favour ({@code favourable}) or against it. */
  private static BigDecimal away(BigDecimal price, BigDecimal fraction, Side side, boolean favourable) {
    int direction = side.sign() * (favourable ? 1 : -1);
    return Money.normalize(price.multiply(BigDecimal.ONE.add(fraction.multiply(BigDecimal.valueOf(direction)))));
  }

  /**
   * Whether the position was held through all of {@code bar}: opened before it, or filled at its open (an entry
   * waiting for the next open). An entry at this bar's close saw none of the bar's range.
   */
  private static boolean livedThrough(BotState s, PositionGuard guard, Bar bar) {
    return guard.openedAtMs() < bar.timeMs()
        || (guard.openedAtMs() == bar.timeMs() && s.config().fillTiming() == FillTiming.NEXT_OPEN);
  }

  /** Whether {@code price} is at or beyond {@code level} on the adverse side of a {@code side} position. */
  private static boolean reached(Side side, BigDecimal price, BigDecimal level) {
    return side == Side.LONG ? price.compareTo(level) <= 0 : price.compareTo(level) >= 0;
  }

  /** Whether a falling (long) or rising (short) price meets {@code a} before {@code b}. */
  private static boolean before(Side side, BigDecimal a, BigDecimal b) {
    return side == Side.LONG ? a.compareTo(b) > 0 : a.compareTo(b) < 0;
  }

  private static Order order(BotState s, OrderAction action, BigDecimal quantity, Order.Reason reason) {
    return order(s, action, quantity, reason, s.lastBarTimeMs());
  }

  private static Order order(BotState s, OrderAction action, BigDecimal quantity, Order.Reason reason, long timeMs) {
    return new Order(Order.idFor(s.botId(), s.orderSeq()), s.config().instrument(), action, quantity, reason, timeMs);
  }

  private static boolean routed(BatchRecorder rec) {
    return rec.state().config().routesOrders();
  }

  private static SimulatedVenue venue(BatchRecorder rec) {
    BotConfig config = rec.state().config();
    return config.simulatedVenue();
  }
}

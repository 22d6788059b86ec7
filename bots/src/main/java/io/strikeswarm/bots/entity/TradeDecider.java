package io.strikeswarm.bots.entity;

import io.strikeswarm.bots.domain.BotConfig;
import io.strikeswarm.bots.domain.BotStatus;
import io.strikeswarm.bots.domain.Fill;
import io.strikeswarm.bots.domain.Money;
import io.strikeswarm.bots.domain.Order;
import io.strikeswarm.bots.domain.PaperFillModel;
import io.strikeswarm.bots.domain.Position;
import io.strikeswarm.bots.entity.BotEntity.Event;
import io.strikeswarm.bots.strategy.Signal;
import io.strikeswarm.bots.strategy.Strategy;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a bot's state after a bar into the order events that bar causes. Pure: no clock, no randomness, no
 * actor; the bot entity persists what this returns.
 */
public final class TradeDecider {
  private TradeDecider() {}

  /** Events for the strategy's signal on the bar just observed (already applied to {@code state}). */
  public static List<Event> onBar(BotState state, Strategy strategy) {
    if (state.status() != BotStatus.ACTIVE && state.status() != BotStatus.PAUSED) return List.of();
    BotConfig config = state.config();
    Position open = state.portfolio().positions().get(config.instrument());
    Signal signal = strategy.decide(state.history(), open != null);
    if (signal == Signal.EXIT && open != null) {
      return marketOrder(state, strategy.side().closing(), open.quantity().abs(), Order.Reason.EXIT);
    }
    if (signal == Signal.ENTER && open == null && state.status() == BotStatus.ACTIVE) {
      BigDecimal price = state.lastClose();
      // Size on equity so the fee and slippage of this entry still fit in the cash it leaves.
      BigDecimal budget = state.portfolio().equity().min(state.portfolio().cash()).multiply(config.fraction());
      BigDecimal costFactor = BigDecimal.ONE.add(Money.bps(BigDecimal.ONE, config.slippageBps()))
          .add(Money.bps(BigDecimal.ONE, config.feeBps()));
      BigDecimal quantity = budget.signum() > 0
          ? Money.quantity(budget.divide(price.multiply(costFactor), Money.SCALE + 4, Money.ROUNDING))
          : BigDecimal.ZERO;
      if (quantity.signum() > 0) {
        return marketOrder(state, strategy.side().opening(), quantity, Order.Reason.ENTRY);
      }
    }
    return List.of();
  }

  /** Cancel every open order and close every position at the last mark. */
  public static List<Event> flatten(BotState state) {
    List<Event> events = new ArrayList<>();
    for (Order order : state.openOrders().values()) {
      events.add(new BotEntity.OrderCancelled(order.orderId(), "flatten"));
    }
    long seq = state.orderSeq();
    for (Position position : state.portfolio().positions().values()) {
      BigDecimal mark = state.portfolio().markOf(position.instrument(), position.averageEntry());
      Order order = new Order(Order.idFor(state.botId(), seq++), position.instrument(), position.side().closing(),
          position.quantity().abs(), Order.Reason.FLATTEN, state.lastBarTimeMs());
      events.add(new BotEntity.OrderPlaced(order));
      events.add(new BotEntity.OrderFilled(order.orderId(), fill(state.config(), order, mark)));
    }
    return events;
  }

  private static List<Event> marketOrder(BotState state, io.strikeswarm.bots.domain.OrderAction action,
      BigDecimal quantity, Order.Reason reason) {
    Order order = new Order(Order.idFor(state.botId(), state.orderSeq()), state.config().instrument(), action,
        quantity, reason, state.lastBarTimeMs());
    return List.of(new BotEntity.OrderPlaced(order),
        new BotEntity.OrderFilled(order.orderId(), fill(state.config(), order, state.lastClose())));
  }

  private static Fill fill(BotConfig config, Order order, BigDecimal reference) {
    return PaperFillModel.fill(order, reference, config.feeBps(), config.slippageBps(), order.placedAtMs());
  }
}

package io.strikeswarm.bots.entity;

import io.strikeswarm.bots.domain.Bar;
import io.strikeswarm.bots.domain.BotConfig;
import io.strikeswarm.bots.domain.BotStats;
import io.strikeswarm.bots.domain.BotStatus;
import io.strikeswarm.bots.domain.Order;
import io.strikeswarm.bots.domain.Portfolio;
import io.strikeswarm.bots.entity.BotEntity.Event;
import io.strikeswarm.bots.strategy.PriceHistory;
import io.strikeswarm.persistence.CborSerializable;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a bot knows, rebuilt from its events alone. Immutable: {@link #apply} is the event handler and
 * returns the next state. {@code lastTransferSeq} makes capital transfers idempotent; {@code lastBarTimeMs}
 * makes bars idempotent.
 */
public record BotState(
    String botId,
    BotStatus status,
    BotConfig config,
    Portfolio portfolio,
    Map<String, Order> openOrders,
    PriceHistory history,
    BotStats stats,
    long lastTransferSeq,
    long lastBarTimeMs,
    long orderSeq,
    String haltReason,
    BigDecimal retiredWith)
    implements CborSerializable {

  public BotState {
    openOrders = Collections.unmodifiableMap(new TreeMap<>(openOrders));
  }

  public static BotState empty(String botId) {
    return new BotState(botId, BotStatus.NEW, null, Portfolio.empty(), Map.of(), PriceHistory.withCapacity(1),
        BotStats.initial(), 0, Long.MIN_VALUE, 0, null, null);
  }

  public boolean isConfigured() {
    return status != BotStatus.NEW;
  }

  public BigDecimal lastClose() {
    return history.size() == 0 ? null : history.closes().get(history.size() - 1);
  }

  public BotState apply(Event event) {
    if (event instanceof BotEntity.BotConfigured e) {
      int lookback = e.config().validate().lookback();
      return with(BotStatus.ACTIVE, e.config(), portfolio, openOrders, PriceHistory.withCapacity(lookback), stats);
    }
    if (event instanceof BotEntity.ParametersChanged e) {
      BotConfig next = config.withParameters(e.parameters());
      return with(status, next, portfolio, openOrders, history.resized(next.validate().lookback()), stats);
    }
    if (event instanceof BotEntity.CapitalAllocated e) {
      return transferred(e.transferSeq(), portfolio.deposit(e.amount()), stats.shifted(e.amount()));
    }
    if (event instanceof BotEntity.CapitalReleased e) {
      return transferred(e.transferSeq(), portfolio.withdraw(e.amount()), stats.shifted(e.amount().negate()));
    }
    if (event instanceof BotEntity.BarObserved e) {
      Bar bar = e.bar();
      Portfolio marked = portfolio.mark(bar.instrument(), bar.close());
      return new BotState(botId, status, config, marked, openOrders, history.append(bar.timeMs(), bar.close()),
          stats.observed(marked.equity()), lastTransferSeq, bar.timeMs(), orderSeq, haltReason, retiredWith);
    }
    if (event instanceof BotEntity.OrderPlaced e) {
      Map<String, Order> orders = new TreeMap<>(openOrders);
      orders.put(e.order().orderId(), e.order());
      return new BotState(botId, status, config, portfolio, orders, history, stats, lastTransferSeq, lastBarTimeMs,
          orderSeq + 1, haltReason, retiredWith);
    }
    if (event instanceof BotEntity.OrderFilled e) {
      Map<String, Order> orders = new TreeMap<>(openOrders);
      orders.remove(e.orderId());
      Portfolio next = portfolio.apply(e.fill());
      boolean closed = portfolio.positions().containsKey(e.fill().instrument())
          && !next.positions().containsKey(e.fill().instrument());
      BigDecimal realized = next.realizedPnl().subtract(portfolio.realizedPnl());
      return with(status, config, next, orders, history, stats.filled(closed, realized));
    }
    if (event instanceof BotEntity.OrderCancelled e) {
      Map<String, Order> orders = new TreeMap<>(openOrders);
      orders.remove(e.orderId());
      return with(status, config, portfolio, orders, history, stats);
    }
    if (event instanceof BotEntity.BotPaused) return withStatus(BotStatus.PAUSED, null);
    if (event instanceof BotEntity.BotResumed) return withStatus(BotStatus.ACTIVE, null);
    if (event instanceof BotEntity.BotHalted e) return withStatus(BotStatus.HALTED, e.reason());
    if (event instanceof BotEntity.BotRetired e) {
      Portfolio emptied = portfolio.withdraw(e.released());
      return new BotState(botId, BotStatus.RETIRED, config, emptied, openOrders, history,
          stats.shifted(e.released().negate()), e.transferSeq(), lastBarTimeMs, orderSeq, haltReason, e.released());
    }
    throw new IllegalStateException("unhandled event " + event.getClass().getName());
  }

  private BotState with(BotStatus s, BotConfig c, Portfolio p, Map<String, Order> o, PriceHistory h, BotStats st) {
    return new BotState(botId, s, c, p, o, h, st, lastTransferSeq, lastBarTimeMs, orderSeq, haltReason, retiredWith);
  }

  private BotState withStatus(BotStatus s, String reason) {
    return new BotState(botId, s, config, portfolio, openOrders, history, stats, lastTransferSeq, lastBarTimeMs,
        orderSeq, reason, retiredWith);
  }

  private BotState transferred(long seq, Portfolio p, BotStats st) {
    return new BotState(botId, status, config, p, openOrders, history, st, seq, lastBarTimeMs, orderSeq, haltReason,
        retiredWith);
  }
}

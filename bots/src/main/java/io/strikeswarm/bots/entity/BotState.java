package io.strikeswarm.bots.entity;

import io.strikeswarm.bots.domain.BotConfig;
import io.strikeswarm.bots.domain.BotStats;
import io.strikeswarm.bots.domain.BotStatus;
import io.strikeswarm.bots.domain.Fill;
import io.strikeswarm.bots.domain.Order;
import io.strikeswarm.bots.domain.Portfolio;
import io.strikeswarm.bots.domain.Position;
import io.strikeswarm.bots.domain.PositionGuard;
import io.strikeswarm.bots.entity.BotEntity.Event;
import io.strikeswarm.persistence.CborSerializable;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a bot knows, rebuilt from its events alone. Immutable: {@link #apply} is the event handler and
 * returns the next state. {@code lastTransferSeq} makes capital transfers idempotent; {@code lastBarTimeMs}
 * makes bars idempotent. The strategy's indicators are not here: they are derived from market data (see
 * {@link io.strikeswarm.bots.trading.StrategyRuntime}).
 */
public record BotState(
    String botId,
    BotStatus status,
    BotConfig config,
    Portfolio portfolio,
    Map<String, Order> openOrders,
    PositionGuard guard,
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
    return new BotState(botId, BotStatus.NEW, null, Portfolio.empty(), Map.of(), null, BotStats.initial(), 0,
        Long.MIN_VALUE, 0, null, null);
  }

  public boolean isConfigured() {
    return status != BotStatus.NEW;
  }

  /** The bot's open position in its instrument, or null when flat. */
  public Position position() {
    return config == null ? null : portfolio.positions().get(config.instrument());
  }

  /** The last close seen for the bot's instrument, or null before any bar. */
  public BigDecimal lastClose() {
    return config == null ? null : portfolio.marks().get(config.instrument());
  }

  public BotState apply(Event event) {
    if (event instanceof BotEntity.MarketObserved e) {
      Portfolio marked = portfolio.mark(e.instrument(), e.close());
      return new BotState(botId, status, config, marked, openOrders, e.guard(), e.stats(), lastTransferSeq,
          e.timeMs(), orderSeq, haltReason, retiredWith);
    }
    if (event instanceof BotEntity.OrderPlaced e) {
      Map<String, Order> orders = new TreeMap<>(openOrders);
      orders.put(e.order().orderId(), e.order());
      return new BotState(botId, status, config, portfolio, orders, guard, stats, lastTransferSeq, lastBarTimeMs,
          orderSeq + 1, haltReason, retiredWith);
    }
    if (event instanceof BotEntity.OrderFilled e) return filled(e.orderId(), e.fill(), true);
    if (event instanceof BotEntity.OrderPartiallyFilled e) return filled(e.orderId(), e.fill(), false);
    if (event instanceof BotEntity.PositionProtected e) {
      return new BotState(botId, status, config, portfolio, openOrders, e.guard(), stats, lastTransferSeq,
          lastBarTimeMs, orderSeq, haltReason, retiredWith);
    }
    if (event instanceof BotEntity.OrderCancelled e) {
      Map<String, Order> orders = new TreeMap<>(openOrders);
      orders.remove(e.orderId());
      return new BotState(botId, status, config, portfolio, orders, guard, stats, lastTransferSeq, lastBarTimeMs,
          orderSeq, haltReason, retiredWith);
    }
    // Audit-trail events: they record why, the fills and guards that follow change the books.
    if (event instanceof BotEntity.StopTriggered || event instanceof BotEntity.TradeClosed
        || event instanceof BotEntity.EntryRefused) {
      return this;
    }
    if (event instanceof BotEntity.BotConfigured e) {
      return new BotState(botId, BotStatus.ACTIVE, e.config(), portfolio, openOrders, guard, stats, lastTransferSeq,
          lastBarTimeMs, orderSeq, haltReason, retiredWith);
    }
    if (event instanceof BotEntity.ParametersChanged e) {
      return new BotState(botId, status, config.withParameters(e.parameters()), portfolio, openOrders, guard, stats,
          lastTransferSeq, lastBarTimeMs, orderSeq, haltReason, retiredWith);
    }
    if (event instanceof BotEntity.CapitalAllocated e) {
      return transferred(e.transferSeq(), portfolio.deposit(e.amount()), stats.shifted(e.amount()));
    }
    if (event instanceof BotEntity.CapitalReleased e) {
      return transferred(e.transferSeq(), portfolio.withdraw(e.amount()), stats.shifted(e.amount().negate()));
    }
    if (event instanceof BotEntity.BotPaused) return withStatus(BotStatus.PAUSED, null);
    if (event instanceof BotEntity.BotResumed) return withStatus(BotStatus.ACTIVE, null);
    if (event instanceof BotEntity.BotHalted e) return withStatus(BotStatus.HALTED, e.reason());
    if (event instanceof BotEntity.BotRetired e) {
      Portfolio emptied = portfolio.withdraw(e.released());
      return new BotState(botId, BotStatus.RETIRED, config, emptied, openOrders, guard,
          stats.shifted(e.released().negate()), e.transferSeq(), lastBarTimeMs, orderSeq, haltReason, e.released());
    }
    throw new IllegalStateException("unhandled event " + event.getClass().getName());
  }

  /** Books a fill; the order leaves the open orders when the fill {@code completes} it. */
  private BotState filled(String orderId, Fill fill, boolean completes) {
    Map<String, Order> orders = new TreeMap<>(openOrders);
    if (completes) orders.remove(orderId);
    else orders.computeIfPresent(orderId, (id, o) -> o.partlyFilled(fill.quantity()));
    Portfolio next = portfolio.apply(fill);
    boolean closed = portfolio.positions().containsKey(fill.instrument())
        && !next.positions().containsKey(fill.instrument());
    BigDecimal realized = next.realizedPnl().subtract(portfolio.realizedPnl());
    PositionGuard nextGuard = next.positions().containsKey(fill.instrument()) ? guard : null;
    return new BotState(botId, status, config, next, orders, nextGuard, stats.filled(closed, realized),
        lastTransferSeq, lastBarTimeMs, orderSeq, haltReason, retiredWith);
  }

  private BotState withStatus(BotStatus s, String reason) {
    return new BotState(botId, s, config, portfolio, openOrders, guard, stats, lastTransferSeq, lastBarTimeMs,
        orderSeq, reason, retiredWith);
  }

  private BotState transferred(long seq, Portfolio p, BotStats st) {
    return new BotState(botId, status, config, p, openOrders, guard, st, seq, lastBarTimeMs, orderSeq, haltReason,
        retiredWith);
  }
}

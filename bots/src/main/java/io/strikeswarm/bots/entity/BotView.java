package io.strikeswarm.bots.entity;

import io.strikeswarm.bots.amm.AmmBotView;
import io.strikeswarm.bots.domain.BotConfig;
import io.strikeswarm.bots.domain.BotStats;
import io.strikeswarm.bots.domain.BotStatus;
import io.strikeswarm.bots.domain.Order;
import io.strikeswarm.bots.domain.Position;
import io.strikeswarm.persistence.CborSerializable;
import java.math.BigDecimal;
import java.util.List;

/**
 * A bot as an operator or its supervisor reads it: books, stats, and how many events its journal holds.
 * {@code capital} is what the bot manages on a realized basis (allocated + realized P&amp;L). An AMM arbitrage bot
 * appears in the same shape (its USD budget and P&amp;L in the swarm's accounting) and carries its own view in
 * {@code amm} — exact token books, round trips, swaps — which only it has; {@code amm} is null for a directional
 * bot.
 */
public record BotView(
    String botId,
    BotStatus status,
    BotConfig config,
    BigDecimal allocated,
    BigDecimal capital,
    BigDecimal cash,
    BigDecimal equity,
    BigDecimal realizedPnl,
    BigDecimal unrealizedPnl,
    BigDecimal feesPaid,
    BigDecimal releasable,
    List<Position> positions,
    List<Order> openOrders,
    BotStats stats,
    long lastBarTimeMs,
    long lastTransferSeq,
    long eventCount,
    String haltReason,
    AmmBotView amm)
    implements CborSerializable {

  public static BotView of(BotState s, long eventCount) {
    var p = s.portfolio();
    return new BotView(s.botId(), s.status(), s.config(), p.allocated(), p.allocated().add(p.realizedPnl()), p.cash(),
        p.equity(), p.realizedPnl(), p.unrealizedPnl(), p.feesPaid(), p.releasable(),
        List.copyOf(p.positions().values()), List.copyOf(s.openOrders().values()), s.stats(), s.lastBarTimeMs(),
        s.lastTransferSeq(), eventCount, s.haltReason(), null);
  }

  /** Return on allocated capital, marked to market; 0 when nothing is allocated. */
  public BigDecimal returnOnCapital() {
    if (allocated.signum() <= 0) return BigDecimal.ZERO;
    return equity.subtract(allocated).divide(allocated, 10, java.math.RoundingMode.HALF_EVEN);
  }
}

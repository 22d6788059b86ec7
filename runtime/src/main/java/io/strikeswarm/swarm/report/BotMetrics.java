package io.strikeswarm.swarm.report;

import java.math.BigDecimal;

/**
 * One bot's figures as reported: money to the cent, ratios to 4 decimals.
 *
 * @param pnl finalEquity − allocated
 * @param returnPct pnl / allocated × 100 (0 for a bot that was given nothing)
 * @param trades closed trades as the bot counted them ({@link BotResult#trades()})
 * @param winRate wins / trades as a fraction, 0 without trades
 */
public record BotMetrics(String botId, String diamond, String strategy, String instrument, String status,
    BigDecimal allocated, BigDecimal finalEquity, BigDecimal pnl, BigDecimal returnPct, int trades, int wins,
    BigDecimal winRate, BigDecimal fees) {

  static BotMetrics of(BotResult b) {
    BigDecimal pnl = b.finalEquity().subtract(b.allocated());
    return new BotMetrics(b.botId(), b.diamond(), b.strategy(), b.instrument(), b.status(),
        Rounding.money(b.allocated()), Rounding.money(b.finalEquity()), Rounding.money(pnl),
        Rounding.percent(pnl, b.allocated()), b.trades(), b.wins(), TradeStats.winRate(b.wins(), b.trades()),
        Rounding.money(b.fees()));
  }
}

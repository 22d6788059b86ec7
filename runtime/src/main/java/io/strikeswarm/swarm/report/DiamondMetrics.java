package io.strikeswarm.swarm.report;

import java.math.BigDecimal;

/**
 * One diamond's figures as reported.
 *
 * @param bots how many bots the diamond ran
 * @param allocated Σ of its bots' allocations
 * @param finalEquity the diamond's equity at the last equity point; Σ of its bots' final equity when the equity
 *     curve does not carry this diamond
 * @param pnl Σ of its bots' P&L (final equity − allocated): the trading result, unaffected by capital the diamond
 *     kept in its pool
 * @param returnPct pnl / allocated × 100
 * @param trades closed trade rows of this diamond; with {@code winRate} taken from the trade rows like the headline
 *     figures, so that the diamonds' trades add up to the headline count
 */
public record DiamondMetrics(String diamond, int bots, BigDecimal allocated, BigDecimal finalEquity, BigDecimal pnl,
    BigDecimal returnPct, int trades, BigDecimal winRate, BigDecimal fees) {}

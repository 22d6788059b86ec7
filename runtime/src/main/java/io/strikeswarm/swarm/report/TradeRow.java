package io.strikeswarm.swarm.report;

import java.math.BigDecimal;

/**
 * One closed trade; a partial close is its own row.
 *
 * @param side {@code LONG} or {@code SHORT}
 * @param pnl net of this trade's fees
 * @param fees this trade's share of the entry fee plus its exit fee
 * @param exitReason e.g. signal, stop-loss, take-profit, partial-take-profit, trailing-stop, time-exit, liquidation,
 *     flatten, end-of-data
 */
public record TradeRow(String botId, String diamond, String instrument, String side, BigDecimal quantity,
    long entryTimeMs, BigDecimal entryPrice, long exitTimeMs, BigDecimal exitPrice, BigDecimal pnl, BigDecimal fees,
    String exitReason) {}

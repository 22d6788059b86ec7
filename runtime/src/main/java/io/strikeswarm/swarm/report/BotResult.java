package io.strikeswarm.swarm.report;

import java.math.BigDecimal;

/**
 * One bot at the end of the run.
 *
 * @param fees every fee the bot paid, including entry fees of positions still open at the end
 * @param trades closed trades as the bot counts them; {@code wins} of them had a positive P&L
 */
public record BotResult(String botId, String diamond, String strategy, String instrument, BigDecimal allocated,
    BigDecimal finalEquity, int trades, int wins, BigDecimal fees, String status) {}

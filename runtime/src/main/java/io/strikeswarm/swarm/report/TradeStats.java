package io.strikeswarm.swarm.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Win rate and profit factor of a set of closed trades. A trade wins when its net P&L is above 0 and loses when it
 * is below 0; a trade at exactly 0 counts in the total but neither side.
 *
 * @param winRate winners / trades as a fraction (0.55 for 55 %), 0 when there are no trades
 * @param profitFactor Σ winning P&L / |Σ losing P&L|; empty when no trade lost, because the quotient is undefined
 *     (the JSON writes {@code null} then, never Infinity)
 */
record TradeStats(int trades, int wins, BigDecimal winRate, Optional<BigDecimal> profitFactor) {

  static TradeStats of(List<TradeRow> trades) {
    int wins = 0;
    BigDecimal won = BigDecimal.ZERO;
    BigDecimal lost = BigDecimal.ZERO;
    for (TradeRow t : trades) {
      if (t.pnl().signum() > 0) {
        wins++;
        won = won.add(t.pnl());
      } else if (t.pnl().signum() < 0) {
        lost = lost.add(t.pnl().negate());
      }
    }
    Optional<BigDecimal> profitFactor = lost.signum() == 0 ? Optional.empty()
        : Optional.of(Rounding.fraction(won, lost));
    return new TradeStats(trades.size(), wins, winRate(wins, trades.size()), profitFactor);
  }

  static BigDecimal winRate(int wins, int trades) {
    return Rounding.fraction(BigDecimal.valueOf(wins), BigDecimal.valueOf(trades));
  }
}

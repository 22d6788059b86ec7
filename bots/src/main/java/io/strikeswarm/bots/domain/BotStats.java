package io.strikeswarm.bots.domain;

import io.strikeswarm.persistence.CborSerializable;
import java.math.BigDecimal;

/**
 * Running statistics of a bot. Drawdown is measured on equity at each observed bar, from its running peak.
 */
public record BotStats(long barsObserved, long fills, long roundTrips, long wins, long losses, BigDecimal peakEquity,
    BigDecimal maxDrawdown) implements CborSerializable {

  public static BotStats initial() {
    return new BotStats(0, 0, 0, 0, 0, Money.ZERO, Money.ZERO);
  }

  public BotStats observed(BigDecimal equity) {
    BigDecimal peak = equity.max(peakEquity);
    BigDecimal drawdown = peak.signum() > 0 ? Money.divide(peak.subtract(equity), peak) : Money.ZERO;
    return new BotStats(barsObserved + 1, fills, roundTrips, wins, losses, peak, drawdown.max(maxDrawdown));
  }

  public BotStats filled(boolean closedRoundTrip, BigDecimal realizedOnClose) {
    if (!closedRoundTrip) return new BotStats(barsObserved, fills + 1, roundTrips, wins, losses, peakEquity, maxDrawdown);
    boolean win = realizedOnClose.signum() > 0;
    return new BotStats(barsObserved, fills + 1, roundTrips + 1, wins + (win ? 1 : 0), losses + (win ? 0 : 1),
        peakEquity, maxDrawdown);
  }

  /** Capital moved in or out shifts the peak by the same amount: a transfer is neither a gain nor a loss. */
  public BotStats shifted(BigDecimal transfer) {
    BigDecimal peak = Money.normalize(peakEquity.add(transfer));
    return new BotStats(barsObserved, fills, roundTrips, wins, losses, peak.max(Money.ZERO), maxDrawdown);
  }
}

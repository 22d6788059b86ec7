package io.strikeswarm.master.risk;

import io.strikeswarm.bots.domain.Money;
import io.strikeswarm.bots.domain.TradingState;
import io.strikeswarm.persistence.CborSerializable;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The swarm's risk state and the rules that move it, pure. Market time only: the day is the UTC day of the bar,
 * never the wall clock.
 *
 * <ul>
 *   <li>{@link #beginBar}: before a bar is traded. A new UTC day lifts REDUCING back to ACTIVE.</li>
 *   <li>{@link #observe}: after a bar closes, with the swarm's equity. The day's reference is the equity at the last
 *       close of the previous day. Drawdown beyond the limit from the peak → HALTED (breaker); a loss beyond the
 *       daily limit → REDUCING. HALTED is left only by {@link #resume} (an operator).</li>
 * </ul>
 */
public record SwarmRisk(TradingState state, long epochDay, BigDecimal dayStartEquity, BigDecimal peakEquity,
    BigDecimal lastEquity, String reason) implements CborSerializable {

  private static final long DAY_MS = 86_400_000L;

  public record Change(TradingState from, TradingState to, String reason, long timeMs) implements CborSerializable {}

  public record Outcome(SwarmRisk next, Optional<Change> change) {}

  public static SwarmRisk start(BigDecimal equity) {
    BigDecimal e = Money.normalize(equity);
    return new SwarmRisk(TradingState.ACTIVE, Long.MIN_VALUE, e, e, e, null);
  }

  public Outcome beginBar(long timeMs) {
    long day = Math.floorDiv(timeMs, DAY_MS);
    if (day <= epochDay) return new Outcome(this, Optional.empty());
    SwarmRisk rolled = new SwarmRisk(state == TradingState.REDUCING ? TradingState.ACTIVE : state, day, lastEquity,
        peakEquity, lastEquity, state == TradingState.REDUCING ? null : reason);
    if (state != TradingState.REDUCING) return new Outcome(rolled, Optional.empty());
    return new Outcome(rolled, Optional.of(new Change(TradingState.REDUCING, TradingState.ACTIVE,
        "new UTC day " + java.time.LocalDate.ofEpochDay(day), timeMs)));
  }

  public Outcome observe(long timeMs, BigDecimal equity, RiskLimits limits) {
    SwarmRisk rolled = beginBar(timeMs).next();
    BigDecimal e = Money.normalize(equity);
    BigDecimal peak = rolled.peakEquity.max(e);
    SwarmRisk next = new SwarmRisk(rolled.state, rolled.epochDay, rolled.dayStartEquity, peak, e, rolled.reason);
    if (!limits.enabled() || state == TradingState.HALTED) return new Outcome(next, Optional.empty());
    BigDecimal drawdown = peak.signum() > 0 ? Money.divide(peak.subtract(e), peak) : Money.ZERO;
    if (drawdown.compareTo(limits.maxDrawdown()) >= 0) {
      String why = "drawdown " + percent(drawdown) + " from peak " + peak.setScale(2, Money.ROUNDING).toPlainString()
          + " reached the " + percent(limits.maxDrawdown()) + " limit";
      return changed(next, TradingState.HALTED, why, timeMs);
    }
    BigDecimal start = next.dayStartEquity;
    BigDecimal dayLoss = start.signum() > 0 ? Money.divide(start.subtract(e), start) : Money.ZERO;
    if (next.state == TradingState.ACTIVE && dayLoss.compareTo(limits.dailyLoss()) >= 0) {
      String why = "daily loss " + percent(dayLoss) + " reached the " + percent(limits.dailyLoss()) + " limit";
      return changed(next, TradingState.REDUCING, why, timeMs);
    }
    return new Outcome(next, Optional.empty());
  }

  /** The kill switch: halt now, whatever the state. */
  public Outcome kill(String why, long timeMs) {
    if (state == TradingState.HALTED) return new Outcome(this, Optional.empty());
    return changed(this, TradingState.HALTED, why, timeMs);
  }

  /** An operator resumes: ACTIVE again, and the peak and the day restart from the current equity. */
  public Outcome resume(long timeMs) {
    if (state == TradingState.ACTIVE) return new Outcome(this, Optional.empty());
    SwarmRisk next = new SwarmRisk(TradingState.ACTIVE, epochDay, lastEquity, lastEquity, lastEquity, null);
    return new Outcome(next, Optional.of(new Change(state, TradingState.ACTIVE, "resumed by an operator", timeMs)));
  }

  private static Outcome changed(SwarmRisk base, TradingState to, String why, long timeMs) {
    SwarmRisk next = new SwarmRisk(to, base.epochDay, base.dayStartEquity, base.peakEquity, base.lastEquity, why);
    return new Outcome(next, Optional.of(new Change(base.state, to, why, timeMs)));
  }

  private static String percent(BigDecimal fraction) {
    return fraction.movePointRight(2).setScale(2, Money.ROUNDING).toPlainString() + " %";
  }
}

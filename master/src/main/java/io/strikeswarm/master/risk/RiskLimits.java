package io.strikeswarm.master.risk;

import io.strikeswarm.persistence.CborSerializable;
import java.math.BigDecimal;

/**
 * The swarm-wide limits the master enforces on the swarm's equity: a daily loss (fraction of the equity at the start
 * of the UTC day of market time) that stops new entries until the next day, and a drawdown from the peak that trips
 * the breaker (flatten everything, halt until an operator resumes). {@code enabled = false} turns both off.
 */
public record RiskLimits(BigDecimal dailyLoss, BigDecimal maxDrawdown, boolean enabled) implements CborSerializable {
  public static final RiskLimits DEFAULT = new RiskLimits(new BigDecimal("0.05"), new BigDecimal("0.10"), true);
  public static final RiskLimits OFF = new RiskLimits(new BigDecimal("0.05"), new BigDecimal("0.10"), false);

  public RiskLimits validate() {
    check("swarm.risk.daily-loss", dailyLoss);
    check("swarm.risk.max-drawdown", maxDrawdown);
    return this;
  }

  private static void check(String name, BigDecimal value) {
    if (value == null || value.signum() <= 0 || value.compareTo(BigDecimal.ONE) >= 0) {
      throw new IllegalArgumentException(name + ": must be in (0, 1), got " + (value == null ? "nothing" : value.toPlainString()));
    }
  }
}

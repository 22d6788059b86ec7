package io.strikeswarm.swarm.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Drawdown of every equity point: how far it stands below the highest equity seen so far, in % of that peak.
 *
 * <p>The running peak starts at the initial capital, not at the first point: the run starts with that capital, so
 * a loss on the very first bar is a drawdown too.
 */
final class Drawdowns {
  private Drawdowns() {}

  /** One value per point, ≥ 0, 4 decimals; 0 at every new peak. */
  static List<BigDecimal> percent(BigDecimal initialCapital, List<EquityPoint> equity) {
    List<BigDecimal> out = new ArrayList<>(equity.size());
    BigDecimal peak = initialCapital;
    for (EquityPoint p : equity) {
      peak = peak.max(p.equity());
      out.add(Rounding.percent(peak.subtract(p.equity()), peak));
    }
    return out;
  }

  /** The largest peak-to-trough fall, 0 if the curve never went below a peak. */
  static BigDecimal max(List<BigDecimal> drawdowns) {
    return drawdowns.stream().reduce(Rounding.ratio(BigDecimal.ZERO), BigDecimal::max);
  }
}

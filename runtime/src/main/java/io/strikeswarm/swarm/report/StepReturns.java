package io.strikeswarm.swarm.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The per-step simple returns of the equity curve and how many such steps make a year: the raw material of Sharpe
 * and Sortino.
 */
final class StepReturns {
  /** Crypto trades every day of the year, so a year is 365 calendar days, not 252 trading days. */
  static final double MILLIS_PER_YEAR = 365.0 * 24 * 60 * 60 * 1000;

  private StepReturns() {}

  /**
   * {@code r = equity[i] / equity[i-1] - 1} along the curve <i>initial capital, equity[0], ..., equity[n-1]</i>, so
   * that the returns compound to the run's total return. A step that starts from equity ≤ 0 has no defined return
   * (nothing was at risk) and is left out. Returns are decimals rounded to 16 significant digits: equal steps then
   * give exactly equal returns, which is how {@link RiskRatios} recognises zero variance.
   */
  static List<BigDecimal> of(BigDecimal initialCapital, List<EquityPoint> equity) {
    List<BigDecimal> returns = new ArrayList<>(equity.size());
    BigDecimal previous = initialCapital;
    for (EquityPoint p : equity) {
      if (previous.signum() > 0) {
        returns.add(p.equity().divide(previous, MathContext.DECIMAL64).subtract(BigDecimal.ONE));
      }
      previous = p.equity();
    }
    return returns;
  }

  /**
   * 365 days divided by the median interval between consecutive equity points. The median, not the mean, so that a
   * weekend gap or a hole in the data does not change the bar size the annualisation assumes. 0 when fewer than two
   * points give no interval (the ratios are then reported as 0).
   */
  static double perYear(List<EquityPoint> equity) {
    if (equity.size() < 2) {
      return 0;
    }
    long[] intervals = new long[equity.size() - 1];
    for (int i = 1; i < equity.size(); i++) {
      intervals[i - 1] = equity.get(i).timeMs() - equity.get(i - 1).timeMs();
    }
    Arrays.sort(intervals);
    int mid = intervals.length / 2;
    double median = intervals.length % 2 == 1 ? intervals[mid] : (intervals[mid - 1] + (double) intervals[mid]) / 2;
    return median > 0 ? MILLIS_PER_YEAR / median : 0;
  }
}

package io.strikeswarm.swarm.report;

import java.math.BigDecimal;
import java.util.List;

/**
 * Annualised Sharpe and Sortino ratios of per-step returns, with a risk-free rate of 0.
 *
 * <ul>
 *   <li>Sharpe = mean(r) / sd(r) × √(steps per year), sd the sample standard deviation (n − 1);
 *   <li>Sortino = mean(r) / dd(r) × √(steps per year), dd the downside deviation √(Σ min(0, r)² / n) taken over
 *       all n steps, losing or not.
 * </ul>
 *
 * <p>Either is 0 when it is undefined: fewer than two returns, no steps per year, zero variance (a flat or constantly
 * compounding curve) for Sharpe, no losing step for Sortino. That keeps NaN and Infinity out of every file, at the
 * price that a curve which never lost reads Sortino 0, not "infinitely good".
 *
 * <p>Zero variance is decided on the exact decimal returns (all equal), not on the double arithmetic: a mean of n
 * equal doubles is not always exactly that double, and the rounding dust would turn "undefined" into a Sharpe of
 * 10^15.
 */
record RiskRatios(double sharpe, double sortino) {

  static RiskRatios of(List<BigDecimal> returns, double stepsPerYear) {
    int n = returns.size();
    if (n < 2 || stepsPerYear <= 0) {
      return new RiskRatios(0, 0);
    }
    double[] r = new double[n];
    boolean allEqual = true;
    for (int i = 0; i < n; i++) {
      r[i] = returns.get(i).doubleValue();
      allEqual &= returns.get(i).compareTo(returns.get(0)) == 0;
    }
    double mean = 0;
    for (double x : r) {
      mean += x;
    }
    mean /= n;
    double squaredDeviations = 0;
    double squaredLosses = 0;
    for (double x : r) {
      squaredDeviations += (x - mean) * (x - mean);
      if (x < 0) {
        squaredLosses += x * x;
      }
    }
    double annualise = Math.sqrt(stepsPerYear);
    double sd = allEqual ? 0 : Math.sqrt(squaredDeviations / (n - 1));
    double downside = Math.sqrt(squaredLosses / n);
    return new RiskRatios(finite(sd > 0 ? mean / sd * annualise : 0),
        finite(downside > 0 ? mean / downside * annualise : 0));
  }

  private static double finite(double value) {
    return Double.isFinite(value) ? value : 0;
  }
}

/**
 * The backtest report: metrics and the files a backtest writes, computed purely from a
 * {@link io.strikeswarm.swarm.report.BacktestResult} that the backtest driver fills.
 *
 * <h2>Entry points</h2>
 * <ul>
 *   <li>{@link io.strikeswarm.swarm.report.PerformanceMetrics#of} computes the figures;
 *   <li>{@link io.strikeswarm.swarm.report.ReportWriter#write} writes summary.json, trades.csv, equity.csv and
 *       report.html into a directory;
 *   <li>{@link io.strikeswarm.swarm.report.ConsoleSummary#render} gives the lines for the terminal;
 *   <li>{@link io.strikeswarm.swarm.report.ResultValidator#validate}, which all three call first, turns a missing or
 *       impossible input into an {@link java.lang.IllegalArgumentException} that names it.
 * </ul>
 *
 * <h2>Metric definitions</h2>
 * The equity curve is read as the initial capital followed by the equity points.
 * <ul>
 *   <li>net_pnl = last equity − initial capital; return_pct = net_pnl / initial capital × 100;
 *   <li>max_drawdown_pct = largest fall from a running peak (which starts at the initial capital), in % of that peak;
 *       positive, 0 if the curve never went below a peak;
 *   <li>sharpe = mean(r) / sample sd(r) × √(steps per year); sortino = mean(r) / √(Σ min(0, r)² / n) × √(steps per
 *       year); r the per-step simple returns, risk-free rate 0, steps per year = 365 days / median interval between
 *       equity points (crypto trades every day). 0 when undefined: under two returns, zero variance, no losing step
 *       (Sortino);
 *   <li>win_rate = closed trades with pnl &gt; 0 / closed trades, a fraction, 0 without trades;
 *   <li>profit_factor = Σ winning pnl / |Σ losing pnl|, JSON null when no trade lost;
 *   <li>fees = Σ of the bots' fees: everything paid, entry fees of still-open positions included;
 *   <li>buy_and_hold_return_pct = mean over instruments of (last close / first close − 1) × 100, the capital split
 *       equally and held without fees;
 *   <li>bot_bars_per_second = bot-bar evaluations / replay seconds, rounded to a whole number.
 * </ul>
 * Money is reported to the cent and ratios or percentages to 4 decimals, both rounded half-even; no NaN or Infinity
 * is ever written.
 */
package io.strikeswarm.swarm.report;

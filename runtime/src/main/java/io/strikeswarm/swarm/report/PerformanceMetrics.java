package io.strikeswarm.swarm.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The figures of a backtest, as reported: money rounded to the cent, ratios and percentages to 4 decimals, both
 * half-even. Pure: the same result always gives the same metrics.
 *
 * @param netPnl last equity − initial capital
 * @param returnPct netPnl / initial capital × 100
 * @param maxDrawdownPct largest fall from a running peak (which starts at the initial capital), in % of that peak;
 *     positive, 0 if the curve never went below a peak
 * @param sharpe annualised Sharpe of the per-step returns, see {@link RiskRatios}; 0 when undefined
 * @param sortino annualised Sortino of the per-step returns, see {@link RiskRatios}; 0 when undefined
 * @param stepsPerYear 365 days / median interval between equity points, the annualisation factor's square
 * @param winRate winning closed trades (pnl > 0) / closed trades, as a fraction; 0 without trades
 * @param profitFactor Σ winning pnl / |Σ losing pnl|; empty when no trade lost (reported as JSON null)
 * @param fees every fee the bots paid (Σ {@link BotResult#fees()}), which includes entry fees of positions still
 *     open at the end, so it can exceed the fees of the closed trades
 * @param buyAndHoldReturnPct equal-weight buy-and-hold of the instruments, first close to last close, see
 *     {@link BuyAndHold}
 * @param botBarsPerSecond bot-bar evaluations per second of the replay loop, a whole number; 0 if it took no time
 */
public record PerformanceMetrics(
    long bars,
    int bots,
    int trades,
    BigDecimal initialCapital,
    BigDecimal finalEquity,
    BigDecimal netPnl,
    BigDecimal returnPct,
    BigDecimal maxDrawdownPct,
    BigDecimal sharpe,
    BigDecimal sortino,
    double stepsPerYear,
    BigDecimal winRate,
    Optional<BigDecimal> profitFactor,
    BigDecimal fees,
    BigDecimal buyAndHoldReturnPct,
    long elapsedMs,
    long botBarsPerSecond,
    List<DiamondMetrics> diamonds,
    List<BotMetrics> botMetrics) {

  public static PerformanceMetrics of(BacktestResult r) {
    ResultValidator.validate(r);
    List<EquityPoint> equity = r.equity();
    BigDecimal last = equity.get(equity.size() - 1).equity();
    BigDecimal net = last.subtract(r.initialCapital());
    double stepsPerYear = StepReturns.perYear(equity);
    RiskRatios ratios = RiskRatios.of(StepReturns.of(r.initialCapital(), equity), stepsPerYear);
    TradeStats tradeStats = TradeStats.of(r.trades());
    BigDecimal fees = r.bots().stream().map(BotResult::fees).reduce(BigDecimal.ZERO, BigDecimal::add);
    return new PerformanceMetrics(r.bars(), r.bots().size(), r.trades().size(),
        Rounding.money(r.initialCapital()), Rounding.money(last), Rounding.money(net),
        Rounding.percent(net, r.initialCapital()),
        Drawdowns.max(Drawdowns.percent(r.initialCapital(), equity)),
        Rounding.ratio(ratios.sharpe()), Rounding.ratio(ratios.sortino()), stepsPerYear,
        tradeStats.winRate(), tradeStats.profitFactor(), Rounding.money(fees),
        BuyAndHold.returnPct(r.instruments()), r.elapsedMs(), botBarsPerSecond(r.botBars(), r.replayNanos()),
        diamonds(r), r.bots().stream().map(BotMetrics::of).toList());
  }

  static long botBarsPerSecond(long botBars, long replayNanos) {
    return replayNanos <= 0 ? 0 : Math.round(botBars / (replayNanos / 1e9));
  }

  /**
   * Diamonds in the order the equity curve names them (the driver sorts them), then any that only bots or trades
   * name, so a diamond is never dropped because one source forgot it.
   */
  private static List<DiamondMetrics> diamonds(BacktestResult r) {
    Set<String> names = new LinkedHashSet<>();
    r.equity().forEach(p -> names.addAll(p.diamondEquity().keySet()));
    r.bots().forEach(b -> names.add(b.diamond()));
    r.trades().forEach(t -> names.add(t.diamond()));
    Map<String, BigDecimal> lastDiamondEquity = r.equity().get(r.equity().size() - 1).diamondEquity();
    List<DiamondMetrics> out = new ArrayList<>();
    for (String name : names) {
      List<BotResult> bots = r.bots().stream().filter(b -> b.diamond().equals(name)).toList();
      BigDecimal allocated = sum(bots.stream().map(BotResult::allocated).toList());
      BigDecimal botEquity = sum(bots.stream().map(BotResult::finalEquity).toList());
      BigDecimal pnl = botEquity.subtract(allocated);
      TradeStats trades = TradeStats.of(r.trades().stream().filter(t -> t.diamond().equals(name)).toList());
      out.add(new DiamondMetrics(name, bots.size(), Rounding.money(allocated),
          Rounding.money(lastDiamondEquity.getOrDefault(name, botEquity)), Rounding.money(pnl),
          Rounding.percent(pnl, allocated), trades.trades(), trades.winRate(),
          Rounding.money(sum(bots.stream().map(BotResult::fees).toList()))));
    }
    return List.copyOf(out);
  }

  private static BigDecimal sum(List<BigDecimal> values) {
    return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}

package io.strikeswarm.swarm.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The few lines a terminal shows after a backtest: headline figures, one line per diamond, the 5 best and the 5 worst
 * bots by P&L. Fixed-width columns so that runs printed one after another line up.
 */
public final class ConsoleSummary {
  static final int TOP = 5;
  private static final int WIDTH = 100;

  private ConsoleSummary() {}

  public static String render(BacktestResult r) {
    PerformanceMetrics m = PerformanceMetrics.of(r);
    StringBuilder out = new StringBuilder();
    List<EquityPoint> eq = r.equity();
    out.append("StrikeSwarm backtest  ").append(Fmt.utc(eq.get(0).timeMs())).append(" → ")
        .append(Fmt.utc(eq.get(eq.size() - 1).timeMs())).append(" UTC\n");
    settings(out, r.settings());
    out.append("-".repeat(WIDTH)).append('\n');
    figures(out, "return", Fmt.signedPct(m.returnPct()), "buy & hold", Fmt.signedPct(m.buyAndHoldReturnPct()),
        "net P&L", Fmt.signedMoney(m.netPnl()));
    figures(out, "max drawdown", Fmt.pct(m.maxDrawdownPct()), "sharpe", Fmt.ratio(m.sharpe()),
        "final equity", Fmt.money(m.finalEquity()));
    figures(out, "trades", Fmt.count(m.trades()), "sortino", Fmt.ratio(m.sortino()), "fees", Fmt.money(m.fees()));
    figures(out, "win rate", Fmt.fractionAsPct(m.winRate()), "profit factor",
        m.profitFactor().map(Fmt::ratio).orElse("n/a"), "bots / bars", m.bots() + " / " + Fmt.count(m.bars()));
    figures(out, "elapsed", Fmt.duration(m.elapsedMs()), "bot-bars/s", Fmt.count(m.botBarsPerSecond()), "", "");
    diamonds(out, m.diamonds());
    bots(out, m.botMetrics());
    return out.toString();
  }

  /** Three label/value pairs on one line, values right-aligned in their column. */
  private static void figures(StringBuilder out, String l1, String v1, String l2, String v2, String l3, String v3) {
    String line = String.format(Locale.ROOT, "  %-14s%14s   %-14s%14s   %-14s%16s", l1, v1, l2, v2, l3, v3);
    out.append(line.stripTrailing()).append('\n');
  }

  /** key=value pairs, wrapped so that no line runs past the table width. */
  private static void settings(StringBuilder out, Map<String, String> settings) {
    StringBuilder line = new StringBuilder(" ");
    for (Map.Entry<String, String> s : settings.entrySet()) {
      String pair = " " + s.getKey() + "=" + s.getValue();
      if (line.length() + pair.length() > WIDTH && line.length() > 1) {
        out.append(line).append('\n');
        line = new StringBuilder(" ");
      }
      line.append(pair);
    }
    if (line.length() > 1) {
      out.append(line).append('\n');
    }
  }

  private static void diamonds(StringBuilder out, List<DiamondMetrics> diamonds) {
    if (diamonds.isEmpty()) {
      return;
    }
    String row = "  %-14s %5s %16s %16s %15s %10s %7s %9s%n";
    out.append('\n').append(String.format(Locale.ROOT, row, "diamond", "bots", "allocated", "final equity", "P&L",
        "return", "trades", "win rate"));
    for (DiamondMetrics d : diamonds) {
      out.append(String.format(Locale.ROOT, row, d.diamond(), d.bots(), Fmt.money(d.allocated()),
          Fmt.money(d.finalEquity()), Fmt.signedMoney(d.pnl()), Fmt.signedPct(d.returnPct()), Fmt.count(d.trades()),
          Fmt.fractionAsPct(d.winRate())));
    }
  }

  /**
   * Best and worst bots by P&L, ties by bot id so the list is stable. Ten bots or fewer are simply all listed, best
   * first, rather than split into two lists that would overlap.
   */
  private static void bots(StringBuilder out, List<BotMetrics> bots) {
    if (bots.isEmpty()) {
      return;
    }
    List<BotMetrics> ranked = new ArrayList<>(bots);
    ranked.sort(Comparator.comparing(BotMetrics::pnl).reversed().thenComparing(BotMetrics::botId));
    if (ranked.size() <= 2 * TOP) {
      bots(out, "all " + ranked.size() + " bots by P&L", ranked);
      return;
    }
    bots(out, "top " + TOP + " bots by P&L", ranked.subList(0, TOP));
    List<BotMetrics> bottom = new ArrayList<>(ranked.subList(ranked.size() - TOP, ranked.size()));
    Collections.reverse(bottom); // worst first
    bots(out, "bottom " + TOP + " bots by P&L", bottom);
  }

  private static void bots(StringBuilder out, String title, List<BotMetrics> bots) {
    String row = "  %-16s %-13s %-20s %-10s %15s %10s %7s%n";
    out.append('\n').append(title).append('\n')
        .append(String.format(Locale.ROOT, row, "bot", "diamond", "strategy", "instrument", "P&L", "return", "trades"));
    for (BotMetrics b : bots) {
      out.append(String.format(Locale.ROOT, row, clip(b.botId(), 16), clip(b.diamond(), 13), clip(b.strategy(), 20),
          clip(b.instrument(), 10), Fmt.signedMoney(b.pnl()), Fmt.signedPct(b.returnPct()), Fmt.count(b.trades())));
    }
  }

  /** Long names are cut with … so the columns stay aligned. */
  private static String clip(String s, int width) {
    return s.length() <= width ? s : s.substring(0, width - 1) + "…";
  }
}

package io.strikeswarm.swarm.report;

import io.strikeswarm.swarm.report.HtmlTable.Cell;
import io.strikeswarm.swarm.report.LineChart.AxisLabel;
import io.strikeswarm.swarm.report.LineChart.Series;
import io.strikeswarm.swarm.report.LineChart.Style;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * report.html: one self-contained page (inline CSS, inline SVG, a few lines of inline script to sort tables) that
 * opens on an offline machine. It loads nothing: no external script, font, stylesheet or image.
 *
 * <p>The markup is also well-formed XML (every element closed, only XML entities, the script in a CDATA section),
 * which costs nothing in a browser and lets tests parse the page with a plain XML parser.
 */
final class HtmlReport {
  static final int MAX_TRADE_ROWS = 500;
  private static final String EQUITY_COLOR = "#2563eb";
  private static final String BENCHMARK_COLOR = "#9ca3af";
  private static final String DRAWDOWN_COLOR = "#dc2626";
  private static final String ALLOCATED_COLOR = "#cbd5e1";
  private static final String[] PALETTE = {"#2563eb", "#16a34a", "#d97706", "#7c3aed", "#db2777", "#0891b2"};

  private HtmlReport() {}

  static String render(BacktestResult r, PerformanceMetrics m) {
    StringBuilder page = new StringBuilder(64 * 1024);
    page.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>")
        .append("<title>StrikeSwarm backtest: ").append(Html.escape(Fmt.signedPct(m.returnPct()))).append("</title>")
        .append("<style>").append(CSS).append("</style></head><body>\n");
    header(page, r, m);
    headline(page, m);
    long[] times = r.equity().stream().mapToLong(EquityPoint::timeMs).toArray();
    double[] equity = r.equity().stream().mapToDouble(p -> p.equity().doubleValue()).toArray();
    equity(page, r, m, times, equity);
    drawdown(page, r.initialCapital().doubleValue(), times, equity);
    diamonds(page, r, m);
    bots(page, m);
    instruments(page, r);
    trades(page, r);
    riskEvents(page, r);
    dataIssues(page, r);
    page.append("<footer>Run took ").append(Html.escape(Fmt.duration(m.elapsedMs()))).append(", replay speed ")
        .append(Html.escape(Fmt.count(m.botBarsPerSecond()))).append(" bot-bars/s. ")
        .append("Next to this page: summary.json, trades.csv, equity.csv.</footer>\n");
    page.append("<script>//<![CDATA[\n").append(SORT_SCRIPT).append("\n//]]></script>\n</body></html>\n");
    return page.toString();
  }

  private static void header(StringBuilder page, BacktestResult r, PerformanceMetrics m) {
    List<EquityPoint> eq = r.equity();
    String instruments = r.instruments().stream().map(InstrumentRange::instrument).collect(Collectors.joining(", "));
    page.append("<header><h1>StrikeSwarm backtest</h1><p class=\"sub\">")
        .append(Html.escape(Fmt.utc(eq.get(0).timeMs()) + " → " + Fmt.utc(eq.get(eq.size() - 1).timeMs())
            + " UTC · " + Fmt.count(m.bars()) + " bars · " + m.bots() + " bots · " + instruments))
        .append("</p><dl class=\"settings\">");
    for (Map.Entry<String, String> s : r.settings().entrySet()) {
      page.append("<div><dt>").append(Html.escape(s.getKey())).append("</dt><dd>").append(Html.escape(s.getValue()))
          .append("</dd></div>");
    }
    page.append("</dl></header>\n");
  }

  private static void headline(StringBuilder page, PerformanceMetrics m) {
    BigDecimal excess = m.returnPct().subtract(m.buyAndHoldReturnPct());
    page.append("<section class=\"cards\">");
    card(page, "Return", Fmt.signedPct(m.returnPct()), tone(m.returnPct()),
        "buy &amp; hold " + Html.escape(Fmt.signedPct(m.buyAndHoldReturnPct())) + " · "
            + (excess.signum() >= 0 ? "beat it by " : "behind by ") + Html.escape(Fmt.pct(excess.abs())));
    card(page, "Net P&L", Fmt.signedMoney(m.netPnl()), tone(m.netPnl()),
        Html.escape(Fmt.money(m.initialCapital()) + " → " + Fmt.money(m.finalEquity())));
    card(page, "Max drawdown", Fmt.pct(m.maxDrawdownPct()), m.maxDrawdownPct().signum() > 0 ? "neg" : "",
        "largest fall from a peak");
    card(page, "Sharpe", Fmt.ratio(m.sharpe()), tone(m.sharpe()),
        "Sortino " + Html.escape(Fmt.ratio(m.sortino())) + " · annualised, 365 days");
    card(page, "Trades", Fmt.count(m.trades()), "",
        "win rate " + Html.escape(Fmt.fractionAsPct(m.winRate())) + " · profit factor "
            + Html.escape(m.profitFactor().map(Fmt::ratio).orElse("n/a (no losing trade)")));
    card(page, "Fees", Fmt.money(m.fees()), "", "all fees paid, open positions included");
    page.append("</section>\n");
  }

  /** {@code noteHtml} is markup: callers escape what they put in it. */
  private static void card(StringBuilder page, String label, String value, String tone, String noteHtml) {
    page.append("<div class=\"card\"><div class=\"label\">").append(Html.escape(label))
        .append("</div><div class=\"value ").append(tone).append("\">").append(Html.escape(value))
        .append("</div><div class=\"note\">").append(noteHtml).append("</div></div>");
  }

  private static String tone(BigDecimal v) {
    return v.signum() > 0 ? "pos" : v.signum() < 0 ? "neg" : "";
  }

  private static void equity(StringBuilder page, BacktestResult r, PerformanceMetrics m, long[] times,
      double[] values) {
    List<EquityPoint> eq = r.equity();
    double start = r.initialCapital().doubleValue();
    double end = start * (1 + m.buyAndHoldReturnPct().doubleValue() / 100);
    List<Series> series = List.of(
        new Series("swarm equity", EQUITY_COLOR, times, values, Style.LINE),
        new Series("buy & hold, start → end only", BENCHMARK_COLOR,
            new long[] {times[0], times[times.length - 1]}, new double[] {start, end}, Style.DASHED));
    List<LineChart.Band> bands = restrictedTrading(eq);
    page.append("<section><h2>Equity</h2>")
        .append(LineChart.render("Equity curve", series, bands, AxisLabel::money))
        .append("<p class=\"hint\">The buy-and-hold line joins the initial capital to its value at the end ")
        .append("(equal weights, first close to last close). The report only has each instrument's first and last ")
        .append("close, so it is a straight reference, not the benchmark's path.");
    if (!bands.isEmpty()) {
      page.append(" Shaded: the swarm was not in its starting trading state (")
          .append(Html.escape(eq.get(0).tradingState())).append("); see Risk events.");
    }
    page.append("</p></section>\n");
  }

  /**
   * Stretches where the swarm's trading state differed from the one it started in (the run starts trading
   * normally; any later state is a risk measure), one band per state, from the step it began to the step it ended.
   */
  static List<LineChart.Band> restrictedTrading(List<EquityPoint> equity) {
    String normal = equity.get(0).tradingState();
    List<LineChart.Band> bands = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= equity.size(); i++) {
      String state = i < equity.size() ? equity.get(i).tradingState() : normal;
      if (start >= 0 && !state.equals(equity.get(start).tradingState())) {
        bands.add(new LineChart.Band(equity.get(start).timeMs(), equity.get(Math.min(i, equity.size() - 1)).timeMs(),
            "trading state " + equity.get(start).tradingState()));
        start = -1;
      }
      if (start < 0 && !state.equals(normal)) {
        start = i;
      }
    }
    return bands;
  }

  /** Recomputed in doubles from the chart's values: a picture needs no exact decimals, and this is a long loop. */
  private static void drawdown(StringBuilder page, double initialCapital, long[] times, double[] equity) {
    double[] values = new double[equity.length];
    double peak = initialCapital;
    for (int i = 0; i < equity.length; i++) {
      peak = Math.max(peak, equity[i]);
      values[i] = -(peak - equity[i]) / peak * 100;
    }
    page.append("<section><h2>Drawdown</h2>")
        .append(LineChart.render("Drawdown from the running peak",
            List.of(new Series("drawdown", DRAWDOWN_COLOR, times, values, Style.AREA)), AxisLabel::percent))
        .append("</section>\n");
  }

  private static void diamonds(StringBuilder page, BacktestResult r, PerformanceMetrics m) {
    page.append("<section><h2>Capital per diamond</h2>");
    List<String> names = m.diamonds().stream().map(DiamondMetrics::diamond).toList();
    if (!names.isEmpty()) {
      page.append(BarChart.render("Allocated and final equity per diamond", names, List.of(
          new BarChart.Bars("allocated to bots", ALLOCATED_COLOR,
              m.diamonds().stream().mapToDouble(d -> d.allocated().doubleValue()).toArray()),
          new BarChart.Bars("final equity", EQUITY_COLOR,
              m.diamonds().stream().mapToDouble(d -> d.finalEquity().doubleValue()).toArray())),
          v -> Fmt.money(BigDecimal.valueOf(v))));
    }
    HtmlTable table = new HtmlTable("diamond", "bots", "allocated", "final equity", "P&L", "return", "trades",
        "win rate", "fees");
    for (DiamondMetrics d : m.diamonds()) {
      table.row(Cell.text(d.diamond()), Cell.number(d.bots()), Cell.number(Fmt.money(d.allocated()), d.allocated()),
          Cell.number(Fmt.money(d.finalEquity()), d.finalEquity()), Cell.signed(Fmt.signedMoney(d.pnl()), d.pnl()),
          Cell.signed(Fmt.signedPct(d.returnPct()), d.returnPct()), Cell.number(d.trades()),
          Cell.number(Fmt.fractionAsPct(d.winRate()), d.winRate()), Cell.number(Fmt.money(d.fees()), d.fees()));
    }
    page.append(table.render());
    List<Series> lines = diamondLines(r.equity());
    if (!lines.isEmpty()) {
      page.append("<h3>Diamond equity over time, change since the first step</h3>")
          .append(LineChart.render("Diamond equity, % change since the first step", lines, AxisLabel::percent));
    }
    page.append("<p class=\"hint\">P&amp;L is the sum of the diamond's bots (final equity − allocated); final ")
        .append("equity is the diamond's own, capital not handed to a bot included. Trades and win rate count ")
        .append("closed trades.</p></section>\n");
  }

  /**
   * One line per diamond as % change from its first value: diamonds hold very different capital, and on one money
   * axis the small ones would be flat lines.
   */
  private static List<Series> diamondLines(List<EquityPoint> equity) {
    List<Series> out = new ArrayList<>();
    int colour = 0;
    for (String name : EquityCsv.diamondColumns(equity)) {
      List<EquityPoint> having = equity.stream().filter(p -> p.diamondEquity().containsKey(name)).toList();
      double first = having.get(0).diamondEquity().get(name).doubleValue();
      out.add(new Series(name, PALETTE[colour++ % PALETTE.length],
          having.stream().mapToLong(EquityPoint::timeMs).toArray(),
          having.stream().mapToDouble(p -> first > 0 ? (p.diamondEquity().get(name).doubleValue() / first - 1) * 100
              : 0).toArray(), Style.LINE));
    }
    return out;
  }

  private static void bots(StringBuilder page, PerformanceMetrics m) {
    HtmlTable table = new HtmlTable("bot", "diamond", "strategy", "instrument", "status", "allocated",
        "final equity", "P&L", "return", "trades", "win rate", "fees");
    for (BotMetrics b : m.botMetrics()) {
      table.row(Cell.text(b.botId()), Cell.text(b.diamond()), Cell.text(b.strategy()), Cell.text(b.instrument()),
          Cell.text(b.status()), Cell.number(Fmt.money(b.allocated()), b.allocated()),
          Cell.number(Fmt.money(b.finalEquity()), b.finalEquity()), Cell.signed(Fmt.signedMoney(b.pnl()), b.pnl()),
          Cell.signed(Fmt.signedPct(b.returnPct()), b.returnPct()), Cell.number(b.trades()),
          Cell.number(Fmt.fractionAsPct(b.winRate()), b.winRate()), Cell.number(Fmt.money(b.fees()), b.fees()));
    }
    page.append("<section><h2>Bots</h2><p class=\"hint\">Click a column header to sort.</p>")
        .append(table.render()).append("</section>\n");
  }

  private static void instruments(StringBuilder page, BacktestResult r) {
    HtmlTable table = new HtmlTable("instrument", "bars", "first bar (UTC)", "first close", "last bar (UTC)",
        "last close", "change");
    for (InstrumentRange i : r.instruments()) {
      BigDecimal change = Rounding.percent(i.lastClose().subtract(i.firstClose()), i.firstClose());
      table.row(Cell.text(i.instrument()), Cell.number(i.bars()), Cell.text(Fmt.utc(i.firstTimeMs())),
          Cell.number(i.firstClose().toPlainString(), i.firstClose()), Cell.text(Fmt.utc(i.lastTimeMs())),
          Cell.number(i.lastClose().toPlainString(), i.lastClose()), Cell.signed(Fmt.signedPct(change), change));
    }
    page.append("<section><h2>Instruments</h2>").append(table.render()).append("</section>\n");
  }

  private static void trades(StringBuilder page, BacktestResult r) {
    List<TradeRow> sorted = TradeOrder.sorted(r.trades());
    page.append("<section><h2>Trades</h2>");
    if (sorted.isEmpty()) {
      page.append("<p class=\"empty\">No trade was closed.</p></section>\n");
      return;
    }
    if (sorted.size() > MAX_TRADE_ROWS) {
      page.append("<p class=\"hint truncated\">Showing the first ").append(MAX_TRADE_ROWS).append(" of ")
          .append(Fmt.count(sorted.size())).append(" trades, by exit time; trades.csv has all of them.</p>");
    }
    HtmlTable table = new HtmlTable("exit (UTC)", "bot", "diamond", "instrument", "side", "quantity", "entry (UTC)",
        "entry price", "exit price", "P&L", "fees", "exit reason");
    for (TradeRow t : sorted.subList(0, Math.min(sorted.size(), MAX_TRADE_ROWS))) {
      table.row(new Cell(Fmt.utc(t.exitTimeMs()), Long.toString(t.exitTimeMs()), ""), Cell.text(t.botId()),
          Cell.text(t.diamond()), Cell.text(t.instrument()), Cell.text(t.side()),
          Cell.number(t.quantity().toPlainString(), t.quantity()),
          new Cell(Fmt.utc(t.entryTimeMs()), Long.toString(t.entryTimeMs()), ""),
          Cell.number(t.entryPrice().toPlainString(), t.entryPrice()),
          Cell.number(t.exitPrice().toPlainString(), t.exitPrice()), Cell.signed(Fmt.signedMoney(t.pnl()), t.pnl()),
          Cell.number(Fmt.money(t.fees()), t.fees()), Cell.text(t.exitReason()));
    }
    page.append(table.render()).append("</section>\n");
  }

  private static void riskEvents(StringBuilder page, BacktestResult r) {
    page.append("<section><h2>Risk events</h2>");
    if (r.riskEvents().isEmpty()) {
      page.append("<p class=\"empty\">None: the swarm's trading state never changed.</p></section>\n");
      return;
    }
    HtmlTable table = new HtmlTable("time (UTC)", "from", "to", "reason");
    for (RiskEvent e : r.riskEvents()) {
      table.row(new Cell(Fmt.utc(e.timeMs()), Long.toString(e.timeMs()), ""), Cell.text(e.from()), Cell.text(e.to()),
          Cell.text(e.reason()));
    }
    page.append(table.render()).append("</section>\n");
  }

  private static void dataIssues(StringBuilder page, BacktestResult r) {
    page.append("<section><h2>Data issues</h2>");
    if (r.dataIssues().isEmpty()) {
      page.append("<p class=\"empty\">None: every input row was used.</p></section>\n");
      return;
    }
    HtmlTable table = new HtmlTable("issue", "count");
    r.dataIssues().forEach((issue, count) -> table.row(Cell.text(issue), Cell.number(count)));
    page.append(table.render()).append("</section>\n");
  }

  private static final String CSS = """
      :root { color-scheme: light; }
      body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
        margin: 0 auto; max-width: 1100px; padding: 24px; color: #1f2937; background: #f8fafc; }
      h1 { margin: 0 0 4px; font-size: 24px; }
      h2 { font-size: 18px; margin: 0 0 12px; }
      h3 { font-size: 15px; margin: 18px 0 8px; }
      .sub { color: #6b7280; margin: 0 0 12px; }
      section { background: #fff; border: 1px solid #e5e7eb; border-radius: 8px; padding: 16px; margin: 16px 0; }
      .settings { display: flex; flex-wrap: wrap; gap: 6px; margin: 0; }
      .settings div { background: #eef2ff; border-radius: 4px; padding: 2px 8px; font-size: 13px; }
      .settings dt { display: inline; color: #4b5563; }
      .settings dt::after { content: " = "; }
      .settings dd { display: inline; margin: 0; font-weight: 600; }
      .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(160px, 1fr)); gap: 12px;
        background: none; border: none; padding: 0; }
      .card { background: #fff; border: 1px solid #e5e7eb; border-radius: 8px; padding: 12px; }
      .card .label { color: #6b7280; font-size: 13px; }
      .card .value { font-size: 22px; font-weight: 700; margin: 4px 0; overflow-wrap: anywhere; }
      .card .note { color: #6b7280; font-size: 12px; }
      .pos { color: #15803d; }
      .neg { color: #b91c1c; }
      .hint, .empty { color: #6b7280; font-size: 13px; }
      .truncated { color: #92400e; font-weight: 600; }
      svg.chart { width: 100%; height: auto; display: block; }
      svg .grid { stroke: #e5e7eb; stroke-width: 1; }
      svg .band { fill: #fde68a; fill-opacity: 0.45; }
      svg .baseline { stroke: #9ca3af; stroke-width: 1; }
      svg .axis, svg .value { fill: #6b7280; font-size: 11px; }
      svg .legend, svg .label { fill: #374151; font-size: 12px; }
      table { border-collapse: collapse; width: 100%; font-size: 13px; margin-top: 8px; }
      th, td { padding: 4px 8px; border-bottom: 1px solid #f1f5f9; text-align: left; white-space: nowrap; }
      th { background: #f8fafc; cursor: pointer; user-select: none; position: sticky; top: 0; }
      th[data-dir="asc"]::after { content: " ▲"; }
      th[data-dir="desc"]::after { content: " ▼"; }
      .n { text-align: right; font-variant-numeric: tabular-nums; }
      tbody tr:hover { background: #f8fafc; }
      section:has(table) { overflow-x: auto; }
      footer { color: #6b7280; font-size: 12px; margin-top: 16px; }
      """;

  // Sorts by data-v (exact number) when both cells have one, else by text; a second click reverses.
  private static final String SORT_SCRIPT = """
      document.querySelectorAll('table.sortable').forEach(function (table) {
        var heads = table.querySelectorAll('th');
        heads.forEach(function (th, col) {
          th.addEventListener('click', function () {
            var asc = th.getAttribute('data-dir') !== 'asc';
            heads.forEach(function (h) { h.removeAttribute('data-dir'); });
            th.setAttribute('data-dir', asc ? 'asc' : 'desc');
            var body = table.tBodies[0];
            var rows = Array.prototype.slice.call(body.rows);
            rows.sort(function (a, b) {
              var x = a.cells[col], y = b.cells[col];
              var vx = x.getAttribute('data-v'), vy = y.getAttribute('data-v');
              var c = (vx === null || vy === null)
                ? x.textContent.localeCompare(y.textContent, undefined, { numeric: true })
                : parseFloat(vx) - parseFloat(vy);
              return asc ? c : -c;
            });
            rows.forEach(function (row) { body.appendChild(row); });
          });
        });
      });""";
}

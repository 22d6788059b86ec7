package io.strikeswarm.swarm.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test data: a small, valid backtest result that each test bends to what it specifies. */
final class Results {
  static final long T0 = 1_704_067_200_000L; // 2024-01-01T00:00:00Z
  static final long HOUR = 3_600_000L;
  static final long DAY = 24 * HOUR;

  Map<String, String> settings = new LinkedHashMap<>();
  BigDecimal initialCapital = bd("100000");
  long bars;
  List<InstrumentRange> instruments = new ArrayList<>();
  List<BotResult> bots = new ArrayList<>();
  List<TradeRow> trades = new ArrayList<>();
  List<EquityPoint> equity = new ArrayList<>();
  List<RiskEvent> riskEvents = new ArrayList<>();
  Map<String, Long> dataIssues = new LinkedHashMap<>();
  long elapsedMs = 1234;
  long botBars = 3000;
  long replayNanos = 1_000_000_000L;

  Results() {
    settings.put("data", "btc-1h.csv");
    settings.put("bar", "1h");
    settings.put("fees_bps", "10");
    instruments.add(new InstrumentRange("BTC-USD", 3, T0, bd("40000"), T0 + 2 * HOUR, bd("42000")));
    equity("100000", "100500", "101000");
  }

  static BigDecimal bd(String value) {
    return new BigDecimal(value);
  }

  /** Initial capital, then equity points one step apart from T0. */
  Results equityEvery(long stepMs, String... values) {
    equity.clear();
    for (int i = 0; i < values.length; i++) {
      equity.add(new EquityPoint(T0 + i * stepMs, bd(values[i]), Map.of(), "NORMAL"));
    }
    bars = values.length;
    return this;
  }

  Results equity(String... values) {
    return equityEvery(HOUR, values);
  }

  Results capital(String initial) {
    initialCapital = bd(initial);
    return this;
  }

  Results instrument(String name, String firstClose, String lastClose) {
    instruments.add(new InstrumentRange(name, 10, T0, bd(firstClose), T0 + 9 * HOUR, bd(lastClose)));
    return this;
  }

  Results bot(String id, String diamond, String allocated, String finalEquity, int trades, int wins, String fees) {
    bots.add(new BotResult(id, diamond, "ema-cross", "BTC-USD", bd(allocated), bd(finalEquity), trades, wins,
        bd(fees), "RUNNING"));
    return this;
  }

  Results trade(String botId, String diamond, long entryMs, long exitMs, String pnl) {
    trades.add(new TradeRow(botId, diamond, "BTC-USD", "LONG", bd("0.5"), entryMs, bd("40000"), exitMs,
        bd("40100"), bd(pnl), bd("4.01"), "signal"));
    return this;
  }

  /** Trades with these net P&Ls, one hour apart, all by bot long-1. */
  Results tradesWithPnl(String... pnls) {
    for (int i = 0; i < pnls.length; i++) {
      trade("long-1", "long-strike", T0 + i * HOUR, T0 + (i + 1) * HOUR, pnls[i]);
    }
    return this;
  }

  BacktestResult build() {
    return new BacktestResult(settings, initialCapital, bars, instruments, bots, trades, equity, riskEvents,
        dataIssues, elapsedMs, botBars, replayNanos);
  }

  /** A richer result with three diamonds, bots, trades, risk events and data issues, as a driver would give. */
  static Results swarm() {
    Results r = new Results();
    r.settings.put("bots", "6");
    r.settings.put("capital", "100000");
    r.instrument("ETH-USD", "2000", "2100");
    r.bot("long-1", "long-strike", "20000", "20500", 3, 2, "12.5")
        .bot("long-2", "long-strike", "20000", "19800", 2, 0, "8")
        .bot("short-1", "short-strike", "15000", "15300", 2, 1, "6.25")
        .bot("short-2", "short-strike", "15000", "14900", 1, 0, "3")
        .bot("amm-1", "amm", "10000", "10040", 0, 0, "1")
        .bot("amm-2", "amm", "10000", "10010", 0, 0, "0.5");
    r.trade("long-1", "long-strike", T0, T0 + 2 * HOUR, "300")
        .trade("long-1", "long-strike", T0 + 3 * HOUR, T0 + 5 * HOUR, "250")
        .trade("long-1", "long-strike", T0 + 6 * HOUR, T0 + 7 * HOUR, "-50")
        .trade("long-2", "long-strike", T0 + HOUR, T0 + 4 * HOUR, "-120")
        .trade("long-2", "long-strike", T0 + 5 * HOUR, T0 + 8 * HOUR, "-80")
        .trade("short-1", "short-strike", T0, T0 + 4 * HOUR, "400")
        .trade("short-1", "short-strike", T0 + 5 * HOUR, T0 + 6 * HOUR, "-100")
        .trade("short-2", "short-strike", T0 + 2 * HOUR, T0 + 9 * HOUR, "-100");
    r.equity.clear();
    String[] totals = {"100000", "100150", "99900", "100300", "100420", "100250", "100600", "100480", "100500",
        "100550"};
    for (int i = 0; i < totals.length; i++) {
      BigDecimal total = bd(totals[i]);
      Map<String, BigDecimal> diamonds = new LinkedHashMap<>();
      diamonds.put("amm", bd("20000").add(BigDecimal.valueOf(5L * i)));
      diamonds.put("long-strike", bd("40000").add(total.subtract(bd("100000")).divide(bd("2"))));
      diamonds.put("short-strike", bd("30000").add(total.subtract(bd("100000")).divide(bd("2"))));
      r.equity.add(new EquityPoint(T0 + i * HOUR, total, diamonds, i >= 3 && i < 5 ? "REDUCE_ONLY" : "NORMAL"));
    }
    r.bars = totals.length;
    r.riskEvents.add(new RiskEvent(T0 + 3 * HOUR, "NORMAL", "REDUCE_ONLY", "drawdown 0.25 % over limit"));
    r.riskEvents.add(new RiskEvent(T0 + 5 * HOUR, "REDUCE_ONLY", "NORMAL", "recovered"));
    r.dataIssues.put("rows skipped: price <= 0", 3L);
    r.botBars = 60;
    return r;
  }
}

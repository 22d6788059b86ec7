package io.strikeswarm.swarm.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Checks a {@link BacktestResult} before anything is computed from it, so that a driver bug surfaces as one
 * {@link IllegalArgumentException} naming the missing or impossible piece (e.g. {@code trades[3].exitPrice is
 * missing}) instead of a NullPointerException deep inside a chart, or a silently wrong figure.
 *
 * <p>Only what the report relies on is checked: presence everywhere, a positive capital and first closes (they are
 * divisors), at least one instrument and one equity point, strictly increasing equity times (the median step
 * interval annualises Sharpe), and counts that cannot be negative. Values such as a side or an exit reason are
 * printed as given.
 */
public final class ResultValidator {
  private ResultValidator() {}

  public static void validate(BacktestResult r) {
    if (r == null) {
      throw new IllegalArgumentException("backtest result is missing");
    }
    stringMap(r.settings(), "settings");
    positive(r.initialCapital(), "initialCapital");
    notNegative(r.bars(), "bars");
    notNegative(r.elapsedMs(), "elapsedMs");
    notNegative(r.botBars(), "botBars");
    notNegative(r.replayNanos(), "replayNanos");
    instruments(r.instruments());
    bots(r.bots());
    trades(r.trades());
    equity(r.equity());
    riskEvents(r.riskEvents());
    dataIssues(r.dataIssues());
  }

  private static void instruments(List<InstrumentRange> instruments) {
    present(instruments, "instruments");
    if (instruments.isEmpty()) {
      throw new IllegalArgumentException("instruments is empty: buy-and-hold needs at least one instrument");
    }
    for (int i = 0; i < instruments.size(); i++) {
      String at = "instruments[" + i + "]";
      InstrumentRange x = present(instruments.get(i), at);
      present(x.instrument(), at + ".instrument");
      positive(x.firstClose(), at + ".firstClose");
      notNegative(present(x.lastClose(), at + ".lastClose"), at + ".lastClose");
    }
  }

  private static void bots(List<BotResult> bots) {
    present(bots, "bots");
    for (int i = 0; i < bots.size(); i++) {
      String at = "bots[" + i + "]";
      BotResult b = present(bots.get(i), at);
      present(b.botId(), at + ".botId");
      present(b.diamond(), at + ".diamond");
      present(b.strategy(), at + ".strategy");
      present(b.instrument(), at + ".instrument");
      present(b.allocated(), at + ".allocated");
      present(b.finalEquity(), at + ".finalEquity");
      present(b.fees(), at + ".fees");
      present(b.status(), at + ".status");
      if (b.trades() < 0 || b.wins() < 0 || b.wins() > b.trades()) {
        throw new IllegalArgumentException(at + " (" + b.botId() + ") has " + b.wins() + " wins out of "
            + b.trades() + " trades");
      }
    }
  }

  private static void trades(List<TradeRow> trades) {
    present(trades, "trades");
    for (int i = 0; i < trades.size(); i++) {
      String at = "trades[" + i + "]";
      TradeRow t = present(trades.get(i), at);
      present(t.botId(), at + ".botId");
      present(t.diamond(), at + ".diamond");
      present(t.instrument(), at + ".instrument");
      present(t.side(), at + ".side");
      present(t.quantity(), at + ".quantity");
      present(t.entryPrice(), at + ".entryPrice");
      present(t.exitPrice(), at + ".exitPrice");
      present(t.pnl(), at + ".pnl");
      present(t.fees(), at + ".fees");
      present(t.exitReason(), at + ".exitReason");
    }
  }

  private static void equity(List<EquityPoint> equity) {
    present(equity, "equity");
    if (equity.isEmpty()) {
      throw new IllegalArgumentException("equity is empty: a report needs at least one equity point");
    }
    long previous = Long.MIN_VALUE;
    for (int i = 0; i < equity.size(); i++) {
      String at = "equity[" + i + "]";
      EquityPoint p = present(equity.get(i), at);
      present(p.equity(), at + ".equity");
      present(p.tradingState(), at + ".tradingState");
      Map<String, BigDecimal> diamonds = present(p.diamondEquity(), at + ".diamondEquity");
      diamonds.forEach((name, value) -> {
        present(name, at + ".diamondEquity key");
        present(value, at + ".diamondEquity['" + name + "']");
      });
      if (i > 0 && p.timeMs() <= previous) {
        throw new IllegalArgumentException(at + ".timeMs " + p.timeMs() + " is not after the previous point's "
            + previous + ": equity must be in strictly increasing time order");
      }
      previous = p.timeMs();
    }
  }

  private static void riskEvents(List<RiskEvent> events) {
    present(events, "riskEvents");
    for (int i = 0; i < events.size(); i++) {
      String at = "riskEvents[" + i + "]";
      RiskEvent e = present(events.get(i), at);
      present(e.from(), at + ".from");
      present(e.to(), at + ".to");
      present(e.reason(), at + ".reason");
    }
  }

  private static void dataIssues(Map<String, Long> issues) {
    present(issues, "dataIssues");
    issues.forEach((issue, count) -> {
      present(issue, "dataIssues key");
      present(count, "dataIssues['" + issue + "']");
    });
  }

  private static void stringMap(Map<String, String> map, String name) {
    present(map, name);
    map.forEach((key, value) -> {
      present(key, name + " key");
      present(value, name + "['" + key + "']");
    });
  }

  private static <T> T present(T value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " is missing");
    }
    return value;
  }

  private static void positive(BigDecimal value, String name) {
    present(value, name);
    if (value.signum() <= 0) {
      throw new IllegalArgumentException(name + " must be positive, got " + value.toPlainString());
    }
  }

  private static void notNegative(BigDecimal value, String name) {
    if (value.signum() < 0) {
      throw new IllegalArgumentException(name + " must not be negative, got " + value.toPlainString());
    }
  }

  private static void notNegative(long value, String name) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must not be negative, got " + value);
    }
  }
}

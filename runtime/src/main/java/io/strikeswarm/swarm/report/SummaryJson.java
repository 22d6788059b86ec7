package io.strikeswarm.swarm.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Map;

/**
 * summary.json: the headline figures first, then settings, instruments, diamonds, risk events and data issues. Keys are written in
 * a fixed order by a streaming generator (no map whose order could change), numbers as plain JSON numbers with the
 * report's scales, {@code \n} line endings; so two runs of the same backtest differ only in elapsed_ms and
 * bot_bars_per_second.
 */
final class SummaryJson {
  private static final JsonFactory JSON = JsonFactory.builder()
      .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
      .build();

  private SummaryJson() {}

  static String render(BacktestResult r, PerformanceMetrics m) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.setPrettyPrinter(new DefaultPrettyPrinter(Separators.createDefaultInstance()
              .withObjectFieldValueSpacing(Separators.Spacing.AFTER)) // "key": value, as people write JSON
          .withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n")));
      g.writeStartObject();
      g.writeNumberField("bars", m.bars());
      g.writeNumberField("bots", m.bots());
      g.writeNumberField("trades", m.trades());
      g.writeNumberField("initial_capital", m.initialCapital());
      g.writeNumberField("final_equity", m.finalEquity());
      g.writeNumberField("net_pnl", m.netPnl());
      g.writeNumberField("return_pct", m.returnPct());
      g.writeNumberField("buy_and_hold_return_pct", m.buyAndHoldReturnPct());
      g.writeNumberField("max_drawdown_pct", m.maxDrawdownPct());
      g.writeNumberField("sharpe", m.sharpe());
      g.writeNumberField("sortino", m.sortino());
      g.writeNumberField("win_rate", m.winRate());
      nullableNumber(g, "profit_factor", m.profitFactor().orElse(null));
      g.writeNumberField("fees", m.fees());
      g.writeNumberField("first_time_ms", r.equity().get(0).timeMs());
      g.writeNumberField("last_time_ms", r.equity().get(r.equity().size() - 1).timeMs());
      g.writeNumberField("steps_per_year", Rounding.ratio(m.stepsPerYear())); // how Sharpe/Sortino were annualised
      g.writeNumberField("elapsed_ms", m.elapsedMs());
      g.writeNumberField("bot_bars_per_second", m.botBarsPerSecond());
      stringMap(g, "settings", r.settings());
      instruments(g, r);
      diamonds(g, m);
      riskEvents(g, r);
      g.writeObjectFieldStart("data_issues");
      for (Map.Entry<String, Long> e : r.dataIssues().entrySet()) {
        g.writeNumberField(e.getKey(), e.getValue());
      }
      g.writeEndObject();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing summary.json to memory", e);
    }
    return out + "\n";
  }

  private static void instruments(JsonGenerator g, BacktestResult r) throws IOException {
    g.writeArrayFieldStart("instruments");
    for (InstrumentRange i : r.instruments()) {
      g.writeStartObject();
      g.writeStringField("instrument", i.instrument());
      g.writeNumberField("bars", i.bars());
      g.writeNumberField("first_time_ms", i.firstTimeMs());
      g.writeNumberField("first_close", i.firstClose());
      g.writeNumberField("last_time_ms", i.lastTimeMs());
      g.writeNumberField("last_close", i.lastClose());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void diamonds(JsonGenerator g, PerformanceMetrics m) throws IOException {
    g.writeObjectFieldStart("diamonds");
    for (DiamondMetrics d : m.diamonds()) {
      g.writeObjectFieldStart(d.diamond());
      g.writeNumberField("bots", d.bots());
      g.writeNumberField("allocated", d.allocated());
      g.writeNumberField("final_equity", d.finalEquity());
      g.writeNumberField("pnl", d.pnl());
      g.writeNumberField("return_pct", d.returnPct());
      g.writeNumberField("trades", d.trades());
      g.writeNumberField("win_rate", d.winRate());
      g.writeNumberField("fees", d.fees());
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private static void riskEvents(JsonGenerator g, BacktestResult r) throws IOException {
    g.writeArrayFieldStart("risk_events");
    for (RiskEvent e : r.riskEvents()) {
      g.writeStartObject();
      g.writeNumberField("time_ms", e.timeMs());
      g.writeStringField("from", e.from());
      g.writeStringField("to", e.to());
      g.writeStringField("reason", e.reason());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void stringMap(JsonGenerator g, String name, Map<String, String> map) throws IOException {
    g.writeObjectFieldStart(name);
    for (Map.Entry<String, String> e : map.entrySet()) {
      g.writeStringField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
  }

  private static void nullableNumber(JsonGenerator g, String name, BigDecimal value) throws IOException {
    if (value == null) {
      g.writeNullField(name);
    } else {
      g.writeNumberField(name, value);
    }
  }
}

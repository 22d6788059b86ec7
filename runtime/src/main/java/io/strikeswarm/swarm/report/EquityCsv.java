package io.strikeswarm.swarm.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * equity.csv: one row per equity point with its drawdown and one column per diamond. Diamond columns follow the
 * order in which the curve first names them; a point that lacks a diamond leaves its cell empty. Written straight
 * to the file, since a year of minute bars makes tens of megabytes.
 */
final class EquityCsv {
  private static final int FIXED_COLUMNS = 5;

  private EquityCsv() {}

  static void write(BigDecimal initialCapital, List<EquityPoint> equity, Appendable out) throws IOException {
    List<String> diamonds = new ArrayList<>(diamondColumns(equity));
    String[] row = new String[FIXED_COLUMNS + diamonds.size()];
    List<String> header = new ArrayList<>(List.of("time_ms", "time_utc", "equity", "drawdown_pct", "trading_state"));
    header.addAll(diamonds);
    Csv.line(out, header.toArray(String[]::new));
    List<BigDecimal> drawdowns = Drawdowns.percent(initialCapital, equity);
    for (int i = 0; i < equity.size(); i++) {
      EquityPoint p = equity.get(i);
      row[0] = Long.toString(p.timeMs());
      row[1] = Instant.ofEpochMilli(p.timeMs()).toString();
      row[2] = p.equity().toPlainString();
      row[3] = drawdowns.get(i).toPlainString();
      row[4] = p.tradingState();
      for (int d = 0; d < diamonds.size(); d++) {
        BigDecimal value = p.diamondEquity().get(diamonds.get(d));
        row[FIXED_COLUMNS + d] = value == null ? "" : value.toPlainString();
      }
      Csv.line(out, row);
    }
  }

  static String render(BigDecimal initialCapital, List<EquityPoint> equity) {
    StringWriter out = new StringWriter();
    try {
      write(initialCapital, equity, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return out.toString();
  }

  static Set<String> diamondColumns(List<EquityPoint> equity) {
    Set<String> names = new LinkedHashSet<>();
    equity.forEach(p -> names.addAll(p.diamondEquity().keySet()));
    return names;
  }
}

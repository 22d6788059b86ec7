package io.strikeswarm.swarm.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * trades.csv: every closed trade in {@link TradeOrder}, numbers exactly as the driver computed them (plain notation,
 * never 1E+3), so the file is the auditable ledger and two runs can be diffed.
 */
public final class TradesCsv {
  static final String HEADER = "bot_id,diamond,instrument,side,quantity,entry_time_ms,entry_price,exit_time_ms,"
      + "exit_price,pnl,fees,exit_reason";

  private TradesCsv() {}

  static void write(List<TradeRow> trades, Appendable out) throws IOException {
    out.append(HEADER).append('\n');
    for (TradeRow t : TradeOrder.sorted(trades)) {
      Csv.line(out, t.botId(), t.diamond(), t.instrument(), t.side(), t.quantity().toPlainString(),
          Long.toString(t.entryTimeMs()), t.entryPrice().toPlainString(), Long.toString(t.exitTimeMs()),
          t.exitPrice().toPlainString(), t.pnl().toPlainString(), t.fees().toPlainString(), t.exitReason());
    }
  }

  public static String render(List<TradeRow> trades) {
    StringWriter out = new StringWriter();
    try {
      write(trades, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return out.toString();
  }
}

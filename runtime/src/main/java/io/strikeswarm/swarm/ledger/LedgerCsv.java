package io.strikeswarm.swarm.ledger;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

/** The ledger's CSV files: the audit view (every fill) and the tax view (FIFO lots). Plain decimals, UTC times. */
public final class LedgerCsv {
  private LedgerCsv() {}

  public static final String AUDIT_HEADER = "time,time_ms,bot,venue,order_id,instrument,side,quantity,price,notional,"
      + "fee,reason,order_complete,journal_event";
  public static final String TAX_HEADER = "bot,instrument,direction,quantity,opened,closed,proceeds,cost_basis,gain,"
      + "open_order_id,close_order_id";

  public static void writeAudit(List<LedgerLine> lines, Writer out) throws IOException {
    out.write(AUDIT_HEADER + "\n");
    for (LedgerLine l : lines) {
      BigDecimal notional = l.quantity().multiply(l.price()).setScale(8, RoundingMode.HALF_EVEN);
      out.write(String.join(",", Instant.ofEpochMilli(l.timeMs()).toString(), Long.toString(l.timeMs()), l.botId(),
          l.venue(), l.orderId(), l.instrument(), l.side(), plain(l.quantity()), plain(l.price()), plain(notional),
          plain(l.fee()), l.reason(), Boolean.toString(l.completesOrder()), l.persistenceId() + "#" + l.seqNr()));
      out.write("\n");
    }
  }

  public static void writeTax(List<TaxLine> lines, Writer out) throws IOException {
    out.write(TAX_HEADER + "\n");
    for (TaxLine t : lines) {
      out.write(String.join(",", t.botId(), t.instrument(), t.direction(), plain(t.quantity()),
          Instant.ofEpochMilli(t.openedMs()).toString(), Instant.ofEpochMilli(t.closedMs()).toString(),
          plain(t.proceeds()), plain(t.costBasis()), plain(t.gain()), t.openOrderId(), t.closeOrderId()));
      out.write("\n");
    }
  }

  private static String plain(BigDecimal v) {
    return v.setScale(8, RoundingMode.HALF_EVEN).toPlainString();
  }
}

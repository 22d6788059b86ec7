package io.strikeswarm.swarm.reliability;

import io.strikeswarm.bots.domain.ClosedTrade;
import io.strikeswarm.bots.entity.BotEntity;
import io.strikeswarm.master.capital.DiamondKind;
import io.strikeswarm.swarm.report.TradeRow;
import io.strikeswarm.swarm.report.TradesCsv;
import java.util.ArrayList;
import java.util.List;

/**
 * The trade ledger of a journal: every {@code TradeClosed} of every bot, rendered exactly as a backtest's
 * {@code trades.csv} (same columns, same order, plain numbers), so two journals' ledgers compare byte for byte.
 */
public final class Ledger {
  private Ledger() {}

  public static List<TradeRow> trades(List<JournalRow> rows) {
    List<TradeRow> trades = new ArrayList<>();
    for (JournalRow row : rows) {
      if (row.botId() != null && row.event() instanceof BotEntity.TradeClosed closed) {
        ClosedTrade t = closed.trade();
        String diamond = DiamondKind.ofBot(t.botId()).map(DiamondKind::id).orElse("?");
        trades.add(new TradeRow(t.botId(), diamond, t.instrument(), t.side().name(), t.quantity(), t.entryTimeMs(),
            t.entryPrice(), t.exitTimeMs(), t.exitPrice(), t.pnl(), t.fees(), t.exitReason()));
      }
    }
    return trades;
  }

  public static String csv(List<JournalRow> rows) {
    return TradesCsv.render(trades(rows));
  }
}

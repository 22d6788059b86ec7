package io.strikeswarm.swarm;

import io.strikeswarm.bots.entity.BotView;
import io.strikeswarm.master.SwarmView;
import io.strikeswarm.master.capital.DiamondKind;
import io.strikeswarm.master.capital.MasterLedger;
import io.strikeswarm.master.diamond.DiamondView;
import io.strikeswarm.master.diamond.RosterEntry;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Renders the diamond tree as it stands in the journal: master books, each diamond, each bot. */
public final class RosterReport {
  private RosterReport() {}

  public static String render(SwarmView swarm, Map<DiamondKind, DiamondView.Roster> rosters,
      Map<String, BotView> bots) {
    StringBuilder out = new StringBuilder();
    MasterLedger m = swarm.ledger();
    out.append(String.format("master  capital %s  reserve %s  unallocated %s  books %s%n", usd(m.total()),
        usd(m.reserve()), usd(m.unallocated()), swarm.ledgerBalances() ? "balance" : "DO NOT BALANCE"));
    DiamondKind[] kinds = DiamondKind.values();
    for (int k = 0; k < kinds.length; k++) {
      DiamondKind kind = kinds[k];
      DiamondView.Roster roster = rosters.get(kind);
      boolean lastDiamond = k == kinds.length - 1;
      String branch = lastDiamond ? "└── " : "├── ";
      String indent = lastDiamond ? "    " : "│   ";
      out.append(String.format("%s%-13s funded %s  pool %s  bots %d  realized %s  books %s%s%n", branch, kind.id(),
          usd(roster.ledger().funding()), usd(roster.ledger().pool()), roster.bots().size(),
          usd(roster.ledger().realizedPnl()), roster.ledger().balances() ? "balance" : "DO NOT BALANCE",
          roster.pendingOps() > 0 ? "  (" + roster.pendingOps() + " operations in flight)" : ""));
      if (roster.bots().isEmpty()) {
        String why = kind == DiamondKind.AMM ? "no chain in this mode: its share stays with the master, unallocated"
            : "no bots";
        out.append(indent).append("└── (").append(why).append(")\n");
      }
      List<RosterEntry> entries = roster.bots();
      for (int i = 0; i < entries.size(); i++) {
        RosterEntry e = entries.get(i);
        BotView v = bots.get(e.botId());
        String leaf = i == entries.size() - 1 ? "└── " : "├── ";
        String strategy = e.config().strategy() + "(" + e.config().parameters().entrySet().stream()
            .map(p -> p.getKey() + "=" + p.getValue()).collect(Collectors.joining(",")) + ")";
        out.append(String.format("%s%s%-9s %-8s %-28s %-8s capital %14s  equity %14s  events %5d%n", indent, leaf,
            e.botId(), v == null ? e.status() : v.status(), strategy, e.config().instrument(),
            v == null ? "?" : usd(v.allocated()), v == null ? "?" : usd(v.equity()),
            v == null ? -1 : v.eventCount()));
      }
    }
    return out.toString();
  }

  static String usd(BigDecimal amount) {
    return String.format("%,.2f", amount.setScale(2, RoundingMode.HALF_EVEN));
  }

  public static Map<String, BotView> byId(List<BotView> views) {
    return views.stream().collect(Collectors.toMap(BotView::botId, Function.identity()));
  }
}

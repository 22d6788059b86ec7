package io.strikeswarm.swarm.backtest;

import io.strikeswarm.bots.domain.BotStatus;
import io.strikeswarm.bots.entity.BotView;
import io.strikeswarm.master.SwarmView;
import io.strikeswarm.master.capital.DiamondKind;
import io.strikeswarm.master.diamond.DiamondView;
import io.strikeswarm.master.diamond.RosterEntry;
import io.strikeswarm.swarm.SwarmClient;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The swarm as the replay driver sees it: one slot per bot (diamond, instrument), each bot's equity and last
 * committed bar, and the equity held outside the bots (the master's reserve and unallocated capital, each diamond's
 * pool, and the AMM bots, which trade on chain rather than on bars: their equity is counted with their diamond's pool),
 * in units of 10^-8. Retired bots trade nothing and get no slot.
 */
public record SwarmLayout(List<ReplayDriver.BotSlot> slots, List<String> botIds, long masterUnits, long[] diamondPools,
    long[] botEquity, long[] lastBarTimes) {

  public static SwarmLayout read(SwarmClient client) {
    SwarmView swarm = client.swarm();
    List<ReplayDriver.BotSlot> slots = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    long[] pools = new long[DiamondKind.values().length];
    for (DiamondKind kind : DiamondKind.values()) {
      DiamondView.Roster roster = client.roster(kind);
      pools[kind.ordinal()] = units(roster.ledger().pool());
      if (kind == DiamondKind.AMM) {
        pools[kind.ordinal()] += ammEquity(client, roster);
        continue;
      }
      for (RosterEntry entry : roster.bots()) {
        if (entry.status() == BotStatus.RETIRED) continue;
        slots.add(new ReplayDriver.BotSlot(entry.botId(), kind.ordinal(), entry.config().instrument()));
        ids.add(entry.botId());
      }
    }
    List<BotView> views = client.bots(ids);
    long[] equity = new long[ids.size()];
    long[] last = new long[ids.size()];
    for (int b = 0; b < ids.size(); b++) {
      equity[b] = units(views.get(b).equity());
      last[b] = views.get(b).lastBarTimeMs();
    }
    return new SwarmLayout(List.copyOf(slots), List.copyOf(ids),
        units(swarm.ledger().reserve().add(swarm.ledger().unallocated())), pools, equity, last);
  }

  /** The equity outside the bots now: {@code [master, pool of diamond 0, 1, 2]}. */
  public static long[] outsideEquity(SwarmClient client) {
    SwarmView swarm = client.swarm();
    long[] out = new long[1 + DiamondKind.values().length];
    out[0] = units(swarm.ledger().reserve().add(swarm.ledger().unallocated()));
    for (DiamondKind kind : DiamondKind.values()) {
      DiamondView.Roster roster = client.roster(kind);
      out[1 + kind.ordinal()] = units(roster.ledger().pool()) + (kind == DiamondKind.AMM ? ammEquity(client, roster) : 0);
    }
    return out;
  }

  /** The AMM bots' equity (budget + P&L valued in USD) in units. */
  private static long ammEquity(SwarmClient client, DiamondView.Roster roster) {
    List<String> ids = roster.bots().stream().filter(e -> e.status() != BotStatus.RETIRED).map(RosterEntry::botId)
        .toList();
    if (ids.isEmpty()) return 0;
    long sum = 0;
    for (BotView v : client.bots(ids)) sum += units(v.equity());
    return sum;
  }

  static long units(BigDecimal money) {
    return io.strikeswarm.bots.domain.Money.normalize(money).unscaledValue().longValueExact();
  }
}

package io.strikeswarm.master.amm;

import io.strikeswarm.bots.amm.AmmBotView;
import io.strikeswarm.bots.amm.ArbRoute;
import io.strikeswarm.bots.domain.BotConfig;
import io.strikeswarm.bots.domain.BotStats;
import io.strikeswarm.bots.domain.Money;
import io.strikeswarm.bots.domain.Side;
import io.strikeswarm.bots.entity.BotView;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How the AMM diamond's bots appear in the supervisors' roster and views, which speak in directional bots' terms.
 * An AMM bot's real configuration (chain, account, routes) belongs to the chain it runs on and is handed to it by
 * the runtime; the roster keeps a fixed marker config for it. In views, its capital is its USD budget and its equity
 * the budget plus its P&amp;L valued in USD through the pools, so the swarm's capital accounting holds across diamonds.
 */
public final class AmmRoster {
  public static final String STRATEGY = "amm-arbitrage";

  private AmmRoster() {}

  /** The roster's marker config of an AMM bot (never validated as a directional strategy). */
  public static BotConfig markerConfig() {
    return new BotConfig(STRATEGY, Map.of(), "AMM", "chain", Side.LONG, BigDecimal.ZERO, BigDecimal.ZERO);
  }

  public static boolean isMarker(BotConfig config) {
    return config != null && STRATEGY.equals(config.strategy());
  }

  /** An AMM bot's view in the shape supervisors, the master's risk and the API read for every bot. */
  public static BotView asBotView(AmmBotView v) {
    BigDecimal budget = Money.normalize(v.budgetUsd());
    BigDecimal pnl = v.pnlUsd() == null ? Money.ZERO : Money.normalize(v.pnlUsd());
    BigDecimal equity = budget.add(pnl);
    BotConfig config = markerConfig();
    if (v.config() != null) {
      String routes = v.config().routes().stream().map(ArbRoute::toString).collect(Collectors.joining("; "));
      String pairs = v.config().routes().stream().map(r -> r.home() + "/" + r.other()).distinct()
          .collect(Collectors.joining(","));
      config = new BotConfig(STRATEGY, Map.of("chain", v.config().chain(), "account", v.config().account(),
          "routes", routes), pairs, v.config().chain(), Side.LONG, BigDecimal.ZERO, BigDecimal.ZERO);
    }
    // Bars, fills, wins and losses are a directional bot's terms: an AMM bot has none of them, and its own counts
    // (round trips, reverted and refused swaps, gas) travel with its view in BotView.amm.
    BotStats stats = new BotStats(0, 0, 0, 0, 0, equity, Money.ZERO);
    String reason = v.haltReason() != null ? v.haltReason() : v.chainError();
    return new BotView(v.botId(), v.status(), config, budget, equity, equity, equity, pnl, Money.ZERO,
        Money.ZERO, v.inFlight() == null && v.stranded() == null ? budget : Money.ZERO, List.of(), List.of(), stats,
        0, v.lastTransferSeq(), v.eventCount(), reason, v);
  }
}

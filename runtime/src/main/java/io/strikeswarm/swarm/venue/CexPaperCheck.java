package io.strikeswarm.swarm.venue;

import com.typesafe.config.Config;
import io.strikeswarm.bots.domain.VenueKind;
import io.strikeswarm.cex.config.CexSettings;
import io.strikeswarm.master.capital.BotTemplate;
import io.strikeswarm.swarm.SwarmSettings;
import java.util.Map;

/** Where bots with {@code venue = "cex"} may run: paper trading on replayed data, never live money on old prices. */
public final class CexPaperCheck {
  private CexPaperCheck() {}

  /**
   * Whether the roster has bots on the CEX venue; refuses a replay that would send their orders to a real exchange
   * (replayed prices are not the market's: live trading needs a live market-data feed, which is not wired).
   */
  public static boolean routedBotsOnReplayedData(SwarmSettings settings, Config config) {
    boolean routed = settings.swarm().diamonds().values().stream().flatMap(d -> d.templates().stream())
        .map(BotTemplate::venue).anyMatch(v -> VenueKind.of(v) == VenueKind.ROUTED);
    if (routed && CexSettings.load(config, Map.of()).mode() != io.strikeswarm.cex.config.TradingMode.PAPER) {
      throw new IllegalArgumentException("swarm.cex.mode: bots with venue \"cex\" replay recorded market data here;"
          + " their orders may only go to the paper market (mode = paper). Live trading needs a live market-data feed");
    }
    return routed;
  }

  /** A backtest fills on the simulated venue only: it must be repeatable, and a routed venue is not. */
  public static void refuseInBacktest(SwarmSettings settings) {
    settings.swarm().diamonds().forEach((kind, d) -> d.templates().forEach(t -> {
      if (VenueKind.of(t.venue()) == VenueKind.ROUTED) {
        throw new IllegalArgumentException("swarm.diamonds." + kind.id() + ": venue \"" + t.venue() + "\" sends orders to"
            + " an exchange; a backtest fills on the simulated venue only (venue = \"paper\"). Use `swarm run` for"
            + " paper trading on XChange's engine");
      }
    }));
  }
}

package io.strikeswarm.swarm.venue;

import com.typesafe.config.Config;
import io.strikeswarm.bots.entity.BotSettings;
import io.strikeswarm.bots.routing.OrderRoutes;
import io.strikeswarm.cex.config.CexSettings;
import io.strikeswarm.cex.orders.CexOrderEntity;
import io.strikeswarm.cex.venue.CexExchanges;
import io.strikeswarm.cex.venue.CexVenue;
import java.time.Duration;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * Wires venue {@code "cex"} on a node: the bots' order entities sharded on the account {@code swarm.cex} names
 * (paper: XChange's in-memory engine, never a real exchange; live: the configured exchange with keys), and the route
 * bots with {@code venue = "cex"} send their orders through. Bots on the simulated venue are not affected.
 */
public final class CexWiring {
  private CexWiring() {}

  /**
   * Settings read and checked now: a bad {@code swarm.cex} stops the node at start with the setting's name. Paper
   * mode gives each bot its own account on the node's {@link PaperCexMarket}; live mode puts every bot on the
   * configured account (one key, one shared rate limit).
   */
  public static BotSettings wire(ActorSystem<?> system, Config config, BotSettings bots) {
    CexSettings cex = CexSettings.load(config, System.getenv());
    // The paper market (its liquidity account, its deposits) is made when a bot first uses it, not on every node.
    if (!cex.reachesRealExchange()) return wire(system, bots, cex, botId -> PaperCexMarket.get(system).venueFor(botId));
    CexVenue venue = CexExchanges.venue(cex);
    system.getWhenTerminated().thenRun(venue::close);
    return wire(system, bots, cex, botId -> venue);
  }

  /** As {@link #wire(ActorSystem, Config, BotSettings)} with the venue of each bot given (tests: accounts of their own). */
  public static BotSettings wire(ActorSystem<?> system, BotSettings bots, CexSettings cex,
      Function<String, CexVenue> venueFor) {
    CexOrderEntity.init(system, venueFor, new CexOrderEntity.Settings(cex.exchange().clientIds(), cex.reconcile(),
        bots.snapshotEvery(), bots.minBackoff(), bots.maxBackoff()));
    Duration askTimeout = cex.calls().timeout().plusSeconds(5);
    return bots.withRoutes(OrderRoutes.cex(new CexOrderRoute(system, askTimeout)));
  }
}

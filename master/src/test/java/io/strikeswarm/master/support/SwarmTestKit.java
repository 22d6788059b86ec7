package io.strikeswarm.master.support;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.strikeswarm.bots.domain.Bar;
import io.strikeswarm.bots.domain.BotConfig;
import io.strikeswarm.bots.domain.Side;
import io.strikeswarm.master.capital.BotTemplate;
import io.strikeswarm.master.capital.DiamondConfig;
import io.strikeswarm.master.capital.DiamondKind;
import io.strikeswarm.master.capital.RebalanceSettings;
import io.strikeswarm.master.capital.SwarmConfig;
import io.strikeswarm.master.diamond.DiamondSupervisor;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.persistence.testkit.PersistenceTestKitPlugin;
import org.apache.pekko.persistence.testkit.PersistenceTestKitSnapshotPlugin;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;

/** Configuration and fixtures shared by the master's actor tests. */
public final class SwarmTestKit {
  private SwarmTestKit() {}

  /** Time of the first bar the tests feed (market time, 2024-01-01T00:00Z); one bar a minute after it. */
  public static final long T0 = 1_704_067_200_000L;

  /**
   * An actor system for tests: in-memory journal and snapshot store, the project's own serialization bindings
   * (Jackson CBOR, Java serialization off), and every message sent to an actor serialized and deserialized, so a
   * message that could not cross the network fails here too.
   *
   * @param forEventSourcedBehaviorTestKit the testkit checks serialization itself and asks for a journal that
   *     keeps objects; otherwise the journal serializes every event and snapshot, as a real one does
   */
  public static Config config(boolean forEventSourcedBehaviorTestKit) {
    Config journal = forEventSourcedBehaviorTestKit ? EventSourcedBehaviorTestKit.config()
        : PersistenceTestKitPlugin.getInstance().config();
    return ConfigFactory.parseString("""
            pekko.actor.serialize-messages = on
            pekko.loglevel = WARNING
            pekko.actor.testkit.typed.single-expect-default = 5s
            """)
        .withFallback(journal)
        .withFallback(PersistenceTestKitSnapshotPlugin.getInstance().config())
        .withFallback(ConfigFactory.parseResources("serialization.conf"))
        .withFallback(ConfigFactory.load())
        .resolve();
  }

  /** Operation queue timings short enough for tests; rebalancing on command only. */
  public static DiamondSupervisor.Settings diamondSettings() {
    return new DiamondSupervisor.Settings(Duration.ofSeconds(3), Duration.ofMillis(50), Duration.ofMillis(500),
        rebalanceOnCommand());
  }

  public static RebalanceSettings rebalanceOnCommand() {
    return new RebalanceSettings(new BigDecimal("0.10"), 5, new BigDecimal("0.50"), new BigDecimal("2.00"),
        Duration.ZERO);
  }

  /**
   * A fast moving-average crossover (2 over 4 bars) on a paper venue, 10 bps fee, 5 bps slippage, unlevered and
   * acting on its signals only (these tests are about capital, not about stops).
   */
  public static BotConfig smaCross(String instrument, Side side) {
    return smaTemplate(instrument).toConfig(side);
  }

  public static BotTemplate smaTemplate(String instrument) {
    return new BotTemplate("sma-cross", Map.of("short", "2", "long", "4"), instrument, "paper",
        new BigDecimal("10"), new BigDecimal("5"), io.strikeswarm.bots.domain.FillTiming.CLOSE,
        io.strikeswarm.bots.domain.TradePlan.signalsOnly(BigDecimal.ONE));
  }

  public static DiamondSupervisor.BotSpec spec(String botId, String instrument, Side side) {
    return new DiamondSupervisor.BotSpec(botId, smaCross(instrument, side));
  }

  /** A valid swarm plan: the given capital split and bot counts, every diamond on sma-cross templates. */
  public static SwarmConfig swarm(String total, String reserve, String longWeight, String shortWeight,
      String ammWeight, int longBots, int shortBots, int ammBots) {
    Map<DiamondKind, DiamondConfig> diamonds = new EnumMap<>(DiamondKind.class);
    diamonds.put(DiamondKind.LONG_STRIKE, new DiamondConfig(new BigDecimal(longWeight), longBots,
        List.of(smaTemplate("BTC-USD"), smaTemplate("ETH-USD"))));
    diamonds.put(DiamondKind.SHORT_STRIKE, new DiamondConfig(new BigDecimal(shortWeight), shortBots,
        List.of(smaTemplate("BTC-USD"))));
    diamonds.put(DiamondKind.AMM, new DiamondConfig(new BigDecimal(ammWeight), ammBots, List.of()));
    return new SwarmConfig(new BigDecimal(total), new BigDecimal(reserve), diamonds, rebalanceOnCommand());
  }

  /** One bar per close, a minute apart from {@code T0}; open = high = low = close. */
  public static List<Bar> bars(String instrument, double... closes) {
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < closes.length; i++) {
      BigDecimal price = BigDecimal.valueOf(closes[i]);
      bars.add(new Bar(instrument, T0 + i * 60_000L, price, price, price, price, BigDecimal.ONE));
    }
    return bars;
  }
}

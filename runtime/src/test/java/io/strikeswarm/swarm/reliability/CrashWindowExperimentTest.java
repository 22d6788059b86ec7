package io.strikeswarm.swarm.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.strikeswarm.bots.entity.BotEntity;
import io.strikeswarm.master.risk.SwarmRisk;
import io.strikeswarm.swarm.NodeConfig;
import io.strikeswarm.swarm.SwarmClient;
import io.strikeswarm.swarm.SwarmRuntime;
import io.strikeswarm.swarm.SwarmSettings;
import io.strikeswarm.swarm.backtest.ReplayDriver;
import io.strikeswarm.swarm.backtest.SwarmLayout;
import io.strikeswarm.swarm.market.LoadOptions;
import io.strikeswarm.swarm.market.MarketData;
import io.strikeswarm.swarm.market.MarketDataLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.RecipientRef;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrashWindowExperimentTest {
  @TempDir Path dir;

  @Test
  void experiment() throws Exception {
    MarketData market = MarketDataLoader.load(List.of("builtin:binanceus-ethusd-5m-2023"), LoadOptions.defaults());
    Config risk = ConfigFactory.parseString(System.getProperty("exp.risk", "swarm.risk.max-drawdown = 0.004\nswarm.risk.daily-loss = 0.5"));
    Config overrides = ConfigFactory.parseString(TrialConfig.render(dir, risk, 4, 4, market.instrumentNames()));
    try (Codec codec = new Codec(dir)) {
      JournalReader reader = codec.reader();
      Run a = run(dir.resolve("a"), overrides, market, Long.MIN_VALUE);
      System.out.println("changes: " + a.changes);
      long trip = a.changes.get(Integer.getInteger("exp.change", 0)).timeMs();
      Run b1 = run(dir.resolve("b"), overrides, market, trip);
      System.out.println("crashed: " + b1.failure);
      Run b2 = run(dir.resolve("b"), overrides, market, Long.MIN_VALUE);
      List<JournalRow> ra = reader.read(dir.resolve("a"));
      List<JournalRow> rb = reader.read(dir.resolve("b"));
      System.out.println("ledger equal: " + Ledger.csv(ra).equals(Ledger.csv(rb)));
      System.out.println("differences: " + CrashTrials.botJournalDifferences(ra, rb));
      System.out.println("audit b: " + JournalAudit.audit(rb));
    }
  }

  record Run(List<SwarmRisk.Change> changes, String failure) {}

  private Run run(Path dataDir, Config overrides, MarketData market, long dropCommitsAt) {
    Config config = NodeConfig.load(dataDir, overrides);
    SwarmSettings settings = SwarmSettings.from(config);
    try (SwarmRuntime rt = SwarmRuntime.start(config, settings)) {
      SwarmClient client = new SwarmClient(rt, Duration.ofSeconds(30));
      client.awaitSettled(Duration.ofSeconds(60));
      SwarmLayout layout = SwarmLayout.read(client);
      Map<String, RecipientRef<BotEntity.Command>> proxies = new ConcurrentHashMap<>();
      Function<String, RecipientRef<BotEntity.Command>> bots = dropCommitsAt == Long.MIN_VALUE ? rt::bot
          : id -> proxies.computeIfAbsent(id, k -> rt.system().systemActorOf(dropping(rt.bot(k), dropCommitsAt),
              "proxy-" + k, Props.empty()));
      ReplayDriver driver = new ReplayDriver(rt.system(), rt.master(), bots, layout.slots(), layout.masterUnits(),
          layout.diamondPools(), layout.botEquity(), 1, Duration.ofSeconds(3), null)
          .resumingAfter(layout.lastBarTimes()).readingOutsideEquityFrom(() -> SwarmLayout.outsideEquity(client));
      try {
        return new Run(driver.run(market.timeline()).riskChanges(), null);
      } catch (RuntimeException e) {
        return new Run(List.of(), e.getMessage());
      }
    }
  }

  /** Forwards everything, except the commits of the step that trades the bar at {@code time}: lost in a crash. */
  private static Behavior<BotEntity.Command> dropping(RecipientRef<BotEntity.Command> bot, long time) {
    long[] step = {Long.MIN_VALUE};
    return Behaviors.receiveMessage(msg -> {
      if (msg instanceof BotEntity.EvaluateBars e && e.bars().stream().anyMatch(b -> b.timeMs() == time)) step[0] = e.stepId();
      if (msg instanceof BotEntity.CommitBars c && c.stepId() == step[0]) return Behaviors.same();
      bot.tell(msg);
      return Behaviors.same();
    });
  }
}

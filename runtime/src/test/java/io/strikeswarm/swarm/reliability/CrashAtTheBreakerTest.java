package io.strikeswarm.swarm.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.strikeswarm.bots.domain.BotStatus;
import io.strikeswarm.bots.domain.TradingState;
import io.strikeswarm.bots.entity.BotEntity;
import io.strikeswarm.bots.entity.BotView;
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
import io.strikeswarm.swarm.report.TradeRow;
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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worst moment to die: the master has persisted HALTED for the breaker at bar t, and the node dies before the
 * bots have committed bar t and before any of them was halted (here the bots' commits of that step are lost, then the
 * node is stopped: what a kill at that instant leaves on disk). Random kills rarely land in this window, so it is
 * aimed at. Restarted on the same journal, the swarm must not trade on with positions open under a HALTED master:
 * every bot ends halted and flat, nothing is lost or written twice, and every trade closed before the breaker is the
 * uninterrupted run's.
 *
 * <p>What it does not give (docs/reliability.md, known gaps): the bots that had not committed bar t are flattened at
 * bar t-1's close, not t's, so the last flatten lines differ from the uninterrupted run's.
 */
@Tag("slow")
class CrashAtTheBreakerTest {
  @TempDir Path dir;

  @Test
  void aNodeThatDiesBetweenTheBreakerAndTheBotsHaltsEveryBotWhenItComesBack() throws Exception {
    MarketData market = MarketDataLoader.load(List.of("builtin:binanceus-ethusd-5m-2023"), LoadOptions.defaults());
    Config overrides = ConfigFactory.parseString(TrialConfig.render(dir, ConfigFactory.parseString(
        "swarm.risk.max-drawdown = 0.004\nswarm.risk.daily-loss = 0.5"), 4, 4, market.instrumentNames()));

    List<SwarmRisk.Change> uninterrupted = run(dir.resolve("uninterrupted"), overrides, market, Long.MIN_VALUE);
    assertThat(uninterrupted).extracting(SwarmRisk.Change::to).containsExactly(TradingState.HALTED);
    long breaker = uninterrupted.get(0).timeMs();

    assertThat(run(dir.resolve("crashed"), overrides, market, breaker)).as("the run that dies").isNull();
    run(dir.resolve("crashed"), overrides, market, Long.MIN_VALUE);

    try (Codec codec = new Codec(dir)) {
      List<JournalRow> reference = codec.reader().read(dir.resolve("uninterrupted"));
      List<JournalRow> crashed = codec.reader().read(dir.resolve("crashed"));
      assertThat(JournalAudit.audit(crashed).clean()).isTrue();
      assertThat(Replay.unbalancedBooks(crashed)).isEmpty();
      Map<String, BotView> bots = Replay.bots(crashed);
      assertThat(bots.values()).allSatisfy(bot -> {
        assertThat(bot.status()).as(bot.botId()).isEqualTo(BotStatus.HALTED);
        assertThat(bot.positions()).as("%s positions", bot.botId()).isEmpty();
        assertThat(bot.openOrders()).as("%s orders", bot.botId()).isEmpty();
      });
      // Trading before the breaker is the uninterrupted run's, trade for trade; the halt's flatten lines are the known
      // gap: bots that had not committed bar t close at t-1's close (one bar earlier), the others at t's.
      assertThat(tradedBefore(crashed, breaker)).isEqualTo(tradedBefore(reference, breaker));
      long previousBar = market.timeline().stream().mapToLong(b -> b.timeMs()).filter(t -> t < breaker).max()
          .orElseThrow();
      assertThat(Ledger.trades(crashed)).filteredOn(t -> t.exitReason().equals("flatten"))
          .isNotEmpty().allSatisfy(t -> assertThat(t.exitTimeMs()).isIn(previousBar, breaker));
      assertThat(crashed).filteredOn(r -> r.event() instanceof BotEntity.OrderFilled f && f.fill().timeMs() > breaker)
          .as("no fill after the breaker").isEmpty();
    }
  }

  private static List<TradeRow> tradedBefore(List<JournalRow> rows, long breaker) {
    return Ledger.trades(rows).stream().filter(t -> t.exitTimeMs() < breaker && !t.exitReason().equals("flatten"))
        .toList();
  }

  /**
   * One life of a swarm on {@code dataDir}, replaying the data one bar time per step as `swarm run` does; with
   * {@code dieAt} set, the bots' commits of the step trading that bar are lost and the node stops. Returns the risk
   * changes of a run that reached the end, null for one that died.
   */
  private static List<SwarmRisk.Change> run(Path dataDir, Config overrides, MarketData market, long dieAt) {
    Config config = NodeConfig.load(dataDir, overrides);
    try (SwarmRuntime rt = SwarmRuntime.start(config, SwarmSettings.from(config))) {
      SwarmClient client = new SwarmClient(rt, Duration.ofSeconds(30));
      client.awaitSettled(Duration.ofSeconds(60));
      SwarmLayout layout = SwarmLayout.read(client);
      Map<String, RecipientRef<BotEntity.Command>> proxies = new ConcurrentHashMap<>();
      Function<String, RecipientRef<BotEntity.Command>> bots = dieAt == Long.MIN_VALUE ? rt::bot
          : id -> proxies.computeIfAbsent(id, k -> rt.system().systemActorOf(losingCommitsAt(rt.bot(k), dieAt),
              "lossy-" + k, Props.empty()));
      ReplayDriver driver = new ReplayDriver(rt.system(), rt.master(), bots, layout.slots(), layout.masterUnits(),
          layout.diamondPools(), layout.botEquity(), 1, Duration.ofSeconds(3), null)
          .resumingAfter(layout.lastBarTimes()).readingOutsideEquityFrom(() -> SwarmLayout.outsideEquity(client));
      try {
        return driver.run(market.timeline()).riskChanges();
      } catch (IllegalStateException died) {
        assertThat(died.getMessage()).contains("CommitBars");
        return null;
      }
    }
  }

  /** Passes everything to the bot except the commit of the step that trades the bar at {@code time}. */
  private static Behavior<BotEntity.Command> losingCommitsAt(RecipientRef<BotEntity.Command> bot, long time) {
    long[] step = {Long.MIN_VALUE};
    return Behaviors.receiveMessage(msg -> {
      if (msg instanceof BotEntity.EvaluateBars e && e.bars().stream().anyMatch(b -> b.timeMs() == time)) {
        step[0] = e.stepId();
      }
      if (!(msg instanceof BotEntity.CommitBars c && c.stepId() == step[0])) bot.tell(msg);
      return Behaviors.same();
    });
  }
}

package io.strikeswarm.swarm.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.strikeswarm.bots.amm.AmmBotEntity;
import io.strikeswarm.bots.amm.AmmBotSettings;
import io.strikeswarm.bots.amm.AmmBotView;
import io.strikeswarm.bots.amm.ArbRules;
import io.strikeswarm.bots.domain.BotStatus;
import io.strikeswarm.dex.local.NoiseTrader;
import io.strikeswarm.master.capital.DiamondKind;
import io.strikeswarm.master.diamond.DiamondSupervisor;
import io.strikeswarm.swarm.SwarmClient;
import io.strikeswarm.swarm.SwarmRuntime;
import io.strikeswarm.swarm.SwarmSettings;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AMM diamond end to end on a real EVM: anvil with the real Uniswap V2 contracts deployed twice, a noise trader
 * opening gaps, and AMM bots created and funded by the master through the swarm, trading through web3j with the
 * H2 journal. What is checked is what an operator would check with money: each bot's event-sourced P&amp;L equals its
 * account's balance change on chain to the wei, and every nonce a bot signed with was used exactly once.
 */
@Tag("slow")
class AmmArbitrageIntegrationTest {
  static final int BOTS = 6;

  @TempDir static Path dataDir;
  static LocalAmmChain chain;
  static SwarmRuntime swarm;
  static final ConcurrentLinkedQueue<Long> decisions = new ConcurrentLinkedQueue<>();

  @BeforeAll
  static void start() {
    chain = LocalAmmChain.start(BOTS, 7, new NoiseTrader.Settings(Duration.ofMillis(60), 20, 150), ArbRules.DEFAULT);
    Config overrides = ConfigFactory.parseMap(Map.of("swarm.management.port", 0,
        "swarm.diamonds.long-strike.bots", 0, "swarm.diamonds.short-strike.bots", 0,
        "swarm.diamonds.amm.bots", BOTS));
    Config config = SwarmRuntime.loadConfig(dataDir, overrides);
    AmmWiring wiring = chain.wiring(AmmBotSettings.DEFAULT.timedBy(decisions::add), Duration.ofMillis(20));
    swarm = SwarmRuntime.start(config, SwarmSettings.from(config), wiring);
    new SwarmClient(swarm, Duration.ofSeconds(30)).awaitSettled(Duration.ofSeconds(60));
    ChainWatcher.startAll(swarm.system(), wiring);
  }

  @AfterAll
  static void stop() {
    if (swarm != null) swarm.close();
    if (chain != null) chain.close();
  }

  static AmmBotView view(String botId) {
    return AskPattern.<AmmBotEntity.Command, AmmBotView>ask(
            ClusterSharding.get(swarm.system()).entityRefFor(AmmBotEntity.TYPE_KEY, botId), AmmBotEntity.GetState::new,
            Duration.ofSeconds(10), swarm.system().scheduler())
        .toCompletableFuture().join();
  }

  static List<AmmBotView> views() {
    List<AmmBotView> views = new ArrayList<>();
    for (int i = 1; i <= BOTS; i++) views.add(view(DiamondKind.AMM.botId(i)));
    return views;
  }

  static void awaitAll(Predicate<List<AmmBotView>> condition, Duration limit, String what) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.test(views())) {
      if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what + ": " + views());
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
  }

  static long completed(List<AmmBotView> views) {
    return views.stream().mapToLong(v -> v.stats().completed()).sum();
  }

  @Test
  @DisplayName("bots capture the noise trader's gaps, and each bot's P&L equals its balance change on chain to the wei")
  void capturesGapsAndBooksEqualTheChain() {
    // the master created the AMM bots, configured them on their accounts and gave each a budget
    awaitAll(vs -> vs.stream().allMatch(v -> v.status() == BotStatus.ACTIVE && v.budgetUsd().signum() > 0
        && v.nextNonce() >= 0), Duration.ofSeconds(30), "bots funded and synced");

    chain.noise().start();
    awaitAll(vs -> completed(vs) >= 8, Duration.ofSeconds(90), "eight round trips");
    chain.noise().stop();
    // pause every bot through the swarm (master → AMM supervisor → channel → bot) so the books hold still
    SwarmClient client = new SwarmClient(swarm, Duration.ofSeconds(30));
    for (int i = 1; i <= BOTS; i++) client.manage(DiamondKind.AMM.botId(i), DiamondSupervisor.BotAction.PAUSE);
    awaitAll(vs -> vs.stream().allMatch(v -> v.inFlight() == null && v.stranded() == null), Duration.ofSeconds(60),
        "every swap settled and nothing left to sell back");

    List<AmmBotView> views = views();
    assertThat(views).allMatch(v -> v.status() == BotStatus.PAUSED);
    for (AmmBotView v : views) {
      Map<String, BigInteger> onChain = chain.balances(v.botId());
      for (Map.Entry<String, BigInteger> base : v.baseline().entrySet()) {
        BigInteger chainDelta = onChain.get(base.getKey()).subtract(base.getValue());
        assertThat(v.pnlUnits().get(base.getKey())).as("%s %s: book vs chain", v.botId(), base.getKey())
            .isEqualTo(chainDelta);
      }
      // every nonce the bot signed with was used exactly once: its next nonce is the account's transaction count
      long count = chain.chain().transactionCount(v.config().account()).toCompletableFuture().join();
      assertThat(v.nextNonce()).as("%s nonce", v.botId()).isEqualTo(count);
    }
    assertThat(completed(views)).isGreaterThanOrEqualTo(8);
    // with nobody between a bot's plan and its legs, the chain pays exactly the predicted amounts
    assertThat(views.stream().mapToLong(v -> v.stats().exactAsPredicted()).sum()).isPositive();
    assertThat(views.stream().map(AmmBotView::pnlUsd).filter(p -> p != null && p.signum() > 0)).isNotEmpty();
    assertThat(decisions).isNotEmpty();
    // the bots' model of the pools is the chain's: every mined swap paid Uniswap V2's formula on the reserves it met
    SwapAudit.Result audit = SwapAudit.audit(swarm.system(), chain, chain.configs().keySet());
    assertThat(audit.mismatches()).isEmpty();
    assertThat(audit.checked()).isGreaterThanOrEqualTo(16).isEqualTo(audit.exact());
  }
}

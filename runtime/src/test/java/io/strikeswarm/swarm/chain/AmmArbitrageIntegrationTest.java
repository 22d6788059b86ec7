package io.strikeswarm.swarm.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.strikeswarm.bots.amm.AmmBotSettings;
import io.strikeswarm.bots.amm.AmmBotView;
import io.strikeswarm.bots.amm.ArbRules;
import io.strikeswarm.bots.domain.BotStatus;
import io.strikeswarm.dex.local.NoiseTrader;
import io.strikeswarm.master.diamond.DiamondSupervisor;
import io.strikeswarm.swarm.SwarmClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
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
  static AmmSwarm swarm;
  static final ConcurrentLinkedQueue<Long> decisions = new ConcurrentLinkedQueue<>();

  @BeforeAll
  static void start() {
    LocalAmmChain chain = LocalAmmChain.start(BOTS, 7, new NoiseTrader.Settings(Duration.ofMillis(60), 20, 150),
        ArbRules.DEFAULT);
    swarm = AmmSwarm.start(dataDir, chain, AmmBotSettings.DEFAULT.timedBy(decisions::add), Duration.ofMillis(20));
  }

  @AfterAll
  static void stop() {
    if (swarm != null) swarm.close();
  }

  @Test
  @DisplayName("bots capture the noise trader's gaps, and each bot's P&L equals its balance change on chain to the wei")
  void capturesGapsAndBooksEqualTheChain() {
    // the master created the AMM bots, configured them on their accounts and gave each a budget
    swarm.awaitAll(vs -> vs.stream().allMatch(v -> v.status() == BotStatus.ACTIVE && v.budgetUsd().signum() > 0
        && v.nextNonce() >= 0), Duration.ofSeconds(30), "bots funded and synced");

    swarm.chain.noise().start();
    swarm.awaitAll(vs -> AmmSwarm.completed(vs) >= 8, Duration.ofSeconds(90), "eight round trips");
    // pause every bot through the swarm (master → AMM supervisor → channel → bot) so the books hold still; the noise
    // trader goes on making blocks meanwhile, as a real chain would, for a bot sells back what a failed sell leg left
    // (and counts its cooldown) at the blocks it sees
    SwarmClient client = new SwarmClient(swarm.runtime, Duration.ofSeconds(30));
    for (int i = 1; i <= BOTS; i++) client.manage(AmmSwarm.botId(i), DiamondSupervisor.BotAction.PAUSE);
    swarm.awaitAll(vs -> vs.stream().allMatch(v -> v.inFlight() == null && v.stranded() == null),
        Duration.ofSeconds(60), "every swap settled and nothing left to sell back");
    swarm.chain.noise().stop();

    List<AmmBotView> views = swarm.views();
    assertThat(views).allMatch(v -> v.status() == BotStatus.PAUSED);
    views.forEach(swarm::assertBookEqualsChain);
    assertThat(AmmSwarm.completed(views)).isGreaterThanOrEqualTo(8);
    // with nobody between a bot's plan and its legs, the chain pays exactly the predicted amounts
    assertThat(views.stream().mapToLong(v -> v.stats().exactAsPredicted()).sum()).isPositive();
    assertThat(views.stream().map(AmmBotView::pnlUsd).filter(p -> p != null && p.signum() > 0)).isNotEmpty();
    assertThat(decisions).isNotEmpty();
    // the bots' model of the pools is the chain's: every mined swap paid Uniswap V2's formula on the reserves it met
    SwapAudit.Result audit = SwapAudit.audit(swarm.runtime.system(), swarm.chain, swarm.chain.configs().keySet());
    assertThat(audit.mismatches()).isEmpty();
    assertThat(audit.checked()).isGreaterThanOrEqualTo(16).isEqualTo(audit.exact());
  }
}

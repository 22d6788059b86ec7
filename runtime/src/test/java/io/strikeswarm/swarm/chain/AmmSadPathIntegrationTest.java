package io.strikeswarm.swarm.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.strikeswarm.bots.amm.AmmBotEntity;
import io.strikeswarm.bots.amm.AmmBotEntity.SwapMined;
import io.strikeswarm.bots.amm.AmmBotEntity.SwapRefused;
import io.strikeswarm.bots.amm.AmmBotEntity.SwapReverted;
import io.strikeswarm.bots.amm.AmmBotEntity.SwapSigned;
import io.strikeswarm.bots.amm.AmmBotSettings;
import io.strikeswarm.bots.amm.AmmBotView;
import io.strikeswarm.bots.amm.ArbRoute;
import io.strikeswarm.bots.amm.ArbRules;
import io.strikeswarm.bots.amm.ChainPort;
import io.strikeswarm.bots.amm.InFlightSwap;
import io.strikeswarm.bots.amm.PoolKey;
import io.strikeswarm.bots.amm.SwapLeg;
import io.strikeswarm.bots.domain.BotStatus;
import io.strikeswarm.dex.Wei;
import io.strikeswarm.dex.local.AnvilNode;
import io.strikeswarm.dex.local.LocalChain;
import io.strikeswarm.dex.local.LocalDexDeployer;
import io.strikeswarm.dex.local.Market;
import io.strikeswarm.dex.local.NoiseTrader;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AMM bots' sad paths in the running swarm, on a real chain: a leg overtaken in its own block, an account that
 * cannot pay for gas, and the node stopped and restarted under a swap in flight. Each ends with what an operator
 * checks with money: the bot's P&amp;L equals its account's balance change to the wei, and its next nonce is the
 * account's transaction count (no nonce lost, none used twice).
 *
 * <p>Deterministic by construction: the DEXes start at the same prices, the noise trader never runs on its own, and
 * every gap is opened by hand on a pool that only one bot trades (with three bots each pair is watched by one bot);
 * where the order inside a block matters, the test mines the blocks itself ({@code evm_setAutomine false}).
 */
@Tag("slow")
class AmmSadPathIntegrationTest {
  static final int BOTS = 3;
  /** Share of a reserve sold into a pool to open a gap: about 2 % on price, well worth two swaps' gas. */
  static final int GAP_BPS = 100;
  static final Duration SOON = Duration.ofSeconds(15);

  @TempDir static Path dir;
  static AmmSwarm swarm;
  static AnvilNode node;
  static NoiseTrader trader;

  @BeforeAll
  static void start() {
    LocalAmmChain chain = LocalAmmChain.start(BOTS, 11, NoiseTrader.Settings.defaults(), ArbRules.DEFAULT,
        LocalAmmChain.Options.defaults().withMarket(Market.standard().withMispricingBps(0))
            .withState(stateFile()));
    swarm = AmmSwarm.start(dir.resolve("data"), chain, AmmBotSettings.DEFAULT, Duration.ofMillis(20));
    node = chain.node();
    trader = chain.noise();
    swarm.awaitAll(vs -> vs.stream().allMatch(v -> v.status() == BotStatus.ACTIVE && v.budgetUsd().signum() > 0),
        Duration.ofSeconds(30), "bots configured and funded");
    mine(); // a bot reads its account at the first block it is shown
    swarm.awaitAll(vs -> vs.stream().allMatch(v -> v.nextNonce() >= 0), SOON, "bots synced with their accounts");
    Set<PoolKey> seen = new HashSet<>();
    for (var config : chain.configs().values()) {
      for (ArbRoute route : config.routes()) {
        assertThat(seen.addAll(route.pools())).as("every traded pool has one bot: %s", route).isTrue();
      }
    }
  }

  @AfterAll
  static void stop() {
    if (swarm != null) swarm.close();
  }

  @Test
  @DisplayName("a leg overtaken in its own block reverts with the router's reason, costs only gas, and the bot trades"
      + " the gap again after its cooldown")
  void aFrontRunLegRevertsAndTheBotTradesOn() {
    String bot = AmmSwarm.botId(1);
    AmmBotView before = idle(bot);
    InFlightSwap buy;
    NoiseTrader.Trade frontRun;
    automine(false);
    try {
      openGap(bot, 0);
      mine();
      buy = awaitLegOnePending(bot);
      // another trader's swap on the same pool, same direction, tipped higher: the block puts it first
      BigInteger higherTip = LocalChain.DEFAULT_TIP.multiply(BigInteger.TEN);
      frontRun = trader.send(pool(buy.swap()), buy.swap().tokenIn(), 5, higherTip);
      mine();
    } finally {
      automine(true);
    }

    AmmBotView reverted = swarm.await(bot, v -> v.inFlight() == null
        && v.stats().reverted() == before.stats().reverted() + 1, SOON, "leg one reverted");
    JsonNode frontRunReceipt = receipt(frontRun.hash());
    JsonNode botReceipt = receipt(buy.tx().hash());
    assertThat(botReceipt.get("blockNumber")).as("same block").isEqualTo(frontRunReceipt.get("blockNumber"));
    assertThat(index(frontRunReceipt)).as("front-run first").isLessThan(index(botReceipt));
    SwapReverted event = last(swarm.events(bot, SwapReverted.class));
    assertThat(event.arbId()).isEqualTo(buy.arbId());
    assertThat(event.leg()).isEqualTo(InFlightSwap.Leg.BUY);
    assertThat(event.outcome().hash()).isEqualTo(buy.tx().hash());
    assertThat(event.outcome().reason()).isEqualTo("UniswapV2Router: INSUFFICIENT_OUTPUT_AMOUNT");
    assertThat(event.outcome().gasCostWei()).isPositive();
    assertThat(reverted.stranded()).as("nothing was bought, nothing to sell back").isNull();
    assertThat(reverted.nextNonce()).as("a reverted swap uses its nonce").isEqualTo(buy.tx().nonce() + 1);
    swarm.assertBookEqualsChain(reverted);

    mine();
    mine(); // the cooldown (two blocks) is over: the gap the front-run left is still worth taking
    AmmBotView after = swarm.await(bot, v -> v.inFlight() == null && v.stats().completed() == before.stats()
        .completed() + 1, SOON, "a round trip after the revert");
    assertThat(after.status()).isEqualTo(BotStatus.ACTIVE);
    swarm.assertBookEqualsChain(after);
  }

  @Test
  @DisplayName("an account that cannot pay for gas is refused by the node: the bot journals why, keeps the nonce,"
      + " and its next swap uses that very nonce once ETH is back")
  void aRefusedSwapFreesItsNonceForTheNextOne() {
    String bot = AmmSwarm.botId(2);
    AmmBotView before = idle(bot);
    String account = before.config().account();
    BigInteger eth = swarm.chain.balances(bot).get(ChainPort.NATIVE);
    SwapRefused refusal;
    node.setBalance(account, Wei.GWEI.multiply(BigInteger.valueOf(1_000))); // far below one swap's gas
    try {
      openGap(bot, 0);
      AmmBotView refused = swarm.await(bot, v -> v.inFlight() == null
          && v.stats().refused() == before.stats().refused() + 1, SOON, "the node's refusal");
      refusal = last(swarm.events(bot, SwapRefused.class));
      assertThat(refusal.leg()).isEqualTo(InFlightSwap.Leg.BUY);
      assertThat(refusal.nonce()).isEqualTo(before.nextNonce());
      assertThat(refusal.reason()).containsIgnoringCase("insufficient funds");
      assertThat(refused.status()).as("no crash, no halt").isEqualTo(BotStatus.ACTIVE);
      assertThat(refused.nextNonce()).as("the refused nonce is free again").isEqualTo(before.nextNonce());
      assertThat(refused.stranded()).isNull();
    } finally {
      node.setBalance(account, eth); // exactly what it had: the book never knew it was gone
    }

    mine();
    mine(); // past the cooldown, with gas money again
    AmmBotView after = swarm.await(bot, v -> v.inFlight() == null && v.stats().completed() == before.stats()
        .completed() + 1, SOON, "a round trip once ETH is back");
    List<AmmBotEntity.Event> journal = swarm.events(bot);
    SwapSigned retried = journal.subList(journal.lastIndexOf(refusal), journal.size()).stream()
        .filter(SwapSigned.class::isInstance).map(SwapSigned.class::cast).findFirst().orElseThrow();
    assertThat(retried.swap().leg()).isEqualTo(InFlightSwap.Leg.BUY);
    assertThat(retried.swap().tx().nonce()).as("the next swap reuses the refused nonce").isEqualTo(refusal.nonce());
    assertThat(swarm.events(bot, SwapMined.class)).extracting(m -> m.outcome().hash())
        .contains(retried.swap().tx().hash());
    swarm.assertBookEqualsChain(after);
  }

  @Test
  @DisplayName("a node stopped under a swap in flight: the bot shows the node unreachable and backs off, then sends"
      + " the same signed bytes to the restarted node; nothing lost, nothing doubled, and the swarm trades on")
  void aNodeOutageIsRiddenOutWithTheSameTransaction() throws IOException {
    String bot = AmmSwarm.botId(3);
    AmmBotView before = idle(bot);
    InFlightSwap buy;
    automine(false); // until the restart: a fresh anvil automines again
    try {
      NoiseTrader.Trade gap = openGap(bot, 0);
      mine();
      buy = awaitLegOnePending(bot); // broadcast, waiting for a block that never comes
      AmmBotView signed = swarm.view(bot);

      node.stop();
      // anvil wrote the chain to its state file: every mined block, not the pending leg, which only the bot can send
      String dumped = Files.readString(stateFile());
      assertThat(dumped).contains(gap.hash()).doesNotContain(buy.tx().hash().toLowerCase(Locale.ROOT));
      swarm.await(bot, v -> v.chainError() != null, SOON, "to see the node gone");
      AmmSwarm.pause(3_000); // longer than the bot's longest wait between tries
      AmmBotView down = swarm.view(bot);
      assertThat(down.chainError()).contains(node.rpcUrl() + " unreachable");
      assertThat(down.status()).isEqualTo(BotStatus.ACTIVE);
      assertThat(down.inFlight()).as("the same swap, kept").isEqualTo(buy);
      assertThat(down.eventCount()).as("nothing journaled while the node is gone").isEqualTo(signed.eventCount());
    } finally {
      node.restart();
    }

    AmmBotView after = swarm.await(bot, v -> v.inFlight() == null && v.stats().completed() == before.stats()
        .completed() + 1, Duration.ofSeconds(30), "the round trip finished after the restart");
    assertThat(after.chainError()).isNull();
    List<SwapSigned> legOnes = swarm.events(bot, SwapSigned.class).stream()
        .filter(s -> s.swap().arbId() == buy.arbId() && s.swap().leg() == InFlightSwap.Leg.BUY).toList();
    assertThat(legOnes).as("leg one signed once").hasSize(1);
    SwapMined mined = swarm.events(bot, SwapMined.class).stream()
        .filter(m -> m.arbId() == buy.arbId() && m.leg() == InFlightSwap.Leg.BUY).findFirst().orElseThrow();
    assertThat(mined.outcome().hash()).as("the bytes signed before the stop").isEqualTo(buy.tx().hash());
    assertThat(after.nextNonce()).isEqualTo(buy.tx().nonce() + 2);
    swarm.assertBookEqualsChain(after);

    // the chain watcher is back too: a new gap is seen and taken by the bot that trades it
    String other = AmmSwarm.botId(1);
    AmmBotView otherBefore = idle(other);
    openGap(other, 1);
    AmmBotView otherAfter = swarm.await(other, v -> v.inFlight() == null && v.stats().completed() == otherBefore
        .stats().completed() + 1, Duration.ofSeconds(30), "a new round trip after the restart");
    swarm.assertBookEqualsChain(otherAfter);
  }

  // ---- helpers ---------------------------------------------------------------------------------------------------

  /** The bot with nothing in flight and nothing to sell back (every test starts from there). */
  static AmmBotView idle(String bot) {
    return swarm.await(bot, v -> v.inFlight() == null && v.stranded() == null && v.nextNonce() >= 0, SOON, "idle");
  }

  /**
   * Sells {@link #GAP_BPS} of the other token's reserve into the uniswap pool of the bot's route {@code routeIndex}:
   * the other token turns cheap there, and the bot buys it back on uniswap to sell on sushiswap.
   */
  static NoiseTrader.Trade openGap(String bot, int routeIndex) {
    ArbRoute route = swarm.chain.configs().get(bot).routes().get(routeIndex);
    PoolKey pool = new PoolKey(LocalDexDeployer.UNISWAP, route.home(), route.other());
    return isAutomining() ? trader.push(pool, route.other(), GAP_BPS)
        : trader.send(pool, route.other(), GAP_BPS, LocalChain.DEFAULT_TIP);
  }

  static Path stateFile() {
    return dir.resolve("chain-state.json");
  }

  static PoolKey pool(SwapLeg leg) {
    return new PoolKey(leg.dex(), leg.tokenIn(), leg.tokenOut());
  }

  /** The bot's leg one, once it is signed and the node holds it in its pool. */
  static InFlightSwap awaitLegOnePending(String bot) {
    InFlightSwap buy = swarm.await(bot, v -> v.inFlight() != null, SOON, "to sign leg one").inFlight();
    assertThat(buy.leg()).isEqualTo(InFlightSwap.Leg.BUY);
    long deadline = System.nanoTime() + SOON.toNanos();
    while (node.call("eth_getTransactionByHash", List.of(buy.tx().hash()), SOON).isNull()) {
      if (System.nanoTime() > deadline) throw new AssertionError("the node never saw " + buy.tx());
      AmmSwarm.pause(10);
    }
    return buy;
  }

  static void mine() {
    node.call("evm_mine", List.of(), SOON);
  }

  static void automine(boolean on) {
    node.call("evm_setAutomine", List.of(on), SOON);
  }

  static boolean isAutomining() {
    return node.call("anvil_getAutomine", List.of(), SOON).asBoolean();
  }

  static JsonNode receipt(String hash) {
    JsonNode r = node.call("eth_getTransactionReceipt", List.of(hash), SOON);
    assertThat(r.isNull()).as("receipt of %s", hash).isFalse();
    return r;
  }

  static long index(JsonNode receipt) {
    return Long.decode(receipt.get("transactionIndex").asText());
  }

  static <T> T last(List<T> events) {
    assertThat(events).isNotEmpty();
    return events.get(events.size() - 1);
  }
}

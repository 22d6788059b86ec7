package io.strikeswarm.dex;

import static io.strikeswarm.dex.Stages.await;
import static io.strikeswarm.dex.Stages.eventually;
import static io.strikeswarm.dex.Stages.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strikeswarm.bots.amm.ChainPort;
import io.strikeswarm.bots.amm.ChainSnapshot;
import io.strikeswarm.bots.amm.PoolKey;
import io.strikeswarm.bots.amm.PoolState;
import io.strikeswarm.bots.amm.SignedTx;
import io.strikeswarm.bots.amm.SwapLeg;
import io.strikeswarm.bots.amm.TransactionRejected;
import io.strikeswarm.bots.amm.TxOutcome;
import io.strikeswarm.dex.local.AccountProvisioner;
import io.strikeswarm.dex.local.AnvilAccounts;
import io.strikeswarm.dex.local.AnvilNode;
import io.strikeswarm.dex.local.ContractArtifacts;
import io.strikeswarm.dex.local.Deployment;
import io.strikeswarm.dex.local.LocalChain;
import io.strikeswarm.dex.local.LocalDexDeployer;
import io.strikeswarm.dex.local.Market;
import io.strikeswarm.dex.local.NoiseTrader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.DefaultBlockParameter;

/**
 * {@link Web3jChain} against a real anvil running the published Uniswap V2 bytecode: two DEXes with eight pools
 * each, deployed once for the class; every test starts from the same chain state ({@code evm_snapshot} /
 * {@code evm_revert}). Gas is never asserted as a number (it varies with block timestamps), only as exactly what
 * the receipt says was paid.
 */
class Web3jChainTest {

  private static final BigInteger GAS_LIMIT = BigInteger.valueOf(250_000);
  private static final PoolKey UNI_WETH_USDC = new PoolKey("uniswap", "WETH", "USDC");
  private static final PoolKey SUSHI_WETH_USDC = new PoolKey("sushiswap", "WETH", "USDC");

  private static AnvilNode node;
  private static LocalChain local;
  private static Deployment deployment;
  private static Web3jChain chain;
  private static Wallet bot;
  private static Wallet broke;
  private static Wallet noiseWallet;
  private String snapshot;

  @BeforeAll
  static void deployTwoDexesAndProvisionABot() {
    long t0 = System.nanoTime();
    node = AnvilNode.start(AnvilNode.Options.defaults().withAccounts(4, 100_000));
    long t1 = System.nanoTime();
    local = LocalChain.of(node);
    deployment = new LocalDexDeployer(local, ContractArtifacts.load(), AnvilAccounts.deployer()).deploy(Market.standard());
    long t2 = System.nanoTime();
    AccountProvisioner provisioner = new AccountProvisioner(local, deployment, AnvilAccounts.deployer());
    bot = provisioner.provision(AnvilAccounts.bots(1).get(0), AccountProvisioner.Funding.standard(Market.standard()));
    noiseWallet = provisioner.provision(AnvilAccounts.noiseTrader(),
        AccountProvisioner.Funding.worth(Market.standard(), 100, new BigDecimal("2000000")));
    broke = AnvilAccounts.seeded("broke", 1).get(0);
    long t3 = System.nanoTime();
    chain = Web3jChain.connect(deployment.toChainConfig(node.rpcUrl()), Wallets.of(bot, broke));
    System.out.printf("anvil ready in %d ms (process start to first eth_chainId answer %d ms); deploy %d ms"
        + " (%d pools); provision 2 accounts %d ms%n", (t1 - t0) / 1_000_000, node.lastStartTime().toMillis(),
        (t2 - t1) / 1_000_000, deployment.pools().size(), (t3 - t2) / 1_000_000);
  }

  @AfterAll
  static void stopAnvil() {
    if (chain != null) chain.close();
    if (local != null) local.close();
    if (node != null) node.close();
  }

  @BeforeEach
  void rememberTheChain() {
    snapshot = node.snapshot();
  }

  @AfterEach
  void forgetWhatTheTestDid() {
    node.revert(snapshot);
  }

  // ---- the deployment -----------------------------------------------------------------------------------------

  @Test
  void theDeploymentHasEveryPairOnBothDexesWithRealisticDecimalsAndADeliberateGap() {
    assertThat(deployment.pools()).hasSize(16);
    for (PoolKey pool : deployment.pools()) {
      String factory = deployment.dex(pool.dex()).factory();
      assertThat(local.pairFor(factory, deployment.token(pool.tokenA()).address(),
          deployment.token(pool.tokenB()).address())).isEqualTo(deployment.pair(pool));
    }
    assertThat(local.decimals(deployment.token("USDC").address())).isEqualTo(6);
    assertThat(local.decimals(deployment.token("WBTC").address())).isEqualTo(8);
    assertThat(local.decimals(deployment.token("DAI").address())).isEqualTo(18);
    assertThat(local.decimals(deployment.token("WETH").address())).isEqualTo(18);

    ChainSnapshot s = await(chain.snapshot(List.of(UNI_WETH_USDC, SUSHI_WETH_USDC)));
    BigDecimal uni = price(s.byKey().get(UNI_WETH_USDC), "WETH", "USDC");
    BigDecimal sushi = price(s.byKey().get(SUSHI_WETH_USDC), "WETH", "USDC");
    assertThat(uni).isBetween(new BigDecimal("2999"), new BigDecimal("3001"));
    assertThat(sushi.divide(uni, MathContext.DECIMAL64).subtract(BigDecimal.ONE))
        .as("sushiswap's WETH is 100 bps dearer").isBetween(new BigDecimal("0.0099"), new BigDecimal("0.0101"));
  }

  // ---- reading ------------------------------------------------------------------------------------------------

  @Test
  void aSnapshotReadsEveryPoolAtOneBlockEvenWhileTheChainMoves() throws Exception {
    ScheduledExecutorService noise = Executors.newSingleThreadScheduledExecutor();
    NoiseTrader trader = new NoiseTrader(local, deployment, noiseWallet, 7, NoiseTrader.Settings.defaults());
    noise.scheduleWithFixedDelay(trader::step, 0, 1, TimeUnit.MILLISECONDS);
    try {
      for (int round = 0; round < 5; round++) {
        ChainSnapshot s = await(chain.snapshot(deployment.pools()));
        assertThat(s.pools()).hasSize(16);
        var block = local.latestBlock();
        assertThat(s.blockNumber()).isLessThanOrEqualTo(block.getNumber().longValueExact());
        DefaultBlockParameter at = DefaultBlockParameter.valueOf(BigInteger.valueOf(s.blockNumber()));
        for (PoolState p : s.pools()) {
          UniswapV2.Reserves own = UniswapV2.decodeReserves(local.call(p.pairAddress(), UniswapV2.getReserves(), at));
          boolean aIsToken0 = local.token0(p.pairAddress()).equals(deployment.token(p.key().tokenA()).address());
          assertThat(p.reserveA()).as("%s reserve of %s", p.key(), p.key().tokenA())
              .isEqualTo(aIsToken0 ? own.reserve0() : own.reserve1());
          assertThat(p.reserveB()).isEqualTo(aIsToken0 ? own.reserve1() : own.reserve0());
          assertThat(p.pairAddress()).isEqualTo(deployment.pair(p.key()));
        }
      }
    } finally {
      noise.shutdown();
      noise.awaitTermination(10, TimeUnit.SECONDS);
    }
    assertThat(trader.trades()).as("the chain moved while the snapshots were read").isGreaterThan(0);
  }

  @Test
  void aSnapshotCarriesItsBlocksTimeAndTheGasPriceToPay() {
    ChainSnapshot s = await(chain.snapshot(List.of(UNI_WETH_USDC)));
    var block = local.latestBlock();
    assertThat(s.blockNumber()).isEqualTo(block.getNumber().longValueExact());
    assertThat(s.blockTimestampSec()).isEqualTo(block.getTimestamp().longValueExact());
    assertThat(s.gasPriceWei()).isEqualTo(block.getBaseFeePerGas().add(Wei.parse("1 gwei")));
  }

  @Test
  void balancesAndTheTransactionCountAreTheNodesOwn() {
    Map<String, BigInteger> b = await(chain.balances(bot.address(), List.of("WETH", "USDC", "WBTC")));
    assertThat(b).containsOnlyKeys(ChainPort.NATIVE, "WETH", "USDC", "WBTC");
    assertThat(b.get(ChainPort.NATIVE)).isEqualTo(local.ethBalance(bot.address()));
    assertThat(b.get("USDC")).isEqualTo(local.tokenBalance(deployment.token("USDC").address(), bot.address()))
        .isEqualTo(BigInteger.valueOf(100_000_000_000L));
    assertThat(await(chain.transactionCount(bot.address()))).isEqualTo(local.nonce(bot.address()));
  }

  @Test
  void routerQuotesFollowUniswapsIntegerFormulaOnRandomAmounts() {
    Random random = new Random(42);
    ChainSnapshot s = await(chain.snapshot(deployment.pools()));
    for (int i = 0; i < 40; i++) {
      PoolState pool = s.pools().get(random.nextInt(s.pools().size()));
      boolean aToB = random.nextBoolean();
      String in = aToB ? pool.key().tokenA() : pool.key().tokenB();
      String out = aToB ? pool.key().tokenB() : pool.key().tokenA();
      BigInteger reserveIn = pool.reserveOf(in);
      BigInteger amountIn = new BigInteger(reserveIn.bitLength() - 1, random).add(BigInteger.ONE);
      List<BigInteger> quoted = local.amountsOut(deployment.dex(pool.key().dex()).router(), amountIn,
          deployment.token(in).address(), deployment.token(out).address());
      assertThat(quoted).containsExactly(amountIn, amountOut(amountIn, reserveIn, pool.reserveOf(out)));
    }
  }

  // ---- sending ------------------------------------------------------------------------------------------------

  @Test
  void signingIsPureAndDeterministic() {
    SwapLeg leg = leg(UNI_WETH_USDC.dex(), "WETH", "USDC", Wei.ETHER, BigInteger.ONE);
    BigInteger fee = Wei.parse("5 gwei");
    SignedTx a = chain.signSwap(bot.address(), leg, 7, GAS_LIMIT, fee);
    SignedTx b = chain.signSwap(bot.address().toLowerCase(), leg, 7, GAS_LIMIT, fee);
    assertThat(a).isEqualTo(b);
    assertThat(a.from()).isEqualTo(bot.address());
    assertThat(a.raw()).startsWith("0x02"); // EIP-1559
    assertThat(chain.signSwap(bot.address(), leg, 8, GAS_LIMIT, fee).hash()).isNotEqualTo(a.hash());
  }

  @Test
  void aSignedSwapBroadcastTwiceIsMinedOnce() {
    long nonce = await(chain.transactionCount(bot.address()));
    SwapLeg leg = leg("uniswap", "WETH", "USDC", Wei.ETHER, BigInteger.ONE);
    SignedTx tx = chain.signSwap(bot.address(), leg, nonce, GAS_LIMIT, maxFee());

    assertThat(await(chain.broadcast(tx))).isEqualTo(tx.hash());
    assertThat(await(chain.broadcast(tx))).isEqualTo(tx.hash());
    TxOutcome outcome = minedOutcome(tx, leg);

    assertThat(outcome).isInstanceOf(TxOutcome.Swapped.class);
    assertThat(await(chain.transactionCount(bot.address()))).isEqualTo(nonce + 1);
    assertThat(await(chain.broadcast(tx))).as("again, once mined").isEqualTo(tx.hash());
    assertThat(await(chain.transactionCount(bot.address()))).isEqualTo(nonce + 1);
  }

  @Test
  void aPendingSwapSentAgainIsRecognisedAndMinedOnce() {
    long nonce = await(chain.transactionCount(bot.address()));
    SwapLeg leg = leg("uniswap", "USDC", "WETH", BigInteger.valueOf(5_000_000_000L), BigInteger.ONE);
    SignedTx tx = chain.signSwap(bot.address(), leg, nonce, GAS_LIMIT, maxFee());
    node.call("evm_setAutomine", List.of(false), Duration.ofSeconds(5));
    try {
      assertThat(await(chain.broadcast(tx))).isEqualTo(tx.hash());
      assertThat(await(chain.broadcast(tx))).as("the node already holds it").isEqualTo(tx.hash());
      assertThat(await(chain.outcome(tx, leg))).as("pending: no outcome yet").isEmpty();

      node.call("evm_mine", List.of(), Duration.ofSeconds(5));
    } finally {
      node.call("evm_setAutomine", List.of(true), Duration.ofSeconds(5));
    }

    assertThat(minedOutcome(tx, leg)).isInstanceOf(TxOutcome.Swapped.class);
    assertThat(await(chain.transactionCount(bot.address()))).isEqualTo(nonce + 1);
  }

  @Test
  void theOutcomeOfASwapIsExactlyTheAccountsBalanceChangeToTheWei() {
    List<String> tokens = List.of("WBTC", "USDC");
    Map<String, BigInteger> before = await(chain.balances(bot.address(), tokens));
    SwapLeg leg = leg("sushiswap", "WBTC", "USDC", BigInteger.valueOf(12_345_678), BigInteger.ONE);
    SignedTx tx = chain.signSwap(bot.address(), leg, await(chain.transactionCount(bot.address())), GAS_LIMIT, maxFee());
    await(chain.broadcast(tx));

    TxOutcome.Swapped swapped = (TxOutcome.Swapped) minedOutcome(tx, leg);
    Map<String, BigInteger> after = await(chain.balances(bot.address(), tokens));

    assertThat(swapped.amountIn()).isEqualTo(leg.amountIn());
    assertThat(after.get("WBTC")).isEqualTo(before.get("WBTC").subtract(swapped.amountIn()));
    assertThat(after.get("USDC")).isEqualTo(before.get("USDC").add(swapped.amountOut()));
    assertThat(after.get(ChainPort.NATIVE)).isEqualTo(before.get(ChainPort.NATIVE).subtract(swapped.gasCostWei()));
    assertThat(swapped.gasUsed()).isPositive().isLessThan(GAS_LIMIT);
    assertThat(swapped.effectiveGasPriceWei()).isLessThanOrEqualTo(maxFee());
  }

  @Test
  void aSwapOvertakenByTheNoiseTraderRevertsWithTheRoutersReasonAndCostsOnlyGas() {
    NoiseTrader trader = new NoiseTrader(local, deployment, noiseWallet, 1, NoiseTrader.Settings.defaults());
    List<String> tokens = List.of("WETH", "USDC");
    BigInteger amountIn = Wei.ETHER.multiply(BigInteger.TEN);
    PoolState pool = await(chain.snapshot(List.of(UNI_WETH_USDC))).pools().get(0);
    BigInteger quote = amountOut(amountIn, pool.reserveOf("WETH"), pool.reserveOf("USDC"));
    SwapLeg leg = leg("uniswap", "WETH", "USDC", amountIn, quote); // no slippage allowed
    SignedTx tx = chain.signSwap(bot.address(), leg, await(chain.transactionCount(bot.address())), GAS_LIMIT, maxFee());
    Map<String, BigInteger> before = await(chain.balances(bot.address(), tokens));

    trader.push(UNI_WETH_USDC, "WETH", 10); // sells WETH first: the bot's quote is gone
    await(chain.broadcast(tx));
    TxOutcome outcome = minedOutcome(tx, leg);

    assertThat(outcome).isInstanceOf(TxOutcome.Reverted.class);
    assertThat(((TxOutcome.Reverted) outcome).reason()).isEqualTo("UniswapV2Router: INSUFFICIENT_OUTPUT_AMOUNT");
    Map<String, BigInteger> after = await(chain.balances(bot.address(), tokens));
    assertThat(after.get("WETH")).isEqualTo(before.get("WETH"));
    assertThat(after.get("USDC")).isEqualTo(before.get("USDC"));
    assertThat(after.get(ChainPort.NATIVE)).isEqualTo(before.get(ChainPort.NATIVE).subtract(outcome.gasCostWei()));
    assertThat(outcome.gasCostWei()).isPositive();
  }

  @Test
  void aSwapOvertakenInsideItsOwnBlockRevertsWithTheRoutersReasonToo() {
    NoiseTrader trader = new NoiseTrader(local, deployment, noiseWallet, 1, NoiseTrader.Settings.defaults());
    BigInteger amountIn = Wei.ETHER.multiply(BigInteger.TEN);
    PoolState pool = await(chain.snapshot(List.of(UNI_WETH_USDC))).pools().get(0);
    BigInteger quote = amountOut(amountIn, pool.reserveOf("WETH"), pool.reserveOf("USDC"));
    SwapLeg leg = leg("uniswap", "WETH", "USDC", amountIn, quote); // no slippage allowed
    SignedTx tx = chain.signSwap(bot.address(), leg, await(chain.transactionCount(bot.address())), GAS_LIMIT, maxFee());
    NoiseTrader.Trade frontRun;
    node.call("evm_setAutomine", List.of(false), Duration.ofSeconds(10));
    try {
      await(chain.broadcast(tx));
      // sent after the bot's swap but tipped higher: the block puts it first, so replaying at the parent block succeeds
      frontRun = trader.send(UNI_WETH_USDC, "WETH", 10, Wei.GWEI.multiply(BigInteger.TEN));
      node.call("evm_mine", List.of(), Duration.ofSeconds(10));
    } finally {
      node.call("evm_setAutomine", List.of(true), Duration.ofSeconds(10));
    }

    TxOutcome outcome = minedOutcome(tx, leg);

    var overtaking = local.receipt(frontRun.hash());
    assertThat(outcome.blockNumber()).isEqualTo(overtaking.getBlockNumber().longValueExact());
    assertThat(overtaking.getTransactionIndex()).isEqualTo(BigInteger.ZERO);
    assertThat(outcome).isInstanceOf(TxOutcome.Reverted.class);
    assertThat(((TxOutcome.Reverted) outcome).reason()).isEqualTo("UniswapV2Router: INSUFFICIENT_OUTPUT_AMOUNT");
  }

  @Test
  void sellingMoreThanTheAccountHoldsRevertsWithTheTransferFailure() {
    BigInteger held = await(chain.balances(bot.address(), List.of("DAI"))).get("DAI");
    SwapLeg leg = leg("uniswap", "DAI", "USDC", held.add(BigInteger.ONE), BigInteger.ONE);
    SignedTx tx = chain.signSwap(bot.address(), leg, await(chain.transactionCount(bot.address())), GAS_LIMIT, maxFee());
    await(chain.broadcast(tx));

    TxOutcome outcome = minedOutcome(tx, leg);

    assertThat(outcome).isInstanceOf(TxOutcome.Reverted.class);
    assertThat(((TxOutcome.Reverted) outcome).reason()).isEqualTo("TransferHelper: TRANSFER_FROM_FAILED");
    assertThat(await(chain.balances(bot.address(), List.of("DAI"))).get("DAI")).isEqualTo(held);
  }

  @Test
  void anAccountWithoutGasMoneyIsRefusedByTheNodeWithItsReason() {
    SwapLeg leg = leg("uniswap", "WETH", "USDC", Wei.ETHER, BigInteger.ONE);
    SignedTx tx = chain.signSwap(broke.address(), leg, 0, GAS_LIMIT, maxFee());

    Throwable refused = failure(chain.broadcast(tx));

    assertThat(refused).isInstanceOf(TransactionRejected.class)
        .hasMessageStartingWith("eth_sendRawTransaction of " + tx.hash() + " (nonce 0 of " + broke.address()
            + ") rejected by " + node.rpcUrl() + ": ")
        .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("insufficient funds"));
    assertThat(await(chain.outcome(tx, leg))).isEmpty();
  }

  @Test
  void aReusedNonceIsARealRefusal() {
    long nonce = await(chain.transactionCount(bot.address()));
    SwapLeg first = leg("uniswap", "WETH", "USDC", Wei.ETHER, BigInteger.ONE);
    SwapLeg other = leg("uniswap", "WETH", "USDC", Wei.ETHER.add(BigInteger.ONE), BigInteger.ONE);
    SignedTx mined = chain.signSwap(bot.address(), first, nonce, GAS_LIMIT, maxFee());
    await(chain.broadcast(mined));
    minedOutcome(mined, first);

    SignedTx clash = chain.signSwap(bot.address(), other, nonce, GAS_LIMIT, maxFee());

    assertThat(failure(chain.broadcast(clash))).isInstanceOf(TransactionRejected.class).hasMessageContaining("nonce");
  }

  @Test
  void requestsNamingUnknownThingsAreRefusedWithTheirNames() {
    SwapLeg unknownDex = leg("pancakeswap", "WETH", "USDC", Wei.ETHER, BigInteger.ONE);
    assertThatThrownBy(() -> chain.signSwap(bot.address(), unknownDex, 0, GAS_LIMIT, maxFee()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pancakeswap");
    assertThatThrownBy(() -> chain.signSwap(AnvilAccounts.wallet(3).address(), leg("uniswap", "WETH", "USDC",
        Wei.ETHER, BigInteger.ONE), 0, GAS_LIMIT, maxFee()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no wallet");
    assertThat(failure(chain.snapshot(List.of(new PoolKey("uniswap", "WETH", "PEPE")))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PEPE");
    assertThat(failure(chain.snapshot(List.of(new PoolKey("uniswap", "DAI", "LINK")))))
        .isInstanceOf(ChainException.class).hasMessageContaining("no pool uniswap:DAI/LINK");
    assertThat(failure(chain.balances("0x1234", List.of("WETH")))).isInstanceOf(IllegalArgumentException.class);
  }

  // ---- the noise trader ---------------------------------------------------------------------------------------

  @Test
  void theNoiseTraderMovesPricesApartAndTheSameSeedMakesTheSameTrades() {
    String start = node.snapshot();
    List<NoiseTrader.Trade> first = trade(new NoiseTrader(local, deployment, noiseWallet, 99,
        NoiseTrader.Settings.defaults()), 12);
    Map<PoolKey, PoolState> moved = await(chain.snapshot(deployment.pools())).byKey();
    node.revert(start);
    Map<PoolKey, PoolState> initial = await(chain.snapshot(deployment.pools())).byKey();
    List<NoiseTrader.Trade> again = trade(new NoiseTrader(local, deployment, noiseWallet, 99,
        NoiseTrader.Settings.defaults()), 12);

    assertThat(again).extracting(NoiseTrader.Trade::pool, NoiseTrader.Trade::tokenIn, NoiseTrader.Trade::amountIn)
        .containsExactlyElementsOf(first.stream().map(t -> org.assertj.core.groups.Tuple.tuple(t.pool(), t.tokenIn(),
            t.amountIn())).toList());
    Set<PoolKey> traded = first.stream().map(NoiseTrader.Trade::pool).collect(Collectors.toSet());
    assertThat(traded).as("pools traded").hasSizeGreaterThan(3);
    for (PoolKey p : deployment.pools()) {
      boolean moves = !moved.get(p).reserveA().equals(initial.get(p).reserveA());
      assertThat(moves).as("%s moved", p).isEqualTo(traded.contains(p));
    }
    List<BigDecimal> gapShifts = Market.standard().pairs().stream()
        .map(mp -> gap(moved, mp.tokenA(), mp.tokenB()).subtract(gap(initial, mp.tokenA(), mp.tokenB())).abs())
        .toList();
    assertThat(gapShifts).as("the uniswap/sushiswap price gap of some pair moved by more than 10 bps")
        .anySatisfy(shift -> assertThat(shift).isGreaterThan(new BigDecimal("0.001")));
  }

  /** sushiswap's price of {@code base} over uniswap's, minus one. */
  private static BigDecimal gap(Map<PoolKey, PoolState> pools, String base, String quote) {
    return price(pools.get(new PoolKey("sushiswap", base, quote)), base, quote)
        .divide(price(pools.get(new PoolKey("uniswap", base, quote)), base, quote), MathContext.DECIMAL64)
        .subtract(BigDecimal.ONE);
  }

  private static List<NoiseTrader.Trade> trade(NoiseTrader trader, int steps) {
    List<NoiseTrader.Trade> out = new ArrayList<>();
    for (int i = 0; i < steps; i++) out.add(trader.step());
    return out;
  }

  // ---- helpers ------------------------------------------------------------------------------------------------

  /** Uniswap V2's getAmountOut with its 0.3% fee, in integers (the router's own formula). */
  static BigInteger amountOut(BigInteger amountIn, BigInteger reserveIn, BigInteger reserveOut) {
    BigInteger inWithFee = amountIn.multiply(BigInteger.valueOf(997));
    return inWithFee.multiply(reserveOut).divide(reserveIn.multiply(BigInteger.valueOf(1000)).add(inWithFee));
  }

  private static BigDecimal price(PoolState pool, String base, String quote) {
    int baseDecimals = deployment.token(base).decimals();
    int quoteDecimals = deployment.token(quote).decimals();
    BigDecimal q = new BigDecimal(pool.reserveOf(quote)).movePointLeft(quoteDecimals);
    BigDecimal b = new BigDecimal(pool.reserveOf(base)).movePointLeft(baseDecimals);
    return q.divide(b, MathContext.DECIMAL64);
  }

  private static SwapLeg leg(String dex, String in, String out, BigInteger amountIn, BigInteger min) {
    return new SwapLeg(dex, in, out, amountIn, min, local.chainTime() + 300);
  }

  private static BigInteger maxFee() {
    return local.baseFee().multiply(BigInteger.TWO).add(Wei.parse("1 gwei"));
  }

  private static TxOutcome minedOutcome(SignedTx tx, SwapLeg leg) {
    return eventually(Duration.ofSeconds(10), () -> await(chain.outcome(tx, leg)));
  }
}

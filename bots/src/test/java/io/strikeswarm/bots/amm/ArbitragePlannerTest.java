package io.strikeswarm.bots.amm;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArbitragePlannerTest {
  static final String ACCOUNT = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
  static final BigInteger ETH = BigInteger.TEN.pow(18);
  static final BigInteger USDC = BigInteger.TEN.pow(6);
  static final BigInteger GWEI = BigInteger.TEN.pow(9);

  static AmmBotConfig config(ArbRules rules) {
    return config(rules, RouteShare.SOLE);
  }

  static AmmBotConfig config(ArbRules rules, RouteShare share) {
    return new AmmBotConfig("anvil", ACCOUNT,
        List.of(new ArbRoute("USDC", "WETH", List.of("uniswap", "sushiswap"), share)),
        Map.of("USDC", 6, "WETH", 18), "USDC", "WETH", "uniswap", rules);
  }

  /** WETH at 2,000 USDC on uniswap; at {@code sushiPrice} on sushiswap; 1,000 WETH deep each. */
  static ChainSnapshot snapshot(long sushiPrice, BigInteger gasPrice) {
    return new ChainSnapshot(100, 1_700_000_000L, gasPrice, List.of(
        new PoolState(new PoolKey("uniswap", "USDC", "WETH"), "0x1", USDC.multiply(BigInteger.valueOf(2_000_000)),
            ETH.multiply(BigInteger.valueOf(1000))),
        new PoolState(new PoolKey("sushiswap", "USDC", "WETH"), "0x2",
            USDC.multiply(BigInteger.valueOf(sushiPrice * 1000)), ETH.multiply(BigInteger.valueOf(1000)))));
  }

  static Map<String, BigInteger> inventory(long usdc, long eth) {
    return Map.of("USDC", USDC.multiply(BigInteger.valueOf(usdc)), "WETH", BigInteger.ZERO, ChainPort.NATIVE,
        ETH.multiply(BigInteger.valueOf(eth)));
  }

  @Test
  void buysWhereTheTokenIsCheapAndSellsWhereItIsDear() {
    var decision = ArbitragePlanner.decide(config(ArbRules.DEFAULT), snapshot(2_040, GWEI), inventory(1_000_000, 1),
        new BigDecimal("1000000"), 110_000);
    ArbPlan plan = ((ArbitragePlanner.Trade) decision).plan();
    assertThat(plan.buyDex()).isEqualTo("uniswap");
    assertThat(plan.sellDex()).isEqualTo("sushiswap");
    assertThat(plan.expectedProfit()).isPositive();
    assertThat(plan.buyLeg().amountOutMin()).isEqualTo(plan.expectedMid());
    assertThat(plan.deadlineSec()).isEqualTo(1_700_000_000L + ArbRules.DEFAULT.deadlineSec());
    // the quotes are the pools' own integer arithmetic
    var uni = snapshot(2_040, GWEI).pools().get(0);
    assertThat(plan.expectedMid()).isEqualTo(UniswapV2Math.amountOut(plan.amountIn(), uni.reserveOf("USDC"),
        uni.reserveOf("WETH")));
  }

  @Test
  void botsSharingPoolsTakeTurnsByBlockNumberSoOnlyOneActsOnAGap() {
    // the snapshot is of block 100: of three bots sharing the pools, only the one holding slot 100 mod 3 = 1 acts
    int acting = 0;
    for (int slot = 0; slot < 3; slot++) {
      var decision = ArbitragePlanner.decide(config(ArbRules.DEFAULT, new RouteShare(slot, 3)), snapshot(2_040, GWEI),
          inventory(1_000_000, 1), new BigDecimal("1000000"), 110_000);
      if (decision instanceof ArbitragePlanner.Trade) {
        acting++;
        assertThat(slot).isEqualTo(1);
      } else {
        assertThat(((ArbitragePlanner.Skip) decision).reason()).contains("turn");
      }
    }
    assertThat(acting).isEqualTo(1);
  }

  @Test
  void eachPoolIsQuotedWithItsOwnDexFee() {
    ChainSnapshot thirty = snapshot(2_040, GWEI);
    PoolState uni = thirty.pools().get(0);
    PoolState sushi = thirty.pools().get(1);
    ChainSnapshot cheaperSell = new ChainSnapshot(thirty.blockNumber(), thirty.blockTimestampSec(),
        thirty.gasPriceWei(), List.of(uni, new PoolState(sushi.key(), sushi.pairAddress(), sushi.reserveA(),
            sushi.reserveB(), 25)));
    ArbPlan plan = ((ArbitragePlanner.Trade) ArbitragePlanner.decide(config(ArbRules.DEFAULT), cheaperSell,
        inventory(1_000_000, 1), new BigDecimal("1000000"), 110_000)).plan();
    TwoPoolArbitrage.RoundTrip atOwnFees = TwoPoolArbitrage.roundTrip(plan.amountIn(), uni.reserveOf("USDC"),
        uni.reserveOf("WETH"), sushi.reserveOf("WETH"), sushi.reserveOf("USDC"), 30, 25);
    assertThat(plan.expectedOut()).isEqualTo(atOwnFees.amountOut());
    ArbPlan atThirty = ((ArbitragePlanner.Trade) ArbitragePlanner.decide(config(ArbRules.DEFAULT), thirty,
        inventory(1_000_000, 1), new BigDecimal("1000000"), 110_000)).plan();
    assertThat(plan.expectedProfit()).isGreaterThan(atThirty.expectedProfit());
  }

  @Test
  void tradeSizeIsCappedByTheBudgetAndTheInventory() {
    var byBudget = (ArbitragePlanner.Trade) ArbitragePlanner.decide(config(ArbRules.DEFAULT), snapshot(2_040, GWEI),
        inventory(1_000_000, 1), new BigDecimal("500"), 110_000);
    assertThat(byBudget.plan().amountIn()).isLessThanOrEqualTo(USDC.multiply(BigInteger.valueOf(500)));
    var byInventory = (ArbitragePlanner.Trade) ArbitragePlanner.decide(config(ArbRules.DEFAULT),
        snapshot(2_040, GWEI), inventory(300, 1), new BigDecimal("1000000"), 110_000);
    assertThat(byInventory.plan().amountIn()).isLessThanOrEqualTo(USDC.multiply(BigInteger.valueOf(300)));
  }

  @Test
  void aBotWithoutTheChainsNativeCoinForGasSaysWhichCoinItLacks() {
    AmmBotConfig eth = config(ArbRules.DEFAULT);
    AmmBotConfig bsc = new AmmBotConfig("bsc", eth.account(), eth.routes(), eth.decimals(), eth.usdToken(),
        eth.wrappedNative(), eth.valuationDex(), eth.rules(), "BNB");
    var decision = ArbitragePlanner.decide(bsc, snapshot(2_040, GWEI), inventory(1_000_000, 0),
        new BigDecimal("1000000"), 110_000);
    assertThat(decision).isInstanceOfSatisfying(ArbitragePlanner.Skip.class,
        s -> assertThat(s.reason()).startsWith("insufficient BNB for gas"));
  }

  @Test
  void aGapThatDoesNotPayFiveTimesItsGasIsLeftAlone() {
    // a 2 % gap pays about 48 USD at its best size; gas at 1000 gwei costs about 440 USD
    var decision = ArbitragePlanner.decide(config(ArbRules.DEFAULT), snapshot(2_040, GWEI.multiply(BigInteger.valueOf(
        1000))), inventory(1_000_000, 10), new BigDecimal("1000000"), 110_000);
    assertThat(decision).isInstanceOf(ArbitragePlanner.Skip.class);
    assertThat(((ArbitragePlanner.Skip) decision).notable()).isFalse();
  }

  @Test
  void theProfitMultipleOfGasIsConfigurable() {
    BigInteger gas = GWEI.multiply(BigInteger.valueOf(50)); // ~22 USD of gas for ~48 USD of profit
    var strict = ArbitragePlanner.decide(config(ArbRules.DEFAULT), snapshot(2_040, gas), inventory(1_000_000, 10),
        new BigDecimal("1000000"), 110_000);
    ArbRules lenient = new ArbRules(BigDecimal.ONE, BigDecimal.ONE, 110_000, 250_000, 120, 2);
    var loose = ArbitragePlanner.decide(config(lenient), snapshot(2_040, gas), inventory(1_000_000, 10),
        new BigDecimal("1000000"), 110_000);
    assertThat(strict).isInstanceOf(ArbitragePlanner.Skip.class);
    assertThat(loose).isInstanceOf(ArbitragePlanner.Trade.class);
    ArbPlan plan = ((ArbitragePlanner.Trade) loose).plan();
    assertThat(plan.profitUsd()).isGreaterThanOrEqualTo(plan.gasCostUsd());
    assertThat(plan.profitUsd()).isLessThan(plan.gasCostUsd().multiply(BigDecimal.valueOf(5)));
  }

  @Test
  void equalPricesGiveNoTrade() {
    var decision = ArbitragePlanner.decide(config(ArbRules.DEFAULT), snapshot(2_000, GWEI), inventory(1_000_000, 1),
        new BigDecimal("1000000"), 110_000);
    assertThat(decision).isEqualTo(new ArbitragePlanner.Skip("no gap worth its gas", false));
  }

  @Test
  void tooLittleNativeCoinForGasIsANotableSkip() {
    var decision = ArbitragePlanner.decide(config(ArbRules.DEFAULT), snapshot(2_040, GWEI), inventory(1_000_000, 0),
        new BigDecimal("1000000"), 110_000);
    assertThat(decision).isInstanceOf(ArbitragePlanner.Skip.class);
    assertThat(((ArbitragePlanner.Skip) decision).reason()).startsWith("insufficient ETH for gas");
    assertThat(((ArbitragePlanner.Skip) decision).notable()).isTrue();
  }

  @Test
  void noCapitalNoTrade() {
    var decision = ArbitragePlanner.decide(config(ArbRules.DEFAULT), snapshot(2_040, GWEI), inventory(1_000_000, 1),
        BigDecimal.ZERO, 110_000);
    assertThat(decision).isEqualTo(new ArbitragePlanner.Skip("no capital allocated", false));
  }

  @Test
  void pricesInUsdComeFromThePoolsWithTheUsdToken() {
    UsdPrices prices = new UsdPrices(config(ArbRules.DEFAULT), snapshot(2_040, GWEI));
    assertThat(prices.perToken("WETH").orElseThrow()).isEqualByComparingTo("2000");
    assertThat(prices.perToken(ChainPort.NATIVE).orElseThrow()).isEqualByComparingTo("2000");
    assertThat(prices.value("USDC", USDC.multiply(BigInteger.valueOf(-3))).orElseThrow()).isEqualByComparingTo("-3");
    assertThat(prices.unitsFor("WETH", new BigDecimal("1000")).orElseThrow()).isEqualTo(ETH.divide(BigInteger.TWO));
  }
}

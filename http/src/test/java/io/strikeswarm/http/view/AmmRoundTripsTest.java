package io.strikeswarm.http.view;

import static io.strikeswarm.http.support.AmmScenario.HALF_WETH;
import static io.strikeswarm.http.support.AmmScenario.usdc;
import static org.assertj.core.api.Assertions.assertThat;

import io.strikeswarm.bots.amm.AmmBotEntity;
import io.strikeswarm.bots.amm.ChainPort;
import io.strikeswarm.http.support.AmmScenario;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The AMM round-trip ledger")
class AmmRoundTripsTest {
  private static final BigInteger TWO_GWEI = BigInteger.valueOf(2_000_000_000L);

  /** The scenario's journal, event by event, and the round trips it settled, in order. */
  private static List<AmmRoundTrips.Row> settled() {
    AmmRoundTrips ledger = new AmmRoundTrips();
    List<AmmRoundTrips.Row> rows = new ArrayList<>();
    List<AmmBotEntity.Event> events = AmmScenario.events();
    for (int i = 0; i < events.size(); i++) {
      ledger.apply(AmmScenario.BOT, i + 1, 1_000L * (i + 1), events.get(i)).ifPresent(rows::add);
    }
    return rows;
  }

  private static BigInteger gas(long units) {
    return BigInteger.valueOf(units).multiply(TWO_GWEI);
  }

  @Test
  void aRoundTripWhoseSellLegIsMinedIsCompletedWithItsProfitInTheHomeTokenAndTheGasOfBothLegs() {
    AmmRoundTrips.Row row = settled().get(0);
    assertThat(row.outcome()).isEqualTo("completed");
    assertThat(row.arbId()).isEqualTo(1);
    assertThat(row.seq()).isEqualTo(AmmScenario.COMPLETED_SEQ);
    assertThat(row.settledAtMs()).isEqualTo(7_000);
    assertThat(row.homeToken()).isEqualTo("USDC");
    assertThat(row.otherToken()).isEqualTo("WETH");
    assertThat(row.homeDecimals()).isEqualTo(6);
    assertThat(row.otherDecimals()).isEqualTo(18);
    assertThat(row.buyDex()).isEqualTo("uniswap");
    assertThat(row.sellDex()).isEqualTo("sushiswap");
    assertThat(row.spent()).isEqualTo(usdc(1_000));
    assertThat(row.received()).isEqualTo(usdc(1_012));
    assertThat(row.profit()).isEqualTo(usdc(12));
    assertThat(row.otherChange()).isZero();
    assertThat(row.gasWei()).isEqualTo(gas(100_000 + 110_000));
    assertThat(row.legs()).extracting(AmmRoundTrips.Leg::leg, AmmRoundTrips.Leg::status, AmmRoundTrips.Leg::txHash)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("buy", "mined", AmmScenario.hash(7)),
            org.assertj.core.groups.Tuple.tuple("sell", "mined", AmmScenario.hash(8)));
  }

  @Test
  void usdFiguresAreAtThePricesTheRoundTripWasDecidedOn() {
    AmmRoundTrips.Row row = settled().get(0);
    // the plan valued 12 USDC at 12 USD and 0.00044 ETH of gas at 0.88 USD; the legs burned 0.00042 ETH
    assertThat(row.profitUsd()).isEqualByComparingTo("12.00");
    assertThat(row.gasUsd()).isEqualByComparingTo("0.84");
    assertThat(row.netUsd()).isEqualByComparingTo("11.16");
    assertThat(row.expectedProfit()).isEqualTo(usdc(12));
  }

  @Test
  void aRoundTripWhoseSellLegRevertedSettlesWhenItsUnwindIsMinedAndCountsTheRevertedGas() {
    AmmRoundTrips.Row row = settled().get(1);
    assertThat(row.outcome()).isEqualTo("unwound");
    assertThat(row.seq()).isEqualTo(AmmScenario.UNWOUND_SEQ);
    assertThat(row.sellDex()).isEqualTo("uniswap");
    assertThat(row.profit()).isEqualTo(usdc(-4));
    assertThat(row.otherChange()).isZero();
    assertThat(row.gasWei()).isEqualTo(gas(100_000 + 40_000 + 100_000));
    assertThat(row.legs()).extracting(AmmRoundTrips.Leg::leg).containsExactly("buy", "sell", "unwind");
    AmmRoundTrips.Leg reverted = row.legs().get(1);
    assertThat(reverted.status()).isEqualTo("reverted");
    assertThat(reverted.reason()).isEqualTo("UniswapV2Router: INSUFFICIENT_OUTPUT_AMOUNT");
    assertThat(reverted.amountIn()).isZero();
    assertThat(row.profitUsd()).isEqualByComparingTo("-4.00");
    assertThat(row.netUsd()).isEqualByComparingTo("-4.96");
  }

  @Test
  void aBuyLegTheNodeRefusedMovedNothingAndIsNoRoundTripButARevertedOneCostItsGas() {
    List<AmmRoundTrips.Row> rows = settled();
    assertThat(rows).extracting(AmmRoundTrips.Row::arbId).containsExactly(1L, 2L, 4L);
    AmmRoundTrips.Row row = rows.get(2);
    assertThat(row.outcome()).isEqualTo("buy-reverted");
    assertThat(row.seq()).isEqualTo(AmmScenario.BUY_REVERTED_SEQ);
    assertThat(row.spent()).isZero();
    assertThat(row.profit()).isZero();
    assertThat(row.sellDex()).isNull();
    assertThat(row.gasWei()).isEqualTo(gas(30_000));
    assertThat(row.netUsd()).isEqualByComparingTo("-0.12");
  }

  @Test
  void settledRoundTripsAddUpToTheBooksChangeSinceTheBaselineToTheUnit() {
    Map<String, BigInteger> sum = new HashMap<>();
    for (AmmRoundTrips.Row row : settled()) {
      sum.merge(row.homeToken(), row.profit(), BigInteger::add);
      sum.merge(row.otherToken(), row.otherChange(), BigInteger::add);
      sum.merge(ChainPort.NATIVE, row.gasWei().negate(), BigInteger::add);
    }
    Map<String, BigInteger> book = AmmScenario.stateAfter(AmmScenario.events().size()).pnlUnits();
    assertThat(sum).isEqualTo(book);
    assertThat(book).containsEntry("USDC", usdc(8)).containsEntry("WETH", BigInteger.ZERO);
  }

  @Test
  void aRoundTripStillUnderWayIsNotInTheLedger() {
    AmmRoundTrips ledger = new AmmRoundTrips();
    List<AmmBotEntity.Event> events = AmmScenario.events();
    List<AmmRoundTrips.Row> rows = new ArrayList<>();
    for (int i = 0; i < 6; i++) ledger.apply(AmmScenario.BOT, i + 1, 0, events.get(i)).ifPresent(rows::add);
    assertThat(rows).isEmpty(); // bought half a WETH, the sell leg is signed but not mined
    assertThat(AmmScenario.stateAfter(6).book()).containsEntry("WETH", HALF_WETH);
  }

  @Test
  void eachBotHasItsOwnRoundTripUnderWay() {
    AmmRoundTrips ledger = new AmmRoundTrips();
    List<AmmBotEntity.Event> events = AmmScenario.events();
    List<AmmRoundTrips.Row> rows = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      // amm-08 runs the same journal one event behind amm-07
      ledger.apply("amm-07", i + 1, 0, events.get(i)).ifPresent(rows::add);
      if (i > 0) ledger.apply("amm-08", i, 0, events.get(i - 1)).ifPresent(rows::add);
    }
    ledger.apply("amm-08", 7, 0, events.get(6)).ifPresent(rows::add);
    assertThat(rows).extracting(AmmRoundTrips.Row::botId).containsExactly("amm-07", "amm-08");
    assertThat(rows).extracting(AmmRoundTrips.Row::profit).containsOnly(usdc(12));
    assertThat(rows.get(1).profitUsd()).isEqualTo(new BigDecimal("12.00"));
  }
}

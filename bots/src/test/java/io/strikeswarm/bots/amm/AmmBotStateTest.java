package io.strikeswarm.bots.amm;

import static org.assertj.core.api.Assertions.assertThat;

import io.strikeswarm.bots.amm.AmmBotEntity.AccountSynced;
import io.strikeswarm.bots.amm.AmmBotEntity.AmmBotConfigured;
import io.strikeswarm.bots.amm.AmmBotEntity.SwapMined;
import io.strikeswarm.bots.amm.AmmBotEntity.SwapRefused;
import io.strikeswarm.bots.amm.AmmBotEntity.SwapReverted;
import io.strikeswarm.bots.amm.AmmBotEntity.SwapSigned;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AmmBotStateTest {
  static final AmmBotConfig CONFIG = ArbitragePlannerTest.config(ArbRules.DEFAULT);
  static final ArbPlan PLAN = new ArbPlan(100, CONFIG.routes().get(0), "uniswap", "sushiswap", big(1_000_000),
      big(500), big(1_010_000), BigDecimal.ONE, big(0), BigDecimal.ZERO, big(1), big(2), 1_700_000_120L);

  static BigInteger big(long v) {
    return BigInteger.valueOf(v);
  }

  static AmmBotState synced() {
    return AmmBotState.empty("amm-01").apply(new AmmBotConfigured(CONFIG))
        .apply(new AccountSynced(99, 7, Map.of("USDC", big(5_000_000), "WETH", big(0), ChainPort.NATIVE, big(10_000))));
  }

  static SwapSigned signed(InFlightSwap.Leg leg, SwapLeg swap, long nonce) {
    return new SwapSigned(new InFlightSwap(1, leg, PLAN, swap, new SignedTx("0x" + nonce, "0xraw", CONFIG.account(),
        nonce, big(250_000))));
  }

  @Test
  void aRoundTripMovesTheBookByExactlyTheMinedAmountsAndTheGas() {
    AmmBotState s = synced()
        .apply(signed(InFlightSwap.Leg.BUY, PLAN.buyLeg(), 7))
        .apply(new SwapMined(1, InFlightSwap.Leg.BUY, new TxOutcome.Swapped("0x7", 101, big(100), big(3),
            big(1_000_000), big(500))))
        .apply(signed(InFlightSwap.Leg.SELL, PLAN.sellLeg(big(500), big(1_010_000)), 8))
        .apply(new SwapMined(1, InFlightSwap.Leg.SELL, new TxOutcome.Swapped("0x8", 102, big(120), big(3),
            big(500), big(1_010_000))));
    assertThat(s.pnlUnits()).containsEntry("USDC", big(10_000)).containsEntry("WETH", big(0))
        .containsEntry(ChainPort.NATIVE, big(-(100 * 3 + 120 * 3)));
    assertThat(s.nextNonce()).isEqualTo(9);
    assertThat(s.inFlight()).isNull();
    assertThat(s.stats().completed()).isEqualTo(1);
    assertThat(s.stats().exactAsPredicted()).isEqualTo(1);
    assertThat(s.stats().gasSpentWei()).isEqualTo(big(660));
  }

  @Test
  void aRevertedSellLegLeavesTheBoughtTokenToSellBackAndCostsOnlyGas() {
    AmmBotState s = synced()
        .apply(signed(InFlightSwap.Leg.BUY, PLAN.buyLeg(), 7))
        .apply(new SwapMined(1, InFlightSwap.Leg.BUY, new TxOutcome.Swapped("0x7", 101, big(100), big(3),
            big(1_000_000), big(500))))
        .apply(signed(InFlightSwap.Leg.SELL, PLAN.sellLeg(big(500), big(1_010_000)), 8))
        .apply(new SwapReverted(1, InFlightSwap.Leg.SELL, new TxOutcome.Reverted("0x8", 102, big(40), big(3),
            "UniswapV2Router: INSUFFICIENT_OUTPUT_AMOUNT")));
    assertThat(s.stranded()).isEqualTo(new Stranded(1, PLAN.route(), big(500)));
    assertThat(s.pnlUnits()).containsEntry("USDC", big(-1_000_000)).containsEntry("WETH", big(500))
        .containsEntry(ChainPort.NATIVE, big(-420));
    assertThat(s.cooldownUntilBlock()).isEqualTo(102 + ArbRules.DEFAULT.cooldownBlocks());
  }

  @Test
  void aRefusedSwapFreesItsNonceAndChangesNoBalance() {
    AmmBotState s = synced().apply(signed(InFlightSwap.Leg.BUY, PLAN.buyLeg(), 7))
        .apply(new SwapRefused(1, InFlightSwap.Leg.BUY, 7, 100, "insufficient funds for gas * price + value"));
    assertThat(s.nextNonce()).isEqualTo(7);
    assertThat(s.pnlUnits().values()).allMatch(v -> v.signum() == 0);
    assertThat(s.inFlight()).isNull();
    assertThat(s.stats().refused()).isEqualTo(1);
  }

  @Test
  void refusalsInARowDoubleTheWaitUntilTheNodeTakesATransactionAgain() {
    long cooldown = ArbRules.DEFAULT.cooldownBlocks();
    AmmBotState s = synced();
    long block = 100;
    List<Long> waits = new java.util.ArrayList<>();
    for (int i = 0; i < 11; i++) {
      s = s.apply(signed(InFlightSwap.Leg.BUY, PLAN.buyLeg(), 7))
          .apply(new SwapRefused(1, InFlightSwap.Leg.BUY, 7, block, "insufficient funds for gas * price + value"));
      waits.add(s.cooldownUntilBlock() - block);
      block = s.cooldownUntilBlock();
    }
    assertThat(waits).containsExactly(cooldown, 2 * cooldown, 4 * cooldown, 8 * cooldown, 16 * cooldown,
        32 * cooldown, 64 * cooldown, 128 * cooldown, 256 * cooldown, 256 * cooldown, 256 * cooldown);
    assertThat(s.stats().refusedInARow()).isEqualTo(11);

    s = s.apply(signed(InFlightSwap.Leg.BUY, PLAN.buyLeg(), 7))
        .apply(new SwapMined(1, InFlightSwap.Leg.BUY, new TxOutcome.Swapped("0x7", block, big(100), big(3),
            big(1_000_000), big(500))))
        .apply(signed(InFlightSwap.Leg.SELL, PLAN.sellLeg(big(500), big(1_010_000)), 8))
        .apply(new SwapRefused(1, InFlightSwap.Leg.SELL, 8, block + 1, "nonce too low"));
    assertThat(s.cooldownUntilBlock()).as("a mined swap ends the run of refusals").isEqualTo(block + 1 + cooldown);
  }

  @Test
  void baselineIsWhatTheChainShowedAtStart() {
    AmmBotState s = synced();
    assertThat(s.baseline()).isEqualTo(s.book());
    assertThat(s.nextNonce()).isEqualTo(7);
    assertThat(List.copyOf(s.pnlUnits().values())).containsOnly(BigInteger.ZERO);
  }
}

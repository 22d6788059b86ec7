package io.strikeswarm.http.support;

import io.strikeswarm.bots.amm.AmmBotConfig;
import io.strikeswarm.bots.amm.AmmBotEntity;
import io.strikeswarm.bots.amm.AmmBotEntity.AccountSynced;
import io.strikeswarm.bots.amm.AmmBotEntity.AmmBotConfigured;
import io.strikeswarm.bots.amm.AmmBotEntity.ArbitrageSkipped;
import io.strikeswarm.bots.amm.AmmBotEntity.BotPaused;
import io.strikeswarm.bots.amm.AmmBotEntity.BudgetAllocated;
import io.strikeswarm.bots.amm.AmmBotEntity.SwapMined;
import io.strikeswarm.bots.amm.AmmBotEntity.SwapRefused;
import io.strikeswarm.bots.amm.AmmBotEntity.SwapReverted;
import io.strikeswarm.bots.amm.AmmBotEntity.SwapSigned;
import io.strikeswarm.bots.amm.AmmBotState;
import io.strikeswarm.bots.amm.ArbPlan;
import io.strikeswarm.bots.amm.ArbRoute;
import io.strikeswarm.bots.amm.ArbRules;
import io.strikeswarm.bots.amm.ChainPort;
import io.strikeswarm.bots.amm.ChainSnapshot;
import io.strikeswarm.bots.amm.InFlightSwap;
import io.strikeswarm.bots.amm.PoolKey;
import io.strikeswarm.bots.amm.PoolState;
import io.strikeswarm.bots.amm.SignedTx;
import io.strikeswarm.bots.amm.SwapLeg;
import io.strikeswarm.bots.amm.TxOutcome;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * The journal of one AMM bot, event for event as {@code AmmBotEntity} writes it: configured, funded, synced with
 * its account, then four round trips — one completed (+12 USDC), one whose sell leg reverted and that was unwound
 * (−4 USDC), one whose buy leg the node refused (nothing moved), one whose buy leg reverted (gas only) — then a
 * skip and a pause. USDC has 6 decimals, WETH 18; every swap pays 2 gwei per gas; the plans value WETH at 2,000
 * USD.
 */
public final class AmmScenario {
  private AmmScenario() {}

  public static final String BOT = "amm-07";
  public static final String ACCOUNT = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
  public static final ArbRoute ROUTE = new ArbRoute("USDC", "WETH", List.of("uniswap", "sushiswap"));
  public static final AmmBotConfig CONFIG = new AmmBotConfig("anvil", ACCOUNT, List.of(ROUTE),
      Map.of("USDC", 6, "WETH", 18), "USDC", "WETH", "uniswap", ArbRules.DEFAULT);

  public static final BigInteger GWEI = BigInteger.TEN.pow(9);
  static final BigInteger GAS_PRICE = GWEI.multiply(BigInteger.TWO);

  public static BigInteger usdc(long whole) {
    return BigInteger.valueOf(whole).multiply(BigInteger.TEN.pow(6));
  }

  /** Half a WETH in smallest units. */
  public static final BigInteger HALF_WETH = BigInteger.TEN.pow(18).divide(BigInteger.TWO);

  /**
   * Every round trip's plan: 1,000 USDC for half a WETH on uniswap, sold for 1,012 USDC on sushiswap, 12 USD of
   * profit; two swaps of 110,000 gas at 2 gwei = 0.00044 ETH = 0.88 USD.
   */
  public static ArbPlan plan(long block) {
    BigInteger gasWei = BigInteger.valueOf(2 * 110_000).multiply(GAS_PRICE);
    return new ArbPlan(block, ROUTE, "uniswap", "sushiswap", usdc(1_000), HALF_WETH, usdc(1_012),
        new BigDecimal("12"), gasWei, new BigDecimal("0.88"), GAS_PRICE, GAS_PRICE.multiply(BigInteger.TWO),
        1_700_000_120L);
  }

  /** The events that settle a round trip: the completed one's sell leg, the unwind, the reverted buy leg. */
  public static final long COMPLETED_SEQ = 7;
  public static final long UNWOUND_SEQ = 13;
  public static final long BUY_REVERTED_SEQ = 17;

  public static List<AmmBotEntity.Event> events() {
    ArbPlan p1 = plan(100);
    ArbPlan p2 = plan(103);
    ArbPlan p3 = plan(107);
    ArbPlan p4 = plan(110);
    SwapLeg unwind = new SwapLeg("uniswap", "WETH", "USDC", HALF_WETH, usdc(995), 1_700_000_500L);
    ArbPlan unwindPlan = new ArbPlan(106, ROUTE, "uniswap", "uniswap", HALF_WETH, HALF_WETH, usdc(995),
        BigDecimal.ZERO, BigInteger.ZERO, BigDecimal.ZERO, GAS_PRICE, GAS_PRICE.multiply(BigInteger.TWO),
        1_700_000_500L);
    return List.of(
        new AmmBotConfigured(CONFIG),                                                                   // 1
        new BudgetAllocated(1, new BigDecimal("1000.00")),                                              // 2
        new AccountSynced(99, 7, Map.of("USDC", usdc(5_000), "WETH", BigInteger.ZERO,
            ChainPort.NATIVE, BigInteger.TEN.pow(18))),                                                 // 3
        signed(1, InFlightSwap.Leg.BUY, p1, p1.buyLeg(), 7),                                            // 4
        mined(1, InFlightSwap.Leg.BUY, 7, 101, 100_000, usdc(1_000), HALF_WETH),                        // 5
        signed(1, InFlightSwap.Leg.SELL, p1, p1.sellLeg(HALF_WETH, usdc(1_000)), 8),                    // 6
        mined(1, InFlightSwap.Leg.SELL, 8, 102, 110_000, HALF_WETH, usdc(1_012)),                       // 7
        signed(2, InFlightSwap.Leg.BUY, p2, p2.buyLeg(), 9),                                            // 8
        mined(2, InFlightSwap.Leg.BUY, 9, 104, 100_000, usdc(1_000), HALF_WETH),                        // 9
        signed(2, InFlightSwap.Leg.SELL, p2, p2.sellLeg(HALF_WETH, usdc(1_000)), 10),                   // 10
        new SwapReverted(2, InFlightSwap.Leg.SELL, new TxOutcome.Reverted(hash(10), 105,
            BigInteger.valueOf(40_000), GAS_PRICE, "UniswapV2Router: INSUFFICIENT_OUTPUT_AMOUNT")),     // 11
        signed(2, InFlightSwap.Leg.UNWIND, unwindPlan, unwind, 11),                                     // 12
        mined(2, InFlightSwap.Leg.UNWIND, 11, 107, 100_000, HALF_WETH, usdc(996)),                      // 13
        signed(3, InFlightSwap.Leg.BUY, p3, p3.buyLeg(), 12),                                           // 14
        new SwapRefused(3, InFlightSwap.Leg.BUY, 12, 108, "insufficient funds for gas * price + value"),// 15
        signed(4, InFlightSwap.Leg.BUY, p4, p4.buyLeg(), 12),                                           // 16
        new SwapReverted(4, InFlightSwap.Leg.BUY, new TxOutcome.Reverted(hash(12), 111,
            BigInteger.valueOf(30_000), GAS_PRICE, "UniswapV2Router: EXPIRED")),                        // 17
        new ArbitrageSkipped(112, "no gap worth its gas after a revert"),                               // 18
        new BotPaused());                                                                               // 19
  }

  /** The state the entity's own handler makes of the first {@code n} events. */
  public static AmmBotState stateAfter(int n) {
    AmmBotState s = AmmBotState.empty(BOT);
    for (AmmBotEntity.Event e : events().subList(0, n)) s = s.apply(e);
    return s;
  }

  /** The pools at block 120: WETH at 2,000 USDC on uniswap (the valuation DEX). */
  public static ChainSnapshot block120() {
    return new ChainSnapshot(120, 1_700_000_600L, GAS_PRICE, List.of(
        new PoolState(new PoolKey("uniswap", "USDC", "WETH"), "0x01", usdc(2_000_000),
            BigInteger.TEN.pow(18).multiply(BigInteger.valueOf(1_000))),
        new PoolState(new PoolKey("sushiswap", "USDC", "WETH"), "0x02", usdc(2_010_000),
            BigInteger.TEN.pow(18).multiply(BigInteger.valueOf(1_000)))));
  }

  public static String hash(long nonce) {
    return String.format("0x%064x", nonce);
  }

  private static SwapSigned signed(long arbId, InFlightSwap.Leg leg, ArbPlan plan, SwapLeg swap, long nonce) {
    return new SwapSigned(new InFlightSwap(arbId, leg, plan, swap,
        new SignedTx(hash(nonce), "0x02f8" + "ab".repeat(100), ACCOUNT, nonce, BigInteger.valueOf(250_000))));
  }

  private static SwapMined mined(long arbId, InFlightSwap.Leg leg, long nonce, long block, long gasUsed,
      BigInteger in, BigInteger out) {
    return new SwapMined(arbId, leg, new TxOutcome.Swapped(hash(nonce), block, BigInteger.valueOf(gasUsed),
        GAS_PRICE, in, out));
  }
}

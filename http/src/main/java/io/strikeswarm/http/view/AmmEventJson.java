package io.strikeswarm.http.view;

import io.strikeswarm.bots.amm.AmmBotConfig;
import io.strikeswarm.bots.amm.AmmBotEntity;
import io.strikeswarm.bots.amm.AmmBotState;
import io.strikeswarm.bots.amm.ArbPlan;
import io.strikeswarm.bots.amm.InFlightSwap;
import io.strikeswarm.bots.amm.SwapLeg;
import io.strikeswarm.bots.amm.TxOutcome;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One event of an AMM bot's journal as the API shows it: flat, named fields, token amounts in smallest units and
 * gas in wei (strings), blocks and nonces as numbers. A receipt ({@code SwapMined}, {@code SwapReverted}) or a
 * refusal names only its transaction; the swap it settles (DEX, tokens, hash) is the one in flight in the state
 * before it, so it is rendered from that state. Amounts are what moved: a signed swap's are what it sends and the
 * least it accepts, a mined swap's are the receipt's, a reverted or refused swap moved no token (a reverted one
 * cost gas). The signed transaction's raw bytes are left out: they are for the
 * node, not for an operator.
 */
public final class AmmEventJson {
  private AmmEventJson() {}

  public static Map<String, Object> render(AmmBotState before, AmmBotEntity.Event event) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (event instanceof AmmBotEntity.AmmBotConfigured e) {
      AmmBotConfig c = e.config();
      out.put("chain", c.chain());
      out.put("account", c.account());
      out.put("routes", c.routes());
      out.put("usdToken", c.usdToken());
      out.put("wrappedNative", c.wrappedNative());
      out.put("valuationDex", c.valuationDex());
      out.put("rules", c.rules());
    } else if (event instanceof AmmBotEntity.RulesChanged e) {
      out.put("rules", e.rules());
    } else if (event instanceof AmmBotEntity.AccountSynced e) {
      out.put("block", e.block());
      out.put("nonce", e.nonce());
      out.put("balances", e.balances());
    } else if (event instanceof AmmBotEntity.BudgetAllocated e) {
      out.put("transferSeq", e.transferSeq());
      out.put("usd", e.usd());
    } else if (event instanceof AmmBotEntity.BudgetReleased e) {
      out.put("transferSeq", e.transferSeq());
      out.put("usd", e.usd());
    } else if (event instanceof AmmBotEntity.SwapSigned e) {
      signed(out, e.swap());
    } else if (event instanceof AmmBotEntity.SwapMined e) {
      settled(out, e.arbId(), e.leg(), before.inFlight(), e.outcome());
      out.put("amountIn", e.outcome().amountIn());
      out.put("amountOut", e.outcome().amountOut());
    } else if (event instanceof AmmBotEntity.SwapReverted e) {
      settled(out, e.arbId(), e.leg(), before.inFlight(), e.outcome());
      out.put("reason", e.outcome().reason());
    } else if (event instanceof AmmBotEntity.SwapRefused e) {
      leg(out, e.arbId(), e.leg(), before.inFlight());
      out.put("nonce", e.nonce());
      out.put("block", e.block());
      out.put("reason", e.reason());
    } else if (event instanceof AmmBotEntity.ArbitrageSkipped e) {
      out.put("block", e.block());
      out.put("reason", e.reason());
    } else if (event instanceof AmmBotEntity.BotHalted e) {
      out.put("reason", e.reason());
    } else if (event instanceof AmmBotEntity.BotRetired e) {
      out.put("transferSeq", e.transferSeq());
      out.put("releasedUsd", e.released());
    }
    // BotPaused and BotResumed say everything by their type
    return out;
  }

  private static void signed(Map<String, Object> out, InFlightSwap s) {
    out.put("arbId", s.arbId());
    out.put("leg", AmmPresenter.leg(s.leg()));
    out.put("nonce", s.tx().nonce());
    out.put("txHash", s.tx().hash());
    out.put("from", s.tx().from());
    swap(out, s.swap());
    out.put("amountIn", s.swap().amountIn());
    out.put("amountOutMin", s.swap().amountOutMin());
    out.put("deadlineSec", s.swap().deadlineSec());
    out.put("gasLimit", s.tx().gasLimit());
    out.put("maxFeePerGasWei", s.plan().maxFeePerGasWei());
    if (s.leg() == InFlightSwap.Leg.BUY) out.put("plan", plan(s.plan()));
  }

  /** What the bot expected when it decided on the round trip (leg one's event carries it). */
  private static Map<String, Object> plan(ArbPlan p) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("decidedAtBlock", p.block());
    out.put("home", p.route().home());
    out.put("other", p.route().other());
    out.put("buyDex", p.buyDex());
    out.put("sellDex", p.sellDex());
    out.put("amountIn", p.amountIn());
    out.put("expectedMid", p.expectedMid());
    out.put("expectedOut", p.expectedOut());
    out.put("expectedProfit", p.expectedProfit());
    out.put("expectedProfitUsd", p.profitUsd());
    out.put("gasPriceWei", p.gasPriceWei());
    out.put("expectedGasWei", p.gasCostWei());
    out.put("expectedGasUsd", p.gasCostUsd());
    return out;
  }

  private static void settled(Map<String, Object> out, long arbId, InFlightSwap.Leg leg, InFlightSwap inFlight,
      TxOutcome outcome) {
    leg(out, arbId, leg, inFlight);
    out.put("block", outcome.blockNumber());
    out.put("gasUsed", outcome.gasUsed());
    out.put("effectiveGasPriceWei", outcome.effectiveGasPriceWei());
    out.put("gasCostWei", outcome.gasCostWei());
  }

  /** The leg's identity, and the swap it settles when the state before it has that swap in flight. */
  private static void leg(Map<String, Object> out, long arbId, InFlightSwap.Leg leg, InFlightSwap inFlight) {
    out.put("arbId", arbId);
    out.put("leg", AmmPresenter.leg(leg));
    if (inFlight == null) return;
    out.put("txHash", inFlight.tx().hash());
    swap(out, inFlight.swap());
  }

  private static void swap(Map<String, Object> out, SwapLeg s) {
    out.put("dex", s.dex());
    out.put("tokenIn", s.tokenIn());
    out.put("tokenOut", s.tokenOut());
  }
}

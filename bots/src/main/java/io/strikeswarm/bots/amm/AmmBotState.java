package io.strikeswarm.bots.amm;

import io.strikeswarm.bots.amm.AmmBotEntity.AccountSynced;
import io.strikeswarm.bots.amm.AmmBotEntity.AmmBotConfigured;
import io.strikeswarm.bots.amm.AmmBotEntity.ArbitrageSkipped;
import io.strikeswarm.bots.amm.AmmBotEntity.BotHalted;
import io.strikeswarm.bots.amm.AmmBotEntity.BotPaused;
import io.strikeswarm.bots.amm.AmmBotEntity.BotResumed;
import io.strikeswarm.bots.amm.AmmBotEntity.BotRetired;
import io.strikeswarm.bots.amm.AmmBotEntity.BudgetAllocated;
import io.strikeswarm.bots.amm.AmmBotEntity.BudgetReleased;
import io.strikeswarm.bots.amm.AmmBotEntity.Event;
import io.strikeswarm.bots.amm.AmmBotEntity.RulesChanged;
import io.strikeswarm.bots.amm.AmmBotEntity.SwapMined;
import io.strikeswarm.bots.amm.AmmBotEntity.SwapRefused;
import io.strikeswarm.bots.amm.AmmBotEntity.SwapReverted;
import io.strikeswarm.bots.amm.AmmBotEntity.SwapSigned;
import io.strikeswarm.bots.domain.BotStatus;
import io.strikeswarm.persistence.CborSerializable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * An AMM bot's state, rebuilt from its events: config, USD budget, the account's next nonce, its book in exact token
 * units (tokens by symbol, the native coin as {@link ChainPort#NATIVE}) next to the baseline read from the chain when
 * it started, the swap in flight, anything a failed sell leg left behind, and its stats. Profit and loss per token is
 * {@code book − baseline}; gas comes out of the native coin.
 */
public record AmmBotState(
    String botId,
    BotStatus status,
    AmmBotConfig config,
    BigDecimal budgetUsd,
    long lastTransferSeq,
    long nextNonce,
    Map<String, BigInteger> baseline,
    Map<String, BigInteger> book,
    InFlightSwap inFlight,
    Stranded stranded,
    long arbSeq,
    long gasEstimate,
    long cooldownUntilBlock,
    String lastSkip,
    String haltReason,
    AmmStats stats) implements CborSerializable {

  public AmmBotState {
    baseline = Collections.unmodifiableMap(new TreeMap<>(baseline));
    book = Collections.unmodifiableMap(new TreeMap<>(book));
  }

  public static AmmBotState empty(String botId) {
    return new AmmBotState(botId, BotStatus.NEW, null, BigDecimal.ZERO, 0, -1, Map.of(), Map.of(), null, null, 0, 0,
        0, null, null, AmmStats.EMPTY);
  }

  public boolean isConfigured() {
    return config != null;
  }

  public boolean isSynced() {
    return nextNonce >= 0;
  }

  /** The change of each token since the baseline, in smallest units (gas included in the native coin). */
  public Map<String, BigInteger> pnlUnits() {
    Map<String, BigInteger> pnl = new TreeMap<>();
    book.forEach((token, amount) -> pnl.put(token, amount.subtract(baseline.getOrDefault(token, BigInteger.ZERO))));
    return pnl;
  }

  public AmmBotState apply(Event event) {
    if (event instanceof AmmBotConfigured e) {
      return with(BotStatus.ACTIVE, e.config(), budgetUsd, lastTransferSeq, nextNonce, baseline, book, inFlight,
          stranded, arbSeq, e.config().rules().gasPerSwap(), cooldownUntilBlock, lastSkip, haltReason, stats);
    }
    if (event instanceof RulesChanged e) {
      return with(status, config.withRules(e.rules()), budgetUsd, lastTransferSeq, nextNonce, baseline, book, inFlight,
          stranded, arbSeq, gasEstimate, cooldownUntilBlock, lastSkip, haltReason, stats);
    }
    if (event instanceof AccountSynced e) {
      return with(status, config, budgetUsd, lastTransferSeq, e.nonce(), e.balances(), e.balances(), inFlight,
          stranded, arbSeq, gasEstimate, cooldownUntilBlock, lastSkip, haltReason, stats);
    }
    if (event instanceof BudgetAllocated e) {
      return with(status, config, budgetUsd.add(e.usd()), e.transferSeq(), nextNonce, baseline, book, inFlight,
          stranded, arbSeq, gasEstimate, cooldownUntilBlock, lastSkip, haltReason, stats);
    }
    if (event instanceof BudgetReleased e) {
      return with(status, config, budgetUsd.subtract(e.usd()), e.transferSeq(), nextNonce, baseline, book, inFlight,
          stranded, arbSeq, gasEstimate, cooldownUntilBlock, lastSkip, haltReason, stats);
    }
    if (event instanceof SwapSigned e) {
      boolean starts = e.swap().leg() == InFlightSwap.Leg.BUY;
      return with(status, config, budgetUsd, lastTransferSeq, e.swap().tx().nonce() + 1, baseline, book, e.swap(),
          stranded, starts ? e.swap().arbId() : arbSeq, gasEstimate, cooldownUntilBlock, null, haltReason,
          starts ? stats.start() : stats);
    }
    if (event instanceof SwapMined e) return mined(e);
    if (event instanceof SwapReverted e) return reverted(e);
    if (event instanceof SwapRefused e) {
      Stranded left = e.leg() == InFlightSwap.Leg.SELL ? new Stranded(e.arbId(), inFlight.plan().route(),
          inFlight.swap().amountIn()) : stranded;
      return with(status, config, budgetUsd, lastTransferSeq, e.nonce(), baseline, book, null, left, arbSeq,
          gasEstimate, e.block() + refusalCooldown(config.rules().cooldownBlocks(), stats.refusedInARow() + 1),
          lastSkip, haltReason, stats.refuse());
    }
    if (event instanceof ArbitrageSkipped e) {
      return with(status, config, budgetUsd, lastTransferSeq, nextNonce, baseline, book, inFlight, stranded, arbSeq,
          gasEstimate, cooldownUntilBlock, e.reason(), haltReason, stats);
    }
    if (event instanceof BotPaused) return withStatus(BotStatus.PAUSED, haltReason);
    if (event instanceof BotResumed) return withStatus(BotStatus.ACTIVE, null);
    if (event instanceof BotHalted e) return withStatus(BotStatus.HALTED, e.reason());
    if (event instanceof BotRetired e) {
      return with(BotStatus.RETIRED, config, BigDecimal.ZERO, e.transferSeq(), nextNonce, baseline, book, inFlight,
          stranded, arbSeq, gasEstimate, cooldownUntilBlock, lastSkip, haltReason, stats);
    }
    throw new IllegalStateException("unknown event " + event.getClass().getName());
  }

  /** Most refusals in a row the back-off doubles for: at most 2^8 = 256 cooldowns. */
  static final int MAX_REFUSAL_DOUBLINGS = 8;

  /**
   * The wait after the {@code inARow}-th refusal in a row: the cooldown, doubled for each earlier one (capped). A
   * node refuses for reasons that last — no native coin for gas, a nonce or fee rule — so a bot that keeps signing
   * every cooldown only fills its journal; it tries less and less often until the node takes a transaction.
   */
  static long refusalCooldown(long cooldownBlocks, long inARow) {
    long doublings = Math.min(Math.max(inARow - 1, 0), MAX_REFUSAL_DOUBLINGS);
    return Math.max(cooldownBlocks, 1) << doublings;
  }

  private AmmBotState mined(SwapMined e) {
    TxOutcome.Swapped out = e.outcome();
    SwapLeg swap = inFlight.swap();
    Map<String, BigInteger> next = new TreeMap<>(book);
    next.merge(swap.tokenIn(), out.amountIn().negate(), BigInteger::add);
    next.merge(swap.tokenOut(), out.amountOut(), BigInteger::add);
    next.merge(ChainPort.NATIVE, out.gasCostWei().negate(), BigInteger::add);
    AmmStats s = stats.gas(out.gasCostWei());
    Stranded left = stranded;
    switch (e.leg()) {
      case BUY -> { }
      case SELL -> {
        ArbPlan plan = inFlight.plan();
        boolean exact = out.amountOut().equals(plan.expectedOut()) && out.amountIn().equals(plan.expectedMid());
        s = s.complete(exact);
      }
      case UNWIND -> left = null;
    }
    // the gas estimate follows what swaps really use, leaning on the past (a quarter of the way per receipt)
    long learned = (3 * gasEstimate + out.gasUsed().longValueExact()) / 4;
    return with(status, config, budgetUsd, lastTransferSeq, nextNonce, baseline, next, null, left, arbSeq, learned,
        cooldownUntilBlock, lastSkip, haltReason, s);
  }

  private AmmBotState reverted(SwapReverted e) {
    TxOutcome.Reverted out = e.outcome();
    Map<String, BigInteger> next = new TreeMap<>(book);
    next.merge(ChainPort.NATIVE, out.gasCostWei().negate(), BigInteger::add);
    Stranded left = e.leg() == InFlightSwap.Leg.SELL
        ? new Stranded(e.arbId(), inFlight.plan().route(), inFlight.swap().amountIn()) : stranded;
    return with(status, config, budgetUsd, lastTransferSeq, nextNonce, baseline, next, null, left, arbSeq,
        gasEstimate, out.blockNumber() + config.rules().cooldownBlocks(), lastSkip, haltReason,
        stats.revert().gas(out.gasCostWei()));
  }

  private AmmBotState withStatus(BotStatus newStatus, String reason) {
    return with(newStatus, config, budgetUsd, lastTransferSeq, nextNonce, baseline, book, inFlight, stranded, arbSeq,
        gasEstimate, cooldownUntilBlock, lastSkip, reason, stats);
  }

  private AmmBotState with(BotStatus status, AmmBotConfig config, BigDecimal budgetUsd, long lastTransferSeq,
      long nextNonce, Map<String, BigInteger> baseline, Map<String, BigInteger> book, InFlightSwap inFlight,
      Stranded stranded, long arbSeq, long gasEstimate, long cooldownUntilBlock, String lastSkip, String haltReason,
      AmmStats stats) {
    return new AmmBotState(botId, status, config, budgetUsd, lastTransferSeq, nextNonce, baseline, book, inFlight,
        stranded, arbSeq, gasEstimate, cooldownUntilBlock, lastSkip, haltReason, stats);
  }
}

package io.strikeswarm.http.view;

import io.strikeswarm.bots.amm.AmmBotConfig;
import io.strikeswarm.bots.amm.AmmBotEntity;
import io.strikeswarm.bots.amm.AmmBotState;
import io.strikeswarm.bots.amm.ArbPlan;
import io.strikeswarm.bots.amm.InFlightSwap;
import io.strikeswarm.bots.amm.TxOutcome;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The AMM bots' arbitrage round trips, settled, read from their journals in order: one row per round trip once no
 * more money can move for it. A round trip spends the route's home token on a buy leg and gets it back on a sell
 * leg — or, when the sell leg failed, on an unwind that sells what the buy leg bought back to the home token. So a
 * row settles when its sell leg is mined ({@code completed}), when its unwind is mined ({@code unwound}), or when
 * its buy leg reverts ({@code buy-reverted}: gas spent, nothing bought). A round trip whose buy leg the node refused
 * moved nothing and has no row (it is in the bot's journal as {@code SwapRefused}).
 *
 * <p>Each bot's events go through the entity's own event handler ({@link AmmBotState#apply}), so a receipt is
 * matched to exactly the swap the bot had in flight. A row's token figures are exact smallest units; over all its
 * settled rows a bot's {@code profit} (home token), {@code otherChange} (the other token) and {@code gasWei} (native
 * coin) add up to its book's change since its baseline, as long as no round trip is under way. USD figures are
 * valued at the prices of the block the round trip was decided on (those the bot's plan used), so they do not move
 * with later prices; they are null if the plan cannot price them. Not thread-safe: its owner serializes calls.
 */
public final class AmmRoundTrips {
  private static final MathContext MC = MathContext.DECIMAL128;

  /** One swap of a round trip: mined, reverted (gas only) or refused by the node (nothing). */
  public record Leg(String leg, String status, String dex, String txHash, Long block, String tokenIn,
      BigInteger amountIn, String tokenOut, BigInteger amountOut, BigInteger gasWei, String reason) {}

  /**
   * A settled round trip. {@code spent} home-token units went into the buy leg, {@code received} came back;
   * {@code profit = received − spent}. {@code sellDex} is where the other token was sold back (the unwind's DEX
   * for an unwound round trip). {@code settledAtMs} is when the settling receipt was persisted (wall clock). The
   * decimals say how many smallest units make one token.
   */
  public record Row(String botId, long arbId, String outcome, String homeToken, Integer homeDecimals,
      String otherToken, Integer otherDecimals, String buyDex, String sellDex, BigInteger spent, BigInteger received,
      BigInteger profit, BigInteger otherChange, BigInteger gasWei, BigInteger expectedProfit, BigDecimal profitUsd, BigDecimal gasUsd, BigDecimal netUsd,
      long decidedAtBlock, long settledAtBlock, long settledAtMs, long seq, List<Leg> legs) {}

  /** The round trip a bot has under way: its plan and the legs so far. */
  private record Open(long arbId, ArbPlan plan, List<Leg> legs) {}

  private final Map<String, AmmBotState> states = new HashMap<>();
  private final Map<String, Open> open = new HashMap<>();

  /** Applies a bot's next event; returns the round trip it settled, if it settled one. */
  public Optional<Row> apply(String botId, long seq, long persistedAtMs, AmmBotEntity.Event event) {
    AmmBotState before = states.getOrDefault(botId, AmmBotState.empty(botId));
    states.put(botId, before.apply(event));
    InFlightSwap swap = before.inFlight();
    if (event instanceof AmmBotEntity.SwapSigned e && e.swap().leg() == InFlightSwap.Leg.BUY) {
      open.put(botId, new Open(e.swap().arbId(), e.swap().plan(), new ArrayList<>()));
      return Optional.empty();
    }
    Open trip = open.get(botId);
    if (swap == null || trip == null) return Optional.empty();
    if (event instanceof AmmBotEntity.SwapMined e && e.arbId() == trip.arbId()) {
      TxOutcome.Swapped out = e.outcome();
      trip.legs().add(new Leg(AmmPresenter.leg(e.leg()), "mined", swap.swap().dex(), out.hash(), out.blockNumber(),
          swap.swap().tokenIn(), out.amountIn(), swap.swap().tokenOut(), out.amountOut(), out.gasCostWei(), null));
      return switch (e.leg()) {
        case BUY -> Optional.empty();
        case SELL -> settle(botId, trip, "completed", out.blockNumber(), persistedAtMs, seq);
        case UNWIND -> settle(botId, trip, "unwound", out.blockNumber(), persistedAtMs, seq);
      };
    }
    if (event instanceof AmmBotEntity.SwapReverted e && e.arbId() == trip.arbId()) {
      TxOutcome.Reverted out = e.outcome();
      trip.legs().add(new Leg(AmmPresenter.leg(e.leg()), "reverted", swap.swap().dex(), out.hash(),
          out.blockNumber(), swap.swap().tokenIn(), BigInteger.ZERO, swap.swap().tokenOut(), BigInteger.ZERO,
          out.gasCostWei(), out.reason()));
      return e.leg() == InFlightSwap.Leg.BUY
          ? settle(botId, trip, "buy-reverted", out.blockNumber(), persistedAtMs, seq) : Optional.empty();
    }
    if (event instanceof AmmBotEntity.SwapRefused e && e.arbId() == trip.arbId()) {
      if (e.leg() == InFlightSwap.Leg.BUY) {
        open.remove(botId); // nothing happened on chain: no round trip to account for
        return Optional.empty();
      }
      trip.legs().add(new Leg(AmmPresenter.leg(e.leg()), "refused", swap.swap().dex(), swap.tx().hash(), null,
          swap.swap().tokenIn(), BigInteger.ZERO, swap.swap().tokenOut(), BigInteger.ZERO, BigInteger.ZERO,
          e.reason()));
    }
    return Optional.empty();
  }

  private Optional<Row> settle(String botId, Open trip, String outcome, long block, long persistedAtMs, long seq) {
    open.remove(botId);
    ArbPlan plan = trip.plan();
    String home = plan.route().home();
    String other = plan.route().other();
    BigInteger spent = BigInteger.ZERO;
    BigInteger received = BigInteger.ZERO;
    BigInteger otherChange = BigInteger.ZERO;
    BigInteger gas = BigInteger.ZERO;
    String sellDex = null;
    for (Leg leg : trip.legs()) {
      gas = gas.add(leg.gasWei());
      if (!leg.status().equals("mined")) continue;
      spent = spent.add(leg.tokenIn().equals(home) ? leg.amountIn() : BigInteger.ZERO);
      received = received.add(leg.tokenOut().equals(home) ? leg.amountOut() : BigInteger.ZERO);
      otherChange = otherChange.add(leg.tokenOut().equals(other) ? leg.amountOut() : BigInteger.ZERO)
          .subtract(leg.tokenIn().equals(other) ? leg.amountIn() : BigInteger.ZERO);
      if (leg.tokenOut().equals(home)) sellDex = leg.dex();
    }
    BigInteger profit = received.subtract(spent);
    BigDecimal profitUsd = at(plan.profitUsd(), plan.expectedProfit(), profit);
    BigDecimal gasUsd = at(plan.gasCostUsd(), plan.gasCostWei(), gas);
    BigDecimal netUsd = profitUsd == null || gasUsd == null ? null : profitUsd.subtract(gasUsd);
    AmmBotConfig config = states.get(botId).config();
    return Optional.of(new Row(botId, trip.arbId(), outcome, home, AmmPresenter.decimals(config, home), other,
        AmmPresenter.decimals(config, other), plan.buyDex(), sellDex, spent, received, profit, otherChange, gas,
        plan.expectedProfit(), profitUsd, gasUsd, netUsd, plan.block(), block, persistedAtMs, seq,
        List.copyOf(trip.legs())));
  }

  /**
   * {@code units} valued at the price the plan used: the plan valued {@code planUnits} at {@code planUsd}, and a
   * valuation is linear in the amount. To the cent; null when the plan valued nothing to derive a price from.
   */
  private static BigDecimal at(BigDecimal planUsd, BigInteger planUnits, BigInteger units) {
    if (units.signum() == 0) return BigDecimal.ZERO.setScale(2);
    if (planUsd == null || planUnits.signum() == 0) return null;
    return planUsd.multiply(new BigDecimal(units), MC).divide(new BigDecimal(planUnits), MC)
        .setScale(2, RoundingMode.HALF_EVEN);
  }
}

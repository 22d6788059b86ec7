package io.strikeswarm.bots.amm;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;

/**
 * The AMM bot's decision on one snapshot, as a pure function: the most valuable two-pool round trip over its routes,
 * sized by the closed form and capped by its inventory of the home token and its USD budget, kept only if it passes
 * the profit filter (at least the minimum profit and at least {@code gasMultiple} × the estimated gas of both legs).
 * Routes shared with other bots of the swarm are considered only on this bot's turn ({@link RouteShare}).
 */
public final class ArbitragePlanner {
  private static final BigInteger TWO = BigInteger.valueOf(2);

  private ArbitragePlanner() {}

  /** A plan, or the reason there is none; {@code notable} reasons are worth an event (the rest is the usual calm). */
  public sealed interface Decision {}

  public record Trade(ArbPlan plan) implements Decision {}

  public record Skip(String reason, boolean notable) implements Decision {}

  /**
   * @param inventory the bot's book by token symbol, with the native coin under {@link ChainPort#NATIVE}
   * @param budgetUsd the capital the bot may put into one round trip
   * @param gasPerSwap the bot's current estimate of the gas one swap uses
   */
  public static Decision decide(AmmBotConfig config, ChainSnapshot snapshot, Map<String, BigInteger> inventory,
      BigDecimal budgetUsd, long gasPerSwap) {
    if (budgetUsd.signum() <= 0) return new Skip("no capital allocated", false);
    UsdPrices prices = new UsdPrices(config, snapshot);
    Map<PoolKey, PoolState> pools = snapshot.byKey();
    ArbRules rules = config.rules();

    BigInteger gasPrice = snapshot.gasPriceWei();
    BigInteger maxFee = gasPrice.multiply(TWO);
    BigInteger gasReserve = BigInteger.valueOf(rules.gasLimitPerSwap()).multiply(maxFee).multiply(TWO);
    if (inventory.getOrDefault(ChainPort.NATIVE, BigInteger.ZERO).compareTo(gasReserve) < 0) {
      return new Skip("insufficient " + config.nativeSymbol() + " for gas: need " + gasReserve + " wei for two swaps, have "
          + inventory.getOrDefault(ChainPort.NATIVE, BigInteger.ZERO), true);
    }
    BigInteger gasCostWei = BigInteger.valueOf(gasPerSwap).multiply(gasPrice).multiply(TWO);
    Optional<BigDecimal> gasUsd = prices.value(ChainPort.NATIVE, gasCostWei);
    if (gasUsd.isEmpty()) return new Skip("cannot value gas: no price for " + config.wrappedNative(), true);

    ArbPlan best = null;
    BigDecimal bestNet = null;
    boolean anyTurn = false;
    for (ArbRoute route : config.routes()) {
      if (!route.share().onTurn(snapshot.blockNumber())) continue;
      anyTurn = true;
      Optional<BigInteger> budgetUnits = prices.unitsFor(route.home(), budgetUsd);
      if (budgetUnits.isEmpty()) return new Skip("cannot value " + route.home() + " in USD", true);
      BigInteger cap = inventory.getOrDefault(route.home(), BigInteger.ZERO).min(budgetUnits.get());
      for (String[] leg : route.legs()) {
        PoolState buy = pools.get(new PoolKey(leg[0], route.home(), route.other()));
        PoolState sell = pools.get(new PoolKey(leg[1], route.home(), route.other()));
        if (buy == null || sell == null || !liquid(buy) || !liquid(sell)) continue;
        TwoPoolArbitrage.RoundTrip trip = TwoPoolArbitrage.best(buy.reserveOf(route.home()),
            buy.reserveOf(route.other()), sell.reserveOf(route.other()), sell.reserveOf(route.home()), cap,
            buy.feeBps(), sell.feeBps());
        if (trip == null) continue;
        BigDecimal profitUsd = prices.value(route.home(), trip.profit()).orElseThrow();
        if (profitUsd.compareTo(rules.minProfitUsd()) < 0) continue;
        if (profitUsd.compareTo(gasUsd.get().multiply(rules.gasMultiple())) < 0) continue;
        BigDecimal net = profitUsd.subtract(gasUsd.get());
        if (bestNet == null || net.compareTo(bestNet) > 0) {
          bestNet = net;
          best = new ArbPlan(snapshot.blockNumber(), route, leg[0], leg[1], trip.amountIn(), trip.amountMid(),
              trip.amountOut(), profitUsd, gasCostWei, gasUsd.get(), gasPrice, maxFee,
              snapshot.blockTimestampSec() + rules.deadlineSec());
        }
      }
    }
    if (!anyTurn) return new Skip("another bot's turn on every route", false);
    return best == null ? new Skip("no gap worth its gas", false) : new Trade(best);
  }

  private static boolean liquid(PoolState pool) {
    return pool.reserveA().signum() > 0 && pool.reserveB().signum() > 0;
  }
}

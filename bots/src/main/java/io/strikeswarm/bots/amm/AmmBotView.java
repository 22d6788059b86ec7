package io.strikeswarm.bots.amm;

import io.strikeswarm.bots.domain.BotStatus;
import io.strikeswarm.persistence.CborSerializable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An AMM bot as an operator reads it: its book and profit per token in exact units, the same valued in USD through
 * the pools of the last block it saw ({@code null} before it saw one), the swap in flight, stats, and the last chain
 * error while the chain is unreachable.
 */
public record AmmBotView(
    String botId,
    BotStatus status,
    AmmBotConfig config,
    BigDecimal budgetUsd,
    long lastTransferSeq,
    long nextNonce,
    Map<String, BigInteger> baseline,
    Map<String, BigInteger> book,
    Map<String, BigInteger> pnlUnits,
    BigDecimal equityUsd,
    BigDecimal pnlUsd,
    long valuedAtBlock,
    InFlightSwap inFlight,
    Stranded stranded,
    AmmStats stats,
    long gasEstimate,
    String lastSkip,
    String chainError,
    String haltReason,
    long eventCount) implements CborSerializable {

  public static AmmBotView of(AmmBotState s, ChainSnapshot lastSeen, String chainError, long eventCount) {
    BigDecimal equity = null;
    BigDecimal pnl = null;
    long block = -1;
    if (s.isConfigured() && lastSeen != null && s.isSynced()) {
      UsdPrices prices = new UsdPrices(s.config(), lastSeen);
      equity = total(prices, s.book());
      pnl = total(prices, s.pnlUnits());
      block = lastSeen.blockNumber();
    }
    return new AmmBotView(s.botId(), s.status(), s.config(), s.budgetUsd(), s.lastTransferSeq(), s.nextNonce(),
        s.baseline(), s.book(), new TreeMap<>(s.pnlUnits()), equity, pnl, block, s.inFlight(), s.stranded(), s.stats(),
        s.gasEstimate(), s.lastSkip(), chainError, s.haltReason(), eventCount);
  }

  /** Σ amount × USD price, to the cent; null if some token has no price in the snapshot. */
  private static BigDecimal total(UsdPrices prices, Map<String, BigInteger> amounts) {
    BigDecimal sum = BigDecimal.ZERO;
    for (Map.Entry<String, BigInteger> e : amounts.entrySet()) {
      Optional<BigDecimal> v = prices.value(e.getKey(), e.getValue());
      if (v.isEmpty()) return null;
      sum = sum.add(v.get());
    }
    return sum.setScale(2, RoundingMode.HALF_EVEN);
  }
}

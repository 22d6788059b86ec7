package io.strikeswarm.master.capital;

import io.strikeswarm.bots.domain.Money;
import io.strikeswarm.persistence.CborSerializable;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A diamond's books: what the master funded it with, the pool it has not handed to bots, each bot's net
 * allocation, and the P&amp;L realized when bots were retired. Invariant:
 * {@code pool + Σ allocations == funding + realizedPnl}. Immutable.
 */
public record DiamondLedger(BigDecimal funding, BigDecimal pool, Map<String, BigDecimal> allocations,
    BigDecimal realizedPnl) implements CborSerializable {

  public DiamondLedger {
    allocations = Collections.unmodifiableMap(new TreeMap<>(allocations));
  }

  public static DiamondLedger empty() {
    return new DiamondLedger(Money.ZERO, Money.ZERO, Map.of(), Money.ZERO);
  }

  /** The master set this diamond's cumulative funding; the difference lands in (or leaves) the pool. */
  public DiamondLedger funded(BigDecimal newFunding) {
    BigDecimal delta = newFunding.subtract(funding);
    return new DiamondLedger(Money.normalize(newFunding), Money.normalize(pool.add(delta)), allocations, realizedPnl);
  }

  public DiamondLedger allocated(String botId, BigDecimal amount) {
    if (amount.compareTo(pool) > 0) throw new IllegalArgumentException("pool " + pool + " < allocation " + amount);
    Map<String, BigDecimal> next = new TreeMap<>(allocations);
    next.merge(botId, amount, BigDecimal::add);
    next.computeIfPresent(botId, (k, v) -> Money.normalize(v));
    return new DiamondLedger(funding, Money.normalize(pool.subtract(amount)), next, realizedPnl);
  }

  public DiamondLedger released(String botId, BigDecimal amount) {
    Map<String, BigDecimal> next = new TreeMap<>(allocations);
    next.put(botId, Money.normalize(allocationOf(botId).subtract(amount)));
    return new DiamondLedger(funding, Money.normalize(pool.add(amount)), next, realizedPnl);
  }

  /** A retired bot handed back {@code returned}; what differs from its allocation is realized P&amp;L. */
  public DiamondLedger retired(String botId, BigDecimal returned) {
    Map<String, BigDecimal> next = new TreeMap<>(allocations);
    BigDecimal allocation = next.getOrDefault(botId, Money.ZERO);
    next.remove(botId);
    return new DiamondLedger(funding, Money.normalize(pool.add(returned)), next,
        Money.normalize(realizedPnl.add(returned.subtract(allocation))));
  }

  public BigDecimal allocationOf(String botId) {
    return allocations.getOrDefault(botId, Money.ZERO);
  }

  public BigDecimal allocatedToBots() {
    return Money.normalize(allocations.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
  }

  public boolean balances() {
    return pool.add(allocatedToBots()).compareTo(funding.add(realizedPnl)) == 0 && pool.signum() >= 0;
  }
}

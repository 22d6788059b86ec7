package io.strikeswarm.master.capital;

import io.strikeswarm.bots.domain.Money;
import io.strikeswarm.persistence.CborSerializable;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A re-allocation the master has started and not settled: the books it started from, the books it aims for, what
 * it asked each shrinking diamond to give back and what those have returned so far. Persisted with the master's
 * state, so a restarted master asks again exactly the diamonds that have not answered. {@code id} is the funding
 * version the master settles under, so it grows with every re-allocation and a diamond can tell a resend from a new
 * request.
 */
public record Reallocation(long id, MasterLedger before, MasterLedger target, Map<DiamondKind, BigDecimal> asked,
    Map<DiamondKind, BigDecimal> returned) implements CborSerializable {

  public Reallocation {
    asked = copy(asked);
    returned = copy(returned);
  }

  public static Reallocation start(long id, MasterLedger before, MasterLedger target) {
    return new Reallocation(id, before, target, AllocationPlan.giveBacks(before, target), Map.of());
  }

  public Reallocation withReturn(DiamondKind kind, BigDecimal amount) {
    Map<DiamondKind, BigDecimal> next = new EnumMap<>(DiamondKind.class);
    next.putAll(returned);
    next.put(kind, Money.normalize(amount));
    return new Reallocation(id, before, target, asked, next);
  }

  /** The diamonds asked to give capital back that have not said how much they returned. */
  public Set<DiamondKind> outstanding() {
    Set<DiamondKind> open = new TreeSet<>(asked.keySet());
    open.removeAll(returned.keySet());
    return open;
  }

  private static Map<DiamondKind, BigDecimal> copy(Map<DiamondKind, BigDecimal> amounts) {
    EnumMap<DiamondKind, BigDecimal> copy = new EnumMap<>(DiamondKind.class);
    copy.putAll(amounts);
    return Collections.unmodifiableMap(copy);
  }
}

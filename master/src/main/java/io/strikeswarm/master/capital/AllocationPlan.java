package io.strikeswarm.master.capital;

import io.strikeswarm.bots.domain.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An operator's change of the diamond weights and/or the reserve ratio, planned on the master's books. Pure.
 *
 * <ol>
 *   <li>{@link #reallocated}: the plan with the new weights and reserve, or a {@link ConfigError} naming the field.
 *   <li>{@link #target}: the books that plan asks for, computed exactly as on the first start.
 *   <li>{@link #giveBacks}: what each shrinking diamond must hand back. Capital only moves once a diamond has
 *       actually returned it ({@link MasterLedger#returned}), which may be less than asked when its bots hold
 *       open positions.
 *   <li>{@link #settle}: with whatever came back, the reserve first (it is the safety margin the operator asked
 *       for), then the growing diamonds, scaled down alike if the capital is short.
 * </ol>
 *
 * Every step keeps {@code reserve + unallocated + Σ funding == total}.
 */
public final class AllocationPlan {
  private AllocationPlan() {}

  /**
   * The current plan with the operator's weights (diamonds not named keep theirs; {@code null} or empty keeps all)
   * and reserve ratio ({@code null} keeps it).
   *
   * @throws ConfigError naming the field: {@code weights.<diamond>}, {@code weights} (the sum), {@code reserve},
   *     or {@code allocation} when nothing is given
   */
  public static SwarmConfig reallocated(SwarmConfig current, Map<DiamondKind, BigDecimal> weights,
      BigDecimal reserve) {
    boolean newWeights = weights != null && !weights.isEmpty();
    if (!newWeights && reserve == null) {
      throw new ConfigError("allocation", "give new weights, a new reserve ratio, or both");
    }
    Map<DiamondKind, BigDecimal> merged = new EnumMap<>(current.weights());
    if (newWeights) {
      if (weights.keySet().stream().anyMatch(k -> k == null)) {
        throw new ConfigError("weights", "names no diamond (known: " + known() + ")");
      }
      for (DiamondKind kind : DiamondKind.values()) {
        if (!weights.containsKey(kind)) continue;
        BigDecimal w = weights.get(kind);
        if (w == null || w.signum() < 0 || w.compareTo(BigDecimal.ONE) > 0) {
          throw new ConfigError("weights." + kind.id(), "must be in [0, 1], got " + plain(w));
        }
        merged.put(kind, w);
      }
      BigDecimal sum = merged.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
      if (sum.compareTo(BigDecimal.ONE) != 0) {
        throw new ConfigError("weights", "must sum to 1, got " + sum.toPlainString() + " ("
            + merged.entrySet().stream().map(e -> e.getKey().id() + " " + e.getValue().toPlainString())
                .collect(Collectors.joining(", ")) + ")");
      }
    }
    if (reserve != null && (reserve.signum() < 0 || reserve.compareTo(BigDecimal.ONE) >= 0)) {
      throw new ConfigError("reserve", "must be in [0, 1), got " + plain(reserve));
    }
    return current.withAllocation(merged, reserve != null ? reserve : current.reserveRatio());
  }

  /** The books the plan asks for: the same rule as the first start, so a re-allocation and a fresh start agree. */
  public static MasterLedger target(SwarmConfig plan) {
    return MasterLedger.initial(plan);
  }

  /** What each diamond funded above its target must give back; diamonds at or below target are not asked. */
  public static Map<DiamondKind, BigDecimal> giveBacks(MasterLedger current, MasterLedger target) {
    Map<DiamondKind, BigDecimal> asks = new EnumMap<>(DiamondKind.class);
    for (DiamondKind kind : DiamondKind.values()) {
      BigDecimal excess = current.funding().get(kind).subtract(target.funding().get(kind));
      if (excess.signum() > 0) asks.put(kind, Money.normalize(excess));
    }
    return asks;
  }

  /**
   * The books once the give-backs are in ({@code current} already holds what came back): the reserve takes its
   * target from what the master holds, then each diamond below target grows toward it. If the master holds less
   * than those increases, each gets the same fraction of its increase, rounded down to cents; whatever is left
   * stays unallocated. A diamond that could not give everything back keeps the rest.
   */
  public static MasterLedger settle(MasterLedger current, MasterLedger target) {
    BigDecimal held = current.reserve().add(current.unallocated());
    BigDecimal reserve = target.reserve().min(held);
    BigDecimal free = held.subtract(reserve);
    Map<DiamondKind, BigDecimal> wants = new EnumMap<>(DiamondKind.class);
    BigDecimal wanted = BigDecimal.ZERO;
    for (DiamondKind kind : DiamondKind.values()) {
      BigDecimal want = target.funding().get(kind).subtract(current.funding().get(kind)).max(BigDecimal.ZERO);
      wants.put(kind, want);
      wanted = wanted.add(want);
    }
    boolean enough = wanted.compareTo(free) <= 0;
    Map<DiamondKind, BigDecimal> funding = new EnumMap<>(DiamondKind.class);
    BigDecimal granted = BigDecimal.ZERO;
    for (DiamondKind kind : DiamondKind.values()) {
      BigDecimal want = wants.get(kind);
      BigDecimal grant = enough || want.signum() == 0 ? want
          : want.multiply(free).divide(wanted, 2, RoundingMode.DOWN);
      funding.put(kind, Money.normalize(current.funding().get(kind).add(grant)));
      granted = granted.add(grant);
    }
    return new MasterLedger(current.total(), Money.normalize(reserve), Money.normalize(free.subtract(granted)),
        funding);
  }

  /** The outcome of a re-allocation that settled on {@code settled}. */
  public static AllocationResult result(Reallocation reallocation, MasterLedger settled) {
    MasterLedger before = reallocation.before();
    MasterLedger target = reallocation.target();
    Map<DiamondKind, AllocationResult.DiamondFunding> diamonds = new EnumMap<>(DiamondKind.class);
    List<String> shortfalls = new ArrayList<>();
    if (settled.reserve().compareTo(target.reserve()) != 0) {
      shortfalls.add("reserve: " + money(settled.reserve()) + ", target " + money(target.reserve())
          + " (the capital the diamonds could not give back is missing)");
    }
    for (DiamondKind kind : DiamondKind.values()) {
      BigDecimal asked = reallocation.asked().getOrDefault(kind, Money.ZERO);
      BigDecimal returned = reallocation.returned().getOrDefault(kind, Money.ZERO);
      BigDecimal actual = settled.funding().get(kind);
      BigDecimal goal = target.funding().get(kind);
      diamonds.put(kind, new AllocationResult.DiamondFunding(before.funding().get(kind), goal, actual, asked,
          returned));
      if (actual.compareTo(goal) == 0) continue;
      if (asked.signum() > 0) {
        shortfalls.add(kind.id() + ": gave back " + money(returned) + " of " + money(asked)
            + " (its bots could not release the rest); funded " + money(actual) + ", target " + money(goal));
      } else {
        shortfalls.add(kind.id() + ": funded " + money(actual) + ", target " + money(goal)
            + " (the capital the other diamonds could not give back is missing)");
      }
    }
    return new AllocationResult(settled, target.reserve(), diamonds, shortfalls.isEmpty(), shortfalls);
  }

  /** Cents when the amount is whole cents, every digit otherwise (P&amp;L can leave fractions of a cent). */
  private static String money(BigDecimal amount) {
    BigDecimal stripped = amount.stripTrailingZeros();
    return (stripped.scale() <= 2 ? amount.setScale(2, RoundingMode.UNNECESSARY) : stripped).toPlainString();
  }

  private static String plain(BigDecimal v) {
    return v == null ? "nothing" : v.toPlainString();
  }

  private static String known() {
    return java.util.Arrays.stream(DiamondKind.values()).map(DiamondKind::id).collect(Collectors.joining(", "));
  }
}

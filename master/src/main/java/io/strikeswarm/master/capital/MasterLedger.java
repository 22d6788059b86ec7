package io.strikeswarm.master.capital;

import io.strikeswarm.bots.domain.Money;
import io.strikeswarm.persistence.CborSerializable;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The master's books: total capital, the reserve it never deploys, what it has not allocated, and what each
 * diamond has been funded with. Invariant: {@code reserve + unallocated + Σ funding == total}.
 */
public record MasterLedger(BigDecimal total, BigDecimal reserve, BigDecimal unallocated,
    Map<DiamondKind, BigDecimal> funding) implements CborSerializable {

  public MasterLedger {
    EnumMap<DiamondKind, BigDecimal> copy = new EnumMap<>(DiamondKind.class);
    for (DiamondKind k : DiamondKind.values()) copy.put(k, funding.getOrDefault(k, Money.ZERO));
    funding = Collections.unmodifiableMap(copy);
  }

  /**
   * Reserve first, then each diamond its weight of the deployable rest, rounded down to cents. A diamond with no
   * bots is not funded; its share and every rounding remainder stay unallocated.
   */
  public static MasterLedger initial(SwarmConfig config) {
    BigDecimal total = Money.normalize(config.totalCapital());
    BigDecimal reserve = Money.cents(total.multiply(config.reserveRatio()));
    BigDecimal deployable = total.subtract(reserve);
    Map<DiamondKind, BigDecimal> funding = new EnumMap<>(DiamondKind.class);
    BigDecimal funded = Money.ZERO;
    for (DiamondKind k : DiamondKind.values()) {
      BigDecimal amount = config.diamond(k).bots() > 0
          ? Money.cents(deployable.multiply(config.diamond(k).weight())) : Money.ZERO;
      funding.put(k, amount);
      funded = funded.add(amount);
    }
    return new MasterLedger(total, reserve, Money.normalize(deployable.subtract(funded)), funding);
  }

  /** A diamond handed {@code amount} of its funding back: it waits in unallocated until it is deployed again. */
  public MasterLedger returned(DiamondKind kind, BigDecimal amount) {
    Map<DiamondKind, BigDecimal> next = new EnumMap<>(funding);
    next.put(kind, Money.normalize(funding.get(kind).subtract(amount)));
    return new MasterLedger(total, reserve, Money.normalize(unallocated.add(amount)), next);
  }

  public BigDecimal deployed() {
    return Money.normalize(funding.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
  }

  public boolean balances() {
    return reserve.add(unallocated).add(deployed()).compareTo(total) == 0
        && reserve.signum() >= 0 && unallocated.signum() >= 0
        && funding.values().stream().allMatch(v -> v.signum() >= 0);
  }
}

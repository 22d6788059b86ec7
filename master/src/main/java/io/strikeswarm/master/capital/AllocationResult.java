package io.strikeswarm.master.capital;

import io.strikeswarm.persistence.CborSerializable;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How an operator's re-allocation ended: the master's books afterwards, the reserve and each diamond's funding as
 * planned against what it actually is, and one line per shortfall. {@code complete} is true when every figure met
 * its target; otherwise capital that bots could not release (open positions) stayed where it was, and the
 * shortfalls say where.
 */
public record AllocationResult(MasterLedger ledger, BigDecimal reserveTarget, Map<DiamondKind, DiamondFunding> diamonds,
    boolean complete, List<String> shortfalls) implements CborSerializable {

  public AllocationResult {
    diamonds = Collections.unmodifiableMap(new EnumMap<>(diamonds));
    shortfalls = List.copyOf(shortfalls);
  }

  /**
   * One diamond's funding before and after, and its target. {@code asked} is what the master asked it to give back
   * (zero unless its funding went down) and {@code returned} what it did give back.
   */
  public record DiamondFunding(BigDecimal before, BigDecimal target, BigDecimal actual, BigDecimal asked,
      BigDecimal returned) implements CborSerializable {}
}

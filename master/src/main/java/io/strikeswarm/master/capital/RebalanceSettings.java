package io.strikeswarm.master.capital;

import io.strikeswarm.persistence.CborSerializable;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * How a diamond moves capital from its worst to its best performers: at most {@code maxPairs} transfers, each at
 * most {@code step} of the donor's capital, keeping every bot between {@code minFactor} and {@code maxFactor}
 * times the diamond's average bot capital. {@code interval} zero means on command only.
 */
public record RebalanceSettings(BigDecimal step, int maxPairs, BigDecimal minFactor, BigDecimal maxFactor,
    Duration interval) implements CborSerializable {

  public static final RebalanceSettings DEFAULT = new RebalanceSettings(new BigDecimal("0.10"), 5,
      new BigDecimal("0.50"), new BigDecimal("2.00"), Duration.ofHours(1));
}

package io.strikeswarm.bots.amm;

import io.strikeswarm.persistence.CborSerializable;
import java.math.BigDecimal;

/**
 * When an AMM bot acts: a round trip must earn at least {@code minProfitUsd} and at least {@code gasMultiple} times
 * its estimated gas cost (both valued in USD through the pools). {@code gasPerSwap} is the first gas estimate of one
 * swap (the bot then learns from its receipts); {@code gasLimitPerSwap} caps what a swap may burn;
 * {@code deadlineSec} is how long after the observed block a swap stays valid; {@code cooldownBlocks} is how long the
 * bot waits after a refused or reverted swap before it tries again.
 */
public record ArbRules(BigDecimal minProfitUsd, BigDecimal gasMultiple, long gasPerSwap, long gasLimitPerSwap,
    long deadlineSec, long cooldownBlocks) implements CborSerializable {

  public static final ArbRules DEFAULT =
      new ArbRules(new BigDecimal("1.00"), new BigDecimal("5"), 110_000, 250_000, 120, 2);

  public void validate() {
    if (minProfitUsd.signum() < 0) throw new IllegalArgumentException("minProfitUsd must be >= 0, got " + minProfitUsd);
    if (gasMultiple.signum() < 0) throw new IllegalArgumentException("gasMultiple must be >= 0, got " + gasMultiple);
    if (gasPerSwap <= 0 || gasLimitPerSwap < gasPerSwap) {
      throw new IllegalArgumentException("need 0 < gasPerSwap <= gasLimitPerSwap, got " + gasPerSwap + " and "
          + gasLimitPerSwap);
    }
    if (deadlineSec <= 0) throw new IllegalArgumentException("deadlineSec must be positive, got " + deadlineSec);
    if (cooldownBlocks < 0) throw new IllegalArgumentException("cooldownBlocks must be >= 0, got " + cooldownBlocks);
  }
}

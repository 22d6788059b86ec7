package io.strikeswarm.bots.amm;

import io.strikeswarm.persistence.CborSerializable;
import java.math.BigInteger;

/**
 * Counts of an AMM bot's work: round trips started and completed, swaps reverted or refused by the node, the gas it
 * burned (wei), and how many completed round trips paid exactly their predicted profit.
 */
public record AmmStats(long started, long completed, long exactAsPredicted, long reverted, long refused,
    BigInteger gasSpentWei) implements CborSerializable {

  public static final AmmStats EMPTY = new AmmStats(0, 0, 0, 0, 0, BigInteger.ZERO);

  AmmStats start() {
    return new AmmStats(started + 1, completed, exactAsPredicted, reverted, refused, gasSpentWei);
  }

  AmmStats complete(boolean exact) {
    return new AmmStats(started, completed + 1, exactAsPredicted + (exact ? 1 : 0), reverted, refused, gasSpentWei);
  }

  AmmStats revert() {
    return new AmmStats(started, completed, exactAsPredicted, reverted + 1, refused, gasSpentWei);
  }

  AmmStats refuse() {
    return new AmmStats(started, completed, exactAsPredicted, reverted, refused + 1, gasSpentWei);
  }

  AmmStats gas(BigInteger wei) {
    return new AmmStats(started, completed, exactAsPredicted, reverted, refused, gasSpentWei.add(wei));
  }
}

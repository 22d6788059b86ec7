package io.strikeswarm.bots.amm;

import io.strikeswarm.persistence.CborSerializable;
import java.math.BigInteger;

/**
 * Counts of an AMM bot's work: round trips started and completed, swaps reverted or refused by the node, the gas it
 * burned (wei), how many completed round trips paid exactly their predicted profit, and the node's refusals since it
 * last took one of the bot's transactions ({@code refusedInARow}: what the refusal back-off grows with).
 */
public record AmmStats(long started, long completed, long exactAsPredicted, long reverted, long refused,
    BigInteger gasSpentWei, long refusedInARow) implements CborSerializable {

  public static final AmmStats EMPTY = new AmmStats(0, 0, 0, 0, 0, BigInteger.ZERO, 0);

  AmmStats start() {
    return new AmmStats(started + 1, completed, exactAsPredicted, reverted, refused, gasSpentWei, refusedInARow);
  }

  AmmStats complete(boolean exact) {
    return new AmmStats(started, completed + 1, exactAsPredicted + (exact ? 1 : 0), reverted, refused, gasSpentWei,
        refusedInARow);
  }

  AmmStats revert() {
    return new AmmStats(started, completed, exactAsPredicted, reverted + 1, refused, gasSpentWei, refusedInARow);
  }

  AmmStats refuse() {
    return new AmmStats(started, completed, exactAsPredicted, reverted, refused + 1, gasSpentWei, refusedInARow + 1);
  }

  /** Gas paid: the node took a transaction (mined or reverted), so the refusals in a row end. */
  AmmStats gas(BigInteger wei) {
    return new AmmStats(started, completed, exactAsPredicted, reverted, refused, gasSpentWei.add(wei), 0);
  }
}

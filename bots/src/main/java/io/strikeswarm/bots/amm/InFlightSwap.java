package io.strikeswarm.bots.amm;

import io.strikeswarm.persistence.CborSerializable;

/**
 * The one swap an AMM bot has signed and not yet seen settled. {@code leg} is {@link Leg#BUY} or {@link Leg#SELL}
 * of a round trip, or {@link Leg#UNWIND} (selling back what a round trip left behind).
 */
public record InFlightSwap(long arbId, Leg leg, ArbPlan plan, SwapLeg swap, SignedTx tx) implements CborSerializable {

  public enum Leg {
    BUY,
    SELL,
    UNWIND
  }
}

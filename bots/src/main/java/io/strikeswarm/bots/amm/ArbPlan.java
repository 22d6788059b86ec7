package io.strikeswarm.bots.amm;

import io.strikeswarm.persistence.CborSerializable;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A round trip the bot decided on at {@code block}: {@code amountIn} of the route's home token buys
 * {@code expectedMid} of the other on {@code buyDex}, which sells for {@code expectedOut} on {@code sellDex} — exact
 * integer quotes on the observed reserves, so if nobody trades those pools first the chain pays exactly this.
 * {@code gasPriceWei} and {@code maxFeePerGasWei} are what the swaps are signed with.
 */
public record ArbPlan(long block, ArbRoute route, String buyDex, String sellDex, BigInteger amountIn,
    BigInteger expectedMid, BigInteger expectedOut, BigDecimal profitUsd, BigInteger gasCostWei, BigDecimal gasCostUsd,
    BigInteger gasPriceWei, BigInteger maxFeePerGasWei, long deadlineSec) implements CborSerializable {

  public BigInteger expectedProfit() {
    return expectedOut.subtract(amountIn);
  }

  /** Leg one: home → other on the cheap DEX, guarded to the exact quote. */
  public SwapLeg buyLeg() {
    return new SwapLeg(buyDex, route.home(), route.other(), amountIn, expectedMid, deadlineSec);
  }

  /** Leg two: all that leg one bought, back to home on the dear DEX, for at least {@code atLeast}. */
  public SwapLeg sellLeg(BigInteger bought, BigInteger atLeast) {
    return new SwapLeg(sellDex, route.other(), route.home(), bought, atLeast, deadlineSec);
  }
}

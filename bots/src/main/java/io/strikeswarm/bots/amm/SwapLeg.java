package io.strikeswarm.bots.amm;

import io.strikeswarm.persistence.CborSerializable;
import java.math.BigInteger;

/**
 * One {@code swapExactTokensForTokens} on one DEX's router: exactly {@code amountIn} of {@code tokenIn} for at least
 * {@code amountOutMin} of {@code tokenOut} (the slippage guard), to the sender, valid until {@code deadlineSec}
 * (chain time). Amounts in the tokens' smallest units.
 */
public record SwapLeg(String dex, String tokenIn, String tokenOut, BigInteger amountIn, BigInteger amountOutMin,
    long deadlineSec) implements CborSerializable {

  public PoolKey pool() {
    return new PoolKey(dex, tokenIn, tokenOut);
  }
}

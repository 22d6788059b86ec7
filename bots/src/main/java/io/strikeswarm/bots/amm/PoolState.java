package io.strikeswarm.bots.amm;

import io.strikeswarm.persistence.CborSerializable;
import java.math.BigInteger;

/**
 * A pool's reserves as {@code getReserves()} returned them at one block, in the tokens' smallest units, and the fee
 * its DEX takes on every input (basis points: Uniswap V2 30, PancakeSwap V2 25). {@code reserveA} belongs to
 * {@code key.tokenA()}, whatever the pair contract's own token0/token1 order is.
 */
public record PoolState(PoolKey key, String pairAddress, BigInteger reserveA, BigInteger reserveB, int feeBps)
    implements CborSerializable {

  public PoolState {
    if (feeBps < 0 || feeBps >= 10_000) throw new IllegalArgumentException("feeBps must be in [0, 10000), got " + feeBps);
  }

  /** A pool taking Uniswap V2's own 0.3 %. */
  public PoolState(PoolKey key, String pairAddress, BigInteger reserveA, BigInteger reserveB) {
    this(key, pairAddress, reserveA, reserveB, UniswapV2Math.UNISWAP_FEE_BPS);
  }

  /** What {@code amountIn} of {@code tokenIn} buys here: the pool's own integer arithmetic. */
  public BigInteger quote(String tokenIn, BigInteger amountIn) {
    String tokenOut = tokenIn.equals(key.tokenA()) ? key.tokenB() : key.tokenA();
    return UniswapV2Math.amountOut(amountIn, reserveOf(tokenIn), reserveOf(tokenOut), feeBps);
  }

  public BigInteger reserveOf(String token) {
    if (token.equals(key.tokenA())) return reserveA;
    if (token.equals(key.tokenB())) return reserveB;
    throw new IllegalArgumentException(key + " does not hold " + token);
  }
}

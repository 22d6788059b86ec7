package io.strikeswarm.bots.amm;

import io.strikeswarm.persistence.CborSerializable;
import java.math.BigInteger;

/**
 * A pool's reserves as {@code getReserves()} returned them at one block, in the tokens' smallest units.
 * {@code reserveA} belongs to {@code key.tokenA()}, whatever the pair contract's own token0/token1 order is.
 */
public record PoolState(PoolKey key, String pairAddress, BigInteger reserveA, BigInteger reserveB)
    implements CborSerializable {

  public BigInteger reserveOf(String token) {
    if (token.equals(key.tokenA())) return reserveA;
    if (token.equals(key.tokenB())) return reserveB;
    throw new IllegalArgumentException(key + " does not hold " + token);
  }
}

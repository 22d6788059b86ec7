package io.strikeswarm.bots.amm;

import io.strikeswarm.persistence.CborSerializable;
import java.util.Objects;

/**
 * One Uniswap-V2-style pool, named by the DEX deployment it belongs to and its two tokens' symbols (as configured
 * for the chain). The order of the tokens does not matter: {@code (uniswap, WETH, USDC)} and
 * {@code (uniswap, USDC, WETH)} are the same pool.
 */
public record PoolKey(String dex, String tokenA, String tokenB) implements CborSerializable {

  public PoolKey {
    Objects.requireNonNull(dex, "dex");
    Objects.requireNonNull(tokenA, "tokenA");
    Objects.requireNonNull(tokenB, "tokenB");
    if (tokenA.equals(tokenB)) throw new IllegalArgumentException("a pool needs two tokens, got " + tokenA + " twice");
    if (tokenA.compareTo(tokenB) > 0) {
      String t = tokenA;
      tokenA = tokenB;
      tokenB = t;
    }
  }

  public boolean holds(String token) {
    return tokenA.equals(token) || tokenB.equals(token);
  }

  @Override
  public String toString() {
    return dex + ":" + tokenA + "/" + tokenB;
  }
}

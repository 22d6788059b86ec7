package io.strikeswarm.dex;

import io.strikeswarm.bots.amm.PoolKey;
import java.util.List;

/**
 * One Uniswap-V2-compatible deployment on a chain: its factory (resolves pairs with {@code getPair}), its router
 * ({@code swapExactTokensForTokens}), its swap fee in basis points (30 for Uniswap V2 and most forks, 25 for
 * PancakeSwap V2) and, optionally, the pools bots are meant to watch on it.
 */
public record DexSpec(String name, String factory, String router, int feeBps, List<PoolKey> pools) {

  public DexSpec {
    pools = List.copyOf(pools);
  }
}

package io.strikeswarm.dex.local;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the local deployer builds: tokens with realistic symbols, decimals and USD prices, the pairs to list on both
 * DEXes, how deep each DEX's pools are (USD value of both sides together) and the deliberate mispricing between the
 * two DEXes: on sushiswap, pair {@code i}'s first token is priced {@code mispricingBps} higher than on uniswap for
 * even {@code i} and lower for odd {@code i}. With 30 bps fees on each side a gap above ~60 bps is an arbitrage.
 */
public record Market(List<Asset> assets, List<Pair> pairs, BigDecimal uniswapDepthUsd, BigDecimal sushiswapDepthUsd,
    int mispricingBps) {

  /** A token to deploy; {@code WETH} is deployed as WETH9, every other symbol as a test ERC20. */
  public record Asset(String symbol, int decimals, BigDecimal priceUsd) {

    /** {@code usd} worth of this token in its smallest units (rounded down). */
    public BigInteger units(BigDecimal usd) {
      return usd.divide(priceUsd, 40, RoundingMode.DOWN).movePointRight(decimals).setScale(0, RoundingMode.DOWN)
          .toBigIntegerExact();
    }

    /** {@code amount} whole tokens in smallest units. */
    public BigInteger whole(BigDecimal amount) {
      return amount.movePointRight(decimals).setScale(0, RoundingMode.DOWN).toBigIntegerExact();
    }
  }

  public record Pair(String tokenA, String tokenB) {}

  public static final String WETH = "WETH";

  public Market {
    assets = List.copyOf(assets);
    pairs = List.copyOf(pairs);
    Map<String, Asset> bySymbol = assets.stream().collect(Collectors.toMap(Asset::symbol, Function.identity()));
    if (!bySymbol.containsKey(WETH)) throw new IllegalArgumentException("a market needs WETH (the routers' WETH9)");
    for (Pair p : pairs) {
      if (!bySymbol.containsKey(p.tokenA()) || !bySymbol.containsKey(p.tokenB()) || p.tokenA().equals(p.tokenB())) {
        throw new IllegalArgumentException("pair " + p + " needs two different tokens of the market");
      }
    }
    if (mispricingBps < 0 || mispricingBps >= 5_000) throw new IllegalArgumentException("mispricing out of range");
  }

  /**
   * WETH ($3000), USDC (6 decimals, $1), DAI ($1), WBTC (8 decimals, $60000), LINK ($15), UNI ($8); eight pairs;
   * $4M-deep pools on uniswap, $2M on sushiswap; sushiswap mispriced by 100 bps.
   */
  public static Market standard() {
    return new Market(List.of(
        new Asset(WETH, 18, new BigDecimal("3000")),
        new Asset("USDC", 6, BigDecimal.ONE),
        new Asset("DAI", 18, BigDecimal.ONE),
        new Asset("WBTC", 8, new BigDecimal("60000")),
        new Asset("LINK", 18, new BigDecimal("15")),
        new Asset("UNI", 18, new BigDecimal("8"))),
        List.of(new Pair(WETH, "USDC"), new Pair(WETH, "DAI"), new Pair("WBTC", WETH), new Pair(WETH, "LINK"),
            new Pair(WETH, "UNI"), new Pair("USDC", "DAI"), new Pair("WBTC", "USDC"), new Pair("LINK", "USDC")),
        new BigDecimal("4000000"), new BigDecimal("2000000"), 100);
  }

  public Market withMispricingBps(int bps) {
    return new Market(assets, pairs, uniswapDepthUsd, sushiswapDepthUsd, bps);
  }

  public Asset asset(String symbol) {
    return assets.stream().filter(a -> a.symbol().equals(symbol)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no asset " + symbol + " in the market"));
  }
}

package io.strikeswarm.dex;

import io.strikeswarm.bots.amm.PoolKey;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One EVM chain as the bots see it: its id (signed into every transaction), the JSON-RPC endpoint, the native coin's
 * symbol, the priority fee (tip) paid on top of the base fee, its tokens by symbol and its V2 DEX deployments by name.
 * Built by {@link ChainsConfig} (validated) or from a local deployment.
 */
public record ChainConfig(String name, long chainId, String rpcUrl, String nativeSymbol, BigInteger priorityFeeWei,
    Map<String, TokenSpec> tokens, Map<String, DexSpec> dexes) {

  public ChainConfig {
    tokens = Map.copyOf(new LinkedHashMap<>(tokens));
    dexes = Map.copyOf(new LinkedHashMap<>(dexes));
  }

  public TokenSpec token(String symbol) {
    TokenSpec token = tokens.get(symbol);
    if (token == null) {
      throw new IllegalArgumentException("chain " + name + " has no token " + symbol + " (configured: "
          + tokens.keySet().stream().sorted().toList() + ")");
    }
    return token;
  }

  public DexSpec dex(String dexName) {
    DexSpec dex = dexes.get(dexName);
    if (dex == null) {
      throw new IllegalArgumentException("chain " + name + " has no DEX " + dexName + " (configured: "
          + dexes.keySet().stream().sorted().toList() + ")");
    }
    return dex;
  }

  public Optional<TokenSpec> tokenAt(String address) {
    return tokens.values().stream().filter(t -> Addresses.same(t.address(), address)).findFirst();
  }

  /** Every pool the configuration lists, over all DEXes. */
  public List<PoolKey> pools() {
    return dexes.values().stream().flatMap(d -> d.pools().stream()).toList();
  }

  public ChainConfig withRpcUrl(String url) {
    return new ChainConfig(name, chainId, url, nativeSymbol, priorityFeeWei, tokens, dexes);
  }

  public ChainConfig withTokensAndDexes(Map<String, TokenSpec> newTokens, Map<String, DexSpec> newDexes) {
    return new ChainConfig(name, chainId, rpcUrl, nativeSymbol, priorityFeeWei, newTokens, newDexes);
  }

  @Override
  public String toString() {
    return "ChainConfig[" + name + " id " + chainId + " at " + rpcUrl + ", " + tokens.size() + " tokens, dexes "
        + dexes.keySet() + "]";
  }
}

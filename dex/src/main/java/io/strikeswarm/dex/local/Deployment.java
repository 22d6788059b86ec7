package io.strikeswarm.dex.local;

import io.strikeswarm.bots.amm.PoolKey;
import io.strikeswarm.dex.ChainConfig;
import io.strikeswarm.dex.ChainsConfig;
import io.strikeswarm.dex.DexSpec;
import io.strikeswarm.dex.TokenSpec;
import io.strikeswarm.dex.Wei;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What {@link LocalDexDeployer} put on a local chain: every token (symbol, address, decimals), both DEXes (factory,
 * router, fee, pools) and every pool's pair contract. Turn it into the {@link ChainConfig} a
 * {@link io.strikeswarm.dex.Web3jChain} needs with {@link #toChainConfig}, or into configuration text with
 * {@link #toHocon}.
 */
public record Deployment(long chainId, String deployer, Map<String, TokenSpec> tokens, Map<String, DexSpec> dexes,
    Map<PoolKey, String> pairs, Market market) {

  public Deployment {
    tokens = Map.copyOf(tokens);
    dexes = Map.copyOf(dexes);
    pairs = Map.copyOf(pairs);
  }

  public TokenSpec token(String symbol) {
    TokenSpec t = tokens.get(symbol);
    if (t == null) throw new IllegalArgumentException("no token " + symbol + " in the deployment");
    return t;
  }

  public DexSpec dex(String name) {
    DexSpec d = dexes.get(name);
    if (d == null) throw new IllegalArgumentException("no DEX " + name + " in the deployment");
    return d;
  }

  public String pair(PoolKey pool) {
    String p = pairs.get(pool);
    if (p == null) throw new IllegalArgumentException("no pool " + pool + " in the deployment");
    return p;
  }

  /** Every pool, sorted (dex, tokenA, tokenB). */
  public List<PoolKey> pools() {
    return pairs.keySet().stream().sorted((a, b) -> a.toString().compareTo(b.toString())).toList();
  }

  public List<String> routers() {
    return dexes.values().stream().map(DexSpec::router).sorted().toList();
  }

  /** The chain {@code profile} (the {@code anvil} entry of chains.conf) with this deployment at {@code rpcUrl}. */
  public ChainConfig toChainConfig(ChainConfig profile, String rpcUrl) {
    if (profile.chainId() != chainId) {
      throw new IllegalArgumentException("chain " + profile.name() + " has id " + profile.chainId()
          + ", the deployment is on chain " + chainId);
    }
    return profile.withRpcUrl(rpcUrl).withTokensAndDexes(tokens, dexes);
  }

  /** The {@code anvil} profile of the shipped configuration with this deployment at {@code rpcUrl}. */
  public ChainConfig toChainConfig(String rpcUrl) {
    return toChainConfig(ChainsConfig.load().chain("anvil"), rpcUrl);
  }

  /** A {@code strikeswarm.dex.chains.NAME} block for this deployment (for the demo to write next to its data). */
  public String toHocon(String chainName, String rpcUrl, ChainConfig profile) {
    StringBuilder b = new StringBuilder();
    b.append("strikeswarm.dex.chains.").append(chainName).append(" {\n");
    b.append("  chain-id = ").append(chainId).append('\n');
    b.append("  rpc-url = \"").append(rpcUrl).append("\"\n");
    b.append("  native = \"").append(profile.nativeSymbol()).append("\"\n");
    b.append("  priority-fee = \"").append(Wei.format(profile.priorityFeeWei())).append("\"\n");
    b.append("  tokens {\n");
    new TreeMap<>(tokens).forEach((s, t) -> b.append("    \"").append(s).append("\" { address = \"")
        .append(t.address()).append("\", decimals = ").append(t.decimals()).append(" }\n"));
    b.append("  }\n  dexes {\n");
    new TreeMap<>(dexes).forEach((n, d) -> b.append("    ").append(n).append(" { factory = \"").append(d.factory())
        .append("\", router = \"").append(d.router()).append("\", fee-bps = ").append(d.feeBps())
        .append(", pairs = [").append(d.pools().stream().map(p -> "\"" + p.tokenA() + "/" + p.tokenB() + "\"")
            .collect(Collectors.joining(", "))).append("] }\n"));
    b.append("  }\n}\n");
    return b.toString();
  }
}

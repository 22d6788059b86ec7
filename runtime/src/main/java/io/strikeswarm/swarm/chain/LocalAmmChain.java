package io.strikeswarm.swarm.chain;

import io.strikeswarm.bots.amm.AmmBotConfig;
import io.strikeswarm.bots.amm.AmmBotSettings;
import io.strikeswarm.bots.amm.ArbRoute;
import io.strikeswarm.bots.amm.ArbRules;
import io.strikeswarm.bots.amm.ChainPort;
import io.strikeswarm.bots.amm.PoolKey;
import io.strikeswarm.bots.amm.PoolState;
import io.strikeswarm.bots.amm.RouteShare;
import io.strikeswarm.dex.ChainConfig;
import io.strikeswarm.dex.UniswapV2;
import io.strikeswarm.dex.Wallet;
import io.strikeswarm.dex.Wallets;
import io.strikeswarm.dex.Web3jChain;
import io.strikeswarm.dex.local.AccountProvisioner;
import io.strikeswarm.dex.local.AnvilAccounts;
import io.strikeswarm.dex.local.AnvilNode;
import io.strikeswarm.dex.local.ContractArtifacts;
import io.strikeswarm.dex.local.Deployment;
import io.strikeswarm.dex.local.LocalChain;
import io.strikeswarm.dex.local.LocalDexDeployer;
import io.strikeswarm.dex.local.Market;
import io.strikeswarm.dex.local.NoiseTrader;
import io.strikeswarm.master.capital.DiamondKind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.web3j.protocol.core.DefaultBlockParameter;

/**
 * A real local chain for the AMM diamond: anvil on a free loopback port, the Uniswap V2 contracts deployed twice
 * ("uniswap" and "sushiswap") with test tokens and liquidity, one funded account per AMM bot (ETH, every token,
 * both routers approved), a noise trader that opens price gaps, and the {@link AmmWiring} that runs the bots on it.
 * Used by {@code swarm demo}, {@code swarm bench-amm} and the integration tests; {@link #close} stops anvil by PID.
 */
public final class LocalAmmChain implements AutoCloseable {
  public static final String USD = "USDC";

  private final AnvilNode node;
  private final LocalChain local;
  private final Deployment deployment;
  private final Web3jChain chain;
  private final NoiseTrader noise;
  private final Map<String, AmmBotConfig> configs;
  private final AtomicBoolean closed = new AtomicBoolean();
  /** Each pair's token0, which never changes: read once. */
  private final Map<String, String> token0s = new ConcurrentHashMap<>();

  private LocalAmmChain(AnvilNode node, LocalChain local, Deployment deployment, Web3jChain chain, NoiseTrader noise,
      Map<String, AmmBotConfig> configs) {
    this.node = node;
    this.local = local;
    this.deployment = deployment;
    this.chain = chain;
    this.noise = noise;
    this.configs = configs;
  }

  /**
   * How the chain is made: the market to deploy (its pools, prices and the deliberate gap between the DEXes) and the
   * file anvil keeps the chain in, so that it survives {@link AnvilNode#restart()} (null: the chain lives only as long
   * as the process).
   */
  public record Options(Market market, Path stateFile) {

    /** The standard market, no state file. */
    public static Options defaults() {
      return new Options(Market.standard(), null);
    }

    public Options withMarket(Market m) {
      return new Options(m, stateFile);
    }

    public Options withState(Path file) {
      return new Options(market, file);
    }
  }

  /**
   * Starts anvil, deploys, funds {@code bots} accounts (ids {@code amm-01}…) and a noise trader (not started).
   */
  public static LocalAmmChain start(int bots, long noiseSeed, NoiseTrader.Settings noiseSettings, ArbRules rules) {
    return start(bots, noiseSeed, noiseSettings, rules, Options.defaults());
  }

  /** The same, with the market and state file of {@code options}. */
  public static LocalAmmChain start(int bots, long noiseSeed, NoiseTrader.Settings noiseSettings, ArbRules rules,
      Options options) {
    AnvilNode.Options anvil = AnvilNode.Options.defaults().withAccounts(10, 10_000);
    AnvilNode node = AnvilNode.start(options.stateFile() == null ? anvil : anvil.withState(options.stateFile()));
    try {
      LocalChain local = LocalChain.of(node);
      Deployment deployment = new LocalDexDeployer(local, ContractArtifacts.load(), AnvilAccounts.deployer())
          .deploy(options.market());
      AccountProvisioner provisioner = new AccountProvisioner(local, deployment, AnvilAccounts.deployer());
      List<Wallet> botWallets = provisioner.provision(AnvilAccounts.bots(bots),
          AccountProvisioner.Funding.standard(deployment.market()));
      Wallet noiseWallet = provisioner.provision(AnvilAccounts.noiseTrader(),
          AccountProvisioner.Funding.worth(deployment.market(), 1_000, new BigDecimal("2000000")));
      ChainConfig chainConfig = deployment.toChainConfig(node.rpcUrl());
      Web3jChain chain = Web3jChain.connect(chainConfig, Wallets.of(botWallets));
      Map<String, AmmBotConfig> configs = configs(chain.chain(), chainConfig.nativeSymbol(),
          botWallets.stream().map(Wallet::address).toList(), deployment, rules);
      NoiseTrader noise = new NoiseTrader(local, deployment, noiseWallet, noiseSeed, noiseSettings);
      return new LocalAmmChain(node, local, deployment, chain, noise, configs);
    } catch (RuntimeException e) {
      node.close();
      throw e;
    }
  }

  /**
   * Bot {@code i} watches two of the market's pairs on both DEXes, spread so that every pair is watched by about the
   * same number of bots, half of them counting in one token of the pair and half in the other. The bots watching one
   * pair take turns on it by block ({@link RouteShare}), in bot order, so they never race each other for a gap.
   */
  static Map<String, AmmBotConfig> configs(String chainName, String nativeSymbol, List<String> accounts,
      Deployment deployment, ArbRules rules) {
    List<List<ArbRoute>> routesByBot = new ArrayList<>();
    Map<Set<PoolKey>, Integer> watchers = new LinkedHashMap<>();
    for (int i = 1; i <= accounts.size(); i++) {
      List<ArbRoute> routes = routes(deployment, i);
      routes.forEach(r -> watchers.merge(Set.copyOf(r.pools()), 1, Integer::sum));
      routesByBot.add(routes);
    }
    Map<String, Integer> decimals = new TreeMap<>();
    deployment.tokens().forEach((symbol, spec) -> decimals.put(symbol, spec.decimals()));
    Map<Set<PoolKey>, Integer> nextSlot = new LinkedHashMap<>();
    Map<String, AmmBotConfig> configs = new TreeMap<>();
    for (int i = 1; i <= accounts.size(); i++) {
      List<ArbRoute> shared = new ArrayList<>();
      for (ArbRoute r : routesByBot.get(i - 1)) {
        Set<PoolKey> pools = Set.copyOf(r.pools());
        int slot = nextSlot.merge(pools, 1, Integer::sum) - 1;
        shared.add(r.sharedAs(new RouteShare(slot, watchers.get(pools))));
      }
      configs.put(DiamondKind.AMM.botId(i), new AmmBotConfig(chainName, accounts.get(i - 1), shared, decimals, USD,
          Market.WETH, LocalDexDeployer.UNISWAP, rules, nativeSymbol));
    }
    return configs;
  }

  private static List<ArbRoute> routes(Deployment deployment, int i) {
    List<Market.Pair> pairs = deployment.market().pairs();
    List<String> dexes = List.of(LocalDexDeployer.UNISWAP, LocalDexDeployer.SUSHISWAP);
    List<ArbRoute> routes = new ArrayList<>();
    for (int k : new int[] {i - 1, i - 1 + pairs.size() / 2 + (i - 1) / pairs.size()}) {
      Market.Pair p = pairs.get(Math.floorMod(k, pairs.size()));
      boolean flip = ((i - 1) / pairs.size() + k) % 2 == 1;
      routes.add(flip ? new ArbRoute(p.tokenB(), p.tokenA(), dexes) : new ArbRoute(p.tokenA(), p.tokenB(), dexes));
    }
    return routes;
  }

  /** The wiring that runs these bots on this chain. */
  public AmmWiring wiring(AmmBotSettings settings, Duration blockPoll) {
    Set<PoolKey> watched = new LinkedHashSet<>();
    configs.values().forEach(c -> watched.addAll(c.watchedPools()));
    watched.retainAll(deployment.pairs().keySet()); // valuation falls back to WETH where a USD pool does not exist
    return new AmmWiring(Map.of(chain.chain(), (ChainPort) chain), configs,
        Map.of(chain.chain(), List.copyOf(watched)), settings, blockPoll);
  }

  public AnvilNode node() {
    return node;
  }

  public Deployment deployment() {
    return deployment;
  }

  public Web3jChain chain() {
    return chain;
  }

  public NoiseTrader noise() {
    return noise;
  }

  public Map<String, AmmBotConfig> configs() {
    return configs;
  }

  /**
   * The pool as a swap on it met it if it was the first transaction of {@code block}: the pair's reserves at the end
   * of the block before, with its DEX's fee.
   */
  public PoolState poolBefore(PoolKey pool, long block) {
    String pair = deployment.pair(pool);
    UniswapV2.Reserves r = UniswapV2.decodeReserves(local.call(pair, UniswapV2.getReserves(),
        DefaultBlockParameter.valueOf(BigInteger.valueOf(block - 1))));
    boolean aIsToken0 = token0s.computeIfAbsent(pair, local::token0)
        .equalsIgnoreCase(deployment.token(pool.tokenA()).address());
    int feeBps = deployment.dex(pool.dex()).feeBps();
    return aIsToken0 ? new PoolState(pool, pair, r.reserve0(), r.reserve1(), feeBps)
        : new PoolState(pool, pair, r.reserve1(), r.reserve0(), feeBps);
  }

  /** How many transactions {@code block} holds (anvil's automine makes one per transaction). */
  public int transactionsIn(long block) {
    return Integer.decode(node.call("eth_getBlockTransactionCountByNumber", List.of("0x" + Long.toHexString(block)),
        Duration.ofSeconds(10)).asText());
  }

  /** Each bot's on-chain balances now, in the same units and keys as its book. */
  public Map<String, BigInteger> balances(String botId) {
    AmmBotConfig c = configs.get(botId);
    return chain.balances(c.account(), c.tokens()).toCompletableFuture().join();
  }

  /** Stops everything once; the demo calls it both when the swarm terminates and when its command returns. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) return;
    noise.close();
    chain.close();
    local.close();
    node.close();
  }
}

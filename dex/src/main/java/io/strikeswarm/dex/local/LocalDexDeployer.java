package io.strikeswarm.dex.local;

import io.strikeswarm.bots.amm.PoolKey;
import io.strikeswarm.dex.Addresses;
import io.strikeswarm.dex.ChainException;
import io.strikeswarm.dex.DexSpec;
import io.strikeswarm.dex.TokenSpec;
import io.strikeswarm.dex.UniswapV2;
import io.strikeswarm.dex.Wallet;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.generated.Uint256;

/**
 * Deploys a small Uniswap V2 world on a local chain from the published bytecode: WETH9, a test ERC20 per other
 * token (with its realistic decimals, see {@link ContractArtifacts#erc20Bytecode}), two factory + Router02
 * deployments named {@value #UNISWAP} and {@value #SUSHISWAP}, and a pair for every {@link Market} pair on both, with
 * liquidity at the market's prices: sushiswap's deliberately off by the market's mispricing.
 *
 * <p>The deployer account holds the test tokens' whole supply afterwards (and the LP tokens); fund other accounts
 * from it with {@link AccountProvisioner}. Its ETH is topped up with {@code anvil_setBalance} if it cannot wrap
 * enough WETH for the pools.
 */
public final class LocalDexDeployer {

  public static final String UNISWAP = "uniswap";
  public static final String SUSHISWAP = "sushiswap";
  public static final int FEE_BPS = 30;

  /** Whole tokens minted per test ERC20 (to the deployer). */
  public static final BigDecimal SUPPLY = new BigDecimal("1000000000000");

  private static final BigInteger CREATE_PAIR_GAS = BigInteger.valueOf(4_000_000);
  private static final BigInteger ADD_LIQUIDITY_GAS = BigInteger.valueOf(600_000);
  private static final BigInteger SMALL_GAS = BigInteger.valueOf(120_000);

  private final LocalChain chain;
  private final ContractArtifacts artifacts;
  private final Wallet deployer;

  public LocalDexDeployer(LocalChain chain, ContractArtifacts artifacts, Wallet deployer) {
    this.chain = chain;
    this.artifacts = artifacts;
    this.deployer = deployer;
  }

  public Deployment deploy(Market market) {
    String me = deployer.address();
    Map<String, TokenSpec> tokens = new LinkedHashMap<>();
    for (Market.Asset a : market.assets()) {
      String address;
      if (a.symbol().equals(Market.WETH)) {
        if (a.decimals() != 18) throw new IllegalArgumentException("WETH9 has 18 decimals");
        address = chain.deploy(deployer, artifacts.weth9().bytecode());
      } else {
        String args = FunctionEncoder.encodeConstructor(List.of(new Uint256(a.whole(SUPPLY))));
        address = chain.deploy(deployer, artifacts.erc20Bytecode(a.decimals()) + args);
      }
      int onChain = chain.decimals(address);
      if (onChain != a.decimals()) {
        throw new ChainException(a.symbol() + " at " + address + " reports " + onChain + " decimals, not "
            + a.decimals());
      }
      tokens.put(a.symbol(), new TokenSpec(a.symbol(), address, a.decimals()));
    }
    String weth = tokens.get(Market.WETH).address();

    Map<String, String[]> contracts = new LinkedHashMap<>();
    for (String dex : List.of(UNISWAP, SUSHISWAP)) {
      String factory = chain.deploy(deployer, artifacts.factory().bytecode()
          + FunctionEncoder.encodeConstructor(List.of(new Address(me))));
      String router = chain.deploy(deployer, artifacts.router().bytecode()
          + FunctionEncoder.encodeConstructor(List.of(new Address(factory), new Address(weth))));
      contracts.put(dex, new String[] {factory, router});
    }

    // liquidity amounts first: the WETH to wrap is their sum
    Map<String, List<BigInteger[]>> amounts = new LinkedHashMap<>();
    BigInteger wethNeeded = BigInteger.ZERO;
    for (String dex : contracts.keySet()) {
      BigDecimal depth = dex.equals(UNISWAP) ? market.uniswapDepthUsd() : market.sushiswapDepthUsd();
      BigDecimal half = depth.divide(BigDecimal.valueOf(2));
      List<BigInteger[]> perPair = new ArrayList<>();
      for (int i = 0; i < market.pairs().size(); i++) {
        Market.Pair p = market.pairs().get(i);
        BigInteger a = market.asset(p.tokenA()).units(half);
        BigInteger b = market.asset(p.tokenB()).units(half);
        if (dex.equals(SUSHISWAP) && market.mispricingBps() > 0) {
          // more B per A: A is dearer on sushiswap (even pairs); less B per A: cheaper (odd pairs)
          int sign = i % 2 == 0 ? 1 : -1;
          b = b.multiply(BigInteger.valueOf(10_000L + sign * market.mispricingBps()))
              .divide(BigInteger.valueOf(10_000));
        }
        perPair.add(new BigInteger[] {a, b});
        if (p.tokenA().equals(Market.WETH)) wethNeeded = wethNeeded.add(a);
        if (p.tokenB().equals(Market.WETH)) wethNeeded = wethNeeded.add(b);
      }
      amounts.put(dex, perPair);
    }
    if (wethNeeded.signum() > 0) {
      chain.ensureEth(me, wethNeeded.add(BigInteger.TEN.pow(21))); // plus 1000 ETH for gas
      chain.send(deployer, weth, wethNeeded, UniswapV2.deposit(), SMALL_GAS);
    }
    for (String[] fr : contracts.values()) {
      for (TokenSpec t : tokens.values()) chain.send(deployer, t.address(), BigInteger.ZERO,
          UniswapV2.approve(fr[1], UniswapV2.MAX_UINT256), SMALL_GAS);
    }

    long deadline = chain.chainTime() + 3_600;
    Map<String, DexSpec> dexes = new LinkedHashMap<>();
    Map<PoolKey, String> pairs = new LinkedHashMap<>();
    for (Map.Entry<String, String[]> e : contracts.entrySet()) {
      String dex = e.getKey();
      String factory = e.getValue()[0];
      String router = e.getValue()[1];
      List<PoolKey> pools = new ArrayList<>();
      for (int i = 0; i < market.pairs().size(); i++) {
        Market.Pair p = market.pairs().get(i);
        String ta = tokens.get(p.tokenA()).address();
        String tb = tokens.get(p.tokenB()).address();
        chain.send(deployer, factory, BigInteger.ZERO, UniswapV2.createPair(ta, tb), CREATE_PAIR_GAS);
        BigInteger[] ab = amounts.get(dex).get(i);
        chain.send(deployer, router, BigInteger.ZERO,
            UniswapV2.addLiquidity(ta, tb, ab[0], ab[1], ab[0], ab[1], me, deadline), ADD_LIQUIDITY_GAS);
        String pair = chain.pairFor(factory, ta, tb);
        if (pair.equals(Addresses.ZERO)) throw new ChainException("factory " + factory + " made no pair " + p);
        PoolKey key = new PoolKey(dex, p.tokenA(), p.tokenB());
        pools.add(key);
        pairs.put(key, pair);
      }
      dexes.put(dex, new DexSpec(dex, factory, router, FEE_BPS, pools));
    }
    return new Deployment(chain.chainId(), me, tokens, dexes, pairs, market);
  }
}

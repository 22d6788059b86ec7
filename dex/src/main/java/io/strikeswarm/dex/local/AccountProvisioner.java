package io.strikeswarm.dex.local;

import io.strikeswarm.dex.TokenSpec;
import io.strikeswarm.dex.UniswapV2;
import io.strikeswarm.dex.Wallet;
import io.strikeswarm.dex.Wei;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes local accounts ready to trade on a {@link Deployment}: native coin for gas (topped up to a target by a
 * transfer from the funder), tokens (transferred from the funder, which holds the test tokens' supply; WETH is
 * wrapped first as needed) and an unlimited allowance for both routers (sent by the account itself). Running it again
 * tops ETH up to the target and adds the tokens again; approvals already in place are not repeated.
 */
public final class AccountProvisioner {

  /** What each account gets: ETH topped up to {@code ethWei}, plus {@code tokens} (smallest units) by symbol. */
  public record Funding(BigInteger ethWei, Map<String, BigInteger> tokens) {

    public Funding {
      tokens = Map.copyOf(tokens);
    }

    /** {@code ether} ETH, and {@code usdEach} dollars' worth of every token of the market at its price. */
    public static Funding worth(Market market, long ether, BigDecimal usdEach) {
      Map<String, BigInteger> t = new LinkedHashMap<>();
      for (Market.Asset a : market.assets()) t.put(a.symbol(), a.units(usdEach));
      return new Funding(Wei.ETHER.multiply(BigInteger.valueOf(ether)), t);
    }

    /** 100 ETH and $100,000 of every token. */
    public static Funding standard(Market market) {
      return worth(market, 100, new BigDecimal("100000"));
    }
  }

  private static final BigInteger GAS = BigInteger.valueOf(120_000);

  private final LocalChain chain;
  private final Deployment deployment;
  private final Wallet funder;

  /** {@code funder}: the deployer (it holds the test tokens' supply). */
  public AccountProvisioner(LocalChain chain, Deployment deployment, Wallet funder) {
    this.chain = chain;
    this.deployment = deployment;
    this.funder = funder;
  }

  public List<Wallet> provision(List<Wallet> accounts, Funding funding) {
    for (Wallet w : accounts) provision(w, funding);
    return accounts;
  }

  public Wallet provision(Wallet account, Funding funding) {
    String who = account.address();
    BigInteger eth = chain.ethBalance(who);
    if (eth.compareTo(funding.ethWei()) < 0) {
      BigInteger missing = funding.ethWei().subtract(eth);
      chain.ensureEth(funder.address(), chain.ethBalance(funder.address()).add(missing));
      chain.send(funder, who, missing, "0x", BigInteger.valueOf(21_000));
    }
    for (Map.Entry<String, BigInteger> e : funding.tokens().entrySet()) {
      if (e.getValue().signum() <= 0) continue;
      TokenSpec t = deployment.token(e.getKey());
      if (e.getKey().equals(Market.WETH)) {
        BigInteger have = chain.tokenBalance(t.address(), funder.address());
        if (have.compareTo(e.getValue()) < 0) {
          BigInteger wrap = e.getValue().subtract(have);
          chain.ensureEth(funder.address(), chain.ethBalance(funder.address()).add(wrap).add(Wei.ETHER));
          chain.send(funder, t.address(), wrap, UniswapV2.deposit(), GAS);
        }
      }
      chain.send(funder, t.address(), BigInteger.ZERO, UniswapV2.transfer(who, e.getValue()), GAS);
    }
    for (String router : deployment.routers()) {
      for (TokenSpec t : deployment.tokens().values()) {
        if (chain.allowance(t.address(), who, router).equals(UniswapV2.MAX_UINT256)) continue;
        chain.send(account, t.address(), BigInteger.ZERO, UniswapV2.approve(router, UniswapV2.MAX_UINT256), GAS);
      }
    }
    return account;
  }
}

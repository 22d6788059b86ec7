package io.strikeswarm.bots.amm;

import io.strikeswarm.persistence.CborSerializable;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * What an AMM bot arbitrages and where: its chain and account (an address; the key stays with the chain side), the
 * routes it watches, the decimals of every token it touches, how it values tokens in USD ({@code usdToken} counted at
 * 1 USD, other tokens through their pool with it on {@code valuationDex}, or through {@code wrappedNative}), and its
 * rules.
 */
public record AmmBotConfig(String chain, String account, List<ArbRoute> routes, Map<String, Integer> decimals,
    String usdToken, String wrappedNative, String valuationDex, ArbRules rules, String nativeSymbol)
    implements CborSerializable {

  /** The native coin's symbol of configs journaled before it was recorded (every such chain was Ethereum-like). */
  public static final String NATIVE_BEFORE_RECORDED = "ETH";

  /**
   * A config on an Ethereum-like chain (native coin ETH). The native coin is booked under {@link ChainPort#NATIVE}
   * on every chain; {@code nativeSymbol} is what operators see (BNB on BSC, POL on Polygon).
   */
  public AmmBotConfig(String chain, String account, List<ArbRoute> routes, Map<String, Integer> decimals,
      String usdToken, String wrappedNative, String valuationDex, ArbRules rules) {
    this(chain, account, routes, decimals, usdToken, wrappedNative, valuationDex, rules, NATIVE_BEFORE_RECORDED);
  }

  public AmmBotConfig {
    nativeSymbol = nativeSymbol == null || nativeSymbol.isBlank() ? NATIVE_BEFORE_RECORDED : nativeSymbol;
    Objects.requireNonNull(chain, "chain");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(usdToken, "usdToken");
    Objects.requireNonNull(wrappedNative, "wrappedNative");
    Objects.requireNonNull(valuationDex, "valuationDex");
    Objects.requireNonNull(rules, "rules");
    routes = List.copyOf(routes);
    decimals = Collections.unmodifiableMap(new TreeMap<>(decimals));
  }

  /** Checks everything the bot needs before it accepts this config; the message names what is wrong. */
  public void validate() {
    if (chain.isBlank()) throw new IllegalArgumentException("chain must not be blank");
    if (!account.matches("0x[0-9a-fA-F]{40}")) {
      throw new IllegalArgumentException("account must be a 0x-prefixed 20-byte address, got " + account);
    }
    if (routes.isEmpty()) throw new IllegalArgumentException("routes must not be empty");
    for (String token : tokens()) {
      Integer d = decimals.get(token);
      if (d == null) throw new IllegalArgumentException("no decimals for token " + token);
      if (d < 0 || d > 36) throw new IllegalArgumentException("decimals of " + token + " must be in [0, 36], got " + d);
    }
    rules.validate();
  }

  /** Every token the bot trades or values with, in a stable order. */
  public Set<String> tokens() {
    Set<String> tokens = new LinkedHashSet<>();
    for (ArbRoute r : routes) {
      tokens.add(r.home());
      tokens.add(r.other());
    }
    tokens.add(usdToken);
    tokens.add(wrappedNative);
    return tokens;
  }

  /** The pools the bot reads at every block: its routes' pools and the pools it values tokens with. */
  public Set<PoolKey> watchedPools() {
    Set<PoolKey> pools = new LinkedHashSet<>();
    routes.forEach(r -> pools.addAll(r.pools()));
    for (String token : tokens()) {
      if (!token.equals(usdToken)) pools.add(new PoolKey(valuationDex, token, usdToken));
    }
    return pools;
  }

  public AmmBotConfig withRules(ArbRules newRules) {
    return new AmmBotConfig(chain, account, routes, decimals, usdToken, wrappedNative, valuationDex, newRules,
        nativeSymbol);
  }
}

package io.strikeswarm.bots.amm;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;

/**
 * Token prices in USD read from one snapshot's pools: the USD token at 1, any other token at the mid price of its
 * pool with the USD token on the valuation DEX, or through the wrapped native token; the native coin at the wrapped
 * native token's price. For valuation and filtering only — books stay in exact token units.
 */
public final class UsdPrices {
  private static final MathContext MC = MathContext.DECIMAL128;

  private final AmmBotConfig config;
  private final Map<PoolKey, PoolState> pools;

  public UsdPrices(AmmBotConfig config, ChainSnapshot snapshot) {
    this.config = config;
    this.pools = snapshot.byKey();
  }

  /** USD per whole token, if the snapshot holds a pool to price it through. */
  public Optional<BigDecimal> perToken(String token) {
    if (token.equals(ChainPort.NATIVE)) token = config.wrappedNative();
    if (token.equals(config.usdToken())) return Optional.of(BigDecimal.ONE);
    Optional<BigDecimal> direct = mid(token, config.usdToken());
    if (direct.isPresent() || token.equals(config.wrappedNative())) return direct;
    return mid(token, config.wrappedNative()).flatMap(inNative -> mid(config.wrappedNative(), config.usdToken())
        .map(nativeUsd -> inNative.multiply(nativeUsd, MC)));
  }

  /** The USD value of an amount in smallest units (negative amounts give negative values). */
  public Optional<BigDecimal> value(String token, BigInteger units) {
    return perToken(token).map(p -> whole(token, units).multiply(p, MC));
  }

  /** Smallest units of {@code token} worth {@code usd}, rounded down; empty if the token has no price. */
  public Optional<BigInteger> unitsFor(String token, BigDecimal usd) {
    return perToken(token).filter(p -> p.signum() > 0).map(p -> usd.divide(p, MC)
        .movePointRight(decimals(token)).setScale(0, RoundingMode.DOWN).toBigIntegerExact());
  }

  private Optional<BigDecimal> mid(String token, String quote) {
    PoolState pool = pools.get(new PoolKey(config.valuationDex(), token, quote));
    if (pool == null || pool.reserveOf(token).signum() == 0) return Optional.empty();
    return Optional.of(whole(quote, pool.reserveOf(quote)).divide(whole(token, pool.reserveOf(token)), MC));
  }

  private BigDecimal whole(String token, BigInteger units) {
    return new BigDecimal(units).movePointLeft(decimals(token));
  }

  private int decimals(String token) {
    if (token.equals(ChainPort.NATIVE)) return 18;
    Integer d = config.decimals().get(token);
    if (d == null) throw new IllegalArgumentException("no decimals for token " + token);
    return d;
  }
}

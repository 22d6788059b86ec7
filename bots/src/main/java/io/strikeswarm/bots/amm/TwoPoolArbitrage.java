package io.strikeswarm.bots.amm;

import java.math.BigInteger;

/**
 * The round trip "home token → other token on pool P, other token → home token on pool Q" between two
 * Uniswap-V2-style pools, and its best size.
 *
 * <p>With fee factor γ = 0.997, reserves (h₁, o₁) of pool P and (o₂, h₂) of pool Q, the continuous output is
 * {@code out(x) = A·x / (B + C·x)} with {@code A = γ²·o₁·h₂}, {@code B = h₁·o₂}, {@code C = γ·(o₂ + γ·o₁)}; the
 * profit {@code out(x) − x} is concave and peaks at {@code x* = (√(A·B) − B) / C}, positive only when {@code A > B}.
 * In integers (all terms scaled by 10⁶): {@code x* = 1000·(⌊√(a·B)⌋ − 1000·B) / c} with {@code a = 997²·o₁·h₂},
 * {@code c = 997·(1000·o₂ + 997·o₁)}. Because the pools round down at every step, the exact integer profit is then
 * searched a few units around {@code x*} and the best exact value is kept.
 */
public final class TwoPoolArbitrage {
  private static final BigInteger THOUSAND = BigInteger.valueOf(1000);
  private static final BigInteger G = BigInteger.valueOf(997);
  private static final int REFINE = 3;

  private TwoPoolArbitrage() {}

  /** The exact result of the round trip for this input (the pools' own integer arithmetic). */
  public record RoundTrip(BigInteger amountIn, BigInteger amountMid, BigInteger amountOut) {
    public BigInteger profit() {
      return amountOut.subtract(amountIn);
    }
  }

  /**
   * The exact round trip for {@code amountIn} of the home token: bought on a pool holding (homeP, otherP), sold on
   * one holding (otherQ, homeQ).
   */
  public static RoundTrip roundTrip(BigInteger amountIn, BigInteger homeP, BigInteger otherP, BigInteger otherQ,
      BigInteger homeQ) {
    BigInteger mid = UniswapV2Math.amountOut(amountIn, homeP, otherP);
    BigInteger out = mid.signum() > 0 ? UniswapV2Math.amountOut(mid, otherQ, homeQ) : BigInteger.ZERO;
    return new RoundTrip(amountIn, mid, out);
  }

  /**
   * The closed-form optimal input (continuous optimum, rounded down); zero when no input is profitable.
   */
  public static BigInteger optimalInput(BigInteger homeP, BigInteger otherP, BigInteger otherQ, BigInteger homeQ) {
    BigInteger a = G.multiply(G).multiply(otherP).multiply(homeQ);
    BigInteger b = homeP.multiply(otherQ);
    BigInteger root = a.multiply(b).sqrt();
    BigInteger numerator = root.subtract(THOUSAND.multiply(b));
    if (numerator.signum() <= 0) return BigInteger.ZERO;
    BigInteger c = G.multiply(THOUSAND.multiply(otherQ).add(G.multiply(otherP)));
    return THOUSAND.multiply(numerator).divide(c);
  }

  /**
   * The most profitable exact round trip with an input of at most {@code cap} (the bot's inventory and budget), or
   * {@code null} when none makes a profit. The continuous profit is concave, so under a cap its best input is
   * {@code min(x*, cap)}. The pools' rounding makes the exact profit a step function around it, searched two ways
   * because either step can be the coarse one: inputs a few units either side of the centre (when one input unit
   * buys at least one unit of the other token), and, for a few mid amounts either side of what the centre buys, the
   * least input that buys each (when many input units buy one unit of the other token — the exact profit for a
   * given mid amount is highest at that least input). Both ways land within one unit of an exhaustive search.
   */
  public static RoundTrip best(BigInteger homeP, BigInteger otherP, BigInteger otherQ, BigInteger homeQ,
      BigInteger cap) {
    if (cap.signum() <= 0) return null;
    BigInteger center = optimalInput(homeP, otherP, otherQ, homeQ).min(cap);
    if (center.signum() <= 0) return null;
    RoundTrip best = null;
    for (int d = -REFINE; d <= REFINE; d++) {
      best = better(best, center.add(BigInteger.valueOf(d)), cap, homeP, otherP, otherQ, homeQ);
    }
    BigInteger centerMid = UniswapV2Math.amountOut(center, homeP, otherP);
    for (int d = -REFINE; d <= REFINE; d++) {
      BigInteger mid = centerMid.add(BigInteger.valueOf(d));
      if (mid.signum() <= 0 || mid.compareTo(otherP) >= 0) continue;
      best = better(best, leastInputBuying(mid, homeP, otherP), cap, homeP, otherP, otherQ, homeQ);
    }
    return best != null && best.profit().signum() > 0 ? best : null;
  }

  private static RoundTrip better(RoundTrip best, BigInteger x, BigInteger cap, BigInteger homeP, BigInteger otherP,
      BigInteger otherQ, BigInteger homeQ) {
    if (x.signum() <= 0 || x.compareTo(cap) > 0) return best;
    RoundTrip trip = roundTrip(x, homeP, otherP, otherQ, homeQ);
    if (trip.amountMid().signum() <= 0) return best;
    boolean wins = best == null || trip.profit().compareTo(best.profit()) > 0
        || trip.profit().equals(best.profit()) && x.compareTo(best.amountIn()) < 0;
    return wins ? trip : best;
  }

  /**
   * The least input for which {@code getAmountOut} yields at least {@code mid}: ⌈1000·mid·reserveIn / (997·(reserveOut
   * − mid))⌉. (Uniswap's own {@code getAmountIn} adds one unit even when the division is exact, so it can overshoot.)
   */
  static BigInteger leastInputBuying(BigInteger mid, BigInteger reserveIn, BigInteger reserveOut) {
    BigInteger numerator = THOUSAND.multiply(mid).multiply(reserveIn);
    BigInteger denominator = G.multiply(reserveOut.subtract(mid));
    BigInteger[] qr = numerator.divideAndRemainder(denominator);
    return qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
  }
}

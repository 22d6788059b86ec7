package io.strikeswarm.bots.amm;

import java.math.BigInteger;

/**
 * The round trip "home token → other token on pool P, other token → home token on pool Q" between two
 * Uniswap-V2-style pools, and its best size.
 *
 * <p>With fee factors γ₁, γ₂ (0.997 for Uniswap's 0.3 %), reserves (h₁, o₁) of pool P and (o₂, h₂) of pool Q, the
 * continuous output is {@code out(x) = A·x / (B + C·x)} with {@code A = γ₁·γ₂·o₁·h₂}, {@code B = h₁·o₂},
 * {@code C = γ₁·(o₂ + γ₂·o₁)}; the profit {@code out(x) − x} is concave and peaks at {@code x* = (√(A·B) − B) / C},
 * positive only when {@code A > B}. In integers, with {@code gᵢ = 10⁴·γᵢ} (all terms scaled by 10⁸):
 * {@code x* = 10⁴·(⌊√(a·B)⌋ − 10⁴·B) / c} with {@code a = g₁·g₂·o₁·h₂}, {@code c = g₁·(10⁴·o₂ + g₂·o₁)}. Because the
 * pools round down at every step, the exact integer profit is then searched near {@code x*} and the best exact value
 * is kept.
 */
public final class TwoPoolArbitrage {
  private static final BigInteger BPS = UniswapV2Math.BPS;
  private static final int FEE = UniswapV2Math.UNISWAP_FEE_BPS;
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
    return roundTrip(amountIn, homeP, otherP, otherQ, homeQ, FEE, FEE);
  }

  /** The same with each pool's own fee. */
  public static RoundTrip roundTrip(BigInteger amountIn, BigInteger homeP, BigInteger otherP, BigInteger otherQ,
      BigInteger homeQ, int feeP, int feeQ) {
    BigInteger mid = UniswapV2Math.amountOut(amountIn, homeP, otherP, feeP);
    BigInteger out = mid.signum() > 0 ? UniswapV2Math.amountOut(mid, otherQ, homeQ, feeQ) : BigInteger.ZERO;
    return new RoundTrip(amountIn, mid, out);
  }

  /**
   * The closed-form optimal input (continuous optimum, rounded down); zero when no input is profitable.
   */
  public static BigInteger optimalInput(BigInteger homeP, BigInteger otherP, BigInteger otherQ, BigInteger homeQ) {
    return optimalInput(homeP, otherP, otherQ, homeQ, FEE, FEE);
  }

  /** The same with each pool's own fee. */
  public static BigInteger optimalInput(BigInteger homeP, BigInteger otherP, BigInteger otherQ, BigInteger homeQ,
      int feeP, int feeQ) {
    BigInteger g1 = UniswapV2Math.feeFactor(feeP);
    BigInteger g2 = UniswapV2Math.feeFactor(feeQ);
    BigInteger a = g1.multiply(g2).multiply(otherP).multiply(homeQ);
    BigInteger b = homeP.multiply(otherQ);
    BigInteger root = a.multiply(b).sqrt();
    BigInteger numerator = root.subtract(BPS.multiply(b));
    if (numerator.signum() <= 0) return BigInteger.ZERO;
    BigInteger c = g1.multiply(BPS.multiply(otherQ).add(g2.multiply(otherP)));
    return BPS.multiply(numerator).divide(c);
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
    return best(homeP, otherP, otherQ, homeQ, cap, FEE, FEE);
  }

  /** The same with each pool's own fee. */
  public static RoundTrip best(BigInteger homeP, BigInteger otherP, BigInteger otherQ, BigInteger homeQ,
      BigInteger cap, int feeP, int feeQ) {
    if (cap.signum() <= 0) return null;
    BigInteger center = optimalInput(homeP, otherP, otherQ, homeQ, feeP, feeQ).min(cap);
    if (center.signum() <= 0) return null;
    RoundTrip best = null;
    for (int d = -REFINE; d <= REFINE; d++) {
      best = better(best, center.add(BigInteger.valueOf(d)), cap, homeP, otherP, otherQ, homeQ, feeP, feeQ);
    }
    BigInteger centerMid = UniswapV2Math.amountOut(center, homeP, otherP, feeP);
    for (int d = -REFINE; d <= REFINE; d++) {
      BigInteger mid = centerMid.add(BigInteger.valueOf(d));
      if (mid.signum() <= 0 || mid.compareTo(otherP) >= 0) continue;
      best = better(best, leastInputBuying(mid, homeP, otherP, feeP), cap, homeP, otherP, otherQ, homeQ, feeP, feeQ);
    }
    return best != null && best.profit().signum() > 0 ? best : null;
  }

  private static RoundTrip better(RoundTrip best, BigInteger x, BigInteger cap, BigInteger homeP, BigInteger otherP,
      BigInteger otherQ, BigInteger homeQ, int feeP, int feeQ) {
    if (x.signum() <= 0 || x.compareTo(cap) > 0) return best;
    RoundTrip trip = roundTrip(x, homeP, otherP, otherQ, homeQ, feeP, feeQ);
    if (trip.amountMid().signum() <= 0) return best;
    boolean wins = best == null || trip.profit().compareTo(best.profit()) > 0
        || trip.profit().equals(best.profit()) && x.compareTo(best.amountIn()) < 0;
    return wins ? trip : best;
  }

  /**
   * The least input for which {@code getAmountOut} yields at least {@code mid}: ⌈10⁴·mid·reserveIn / (g·(reserveOut
   * − mid))⌉ with {@code g = 10⁴ − feeBps}. (Uniswap's own {@code getAmountIn} adds one unit even when the division
   * is exact, so it can overshoot.)
   */
  static BigInteger leastInputBuying(BigInteger mid, BigInteger reserveIn, BigInteger reserveOut, int feeBps) {
    BigInteger numerator = BPS.multiply(mid).multiply(reserveIn);
    BigInteger denominator = UniswapV2Math.feeFactor(feeBps).multiply(reserveOut.subtract(mid));
    BigInteger[] qr = numerator.divideAndRemainder(denominator);
    return qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
  }
}

package io.strikeswarm.bots.amm;

import java.math.BigInteger;

/**
 * Uniswap V2's own integer arithmetic (UniswapV2Library), so a quote here is exactly what the pair pays on chain for
 * the same reserves: the fee taken as {@code (10000 − feeBps)/10000} of the input, results rounded down. Uniswap's
 * 0.3 % ({@code 997/1000}) gives the same integers as {@code 9970/10000}; forks with another fee (PancakeSwap V2:
 * 25 bps, {@code 9975/10000}) differ only in that constant.
 */
public final class UniswapV2Math {
  /** Uniswap V2's own fee. */
  public static final int UNISWAP_FEE_BPS = 30;
  static final BigInteger BPS = BigInteger.valueOf(10_000);

  private UniswapV2Math() {}

  /** {@code getAmountOut} at Uniswap's 0.3 %. */
  public static BigInteger amountOut(BigInteger amountIn, BigInteger reserveIn, BigInteger reserveOut) {
    return amountOut(amountIn, reserveIn, reserveOut, UNISWAP_FEE_BPS);
  }

  /** {@code getAmountOut}: what {@code amountIn} buys from a pool holding these reserves and taking this fee. */
  public static BigInteger amountOut(BigInteger amountIn, BigInteger reserveIn, BigInteger reserveOut, int feeBps) {
    requirePositive(amountIn, "amountIn");
    requirePositive(reserveIn, "reserveIn");
    requirePositive(reserveOut, "reserveOut");
    BigInteger inWithFee = amountIn.multiply(feeFactor(feeBps));
    return inWithFee.multiply(reserveOut).divide(reserveIn.multiply(BPS).add(inWithFee));
  }

  /** {@code getAmountIn} at Uniswap's 0.3 %. */
  public static BigInteger amountIn(BigInteger amountOut, BigInteger reserveIn, BigInteger reserveOut) {
    return amountIn(amountOut, reserveIn, reserveOut, UNISWAP_FEE_BPS);
  }

  /** {@code getAmountIn}: an input that buys at least {@code amountOut} (below {@code reserveOut}), as the router asks. */
  public static BigInteger amountIn(BigInteger amountOut, BigInteger reserveIn, BigInteger reserveOut, int feeBps) {
    requirePositive(amountOut, "amountOut");
    requirePositive(reserveIn, "reserveIn");
    requirePositive(reserveOut, "reserveOut");
    if (amountOut.compareTo(reserveOut) >= 0) {
      throw new IllegalArgumentException("amountOut " + amountOut + " is not below the reserve " + reserveOut);
    }
    BigInteger numerator = reserveIn.multiply(amountOut).multiply(BPS);
    BigInteger denominator = reserveOut.subtract(amountOut).multiply(feeFactor(feeBps));
    return numerator.divide(denominator).add(BigInteger.ONE);
  }

  /** What stays of each input unit after the fee, in ten-thousandths. */
  static BigInteger feeFactor(int feeBps) {
    if (feeBps < 0 || feeBps >= 10_000) throw new IllegalArgumentException("feeBps must be in [0, 10000), got " + feeBps);
    return BigInteger.valueOf(10_000L - feeBps);
  }

  private static void requirePositive(BigInteger value, String name) {
    if (value == null || value.signum() <= 0) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
  }
}

package io.strikeswarm.bots.amm;

import java.math.BigInteger;

/**
 * Uniswap V2's own integer arithmetic (UniswapV2Library), so a quote here is exactly what the pair pays on chain for
 * the same reserves: 0.3 % fee taken as {@code 997/1000} of the input, results rounded down.
 */
public final class UniswapV2Math {
  private static final BigInteger FEE_NUMERATOR = BigInteger.valueOf(997);
  private static final BigInteger FEE_DENOMINATOR = BigInteger.valueOf(1000);

  private UniswapV2Math() {}

  /** {@code getAmountOut}: what {@code amountIn} buys from a pool holding these reserves. */
  public static BigInteger amountOut(BigInteger amountIn, BigInteger reserveIn, BigInteger reserveOut) {
    requirePositive(amountIn, "amountIn");
    requirePositive(reserveIn, "reserveIn");
    requirePositive(reserveOut, "reserveOut");
    BigInteger inWithFee = amountIn.multiply(FEE_NUMERATOR);
    return inWithFee.multiply(reserveOut).divide(reserveIn.multiply(FEE_DENOMINATOR).add(inWithFee));
  }

  /** {@code getAmountIn}: the least input that buys {@code amountOut} (which must be below {@code reserveOut}). */
  public static BigInteger amountIn(BigInteger amountOut, BigInteger reserveIn, BigInteger reserveOut) {
    requirePositive(amountOut, "amountOut");
    requirePositive(reserveIn, "reserveIn");
    requirePositive(reserveOut, "reserveOut");
    if (amountOut.compareTo(reserveOut) >= 0) {
      throw new IllegalArgumentException("amountOut " + amountOut + " is not below the reserve " + reserveOut);
    }
    BigInteger numerator = reserveIn.multiply(amountOut).multiply(FEE_DENOMINATOR);
    BigInteger denominator = reserveOut.subtract(amountOut).multiply(FEE_NUMERATOR);
    return numerator.divide(denominator).add(BigInteger.ONE);
  }

  private static void requirePositive(BigInteger value, String name) {
    if (value == null || value.signum() <= 0) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
  }
}

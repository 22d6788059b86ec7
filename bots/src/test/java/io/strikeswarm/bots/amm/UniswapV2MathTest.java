package io.strikeswarm.bots.amm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class UniswapV2MathTest {

  private static BigInteger big(long v) {
    return BigInteger.valueOf(v);
  }

  @Test
  void quotesWhatTheV2LibraryQuotesRoundedDown() {
    // 1 ETH into a 100 ETH / 200,000 USDC pool: 997e18 * 2e11 / (1e20 * 1000 + 997e18)
    BigInteger out = UniswapV2Math.amountOut(new BigInteger("1000000000000000000"),
        new BigInteger("100000000000000000000"), big(200_000_000_000L));
    assertThat(out).isEqualTo(big(1_974_316_068L));
  }

  @Test
  void aForkWithAnotherFeeQuotesWithItsOwnConstant() {
    // PancakeSwap V2's library: amountIn * 9975 * reserveOut / (reserveIn * 10000 + amountIn * 9975)
    BigInteger out = UniswapV2Math.amountOut(new BigInteger("1000000000000000000"),
        new BigInteger("100000000000000000000"), big(200_000_000_000L), 25);
    assertThat(out).isEqualTo(big(1_975_296_418L));
    assertThatThrownBy(() -> UniswapV2Math.amountOut(big(1), big(10), big(10), 10_000)).hasMessageContaining("feeBps");
  }

  @Property(tries = 300)
  @Label("30 bps in ten-thousandths quotes exactly what Uniswap's 997/1000 quotes")
  void thirtyBpsIsUniswapsOwnConstant(@ForAll @LongRange(min = 1, max = 1_000_000_000_000L) long amountIn,
      @ForAll @LongRange(min = 1, max = 1_000_000_000_000L) long reserveIn,
      @ForAll @LongRange(min = 1, max = 1_000_000_000_000L) long reserveOut) {
    BigInteger inWithFee = big(amountIn).multiply(big(997));
    BigInteger v2 = inWithFee.multiply(big(reserveOut)).divide(big(reserveIn).multiply(big(1000)).add(inWithFee));
    assertThat(UniswapV2Math.amountOut(big(amountIn), big(reserveIn), big(reserveOut), 30)).isEqualTo(v2);
  }

  @Test
  void refusesNonPositiveInputsAndReservesByName() {
    assertThatThrownBy(() -> UniswapV2Math.amountOut(BigInteger.ZERO, big(10), big(10)))
        .hasMessageContaining("amountIn");
    assertThatThrownBy(() -> UniswapV2Math.amountOut(big(1), big(0), big(10))).hasMessageContaining("reserveIn");
    assertThatThrownBy(() -> UniswapV2Math.amountIn(big(10), big(10), big(10)))
        .hasMessageContaining("not below the reserve");
  }

  @Property(tries = 500)
  @Label("amountIn is the least input that buys the wanted output")
  void amountInIsTheLeastSufficientInput(@ForAll @LongRange(min = 1000, max = 1_000_000_000L) long reserveIn,
      @ForAll @LongRange(min = 1000, max = 1_000_000_000L) long reserveOut,
      @ForAll @LongRange(min = 1, max = 999) long permille) {
    BigInteger want = big(Math.max(1, reserveOut * permille / 1000));
    if (want.compareTo(big(reserveOut)) >= 0) return;
    BigInteger in = UniswapV2Math.amountIn(want, big(reserveIn), big(reserveOut));
    assertThat(UniswapV2Math.amountOut(in, big(reserveIn), big(reserveOut))).isGreaterThanOrEqualTo(want);
    if (in.compareTo(BigInteger.ONE) > 0) {
      assertThat(UniswapV2Math.amountOut(in.subtract(BigInteger.ONE), big(reserveIn), big(reserveOut)))
          .isLessThan(want);
    }
  }
}

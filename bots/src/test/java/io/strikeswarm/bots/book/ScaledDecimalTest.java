package io.strikeswarm.bots.book;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScaledDecimalTest {

  @Property
  void plainDecimalsReadAsTheirExactScaledValue(@ForAll @LongRange(min = 0) long scaled,
      @ForAll @IntRange(max = 18) int scale, @ForAll @IntRange(max = 3) int extraZeros) {
    String text = BigDecimal.valueOf(scaled, scale).toPlainString() + (scale > 0 ? "0".repeat(extraZeros) : "");

    assertThat(ScaledDecimal.parse(text, scale)).isEqualTo(scaled);
  }

  @Property
  void fewerDecimalsThanTheScaleArePaddedAndTooManyThatAreNotZeroAreRefused(
      @ForAll("decimals") BigDecimal value, @ForAll @IntRange(max = 12) int scale) {
    long parsed = ScaledDecimal.parse(value.toPlainString(), scale);

    BigDecimal scaled = value.movePointRight(scale);
    boolean exact = scaled.stripTrailingZeros().scale() <= 0;
    if (exact) assertThat(parsed).isEqualTo(scaled.longValueExact());
    else assertThat(parsed).isEqualTo(ScaledDecimal.INVALID);
  }

  @Provide
  Arbitrary<BigDecimal> decimals() {
    return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("1000000")).ofScale(6);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-1.5", "+1.5", "NaN", "Infinity", "1e5", "1.", ".5", "1.2.3", "12a", " 1", "0x10",
      "92233720368.54775808", "99999999999999999999"})
  void anythingButAPlainNonNegativeDecimalThatFitsIsInvalid(String text) {
    assertThat(ScaledDecimal.parse(text, 8)).isEqualTo(ScaledDecimal.INVALID);
  }

  @Property
  void theLargestValueOfALongStillReads(@ForAll @IntRange(max = 18) int scale) {
    String text = BigDecimal.valueOf(Long.MAX_VALUE, scale).toPlainString();

    assertThat(ScaledDecimal.parse(text, scale)).isEqualTo(Long.MAX_VALUE);
  }

  @Property
  void fractionDigitsCountsTheDecimalsWritten(@ForAll @LongRange(min = 0) long scaled,
      @ForAll @IntRange(max = 18) int scale) {
    assertThat(ScaledDecimal.fractionDigits(BigDecimal.valueOf(scaled, scale).toPlainString())).isEqualTo(scale);
  }
}

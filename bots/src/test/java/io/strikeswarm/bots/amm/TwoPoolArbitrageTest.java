package io.strikeswarm.bots.amm;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class TwoPoolArbitrageTest {

  private static BigInteger big(long v) {
    return BigInteger.valueOf(v);
  }

  @Test
  void pricesEqualUpToTheFeesLeaveNothingToTake() {
    // the same price on both pools: the two fees make every round trip a loss
    assertThat(TwoPoolArbitrage.optimalInput(big(1_000_000), big(2_000_000), big(2_000_000), big(1_000_000)))
        .isZero();
    assertThat(TwoPoolArbitrage.best(big(1_000_000), big(2_000_000), big(2_000_000), big(1_000_000), big(1_000_000)))
        .isNull();
  }

  @Test
  void aGapWiderThanTheFeesIsTakenAtTheClosedFormSize() {
    // other token cheap on P (1 home buys 2.2 other), dear on Q (2 other buy 1 home)
    BigInteger homeP = big(1_000_000_000L), otherP = big(2_200_000_000L);
    BigInteger otherQ = big(2_000_000_000L), homeQ = big(1_000_000_000L);
    TwoPoolArbitrage.RoundTrip trip = TwoPoolArbitrage.best(homeP, otherP, otherQ, homeQ, big(Long.MAX_VALUE));
    assertThat(trip).isNotNull();
    assertThat(trip.profit()).isPositive();
    // nearby sizes earn no more
    for (long d : new long[] {-1000, -10, 10, 1000}) {
      BigInteger x = trip.amountIn().add(big(d));
      assertThat(TwoPoolArbitrage.roundTrip(x, homeP, otherP, otherQ, homeQ).profit())
          .isLessThanOrEqualTo(trip.profit());
    }
  }

  @Test
  void aCapBelowTheOptimumIsUsedUpToRounding() {
    BigInteger homeP = big(1_000_000_000L), otherP = big(2_200_000_000L);
    BigInteger otherQ = big(2_000_000_000L), homeQ = big(1_000_000_000L);
    TwoPoolArbitrage.RoundTrip trip = TwoPoolArbitrage.best(homeP, otherP, otherQ, homeQ, big(5_000));
    // the pools round down, so a few units less than the cap can earn the same: the least input wins
    assertThat(trip.amountIn()).isBetween(big(4_997), big(5_000));
    assertThat(trip.profit())
        .isGreaterThanOrEqualTo(TwoPoolArbitrage.roundTrip(big(5_000), homeP, otherP, otherQ, homeQ).profit());
  }

  @Test
  void whenManyInputUnitsBuyOneMidUnitTheLeastInputForEachMidAmountIsTried() {
    // 1 other token costs about 25 home units on P: stepping the input by ±3 around the closed form misses every
    // input that buys one more unit, yet the round trip at the least such input pays 3 (found by exhaustive search)
    TwoPoolArbitrage.RoundTrip trip = TwoPoolArbitrage.best(big(651), big(26), big(52), big(1589), big(504));
    assertThat(trip).isNotNull();
    assertThat(trip.profit()).isEqualTo(big(3));
    assertThat(TwoPoolArbitrage.roundTrip(trip.amountIn().subtract(BigInteger.ONE), big(651), big(26), big(52),
        big(1589)).amountMid()).isLessThan(trip.amountMid());
  }

  @Property(tries = 200)
  @Label("with each pool's own fee, the chosen size earns as much as the best size found by trying every input")
  void bestMatchesExhaustiveSearchWithMixedFees(@ForAll @IntRange(min = 20, max = 3000) int homeP,
      @ForAll @IntRange(min = 20, max = 3000) int otherP, @ForAll @IntRange(min = 20, max = 3000) int otherQ,
      @ForAll @IntRange(min = 20, max = 3000) int homeQ, @ForAll @IntRange(min = 1, max = 3000) int cap,
      @ForAll @IntRange(min = 0, max = 100) int feeP, @ForAll @IntRange(min = 0, max = 100) int feeQ) {
    BigInteger bestProfit = BigInteger.ZERO;
    for (int x = 1; x <= cap; x++) {
      TwoPoolArbitrage.RoundTrip t = TwoPoolArbitrage.roundTrip(big(x), big(homeP), big(otherP), big(otherQ),
          big(homeQ), feeP, feeQ);
      if (t.profit().compareTo(bestProfit) > 0) bestProfit = t.profit();
    }
    TwoPoolArbitrage.RoundTrip chosen = TwoPoolArbitrage.best(big(homeP), big(otherP), big(otherQ), big(homeQ),
        big(cap), feeP, feeQ);
    BigInteger chosenProfit = chosen == null ? BigInteger.ZERO : chosen.profit();
    assertThat(chosenProfit).isBetween(bestProfit.subtract(BigInteger.ONE), bestProfit);
  }

  @Test
  void aCheaperFeeOnOnePoolWidensTheTradeableGap() {
    // a 0.56 % gap: less than two Uniswap fees (about 0.6 %), more than Uniswap's plus PancakeSwap's (about 0.55 %)
    BigInteger homeP = big(1_000_000_000_000L), otherP = big(1_005_600_000_000L);
    BigInteger otherQ = big(1_000_000_000_000L), homeQ = big(1_000_000_000_000L);
    assertThat(TwoPoolArbitrage.best(homeP, otherP, otherQ, homeQ, big(Long.MAX_VALUE))).isNull();
    assertThat(TwoPoolArbitrage.best(homeP, otherP, otherQ, homeQ, big(Long.MAX_VALUE), 30, 25)).isNotNull();
  }

  @Property(tries = 300)
  @Label("the chosen size earns as much as the best size found by trying every input")
  void bestMatchesExhaustiveSearch(@ForAll @IntRange(min = 20, max = 3000) int homeP,
      @ForAll @IntRange(min = 20, max = 3000) int otherP, @ForAll @IntRange(min = 20, max = 3000) int otherQ,
      @ForAll @IntRange(min = 20, max = 3000) int homeQ, @ForAll @IntRange(min = 1, max = 3000) int cap) {
    BigInteger bestProfit = BigInteger.ZERO;
    for (int x = 1; x <= cap; x++) {
      TwoPoolArbitrage.RoundTrip t = TwoPoolArbitrage.roundTrip(big(x), big(homeP), big(otherP), big(otherQ),
          big(homeQ));
      if (t.profit().compareTo(bestProfit) > 0) bestProfit = t.profit();
    }
    TwoPoolArbitrage.RoundTrip chosen = TwoPoolArbitrage.best(big(homeP), big(otherP), big(otherQ), big(homeQ),
        big(cap));
    BigInteger chosenProfit = chosen == null ? BigInteger.ZERO : chosen.profit();
    // integer rounding makes the exact profit a step function; the closed form lands within one unit of the peak
    assertThat(chosenProfit).isBetween(bestProfit.subtract(BigInteger.ONE), bestProfit);
    if (chosen != null) assertThat(chosen.amountIn()).isLessThanOrEqualTo(big(cap));
  }
}

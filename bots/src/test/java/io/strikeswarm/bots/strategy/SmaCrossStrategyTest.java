package io.strikeswarm.bots.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.strikeswarm.bots.domain.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBar;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DecimalNum;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.Num;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

class SmaCrossStrategyTest {

  private static final long T0 = 1_700_000_000_000L;
  private static final long MINUTE = 60_000L;

  private static final SmaCrossStrategy LONG_2_4 = new SmaCrossStrategy(2, 4, Side.LONG);
  private static final SmaCrossStrategy SHORT_2_4 = new SmaCrossStrategy(2, 4, Side.SHORT);

  /** The last {@code lookback} of the given closes, one minute apart, as a bot would hold them. */
  private static PriceHistory history(SmaCrossStrategy strategy, String... closes) {
    PriceHistory h = PriceHistory.withCapacity(strategy.lookback());
    for (int i = 0; i < closes.length; i++) h = h.append(T0 + i * MINUTE, new BigDecimal(closes[i]));
    return h;
  }

  // Closes and their SMA(2) / SMA(4) at the last two bars, worked out by hand:
  // falling:    ..., 104, 102          SMA2 105 -> 103   SMA4 107 -> 105     fast stays below: no cross
  // crossUp:    108, 106, 104, 102, 110 SMA2 103 -> 106   SMA4 105 -> 105.5   fast goes from below to above
  // crossDown:  110, 118, 121, 119, 117 SMA2 120 -> 118   SMA4 117 -> 118.75  fast goes from above to below
  // rising:     102, 110, 118, 121      SMA2 114 -> 119.5 SMA4 108.5 -> 112.75 fast stays above: no cross
  private static final String[] FALLING = {"110", "108", "106", "104", "102"};
  private static final String[] CROSS_UP = {"110", "108", "106", "104", "102", "110"};
  private static final String[] CROSS_DOWN = {"102", "110", "118", "121", "119", "117"};
  private static final String[] RISING = {"104", "102", "110", "118", "121"};

  @Test
  void lookbackIsTwiceTheLongWindowSoTiesAreSkippedOverFullWindowsOnly() {
    assertThat(LONG_2_4.lookback()).isEqualTo(8);
    assertThat(new SmaCrossStrategy(10, 30, Side.SHORT).lookback()).isEqualTo(60);
  }

  @Test
  void windowsMustBePositiveAndTheLongOneLongerThanTheShortOne() {
    assertThatIllegalArgumentException().isThrownBy(() -> new SmaCrossStrategy(0, 4, Side.LONG))
        .withMessage("short must be >= 1");
    assertThatIllegalArgumentException().isThrownBy(() -> new SmaCrossStrategy(4, 4, Side.LONG))
        .withMessage("long must be > short");
  }

  @Test
  void thereIsNoSignalWhileTheLongAverageHasLessThanAFullWindow() {
    // A steep rally: SMA(2) runs far above every partial SMA(4), yet nothing may be signalled on 1..3 closes.
    String[] rally = {"100", "150", "300"};
    for (int n = 0; n <= rally.length; n++) {
      String[] firstN = Arrays.copyOf(rally, n);
      assertThat(LONG_2_4.decide(history(LONG_2_4, firstN), false)).as("%d closes", n).isEqualTo(Signal.HOLD);
      assertThat(SHORT_2_4.decide(history(SHORT_2_4, firstN), false)).as("%d closes", n).isEqualTo(Signal.HOLD);
    }
  }

  @Test
  void noCrossingIsSignalledWhileThePreviousBarsLongAverageIsStillPartial() {
    // Four closes: SMA(4) is full on the last bar, but on the bar before it averages only three closes.
    // Bar 3: SMA2 = 100.80 < SMA4(partial, 3 closes) = 100.9333; bar 4: SMA2 = 101.10 > SMA4 = 101.05.
    // Against a full window on both bars this is no crossing at all (there is no full window on bar 3), and
    // lookback() says as much: "both need a full long window". The first crossing may come on close 5.
    PriceHistory four = history(LONG_2_4, "101.20", "100.80", "100.80", "101.40");
    assertThat(LONG_2_4.decide(four, false)).isEqualTo(Signal.HOLD);
    assertThat(SHORT_2_4.decide(four, true)).isEqualTo(Signal.HOLD);
  }

  @Test
  void aLongBotEntersWhenTheShortAverageCrossesAboveTheLongOneWhileFlat() {
    assertThat(LONG_2_4.decide(history(LONG_2_4, CROSS_UP), false)).isEqualTo(Signal.ENTER);
  }

  @Test
  void aLongBotAlreadyInAPositionHoldsOnACrossUp() {
    assertThat(LONG_2_4.decide(history(LONG_2_4, CROSS_UP), true)).isEqualTo(Signal.HOLD);
  }

  @Test
  void aLongBotExitsWhenTheShortAverageCrossesBelowTheLongOneWhileInAPosition() {
    assertThat(LONG_2_4.decide(history(LONG_2_4, CROSS_DOWN), true)).isEqualTo(Signal.EXIT);
  }

  @Test
  void aFlatLongBotDoesNotSellACrossDown() {
    assertThat(LONG_2_4.decide(history(LONG_2_4, CROSS_DOWN), false)).isEqualTo(Signal.HOLD);
  }

  @Test
  void aShortBotEntersOnTheCrossDownAndExitsOnTheCrossUp() {
    assertThat(SHORT_2_4.decide(history(SHORT_2_4, CROSS_DOWN), false)).isEqualTo(Signal.ENTER);
    assertThat(SHORT_2_4.decide(history(SHORT_2_4, CROSS_UP), true)).isEqualTo(Signal.EXIT);
  }

  @Test
  void aShortBotIgnoresTheCrossingsThatBelongToTheOtherSide() {
    assertThat(SHORT_2_4.decide(history(SHORT_2_4, CROSS_UP), false)).isEqualTo(Signal.HOLD);
    assertThat(SHORT_2_4.decide(history(SHORT_2_4, CROSS_DOWN), true)).isEqualTo(Signal.HOLD);
  }

  @Test
  void averagesThatStayOnTheSameSideOfEachOtherSignalNothing() {
    for (String[] trend : List.of(FALLING, RISING)) {
      for (boolean open : new boolean[] {false, true}) {
        assertThat(LONG_2_4.decide(history(LONG_2_4, trend), open)).isEqualTo(Signal.HOLD);
        assertThat(SHORT_2_4.decide(history(SHORT_2_4, trend), open)).isEqualTo(Signal.HOLD);
      }
    }
  }

  @Test
  void theDecisionDependsOnlyOnTheLastLookbackCloses() {
    // Whatever came before the window, the bot (which keeps exactly lookback() closes) decides the same.
    String[] tail = {"120", "118", "116", "114", "112", "110", "108", "106", "104", "102", "110"};
    String[] longer = new String[tail.length + 3];
    longer[0] = "5000";
    longer[1] = "1";
    longer[2] = "777";
    System.arraycopy(tail, 0, longer, 3, tail.length);
    assertThat(LONG_2_4.decide(history(LONG_2_4, longer), false)).isEqualTo(Signal.ENTER);
    assertThat(LONG_2_4.decide(history(LONG_2_4, tail), false)).isEqualTo(Signal.ENTER);
    assertThat(history(LONG_2_4, longer).closes()).containsExactlyElementsOf(history(LONG_2_4, tail).closes());
  }

  // ---- against ta4j on the whole series ------------------------------------------------------------------------

  /**
   * A seeded random walk of closes with cent precision, starting at 100 and never below 1: Gaussian steps of
   * {@code sigma} rounded to the cent. A small sigma is a quiet, liquid market that moves a tick or two a bar,
   * where the two averages often meet exactly.
   */
  private static List<BigDecimal> randomWalk(long seed, double sigma, int n) {
    Random random = new Random(seed);
    List<BigDecimal> closes = new ArrayList<>();
    BigDecimal price = new BigDecimal("100.00");
    for (int i = 0; i < n; i++) {
      BigDecimal step = BigDecimal.valueOf(random.nextGaussian() * sigma).setScale(2, RoundingMode.HALF_EVEN);
      price = price.add(step).max(BigDecimal.ONE);
      closes.add(price);
    }
    return closes;
  }

  private static BarSeries fullSeries(List<BigDecimal> closes, Class<? extends Num> numType) {
    BarSeries series = new BaseBarSeriesBuilder().withNumTypeOf(numType).withName("walk").build();
    for (int i = 0; i < closes.size(); i++) {
      var end = Instant.ofEpochMilli(T0 + i * MINUTE).atZone(ZoneOffset.UTC);
      if (numType == DoubleNum.class) {
        double c = closes.get(i).doubleValue();
        series.addBar(new BaseBar(Duration.ofMinutes(1), end, c, c, c, c, 0d, 0d, 0L, DoubleNum::valueOf));
      } else {
        BigDecimal c = closes.get(i);
        series.addBar(new BaseBar(Duration.ofMinutes(1), end, c, c, c, c, BigDecimal.ZERO, BigDecimal.ZERO, 0L,
            DecimalNum::valueOf));
      }
    }
    return series;
  }

  @ParameterizedTest(name = "SMA({0}) x SMA({1}), seed {2}")
  @CsvSource({"2, 4, 7", "5, 20, 42", "10, 30, 20240601", "3, 8, 99"})
  void onEveryBarTheBotsDecisionOnItsTrailingWindowIsTa4jsRuleOnTheWholeSeries(int shortWindow, int longWindow,
      long seed) {
    assertDecisionsMatchTa4j(shortWindow, longWindow, randomWalk(seed, 0.8, 400), DoubleNum.class);
  }

  /**
   * A quiet market, a cent or two a bar, where the averages often meet exactly. The reference is ta4j in exact
   * decimals on the whole series: where the two averages are equal they are equal, not one ulp apart, and a tie
   * is resolved by looking back through full windows only.
   */
  @ParameterizedTest(name = "SMA({0}) x SMA({1}), seed {2}")
  @CsvSource({"2, 4, 11", "3, 8, 12"})
  void inAQuietMarketTheBotsDecisionIsTa4jsRuleComputedInExactDecimalsOnTheWholeSeries(int shortWindow,
      int longWindow, long seed) {
    assertDecisionsMatchTa4j(shortWindow, longWindow, randomWalk(seed, 0.015, 400), DecimalNum.class);
  }

  @Test
  void averagesThatMeetExactlyHaveNotCrossed() {
    // Last bar: SMA(2) = (100.03 + 100.04) / 2 = 100.035 and SMA(4) = (100.03 + 100.04 + 100.03 + 100.04) / 4
    // = 100.035. Equal: the short average has touched the long one, not crossed below it. (In doubles the two
    // come out as 100.035 and 100.03500000000001, which is no reason to sell.)
    PriceHistory touch = history(LONG_2_4, "100.03", "100.03", "100.04", "100.03", "100.04");
    assertThat(LONG_2_4.decide(touch, true)).isEqualTo(Signal.HOLD);
    assertThat(SHORT_2_4.decide(touch, false)).isEqualTo(Signal.HOLD);
  }

  @Test
  void aShortAverageThatTouchesTheLongOneFromAboveAndRisesAgainHasNotCrossedUp() {
    // close   SMA(2)   SMA(4)
    // 100.02  100.025  100.0225   above
    // 100.04  100.03   100.03     touch
    // 100.04  100.04   100.0325   above again: no crossing up (ta4j on the whole series agrees)
    String[] closes = {"100.00", "100.01", "100.03", "100.03", "100.02", "100.04", "100.04"};
    BarSeries series = fullSeries(toDecimals(closes), DecimalNum.class);
    ClosePriceIndicator close = new ClosePriceIndicator(series);
    assertThat(new CrossedUpIndicatorRule(new SMAIndicator(close, 2), new SMAIndicator(close, 4))
        .isSatisfied(series.getEndIndex())).isFalse();
    // The bot keeps only the last five closes. Walking back over the touch it compares SMA(2) = 100.025 with an
    // SMA(4) of just three of them, (100.03 + 100.03 + 100.02) / 3 = 100.0267, and sees a crossing that never was.
    assertThat(LONG_2_4.decide(history(LONG_2_4, closes), false)).isEqualTo(Signal.HOLD);
    assertThat(SHORT_2_4.decide(history(SHORT_2_4, closes), true)).isEqualTo(Signal.HOLD);
  }

  private static List<BigDecimal> toDecimals(String... closes) {
    return Arrays.stream(closes).map(BigDecimal::new).toList();
  }

  private static void assertDecisionsMatchTa4j(int shortWindow, int longWindow, List<BigDecimal> closes,
      Class<? extends Num> numType) {
    BarSeries series = fullSeries(closes, numType);
    ClosePriceIndicator close = new ClosePriceIndicator(series);
    SMAIndicator fast = new SMAIndicator(close, shortWindow);
    SMAIndicator slow = new SMAIndicator(close, longWindow);
    CrossedUpIndicatorRule crossedUp = new CrossedUpIndicatorRule(fast, slow);
    CrossedDownIndicatorRule crossedDown = new CrossedDownIndicatorRule(fast, slow);

    SmaCrossStrategy longBot = new SmaCrossStrategy(shortWindow, longWindow, Side.LONG);
    SmaCrossStrategy shortBot = new SmaCrossStrategy(shortWindow, longWindow, Side.SHORT);
    PriceHistory window = PriceHistory.withCapacity(longBot.lookback());
    int ups = 0;
    int downs = 0;
    for (int i = 0; i < closes.size(); i++) {
      window = window.append(T0 + i * MINUTE, closes.get(i));
      if (i < longWindow) continue;
      boolean up = crossedUp.isSatisfied(i);
      boolean down = crossedDown.isSatisfied(i);
      ups += up ? 1 : 0;
      downs += down ? 1 : 0;
      String at = "bar " + i + ", the bot holding " + window.closes();
      assertThat(longBot.decide(window, false)).as("flat long bot at %s", at).isEqualTo(up ? Signal.ENTER : Signal.HOLD);
      assertThat(longBot.decide(window, true)).as("open long bot at %s", at).isEqualTo(down ? Signal.EXIT : Signal.HOLD);
      assertThat(shortBot.decide(window, false)).as("flat short bot at %s", at)
          .isEqualTo(down ? Signal.ENTER : Signal.HOLD);
      assertThat(shortBot.decide(window, true)).as("open short bot at %s", at).isEqualTo(up ? Signal.EXIT : Signal.HOLD);
    }
    // The walk must actually exercise both rules, or the comparison proves little.
    assertThat(ups).as("crossings up").isGreaterThan(3);
    assertThat(downs).as("crossings down").isGreaterThan(3);
  }
}

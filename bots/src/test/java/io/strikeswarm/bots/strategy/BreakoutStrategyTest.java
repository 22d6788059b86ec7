package io.strikeswarm.bots.strategy;

import static io.strikeswarm.bots.strategy.BotLoop.enter;
import static io.strikeswarm.bots.strategy.BotLoop.exit;
import static io.strikeswarm.bots.strategy.BotLoop.trades;
import static org.assertj.core.api.Assertions.assertThat;

import io.strikeswarm.bots.domain.Side;
import io.strikeswarm.bots.strategy.Bars.Ohlc;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BreakoutStrategyTest {

  // Channel of the previous 3 bars to enter, of the previous 2 to exit; ATR(2) against its SMA over 3 bars.
  private static final BreakoutStrategy LONG = new BreakoutStrategy(3, 2, 2, 1.0, Side.LONG);
  private static final BreakoutStrategy SHORT = new BreakoutStrategy(3, 2, 2, 1.0, Side.SHORT);

  private static final Ohlc QUIET = Ohlc.hlc(101, 99, 100);

  //  index        0-4          5            6            7            8
  //  high/low/c   101/99/100   106/100/105  107/104/106  105/101/102  103/98/99
  //  true range   2            6            3            5            5
  //  ATR2         2            4            3.5          4.25         4.625
  //  SMA3(ATR)    2            2.67         3.17         3.92         4.125
  //  high of 3 before          101          106          107          107
  //  low of 2 before           99           99           100          101
  //  long                      ENTER        hold         hold         EXIT: 99 below 101
  private static final List<Ohlc> BREAKOUT = bars(QUIET, QUIET, QUIET, QUIET, QUIET, Ohlc.hlc(106, 100, 105),
      Ohlc.hlc(107, 104, 106), Ohlc.hlc(105, 101, 102), Ohlc.hlc(103, 98, 99));

  @Test
  void unstableBarsCoverTheChannelsAndAFullAverageOfSettledAtrs() {
    assertThat(LONG.unstableBars()).as("ATR(2) settled from index 2, its SMA(3) from 2 + 3 - 1").isEqualTo(4);
    assertThat(new BreakoutStrategy(20, 10, 14, 1.0, Side.LONG).unstableBars()).isEqualTo(33);
    assertThat(new BreakoutStrategy(20, 30, 5, 1.0, Side.LONG).unstableBars()).isEqualTo(30);
    assertThat(new BreakoutStrategy(20, 10, 1, 1.0, Side.LONG).unstableBars()).isEqualTo(20);
  }

  @Test
  void noEntryBeforeTheUnstableBars() {
    // The same breakout bar at index 3: the rule holds, but ATR's average is not settled yet.
    List<Ohlc> early = bars(QUIET, QUIET, QUIET, Ohlc.hlc(106, 100, 105), Ohlc.hlc(105, 101, 103));
    assertThat(LONG.rules(Bars.seriesOf(early)).entry().isSatisfied(3)).isTrue();
    assertThat(trades(LONG, early)).isEmpty();
  }

  @Test
  void aLongBotBuysACloseAboveThePreviousHighsOnExpandingVolatilityAndSellsBelowThePreviousLows() {
    // The channel leaves the current bar out: at index 5 the close of 105 is above 101 though below its own 106.
    assertThat(trades(LONG, BREAKOUT)).containsExactly(enter(5), exit(8));
  }

  @Test
  void aBreakoutOnShrinkingVolatilityIsNotBought() {
    // Wide bars, then a narrow one closing just above their highs: true range 11 (from the last close of 100),
    // ATR 15.5 against an average of 18.5 — below 1.0 times it, above 0.8 times it.
    Ohlc wide = Ohlc.hlc(110, 90, 100);
    List<Ohlc> path = bars(wide, wide, wide, wide, wide, Ohlc.hlc(111, 109, 110.5));
    assertThat(trades(LONG, path)).isEmpty();
    assertThat(trades(new BreakoutStrategy(3, 2, 2, 0.8, Side.LONG), path)).containsExactly(enter(5));
  }

  @Test
  void volatilityEqualToExpansionTimesItsAverageIsEnough() {
    // True range stays 2, so ATR = its average = 2 exactly: "at least", not "more than".
    List<Ohlc> path = bars(QUIET, QUIET, QUIET, QUIET, QUIET, Ohlc.hlc(102, 100, 101.5));
    assertThat(trades(LONG, path)).containsExactly(enter(5));
  }

  @Test
  void theShortSideOnTheMirroredPathTradesExactlyAsTheLongSideOnThePath() {
    List<Ohlc> mirrored = Bars.mirrored(BREAKOUT, 100);
    assertThat(trades(SHORT, mirrored)).containsExactly(enter(5), exit(8));
  }

  private static List<Ohlc> bars(Ohlc... bars) {
    return new ArrayList<>(List.of(bars));
  }
}

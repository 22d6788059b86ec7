package io.strikeswarm.bots.strategy;

import static io.strikeswarm.bots.strategy.BotLoop.enter;
import static io.strikeswarm.bots.strategy.BotLoop.exit;
import static io.strikeswarm.bots.strategy.BotLoop.trades;
import static org.assertj.core.api.Assertions.assertThat;

import io.strikeswarm.bots.domain.Side;
import io.strikeswarm.bots.strategy.Bars.Ohlc;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmaCrossStrategyTest {

  private static final SmaCrossStrategy LONG_2_4 = new SmaCrossStrategy(2, 4, Side.LONG);
  private static final SmaCrossStrategy SHORT_2_4 = new SmaCrossStrategy(2, 4, Side.SHORT);

  // Whole numbers: every average below is exact in doubles, so equal means equal.
  //  index  0     1    2     3     4    5    6     7     8    9    10   11
  //  close  10    8    8     11    11   6    6     14    14   4    24   20
  //  SMA2   10    9    8     9.5   11   8.5  6     10    14   9    14   22
  //  SMA4   10    9    8.67* 9.25  9.5  9    8.5   9.25  10   9.5  14   15.5    (* three closes only)
  //  2 vs 4 =     =    below above above below below above above below equal above
  private static final List<Ohlc> PATH = Bars.closes(10, 8, 8, 11, 11, 6, 6, 14, 14, 4, 24, 20);

  @Test
  void noSignalComesBeforeTheLongAverageIsFullOnTheBarBefore() {
    assertThat(LONG_2_4.unstableBars()).isEqualTo(4);
    assertThat(new SmaCrossStrategy(10, 30, Side.SHORT).unstableBars()).isEqualTo(30);
    // At index 3 ta4j's rule sees a crossing, but only against a 3-close SMA(4) at index 2: the bot must not take it.
    Strategy.Rules rules = LONG_2_4.rules(Bars.seriesOf(PATH));
    assertThat(rules.entry().isSatisfied(3)).isTrue();
    assertThat(trades(LONG_2_4, PATH.subList(0, 7))).isEmpty();
  }

  @Test
  void aLongBotEntersWhenTheShortAverageCrossesAboveTheLongOneAndExitsWhenItCrossesBelow() {
    assertThat(trades(LONG_2_4, PATH.subList(0, 10))).containsExactly(enter(7), exit(9));
  }

  @Test
  void aShortBotEntersOnTheCrossBelowAndExitsOnTheCrossAbove() {
    assertThat(trades(SHORT_2_4, PATH.subList(0, 10))).containsExactly(enter(5), exit(7), enter(9));
  }

  @Test
  void aTouchIsNotACrossButBelowThenEqualThenAboveIs() {
    // Index 10: the averages meet at 14 — nothing. Index 11: above, and the last bar where they differed (9) was
    // below: that is a crossing up (ta4j's rule skips the tie).
    assertThat(trades(LONG_2_4, PATH.subList(0, 11))).containsExactly(enter(7), exit(9));
    assertThat(trades(LONG_2_4, PATH)).containsExactly(enter(7), exit(9), enter(11));
    assertThat(trades(SHORT_2_4, PATH)).containsExactly(enter(5), exit(7), enter(9), exit(11));
  }

  @Test
  void theShortSideOnTheMirroredPathTradesExactlyAsTheLongSideOnThePath() {
    List<Ohlc> mirrored = Bars.mirrored(PATH, 15);
    assertThat(trades(SHORT_2_4, mirrored)).isEqualTo(trades(LONG_2_4, PATH)).isNotEmpty();
    assertThat(trades(LONG_2_4, mirrored)).isEqualTo(trades(SHORT_2_4, PATH)).isNotEmpty();
  }
}

package io.strikeswarm.bots.strategy;

import static io.strikeswarm.bots.strategy.BotLoop.enter;
import static io.strikeswarm.bots.strategy.BotLoop.exit;
import static io.strikeswarm.bots.strategy.BotLoop.trades;
import static org.assertj.core.api.Assertions.assertThat;

import io.strikeswarm.bots.domain.Side;
import io.strikeswarm.bots.strategy.Bars.Ohlc;
import java.util.List;
import org.junit.jupiter.api.Test;

class MomentumStrategyTest {

  // ROC over 2 bars above 5%, EMA(3): multiplier 2 / (3 + 1) = 0.5, so every EMA below is exact.
  private static final MomentumStrategy LONG = new MomentumStrategy(2, 5.0, 3, Side.LONG);
  private static final MomentumStrategy SHORT = new MomentumStrategy(2, 5.0, 3, Side.SHORT);

  //  index  0    1    2     3      4       5        6         7         8         9         10
  //  close  100  100  110   104    112     120      118       115       122       130       124
  //  ROC2%  0    0    10    4      1.8     15.4     5.4       -4.2      3.4       13.0      1.6
  //  EMA3   100  100  105   104.5  108.25  114.125  116.0625  115.5313  118.7656  124.3828  124.1914
  //  long   -    -    (in)  -      -       ENTER    hold      EXIT:ROC  -         ENTER     EXIT:EMA
  private static final List<Ohlc> PATH = Bars.closes(100, 100, 110, 104, 112, 120, 118, 115, 122, 130, 124);

  @Test
  void unstableBarsCoverTheRocLookBackAndTheEmaWindow() {
    assertThat(LONG.unstableBars()).isEqualTo(3);
    assertThat(new MomentumStrategy(12, 1.0, 50, Side.LONG).unstableBars()).isEqualTo(50);
    assertThat(new MomentumStrategy(60, 1.0, 50, Side.LONG).unstableBars()).isEqualTo(60);
  }

  @Test
  void noEntryBeforeTheUnstableBars() {
    // Index 2: up 10% on an EMA that has seen three closes — the rule holds, the bot must not act on it.
    assertThat(LONG.rules(Bars.seriesOf(PATH)).entry().isSatisfied(2)).isTrue();
    assertThat(trades(LONG, PATH.subList(0, 5))).isEmpty();
  }

  @Test
  void aLongBotBuysARiseAboveThresholdOverTheTrendAndSellsWhenTheRiseTurnsIntoAFall() {
    // Index 3 and 4 rose, but less than 5%: no entry. Index 7: ROC below 0.
    assertThat(trades(LONG, PATH.subList(0, 9))).containsExactly(enter(5), exit(7));
  }

  @Test
  void aLongBotAlsoSellsWhenTheCloseDropsBelowTheTrendWhileStillUpOverTheRocWindow() {
    assertThat(trades(LONG, PATH)).containsExactly(enter(5), exit(7), enter(9), exit(10));
  }

  @Test
  void theThresholdIsInPercentAndStrict() {
    // Index 5 rose 15.4%: a 15% threshold still lets it in, a 16% one does not (nor anything after).
    assertThat(trades(new MomentumStrategy(2, 15.0, 3, Side.LONG), PATH.subList(0, 6))).containsExactly(enter(5));
    assertThat(trades(new MomentumStrategy(2, 16.0, 3, Side.LONG), PATH)).isEmpty();
  }

  @Test
  void theShortSideOnTheMirroredPathTradesExactlyAsTheLongSideOnThePath() {
    // Mirrored around 100 the falls are of 10%, 16.7%, 17.6%...: ROC is not symmetric, but no decision here is close.
    List<Ohlc> mirrored = Bars.mirrored(PATH, 100);
    assertThat(trades(SHORT, mirrored)).containsExactly(enter(5), exit(7), enter(9), exit(10));
  }
}

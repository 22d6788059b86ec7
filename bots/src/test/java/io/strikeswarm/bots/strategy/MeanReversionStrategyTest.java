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

class MeanReversionStrategyTest {

  // Bands over 4 closes at 1 standard deviation (population), RSI over 2 (Wilder), 30 / 70.
  private static final MeanReversionStrategy LONG = new MeanReversionStrategy(4, 1.0, 2, 30, 70, Side.LONG);

  //  index   0    1    2      3      4      5      6      7      8
  //  close   100  102  90     101    99     101    104    108    100
  //  middle  100  101  97.33  98.25  98     97.75  101.25 103    103.25
  //  lower   100  100  92.08  93.43  93.26  93.20  99.47  99.61  100.14
  //  RSI2    0    100  7.7    65.7   53.5   66.1   81.3   91.5   28.8
  //  long    -    -    (in)   -      -      -      -      -      ENTER: below the lower band, RSI oversold
  private static final List<Ohlc> DIP = Bars.closes(100, 102, 90, 101, 99, 101, 104, 108, 100);

  @Test
  void unstableBarsCoverTheBandWindowAndTheRsiWindow() {
    assertThat(LONG.unstableBars()).as("bands full from index 3, RSI(2) from 2").isEqualTo(3);
    assertThat(new MeanReversionStrategy(20, 2.0, 14, 30, 70, Side.LONG).unstableBars()).isEqualTo(19);
    assertThat(new MeanReversionStrategy(10, 2.0, 14, 30, 70, Side.LONG).unstableBars()).isEqualTo(14);
  }

  @Test
  void noEntryBeforeTheUnstableBars() {
    // Index 2 is far below bands of three closes with RSI at 7.7: the rule holds, the bot must not act on it.
    assertThat(LONG.rules(Bars.seriesOf(DIP)).entry().isSatisfied(2)).isTrue();
    assertThat(trades(LONG, DIP.subList(0, 8))).isEmpty();
  }

  @Test
  void aLongBotBuysACloseBelowTheLowerBandWhileRsiIsOversold() {
    assertThat(trades(LONG, DIP)).containsExactly(enter(8));
  }

  @Test
  void bothConditionsMustHold() {
    // The same dip with RSI 28.8 not below 25, or a close of 100 not below a band 1.5 deviations down (98.58).
    assertThat(trades(new MeanReversionStrategy(4, 1.0, 2, 25, 70, Side.LONG), DIP)).isEmpty();
    assertThat(trades(new MeanReversionStrategy(4, 1.5, 2, 30, 70, Side.LONG), DIP)).isEmpty();
  }

  @Test
  void aLongBotSellsWhenTheCloseIsBackAboveTheMiddleBand() {
    // Index 9: 99 is below the middle (102.75), RSI 24.6: hold. Index 10: 104 is above it, RSI 69.4 is not above 70.
    assertThat(trades(LONG, with(DIP, 99, 104))).containsExactly(enter(8), exit(10));
  }

  @Test
  void aLongBotSellsWhenRsiIsOverboughtEvenBelowTheMiddleBand() {
    // Index 9: 103.5 is below the middle (103.875) with RSI 55.5 — above an overbought of 50, not of 70.
    List<Ohlc> path = with(DIP, 103.5);
    assertThat(trades(new MeanReversionStrategy(4, 1.0, 2, 30, 50, Side.LONG), path))
        .containsExactly(enter(8), exit(9));
    assertThat(trades(LONG, path)).containsExactly(enter(8));
  }

  @Test
  void theShortSideOnTheMirroredPathTradesExactlyAsTheLongSideOnThePath() {
    // Mirroring turns RSI r into 100 - r: oversold 30 / overbought 70 mirror into themselves, 30 / 50 into 50 / 70.
    MeanReversionStrategy short3070 = new MeanReversionStrategy(4, 1.0, 2, 30, 70, Side.SHORT);
    assertThat(trades(short3070, Bars.mirrored(with(DIP, 99, 104), 100))).containsExactly(enter(8), exit(10));
    assertThat(trades(new MeanReversionStrategy(4, 1.0, 2, 50, 70, Side.SHORT), Bars.mirrored(with(DIP, 103.5), 100)))
        .containsExactly(enter(8), exit(9));
  }

  private static List<Ohlc> with(List<Ohlc> path, double... closes) {
    List<Ohlc> longer = new ArrayList<>(path);
    longer.addAll(Bars.closes(closes));
    return longer;
  }
}

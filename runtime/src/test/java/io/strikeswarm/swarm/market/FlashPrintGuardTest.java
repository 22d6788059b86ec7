package io.strikeswarm.swarm.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.strikeswarm.bots.domain.Bar;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The flash-print guard: a bar out of line with recent bars — its true range over k × their ATR, or its high or low
 * more than a fraction away from the previous close — is counted, and traded on (flag) or kept from the bots (hold).
 */
class FlashPrintGuardTest {
  private static final long MINUTE = 60_000L;
  private static final FlashGuardSettings FLAG = FlashGuardSettings.parse("flag:atr=3,range=4,jump=0.2");
  private static final FlashGuardSettings HOLD = FlashGuardSettings.parse("hold:atr=3,range=4,jump=0.2");
  private static final String JUMP = "flash print: jump > 20 % from the previous close";
  private static final String RANGE = "flash print: range > 4x ATR(3)";

  @TempDir Path dir;

  /** Bars at minutes 1, 2, 3, … from {@code (open, high, low, close)} quadruples. */
  private static List<Bar> bars(double... ohlc) {
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < ohlc.length / 4; i++) {
      bars.add(bar(i + 1, ohlc[4 * i], ohlc[4 * i + 1], ohlc[4 * i + 2], ohlc[4 * i + 3]));
    }
    return bars;
  }

  private static Bar bar(int minute, double open, double high, double low, double close) {
    return new Bar("BTC-USD", minute * MINUTE, big(open), big(high), big(low), big(close), BigDecimal.ONE);
  }

  private static BigDecimal big(double v) {
    return BigDecimal.valueOf(v);
  }

  private static List<Long> flaggedMinutes(FlashPrintGuard.Screened screened) {
    return screened.flags().stream().map(f -> f.timeMs() / MINUTE).toList();
  }

  @Test
  void aWickThatRevertsIsFlaggedAndTheBarAfterItIsNot() {
    List<Bar> bars = bars(
        100, 101, 99, 100,
        100, 101, 99, 100,
        100, 101, 2, 100,     // minute 3: a print at 2 among 100s
        100, 101, 99, 100);

    FlashPrintGuard.Screened screened = FlashPrintGuard.screen(bars, FLAG);

    assertThat(flaggedMinutes(screened)).containsExactly(3L);
    assertThat(screened.counts()).containsExactly(entry(JUMP, 1L));
    assertThat(screened.bars()).as("flag: traded on, unchanged").isEqualTo(bars);
  }

  @Test
  void aPrintThatClosesFarAwayFlagsItselfButNotTheReturnToTheLastBarThatPassed() {
    List<Bar> bars = bars(
        100, 101, 99, 100,
        100, 100, 3, 3,        // minute 2: prints and closes at 3
        100, 101, 99, 100);    // back: far from 3, but in line with minute 1

    assertThat(flaggedMinutes(FlashPrintGuard.screen(bars, FLAG))).containsExactly(2L);
  }

  @Test
  void aRealChangeOfLevelFlagsOnlyItsFirstBar() {
    List<Bar> bars = bars(
        100, 101, 99, 100,
        130, 131, 129, 130,    // minute 2: +30 % and it stays there
        130, 131, 129, 130,
        130, 131, 129, 130);

    assertThat(flaggedMinutes(FlashPrintGuard.screen(bars, FLAG))).containsExactly(2L);
  }

  @Test
  void aRangeOverKTimesTheAverageOfTheLastBarsIsAFlashPrintAndExactlyKTimesIsNot() {
    // True ranges of minutes 2-4: 2, 2, 2, so ATR(3) = 2 and the limit is 4 x 2 = 8.
    List<Bar> calm = bars(
        100, 101, 99, 100,
        100, 101, 99, 100,
        100, 101, 99, 100,
        100, 101, 99, 100);
    List<Bar> atTheLimit = new ArrayList<>(calm);
    atTheLimit.add(bar(5, 100, 104, 96, 100));
    List<Bar> overIt = new ArrayList<>(calm);
    overIt.add(bar(5, 100, 104, 95.99, 100));

    assertThat(FlashPrintGuard.screen(atTheLimit, FLAG).flags()).isEmpty();
    FlashPrintGuard.Screened screened = FlashPrintGuard.screen(overIt, FLAG);
    assertThat(flaggedMinutes(screened)).containsExactly(5L);
    assertThat(screened.counts()).containsExactly(entry(RANGE, 1L));
  }

  @Test
  void theRangeTestWaitsForEnoughBarsAndTheFirstBarIsNeverJudged() {
    List<Bar> bars = bars(
        100, 119, 81, 100,     // minute 1: huge range, but nothing to judge it against
        100, 101, 99, 100,
        100, 110, 90, 100);    // minute 3: 10x the one range seen, but ATR(3) needs three

    assertThat(FlashPrintGuard.screen(bars, FLAG).flags()).isEmpty();
  }

  @Test
  void aFlashPrintDoesNotWidenTheToleranceForTheNextOne() {
    // Two range prints three bars apart: had the first entered the ATR, the second would pass.
    List<Bar> bars = bars(
        100, 101, 99, 100,
        100, 101, 99, 100,
        100, 101, 99, 100,
        100, 101, 99, 100,
        100, 109, 91, 100,
        100, 101, 99, 100,
        100, 109, 91, 100,
        100, 101, 99, 100);

    assertThat(flaggedMinutes(FlashPrintGuard.screen(bars, FLAG))).containsExactly(5L, 7L);
  }

  @Test
  void holdKeepsFlashPrintsFromTheBotsAndOffDoesNotLook() {
    List<Bar> bars = bars(
        100, 101, 99, 100,
        100, 101, 2, 100,
        100, 101, 99, 100);

    FlashPrintGuard.Screened held = FlashPrintGuard.screen(bars, HOLD);
    assertThat(held.bars()).containsExactly(bars.get(0), bars.get(2));
    assertThat(held.counts()).containsExactly(entry(JUMP, 1L));

    FlashPrintGuard.Screened off = FlashPrintGuard.screen(bars, FlashGuardSettings.parse("off"));
    assertThat(off.bars()).isEqualTo(bars);
    assertThat(off.flags()).isEmpty();
  }

  @Test
  void theLoaderCountsFlashPrintsPerSourceAndAHeldBarBecomesAGap() {
    Path file = DataFiles.write(dir, "btcusd_1m.csv",
        "datetime,open,high,low,close,volume",
        "2020-01-01 00:00:00,100,101,99,100,1",
        "2020-01-01 00:01:00,100,101,99,100,1",
        "2020-01-01 00:02:00,100,101,2,100,1",
        "2020-01-01 00:03:00,100,101,99,100,1");

    MarketData flagged = DataFiles.load(LoadOptions.defaults().withFlashGuard(FLAG), file);
    SourceReport report = flagged.report().sources().get(0);
    assertThat(report.flashPrints()).containsExactly(entry(JUMP, 1L));
    assertThat(report.flashVerdict()).isEqualTo("flagged (traded on)");
    assertThat(flagged.timeline()).hasSize(4);
    assertThat(report.gaps()).isZero();
    assertThat(flagged.report().describe()).contains("1 flash prints flagged (traded on): " + JUMP + ": 1");

    MarketData held = DataFiles.load(LoadOptions.defaults().withFlashGuard(HOLD), file);
    assertThat(held.timeline()).extracting(Bar::timeMs).doesNotContain(Instant.parse("2020-01-01T00:03:00Z")
        .toEpochMilli());
    assertThat(held.report().sources().get(0).gaps()).isEqualTo(1);
    assertThat(held.report().sources().get(0).flashVerdict()).isEqualTo("held back (not traded)");
  }

  @Test
  void flaggingCountsWhatItFindsInTheBuiltInDataAndChangesNoBarTheBotsTrade() {
    List<String> builtins = List.of("builtin:bitstamp-btcusd-2013", "builtin:binanceus-ethusd-5m-2023");
    MarketData flagged = MarketDataLoader.load(builtins, LoadOptions.defaults());
    MarketData unscreened = MarketDataLoader.load(builtins, LoadOptions.defaults().withFlashGuard(
        FlashGuardSettings.parse("off")));

    assertThat(flagged.timeline()).isEqualTo(unscreened.timeline());
    // Thin 2013 Bitstamp trading: four 5-minute bars whose range is over 10x the ATR of the 14 before them.
    assertThat(flagged.report().source("builtin:bitstamp-btcusd-2013").orElseThrow().flashPrints())
        .containsExactly(entry("flash print: range > 10x ATR(14)", 4L));
    assertThat(flagged.report().source("builtin:binanceus-ethusd-5m-2023").orElseThrow().flashPrints()).isEmpty();
  }

  @Test
  void theRealSixCentPrintOnCoinbaseIsFlaggedAsAJump() {
    Path file = Path.of("/work/shared/data/benchmark/coinbase_btcusd_4h_2016-05-18_2024-12-31.csv");
    assumeThat(Files.isRegularFile(file)).as("shared data file %s", file).isTrue();

    FlashPrintGuard.Screened screened = FlashPrintGuard.screen(
        MarketDataLoader.load(List.of(file.toString()), LoadOptions.defaults().withFlashGuard(
            FlashGuardSettings.parse("off"))).series("BTC-USD").orElseThrow().bars(), FlashGuardSettings.DEFAULT);

    assertThat(screened.flags()).contains(new FlashPrintGuard.Flag(Instant.parse("2017-04-16T00:00:00Z").toEpochMilli(),
        "flash print: jump > 25 % from the previous close"));
  }

  @Test
  void settingsAreReadFromTheOptionAndABadOneIsNamed() {
    assertThat(FlashGuardSettings.parse("flag")).isEqualTo(FlashGuardSettings.DEFAULT);
    assertThat(FlashGuardSettings.parse("HOLD:jump=0.1")).isEqualTo(new FlashGuardSettings(
        FlashGuardSettings.Mode.HOLD, 14, BigDecimal.TEN, new BigDecimal("0.1")));
    assertThat(FlashGuardSettings.parse("hold:atr=20,range=6,jump=0.3").toString())
        .isEqualTo("hold:atr=20,range=6,jump=0.3");
    assertThatThrownBy(() -> FlashGuardSettings.parse("drop")).hasMessageContaining("off, flag or hold");
    assertThatThrownBy(() -> FlashGuardSettings.parse("flag:range=1")).hasMessageContaining("range: must be > 1");
    assertThatThrownBy(() -> FlashGuardSettings.parse("flag:atr=x")).hasMessageContaining("atr");
    assertThatThrownBy(() -> FlashGuardSettings.parse("flag:k=3")).hasMessageContaining("unknown parameter 'k'");
    assertThatThrownBy(() -> FlashGuardSettings.parse("flag:jump=0")).hasMessageContaining("jump: must be > 0");
  }
}

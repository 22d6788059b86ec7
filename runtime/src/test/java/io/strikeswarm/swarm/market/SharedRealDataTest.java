package io.strikeswarm.swarm.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.strikeswarm.bots.domain.Bar;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Real exchange exports from the machine's shared data root, read in place. Skipped (not failed) where the data root
 * is absent, since it is not part of the repository.
 */
class SharedRealDataTest {
  private static final Path DATA = Path.of("/work/shared/data");
  private static final long FOUR_HOURS = Duration.ofHours(4).toMillis();

  private static Path shared(String relative) {
    Path file = DATA.resolve(relative);
    assumeThat(Files.isRegularFile(file)).as("shared data file %s", file).isTrue();
    return file;
  }

  private static long ms(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }

  @Test
  void coinbaseFourHourBarsKeepTheirRealGapsAndTheRealSixCentPrint() {
    Path file = shared("benchmark/coinbase_btcusd_4h_2016-05-18_2024-12-31.csv");

    InstrumentSeries series = MarketDataLoader.load(List.of(file.toString()), LoadOptions.defaults())
        .series("BTC-USD").orElseThrow();

    assertThat(series.period()).isEqualTo(Duration.ofHours(4));
    assertThat(series.bars()).hasSize(18_895);
    List<Long> gapStarts = new ArrayList<>();
    for (int i = 1; i < series.bars().size(); i++) {
      if (series.bars().get(i).timeMs() - series.bars().get(i - 1).timeMs() > FOUR_HOURS) {
        gapStarts.add(series.bars().get(i - 1).timeMs() - FOUR_HOURS);
      }
    }
    // Last bars opening before the two holes in Coinbase's history.
    assertThat(gapStarts).containsExactly(ms("2017-02-28T16:00:00Z"), ms("2018-08-10T00:00:00Z"));
    assertThat(series.gaps()).isEqualTo(2);

    Bar crash = series.bars().stream().filter(b -> b.timeMs() == ms("2017-04-15T20:00:00Z") + FOUR_HOURS)
        .findFirst().orElseThrow();
    assertThat(crash).isEqualTo(Bar.of("BTC-USD", ms("2017-04-16T00:00:00Z"), "0.06", "1186.6", "0.06", "1178.85",
        "489.40535858"));
    assertThat(crash.defect()).isEmpty();
  }

  @Test
  void bitstampOneMinuteDayResamplesToTwoHundredEightyEightFiveMinuteBars() {
    Path file = shared("fixtures/bitstamp_btcusd_1m_2020-01-01.csv");

    MarketData minutes = MarketDataLoader.load(List.of(file.toString()), LoadOptions.defaults());
    MarketData fives = MarketDataLoader.load(List.of(file.toString()),
        LoadOptions.defaults().withBar(LoadOptions.parseBar("5m")));

    assertThat(minutes.instruments().get(0).bars()).hasSize(1_440);
    assertThat(minutes.instruments().get(0).period()).isEqualTo(Duration.ofMinutes(1));
    InstrumentSeries series = fives.series("BTC-USD").orElseThrow();
    assertThat(series.bars()).hasSize(288);
    assertThat(series.first().timeMs()).isEqualTo(ms("2020-01-01T00:05:00Z"));
    assertThat(series.last().timeMs()).isEqualTo(ms("2020-01-02T00:00:00Z"));
    assertThat(sumOfVolume(series.bars())).isEqualByComparingTo(sumOfVolume(minutes.timeline()));
    assertThat(fives.report().sources().get(0).rowsRead()).isEqualTo(1_440);
  }

  @Test
  void binanceDailyBarsOfALeapYearAreNamedFromTheFileName() {
    Path file = shared("fixtures/binance_btcusdt_1d_2020.csv");

    InstrumentSeries series = MarketDataLoader.load(List.of(file.toString()), LoadOptions.defaults())
        .instruments().get(0);

    assertThat(series.instrument()).isEqualTo("BTC-USDT");
    assertThat(series.period()).isEqualTo(Duration.ofDays(1));
    assertThat(series.bars()).hasSize(366);
    assertThat(series.last().timeMs()).isEqualTo(ms("2021-01-01T00:00:00Z"));
  }

  private static BigDecimal sumOfVolume(List<Bar> bars) {
    return bars.stream().map(Bar::volume).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}

package io.strikeswarm.swarm.market;

import static io.strikeswarm.swarm.market.DataFiles.load;
import static io.strikeswarm.swarm.market.DataFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strikeswarm.bots.domain.Bar;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --bar aggregates whole native bars into epoch-aligned buckets; it never splits or straddles bars. */
class ResamplingTest {
  private static final long T0 = Instant.parse("2020-01-01T00:00:00Z").toEpochMilli();
  private static final long MINUTE = 60_000;
  private static final LoadOptions FIVE_MINUTES = LoadOptions.defaults().withBar(Duration.ofMinutes(5));

  @TempDir Path dir;

  @Test
  void oneMinuteBarsResampledToFiveMinutesTakeFirstOpenMaxHighMinLowLastCloseAndSumVolume() {
    Path file = write(dir, "btcusd_1m.csv",
        "datetime,open,high,low,close,volume",
        "2020-01-01 00:00:00,100,101,99,100.5,1",
        "2020-01-01 00:01:00,100.5,104,100,103,2",
        "2020-01-01 00:02:00,103,103,97.25,98,0.5",
        "2020-01-01 00:03:00,98,99,98,99,0",
        "2020-01-01 00:04:00,99,100,98.5,99.5,1.25",
        "2020-01-01 00:05:00,99.5,99.5,99,99,3",
        "2020-01-01 00:06:00,99,100,99,100,4");

    InstrumentSeries series = load(FIVE_MINUTES, file).instruments().get(0);

    assertThat(series.period()).isEqualTo(Duration.ofMinutes(5));
    assertThat(series.bars()).containsExactly(
        Bar.of("BTC-USD", T0 + 5 * MINUTE, "100", "104", "97.25", "99.5", "4.75"),
        Bar.of("BTC-USD", T0 + 10 * MINUTE, "99.5", "100", "99", "100", "7"));
  }

  @Test
  void bucketsAreAlignedToTheEpochNotToTheFirstRowAndEmptyBucketsStayGaps() {
    Path file = write(dir, "btcusd_1m.csv",
        "datetime,open,high,low,close,volume",
        "2020-01-01 00:03:00,10,11,9,10,1",
        "2020-01-01 00:04:00,10,12,10,11,1",
        "2020-01-01 00:05:00,11,11,11,11,1",
        "2020-01-01 00:17:00,12,12,12,12,1");

    InstrumentSeries series = load(FIVE_MINUTES, file).instruments().get(0);

    assertThat(series.bars()).extracting(Bar::timeMs)
        .containsExactly(T0 + 5 * MINUTE, T0 + 10 * MINUTE, T0 + 20 * MINUTE);
    assertThat(series.gaps()).isEqualTo(1);
  }

  @Test
  void aBarEqualToTheNativePeriodLeavesTheBarsAsTheyAre() {
    Path file = write(dir, "btcusd_1m.csv",
        "datetime,open,high,low,close,volume",
        "2020-01-01 00:00:30,10,11,9,10,1",
        "2020-01-01 00:01:30,10,12,10,11,1");

    MarketData data = load(LoadOptions.defaults().withBar(Duration.ofMinutes(1)), file);

    assertThat(data.timeline()).isEqualTo(load(file).timeline());
  }

  @Test
  void aBarThatIsNotAWholeMultipleOfTheNativePeriodIsRefused() {
    Path file = write(dir, "btcusd_10m.csv",
        "datetime,open,high,low,close,volume",
        "2020-01-01 00:00:00,10,11,9,10,1",
        "2020-01-01 00:10:00,10,12,10,11,1");

    assertThatThrownBy(() -> load(LoadOptions.defaults().withBar(Duration.ofMinutes(15)), file))
        .isInstanceOfSatisfying(MarketDataException.class, e -> {
          assertThat(e.source()).isEqualTo(file.toString());
          assertThat(e.reason()).contains("--bar 15m is not a whole multiple of the 10m bars");
        });
  }

  @Test
  void aBarSmallerThanTheNativePeriodIsRefused() {
    Path file = write(dir, "btcusd_1d.csv",
        "datetime,open,high,low,close,volume",
        "2020-01-01,10,11,9,10,1",
        "2020-01-02,10,12,10,11,1");

    assertThatThrownBy(() -> load(LoadOptions.defaults().withBar(Duration.ofHours(4)), file))
        .isInstanceOf(MarketDataException.class)
        .hasMessageContaining("--bar 4h is smaller than the 1d bars");
  }

  @Test
  void barsNotAlignedToTheirOwnPeriodAreNotResampledBecauseTheyWouldStraddleBuckets() {
    Path file = write(dir, "btcusd_1m.csv",
        "datetime,open,high,low,close,volume",
        "2020-01-01 00:00:30,10,11,9,10,1",
        "2020-01-01 00:01:30,10,12,10,11,1");

    assertThatThrownBy(() -> load(FIVE_MINUTES, file))
        .isInstanceOf(MarketDataException.class)
        .hasMessageContaining("not aligned");
  }

  @Test
  void resamplingKeepsTotalVolumeAndTheExtremesOfEveryBucket() {
    List<String> rows = new ArrayList<>(List.of("open_time_ms,open,high,low,close,volume"));
    for (int i = 0; i < 240; i++) {
      if (i % 37 == 5) continue; // a few missing minutes
      int base = 1000 + (i * 7919) % 97;
      rows.add((T0 + i * MINUTE) + "," + base + "," + (base + i % 5) + "," + (base - i % 3) + "," + base + ","
          + (i % 11) + ".125");
    }
    Path file = write(dir, "btcusd_1m.csv", rows.toArray(String[]::new));
    List<Bar> minutes = load(file).timeline();

    List<Bar> hours = load(LoadOptions.defaults().withBar(Duration.ofHours(1)), file).timeline();

    assertThat(hours).hasSize(4);
    for (Bar hour : hours) {
      List<Bar> inside = minutes.stream()
          .filter(m -> m.timeMs() > hour.timeMs() - 3_600_000 && m.timeMs() <= hour.timeMs()).toList();
      assertThat(hour.open()).isEqualTo(inside.get(0).open());
      assertThat(hour.close()).isEqualTo(inside.get(inside.size() - 1).close());
      assertThat(hour.high()).isEqualTo(inside.stream().map(Bar::high).reduce(java.math.BigDecimal::max).get());
      assertThat(hour.low()).isEqualTo(inside.stream().map(Bar::low).reduce(java.math.BigDecimal::min).get());
      assertThat(hour.volume())
          .isEqualTo(inside.stream().map(Bar::volume).reduce(java.math.BigDecimal::add).get());
      assertThat(hour.defect()).isEmpty();
    }
  }
}

package io.strikeswarm.swarm.market;

import static io.strikeswarm.swarm.market.DataFiles.load;
import static io.strikeswarm.swarm.market.DataFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strikeswarm.bots.domain.Bar;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** All instruments' bars on one clock, ordered by (time, instrument), so every replay sees the same sequence. */
class TimelineTest {
  @TempDir Path dir;

  @Test
  void twoInstrumentsOfDifferentPeriodsMergeOrderedByTimeThenInstrumentWithEveryBarOnce() {
    Path eth = write(dir, "ethusd.csv",
        "datetime,open,high,low,close,volume",
        "2020-01-01 00:00:00,1,1,1,1,1",
        "2020-01-01 00:05:00,1,1,1,1,2",
        "2020-01-01 00:10:00,1,1,1,1,3");
    Path btc = write(dir, "btcusd.csv",
        "datetime,open,high,low,close,volume",
        "2020-01-01 00:03:00,1,1,1,1,1",
        "2020-01-01 00:04:00,1,1,1,1,2",
        "2020-01-01 00:09:00,1,1,1,1,3");

    MarketData data = load(eth, btc);

    assertThat(data.instrumentNames()).containsExactly("BTC-USD", "ETH-USD");
    assertThat(data.timeline()).extracting(bar -> bar.instrument() + "@" + bar.timeMs() % 3_600_000 / 60_000)
        .containsExactly("BTC-USD@4", "BTC-USD@5", "ETH-USD@5", "BTC-USD@10", "ETH-USD@10", "ETH-USD@15");
    List<Bar> everyBar = new ArrayList<>();
    data.instruments().forEach(s -> everyBar.addAll(s.bars()));
    assertThat(data.timeline()).containsExactlyInAnyOrderElementsOf(everyBar);
  }

  @Test
  void theSameInstrumentFromTwoSourcesIsRefused() {
    Path first = write(dir, "btcusd.csv",
        "datetime,open,high,low,close,volume",
        "2020-01-01 00:00:00,1,1,1,1,1",
        "2020-01-01 00:01:00,1,1,1,1,1");
    Path second = write(dir, "other.csv",
        "datetime,open,high,low,close,volume",
        "2020-01-02 00:00:00,1,1,1,1,1",
        "2020-01-02 00:01:00,1,1,1,1,1");

    assertThatThrownBy(() -> MarketDataLoader.load(List.of(first.toString(), second + "@BTC-USD"),
        LoadOptions.defaults()))
        .isInstanceOfSatisfying(MarketDataException.class, e -> {
          assertThat(e.source()).isEqualTo(second.toString());
          assertThat(e.reason()).isEqualTo("instrument BTC-USD is already loaded from " + first);
        });
  }

  @Property(tries = 200)
  void theTimelineIsSortedByTimeThenInstrumentAndIsExactlyTheUnionOfTheSeries(
      @ForAll @Size(min = 1, max = 4) List<@Size(min = 1, max = 20) List<@IntRange(min = 1, max = 60) Integer>> steps) {
    List<InstrumentSeries> series = new ArrayList<>();
    for (int s = 0; s < steps.size(); s++) {
      String instrument = "I" + (char) ('Z' - s);
      List<Bar> bars = new ArrayList<>();
      long time = 0;
      for (int step : steps.get(s)) {
        time += step * 60_000L;
        bars.add(Bar.of(instrument, time, "1", "1", "1", "1", "1"));
      }
      series.add(new InstrumentSeries(instrument, "test", Duration.ofMinutes(1), bars));
    }

    MarketData data = MarketData.of(series, new LoadReport(List.of()));

    assertThat(data.timeline()).isSortedAccordingTo(
        Comparator.comparingLong(Bar::timeMs).thenComparing(Bar::instrument));
    assertThat(data.timeline()).doesNotHaveDuplicates();
    assertThat(data.timeline()).hasSize(steps.stream().mapToInt(List::size).sum());
    assertThat(data.instruments()).extracting(InstrumentSeries::instrument).isSorted();
  }
}

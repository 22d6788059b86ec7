package io.strikeswarm.swarm.market;

import io.strikeswarm.bots.domain.Bar;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Loaded market data: each instrument's series (sorted by instrument) and all their bars on one clock.
 *
 * @param timeline every bar of every instrument exactly once, ordered by (timeMs, instrument) so a replay is the
 *                 same on every run
 */
public record MarketData(List<InstrumentSeries> instruments, List<Bar> timeline, LoadReport report) {

  static final Comparator<Bar> TIMELINE_ORDER = Comparator.comparingLong(Bar::timeMs).thenComparing(Bar::instrument);

  public MarketData {
    instruments = List.copyOf(instruments);
    timeline = List.copyOf(timeline);
  }

  /** Sorts the series by instrument and merges their bars into the timeline. */
  public static MarketData of(List<InstrumentSeries> series, LoadReport report) {
    List<InstrumentSeries> sorted = series.stream()
        .sorted(Comparator.comparing(InstrumentSeries::instrument)).toList();
    List<Bar> timeline = sorted.stream().flatMap(s -> s.bars().stream()).sorted(TIMELINE_ORDER).toList();
    return new MarketData(sorted, timeline, report);
  }

  public Optional<InstrumentSeries> series(String instrument) {
    return instruments.stream().filter(s -> s.instrument().equals(instrument)).findFirst();
  }

  public List<String> instrumentNames() {
    return instruments.stream().map(InstrumentSeries::instrument).toList();
  }
}

package io.strikeswarm.swarm.market;

import io.strikeswarm.bots.domain.Bar;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One instrument's bars, strictly increasing in time, all of {@code period}; gaps (missing bars) are kept as gaps.
 *
 * @param source where the bars came from: the spec as given, without any {@code @SYMBOL}
 */
public record InstrumentSeries(String instrument, String source, Duration period, List<Bar> bars) {

  public InstrumentSeries {
    Objects.requireNonNull(instrument, "instrument");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(period, "period");
    bars = List.copyOf(bars);
    if (bars.isEmpty()) throw new IllegalArgumentException(instrument + ": a series needs at least one bar");
    for (int i = 0; i < bars.size(); i++) {
      Bar bar = bars.get(i);
      if (!bar.instrument().equals(instrument)) {
        throw new IllegalArgumentException("bar of " + bar.instrument() + " in the series of " + instrument);
      }
      if (i > 0 && bar.timeMs() <= bars.get(i - 1).timeMs()) {
        throw new IllegalArgumentException(instrument + ": bar times must strictly increase at index " + i);
      }
    }
  }

  /** How many consecutive-bar intervals are longer than the period, i.e. where bars are missing. */
  public int gaps() {
    long periodMs = period.toMillis();
    int gaps = 0;
    for (int i = 1; i < bars.size(); i++) {
      if (bars.get(i).timeMs() - bars.get(i - 1).timeMs() > periodMs) gaps++;
    }
    return gaps;
  }

  public Bar first() {
    return bars.get(0);
  }

  public Bar last() {
    return bars.get(bars.size() - 1);
  }
}

package io.strikeswarm.swarm.market;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One instrument's candles as read from a source, in time order. {@code period} is empty when the source does not
 * state it and it must be inferred from the spacing of the candles.
 */
record RawSeries(String instrument, Optional<Duration> period, List<Candle> candles) {
  RawSeries {
    candles = List.copyOf(candles);
  }

  RawSeries renamed(String newInstrument) {
    return new RawSeries(newInstrument, period, candles);
  }
}

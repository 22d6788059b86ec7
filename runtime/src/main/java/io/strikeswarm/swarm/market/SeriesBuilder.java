package io.strikeswarm.swarm.market;

import io.strikeswarm.bots.domain.Bar;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Turns one raw series into final bars: settles its native period and resamples to {@code --bar} when asked. */
final class SeriesBuilder {
  private SeriesBuilder() {}

  static InstrumentSeries build(String source, RawSeries raw, Optional<Duration> bar) {
    Duration nativePeriod = raw.period().orElseGet(() -> Periods.inferOr(source, raw.instrument(),
        raw.candles().stream().map(Candle::openTimeMs).toList(), bar));
    if (bar.isEmpty() || bar.get().equals(nativePeriod)) return series(source, raw.instrument(), nativePeriod,
        raw.candles());
    requireResamplable(source, raw.instrument(), nativePeriod, bar.get());
    requireAligned(source, raw.instrument(), raw.candles(), nativePeriod);
    return series(source, raw.instrument(), bar.get(), Buckets.aggregate(raw.candles(), bar.get()));
  }

  private static InstrumentSeries series(String source, String instrument, Duration period, List<Candle> candles) {
    List<Bar> bars = candles.stream().map(c -> c.toBar(instrument, period)).toList();
    return new InstrumentSeries(instrument, source, period, bars);
  }

  private static void requireResamplable(String source, String instrument, Duration nativePeriod, Duration bar) {
    if (bar.compareTo(nativePeriod) < 0) {
      throw MarketDataException.ofSource(source, "--bar " + Periods.label(bar) + " is smaller than the "
          + Periods.label(nativePeriod) + " bars of " + instrument + "; bars cannot be split");
    }
    if (bar.toMillis() % nativePeriod.toMillis() != 0) {
      throw MarketDataException.ofSource(source, "--bar " + Periods.label(bar) + " is not a whole multiple of the "
          + Periods.label(nativePeriod) + " bars of " + instrument);
    }
  }

  // A bar that does not start on a multiple of its own period could straddle two target buckets, and splitting its
  // volume between them would invent data; refuse instead.
  private static void requireAligned(String source, String instrument, List<Candle> candles, Duration nativePeriod) {
    long periodMs = nativePeriod.toMillis();
    for (Candle candle : candles) {
      if (Math.floorMod(candle.openTimeMs(), periodMs) != 0) {
        throw MarketDataException.ofSource(source, "cannot resample " + instrument + ": the bar opening at "
            + Instant.ofEpochMilli(candle.openTimeMs()) + " is not aligned to its " + Periods.label(nativePeriod)
            + " period");
      }
    }
  }
}

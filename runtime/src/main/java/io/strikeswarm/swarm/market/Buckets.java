package io.strikeswarm.swarm.market;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Aggregates time-ordered candles (or trades seen as candles) into bars of a longer period. Buckets are aligned to
 * epoch multiples of the period, as exchanges align their bars, so the same data always yields the same bars whatever
 * row it starts at. A bucket nothing fell into yields no bar: a gap stays a gap.
 */
final class Buckets {
  private Buckets() {}

  static List<Candle> aggregate(List<Candle> ordered, Duration period) {
    long periodMs = period.toMillis();
    List<Candle> out = new ArrayList<>();
    Candle current = null;
    for (Candle next : ordered) {
      long bucket = Math.floorDiv(next.openTimeMs(), periodMs) * periodMs;
      if (current != null && current.openTimeMs() == bucket) {
        current = merge(current, next);
      } else {
        if (current != null) out.add(current);
        current = new Candle(bucket, next.open(), next.high(), next.low(), next.close(), next.volume());
      }
    }
    if (current != null) out.add(current);
    return out;
  }

  private static Candle merge(Candle so, Candle next) {
    return new Candle(so.openTimeMs(), so.open(), so.high().max(next.high()), so.low().min(next.low()), next.close(),
        so.volume().add(next.volume()));
  }
}

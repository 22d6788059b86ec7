package io.strikeswarm.swarm.market;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The bar period of a series and how periods are written for people. */
final class Periods {
  private Periods() {}

  /**
   * The native period of time-ordered bars: the smallest positive step between consecutive bars. Gaps only make
   * steps longer, so the smallest step is the period as long as two bars anywhere are adjacent.
   */
  static Optional<Duration> infer(List<Long> orderedTimesMs) {
    long smallest = Long.MAX_VALUE;
    for (int i = 1; i < orderedTimesMs.size(); i++) {
      long step = orderedTimesMs.get(i) - orderedTimesMs.get(i - 1);
      if (step > 0 && step < smallest) smallest = step;
    }
    return smallest == Long.MAX_VALUE ? Optional.empty() : Optional.of(Duration.ofMillis(smallest));
  }

  /** The native period, or the operator's {@code --bar} when a lone bar leaves nothing to infer from. */
  static Duration inferOr(String source, String instrument, List<Long> orderedTimesMs, Optional<Duration> bar) {
    return infer(orderedTimesMs).or(() -> bar).orElseThrow(() -> MarketDataException.ofSource(source,
        "cannot infer the bar period of " + instrument + " from a single bar; give --bar"));
  }

  /** {@code 5m}, {@code 4h}, {@code 1d}, or ISO-8601 for periods that are not a whole number of one unit. */
  static String label(Duration period) {
    long ms = period.toMillis();
    if (ms > 0 && ms % 86_400_000L == 0) return ms / 86_400_000L + "d";
    if (ms > 0 && ms % 3_600_000L == 0) return ms / 3_600_000L + "h";
    if (ms > 0 && ms % 60_000L == 0) return ms / 60_000L + "m";
    return period.toString();
  }
}

package io.strikeswarm.swarm.bench;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/** Percentiles of one latency, in nanoseconds, from an HdrHistogram (3 significant digits). */
public record LatencySummary(long count, long p50, long p90, long p99, long p999, long max) {
  /** Latencies above this are recorded as this: ten minutes is far beyond any timeout of the benchmarks. */
  static final long HIGHEST = TimeUnit.MINUTES.toNanos(10);

  public static Histogram histogram() {
    return new Histogram(HIGHEST, 3);
  }

  public static void record(Histogram histogram, long nanos) {
    histogram.recordValue(Math.max(0, Math.min(HIGHEST, nanos)));
  }

  public static LatencySummary of(Histogram h) {
    return new LatencySummary(h.getTotalCount(), h.getValueAtPercentile(50), h.getValueAtPercentile(90),
        h.getValueAtPercentile(99), h.getValueAtPercentile(99.9), h.getMaxValue());
  }

  public static String header(String first) {
    return String.format(Locale.ROOT, "%-62s %9s %9s %9s %9s %9s %9s", first, "count", "p50 ms", "p90 ms", "p99 ms",
        "p99.9 ms", "max ms");
  }

  public String row(String name) {
    return String.format(Locale.ROOT, "%-62s %,9d %9.3f %9.3f %9.3f %9.3f %9.3f", name, count, ms(p50), ms(p90),
        ms(p99), ms(p999), ms(max));
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }
}

package io.strikeswarm.swarm.report;

import java.util.Arrays;

/**
 * Picks at most {@code maxPoints} of a long series for a chart. The series is cut into equal buckets and each keeps
 * its lowest and its highest point, plus the very first and last point: a plain every-n-th sample would skip the
 * trough of a sharp drawdown, and the chart would lie about the risk.
 */
final class Downsampler {
  private Downsampler() {}

  /** Indices into {@code values}, ascending, at most {@code maxPoints} (which must be at least 4). */
  static int[] indices(double[] values, int maxPoints) {
    if (maxPoints < 4) {
      throw new IllegalArgumentException("maxPoints must be at least 4, got " + maxPoints);
    }
    int n = values.length;
    if (n <= maxPoints) {
      int[] all = new int[n];
      Arrays.setAll(all, i -> i);
      return all;
    }
    int buckets = (maxPoints - 2) / 2;
    int[] picked = new int[buckets * 2 + 2];
    int k = 0;
    picked[k++] = 0;
    for (int b = 0; b < buckets; b++) {
      int from = (int) ((long) b * n / buckets);
      int to = (int) ((long) (b + 1) * n / buckets);
      int min = from;
      int max = from;
      for (int i = from + 1; i < to; i++) {
        if (values[i] < values[min]) {
          min = i;
        }
        if (values[i] > values[max]) {
          max = i;
        }
      }
      picked[k++] = Math.min(min, max);
      picked[k++] = Math.max(min, max);
    }
    picked[k++] = n - 1;
    return Arrays.stream(picked, 0, k).distinct().sorted().toArray();
  }
}

package io.strikeswarm.swarm.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The median of a few runs: what every benchmark reports, so one slow or lucky run does not make the figure. */
public final class Medians {
  private Medians() {}

  public static double of(List<Double> values) {
    if (values.isEmpty()) throw new IllegalArgumentException("no values");
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}

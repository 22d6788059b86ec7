package io.strikeswarm.http.view;

import io.strikeswarm.bots.domain.Money;
import io.strikeswarm.bots.domain.TradingState;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The swarm's equity at each bar time the feed has committed, for the dashboard's equity and drawdown charts: a
 * bounded ring (the oldest points go first), with the running peak kept over everything ever added so the drawdown
 * stays true after old points are dropped. Thread-safe.
 */
public final class EquityHistory {
  public record Point(long timeMs, BigDecimal equity, BigDecimal drawdown, Map<String, BigDecimal> diamonds,
      TradingState state) {}

  private final Point[] ring;
  private int start;
  private int size;
  private BigDecimal peak;

  public EquityHistory(int capacity) {
    if (capacity < 2) throw new IllegalArgumentException("capacity must be >= 2");
    ring = new Point[capacity];
  }

  public synchronized void add(long timeMs, BigDecimal equity, Map<String, BigDecimal> diamonds, TradingState state) {
    if (size > 0 && timeMs < ring[(start + size - 1) % ring.length].timeMs()) return; // never out of order
    peak = peak == null ? equity : peak.max(equity);
    BigDecimal drawdown = peak.signum() > 0 ? Money.divide(peak.subtract(equity), peak) : Money.ZERO;
    Point p = new Point(timeMs, equity, drawdown, Map.copyOf(diamonds), state);
    if (size < ring.length) {
      ring[(start + size++) % ring.length] = p;
    } else {
      ring[start] = p;
      start = (start + 1) % ring.length;
    }
  }

  /** At most {@code limit} points spread evenly over the history, always including the first and the latest. */
  public synchronized List<Point> points(int limit) {
    List<Point> out = new ArrayList<>();
    if (size == 0 || limit <= 0) return out;
    if (size <= limit) {
      for (int i = 0; i < size; i++) out.add(ring[(start + i) % ring.length]);
      return out;
    }
    for (int k = 0; k < limit; k++) {
      long i = limit == 1 ? size - 1 : (long) k * (size - 1) / (limit - 1);
      out.add(ring[(int) ((start + i) % ring.length)]);
    }
    return out;
  }

  public synchronized int size() {
    return size;
  }
}

package io.strikeswarm.bots.strategy;

import io.strikeswarm.persistence.CborSerializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The last {@code capacity} closes a bot has observed, oldest first, with their bar times. Part of the bot's
 * event-sourced state, so a recovered bot decides exactly as the one that crashed.
 */
public record PriceHistory(int capacity, List<Long> timesMs, List<BigDecimal> closes) implements CborSerializable {

  public PriceHistory {
    if (capacity < 1) throw new IllegalArgumentException("capacity must be >= 1");
    if (timesMs.size() != closes.size()) throw new IllegalArgumentException("times and closes differ in size");
    timesMs = List.copyOf(timesMs);
    closes = List.copyOf(closes);
  }

  public static PriceHistory withCapacity(int capacity) {
    return new PriceHistory(capacity, List.of(), List.of());
  }

  public PriceHistory append(long timeMs, BigDecimal close) {
    int drop = Math.max(0, closes.size() + 1 - capacity);
    List<Long> times = new ArrayList<>(timesMs.subList(drop, timesMs.size()));
    List<BigDecimal> values = new ArrayList<>(closes.subList(drop, closes.size()));
    times.add(timeMs);
    values.add(close);
    return new PriceHistory(capacity, times, values);
  }

  /** The same closes, kept in a window of a different size (after a parameter change). */
  public PriceHistory resized(int newCapacity) {
    int drop = Math.max(0, closes.size() - newCapacity);
    return new PriceHistory(newCapacity, timesMs.subList(drop, timesMs.size()), closes.subList(drop, closes.size()));
  }

  public int size() {
    return closes.size();
  }
}

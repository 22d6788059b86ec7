package io.strikeswarm.swarm.market;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Enforces that each instrument's rows move forward in time. Bars must strictly increase (two bars at one time would
 * be two prices for one moment); trades may share a timestamp, as bursts of fills do.
 */
final class TimeOrder {
  private final boolean equalTimesAllowed;
  private final Map<String, Long> lastTime = new HashMap<>();

  private TimeOrder(boolean equalTimesAllowed) {
    this.equalTimesAllowed = equalTimesAllowed;
  }

  static TimeOrder forBars() {
    return new TimeOrder(false);
  }

  static TimeOrder forTrades() {
    return new TimeOrder(true);
  }

  /** Checks {@code timeMs} against the instrument's previous accepted row, without accepting it. */
  void check(String instrument, long timeMs) throws RowRejected {
    Long previous = lastTime.get(instrument);
    if (previous == null) return;
    if (timeMs < previous) {
      throw new RowRejected(RowReasons.TIMESTAMP_BACKWARDS,
          Instant.ofEpochMilli(timeMs) + " after " + Instant.ofEpochMilli(previous));
    }
    if (timeMs == previous && !equalTimesAllowed) {
      throw new RowRejected(RowReasons.DUPLICATE_TIMESTAMP, Instant.ofEpochMilli(timeMs).toString());
    }
  }

  /** Records an accepted row. Skipped rows are never recorded, so the rows after them are judged as if they were absent. */
  void accept(String instrument, long timeMs) {
    lastTime.put(instrument, timeMs);
  }
}

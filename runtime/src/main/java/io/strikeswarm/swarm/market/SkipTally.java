package io.strikeswarm.swarm.market;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Decides the fate of a rejected row: fail the load at its location, or (with skipBadRows) count it by reason. Sorted
 * by reason so reports are identical from run to run.
 */
final class SkipTally {
  private final boolean skipBadRows;
  private final TreeMap<String, Long> counts = new TreeMap<>();

  SkipTally(boolean skipBadRows) {
    this.skipBadRows = skipBadRows;
  }

  /** Counts the row if skipping is allowed; otherwise throws the located failure. */
  void reject(RowRejected rejected, Supplier<MarketDataException> failure) {
    if (!skipBadRows) throw failure.get();
    counts.merge(rejected.reason(), 1L, Long::sum);
  }

  /** The failure for a source none of whose {@code rowsRead} rows produced anything. */
  MarketDataException nothingLoaded(String source, long rowsRead) {
    if (rowsRead == 0) return MarketDataException.ofSource(source, "no data rows");
    return MarketDataException.ofSource(source, "no rows left: all " + rowsRead + " rows were skipped " + counts);
  }

  SortedMap<String, Long> counts() {
    return Collections.unmodifiableSortedMap(new TreeMap<>(counts));
  }
}

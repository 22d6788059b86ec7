package io.strikeswarm.swarm.market;

import java.util.List;
import java.util.SortedMap;

/** What one source yielded: its series plus the bookkeeping the load report needs. */
record ParsedSource(String source, long rowsRead, SortedMap<String, Long> skipped, List<RawSeries> series) {
  ParsedSource {
    series = List.copyOf(series);
  }
}

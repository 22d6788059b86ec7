package io.strikeswarm.swarm.market;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What one source contributed. Rows are counted over the whole source; bars, gaps and times over the instruments
 * kept (after {@code --symbol}).
 *
 * @param rowsRead       data rows (CSV lines that are not blank, or JSON bars) read, including skipped ones
 * @param skipped        rows skipped under skipBadRows, by reason
 * @param gaps           consecutive-bar intervals longer than the period, summed over the instruments
 * @param firstBarTimeMs end time of the earliest bar
 * @param lastBarTimeMs  end time of the latest bar
 */
public record SourceReport(String source, List<String> instruments, long rowsRead, long barsProduced,
    SortedMap<String, Long> skipped, long gaps, long firstBarTimeMs, long lastBarTimeMs) {

  public SourceReport {
    Objects.requireNonNull(source, "source");
    instruments = List.copyOf(instruments);
    skipped = Collections.unmodifiableSortedMap(new TreeMap<>(skipped));
  }

  static SourceReport of(ParsedSource parsed, List<InstrumentSeries> kept) {
    return new SourceReport(parsed.source(),
        kept.stream().map(InstrumentSeries::instrument).sorted().toList(),
        parsed.rowsRead(),
        kept.stream().mapToLong(s -> s.bars().size()).sum(),
        parsed.skipped(),
        kept.stream().mapToLong(InstrumentSeries::gaps).sum(),
        kept.stream().mapToLong(s -> s.first().timeMs()).min().orElseThrow(),
        kept.stream().mapToLong(s -> s.last().timeMs()).max().orElseThrow());
  }

  public long rowsSkipped() {
    return skipped.values().stream().mapToLong(Long::longValue).sum();
  }

  String describe() {
    StringBuilder line = new StringBuilder()
        .append(source).append(": ").append(String.join(", ", instruments))
        .append(", ").append(rowsRead).append(" rows read, ").append(barsProduced).append(" bars")
        .append(", ").append(gaps).append(gaps == 1 ? " gap" : " gaps")
        .append(", bars ending ").append(Instant.ofEpochMilli(firstBarTimeMs))
        .append(" .. ").append(Instant.ofEpochMilli(lastBarTimeMs));
    if (!skipped.isEmpty()) {
      line.append(System.lineSeparator()).append("  skipped ").append(rowsSkipped()).append(" rows: ")
          .append(skipped.entrySet().stream().map(SourceReport::count).collect(Collectors.joining(", ")));
    }
    return line.toString();
  }

  private static String count(Map.Entry<String, Long> reasonCount) {
    return reasonCount.getKey() + ": " + reasonCount.getValue();
  }
}

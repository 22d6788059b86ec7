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
 * @param flashPrints    bars the flash-print guard found, by reason, summed over the instruments kept
 * @param flashMode      what was done with them: flagged (traded on) or held back (not traded, so gaps)
 */
public record SourceReport(String source, List<String> instruments, long rowsRead, long barsProduced,
    SortedMap<String, Long> skipped, long gaps, long firstBarTimeMs, long lastBarTimeMs,
    SortedMap<String, Long> flashPrints, FlashGuardSettings.Mode flashMode) {

  public SourceReport {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(flashMode, "flashMode");
    instruments = List.copyOf(instruments);
    skipped = Collections.unmodifiableSortedMap(new TreeMap<>(skipped));
    flashPrints = Collections.unmodifiableSortedMap(new TreeMap<>(flashPrints));
  }

  static SourceReport of(ParsedSource parsed, List<InstrumentSeries> kept,
      Map<String, SortedMap<String, Long>> flashByInstrument, FlashGuardSettings.Mode flashMode) {
    TreeMap<String, Long> flash = new TreeMap<>();
    for (InstrumentSeries s : kept) {
      flashByInstrument.getOrDefault(s.instrument(), new TreeMap<>()).forEach((r, n) -> flash.merge(r, n, Long::sum));
    }
    return new SourceReport(parsed.source(),
        kept.stream().map(InstrumentSeries::instrument).sorted().toList(),
        parsed.rowsRead(),
        kept.stream().mapToLong(s -> s.bars().size()).sum(),
        parsed.skipped(),
        kept.stream().mapToLong(InstrumentSeries::gaps).sum(),
        kept.stream().mapToLong(s -> s.first().timeMs()).min().orElseThrow(),
        kept.stream().mapToLong(s -> s.last().timeMs()).max().orElseThrow(),
        flash, flashMode);
  }

  public long rowsSkipped() {
    return skipped.values().stream().mapToLong(Long::longValue).sum();
  }

  public long flashPrintCount() {
    return flashPrints.values().stream().mapToLong(Long::longValue).sum();
  }

  /** How the report names what happened to flash prints. */
  public String flashVerdict() {
    return flashMode == FlashGuardSettings.Mode.HOLD ? "held back (not traded)" : "flagged (traded on)";
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
    if (!flashPrints.isEmpty()) {
      line.append(System.lineSeparator()).append("  ").append(flashPrintCount()).append(" flash prints ")
          .append(flashVerdict()).append(": ")
          .append(flashPrints.entrySet().stream().map(SourceReport::count).collect(Collectors.joining(", ")));
    }
    return line.toString();
  }

  private static String count(Map.Entry<String, Long> reasonCount) {
    return reasonCount.getKey() + ": " + reasonCount.getValue();
  }
}

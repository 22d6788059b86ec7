package io.strikeswarm.swarm.market;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a load read and produced, per source, in the order the sources were given. */
public record LoadReport(List<SourceReport> sources) {

  public LoadReport {
    sources = List.copyOf(sources);
  }

  public Optional<SourceReport> source(String source) {
    return sources.stream().filter(s -> s.source().equals(source)).findFirst();
  }

  public long totalRowsSkipped() {
    return sources.stream().mapToLong(SourceReport::rowsSkipped).sum();
  }

  /** A few lines for the operator: one per source, plus one listing skipped rows where there were any. */
  public String describe() {
    return sources.stream().map(SourceReport::describe).collect(Collectors.joining(System.lineSeparator()));
  }
}

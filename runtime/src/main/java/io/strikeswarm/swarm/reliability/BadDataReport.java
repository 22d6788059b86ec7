package io.strikeswarm.swarm.reliability;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** What the bad-data trial put in, what the loader and the backtest made of it, and any difference. */
public record BadDataReport(long seed, List<FaultInjector.Fault> faults, SortedMap<String, Long> rejectedExpected,
    SortedMap<String, Long> rejectedFound, long gapsExpected, long gapsFound, long flashExpected, long flashFound,
    String strictFailure, int strictExit, int holdExit, long heldTraded, List<String> problems, Path file) {

  public BadDataReport {
    faults = List.copyOf(faults);
    rejectedExpected = new TreeMap<>(rejectedExpected);
    rejectedFound = new TreeMap<>(rejectedFound);
    problems = List.copyOf(problems);
  }

  public boolean passed() {
    return problems.isEmpty();
  }

  public Map<FaultInjector.Kind, Long> injected() {
    Map<FaultInjector.Kind, Long> counts = new EnumMap<>(FaultInjector.Kind.class);
    for (FaultInjector.Fault f : faults) counts.merge(f.kind(), 1L, Long::sum);
    return counts;
  }

  public String render() {
    StringBuilder out = new StringBuilder();
    out.append(String.format("bad market data (seed %d): %d faults put into %s%n", seed, faults.size(), file));
    out.append("  injected: ");
    injected().forEach((k, n) -> out.append(k.name().toLowerCase().replace('_', ' ')).append(' ').append(n).append("; "));
    out.append('\n');
    out.append(String.format("  strict load: stopped at %s%n", strictFailure));
    out.append(String.format("  strict `swarm backtest`: exit %d, nothing written%n", strictExit));
    out.append("  --skip-bad-rows: rows skipped ");
    rejectedFound.forEach((r, n) -> out.append('"').append(r).append("\" ").append(n).append(" (expected ")
        .append(rejectedExpected.getOrDefault(r, 0L)).append("); "));
    out.append(String.format("%n  gaps %d (expected %d); flash prints flagged %d (expected %d)%n", gapsFound,
        gapsExpected, flashFound, flashExpected));
    out.append(String.format("  `swarm backtest --skip-bad-rows --flash-guard hold`: exit %d; trades or equity points "
        + "on held bars: %d%n", holdExit, heldTraded));
    problems.forEach(p -> out.append("    ").append(p).append('\n'));
    out.append("  result: ").append(passed() ? "PASSED" : "FAILED").append('\n');
    return out.toString();
  }
}

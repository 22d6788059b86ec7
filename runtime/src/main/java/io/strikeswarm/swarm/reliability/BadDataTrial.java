package io.strikeswarm.swarm.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strikeswarm.bots.domain.Bar;
import io.strikeswarm.swarm.market.FlashGuardSettings;
import io.strikeswarm.swarm.market.InstrumentSeries;
import io.strikeswarm.swarm.market.LoadOptions;
import io.strikeswarm.swarm.market.MarketData;
import io.strikeswarm.swarm.market.MarketDataException;
import io.strikeswarm.swarm.market.MarketDataLoader;
import io.strikeswarm.swarm.market.SourceReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Bad market data, on purpose: a real bar series (the built-in Binance.US ETH-USD 5-minute bars) written as CSV with
 * the {@link FaultInjector}'s faults in it, then read the three ways an operator can read it —
 * <ol>
 *   <li>strictly: the load stops at the first bad row, naming file, line and reason; {@code swarm backtest} exits 2
 *       and writes nothing;</li>
 *   <li>skipping bad rows, flash prints flagged: every fault is counted under its reason, exactly as many as were put
 *       in; gaps are counted; the bars traded are all the others, unchanged;</li>
 *   <li>skipping bad rows, flash prints held: a whole {@code swarm backtest} runs to the end, its report's data
 *       issues carry the same counts, and no trade and no equity point falls on a held bar.</li>
 * </ol>
 */
public final class BadDataTrial {
  static final String BASE = "builtin:binanceus-ethusd-5m-2023";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path work;
  private final long seed;
  private final Launcher launcher;

  public BadDataTrial(Path work, long seed, Launcher launcher) {
    this.work = work;
    this.seed = seed;
    this.launcher = launcher;
  }

  public BadDataReport run() throws IOException, InterruptedException {
    Files.createDirectories(work);
    InstrumentSeries clean = MarketDataLoader.load(List.of(BASE),
        LoadOptions.defaults().withFlashGuard(FlashGuardSettings.parse("off"))).instruments().get(0);
    FaultInjector.Corrupted corrupted = FaultInjector.inject(clean.bars(), clean.period(), seed);
    Path file = work.resolve("ethusd_5m_corrupted.csv");
    Files.write(file, corrupted.lines(), StandardCharsets.UTF_8);
    List<String> problems = new ArrayList<>();

    // 1. Strict: stop at the first bad row, in-process and through the CLI.
    String strict = strictLoad(file, corrupted, problems);
    Path strictData = work.resolve("strict-data-dir");
    int strictExit = backtest("strict", strictData, List.of("--data", file.toString()));
    String strictErr = Files.readString(work.resolve("logs").resolve("strict.err"));
    String located = file + ":" + corrupted.firstBad().line() + ": " + corrupted.firstBad().kind().rejection;
    if (strictExit != 2) problems.add("strict backtest exited " + strictExit + ", expected 2");
    if (!strictErr.contains(located)) problems.add("strict backtest did not say '" + located + "': " + strictErr.strip());
    if (!strictErr.contains("nothing was started and nothing was written")) {
      problems.add("strict backtest did not say that nothing was written");
    }
    if (Files.exists(strictData.resolve("backtest"))) problems.add("strict backtest wrote a journal");

    // 2. Skipping, flash prints flagged: exact counts, every other bar unchanged.
    SourceReport flagged = lenientLoad(file, "flag", corrupted, clean, problems);

    // 3. Skipping, flash prints held: a whole backtest on it.
    Path report = work.resolve("hold-report");
    int holdExit = backtest("hold", work.resolve("hold-data-dir"), List.of("--data", file.toString(),
        "--skip-bad-rows", "--flash-guard", "hold", "--bots", "long=4,short=4", "--report", report.toString()));
    long heldTraded = 0;
    if (holdExit != 0) {
      problems.add("backtest with --skip-bad-rows --flash-guard hold exited " + holdExit);
    } else {
      checkIssues(report, file, corrupted, problems);
      heldTraded = heldTimesTouched(report, corrupted.flashPrints());
      if (heldTraded > 0) problems.add(heldTraded + " trades or equity points fall on held flash prints");
    }
    return new BadDataReport(seed, corrupted.faults(), corrupted.rejected(), flagged.skipped(),
        corrupted.gapsWithout(List.of()), flagged.gaps(), corrupted.flashPrints().size(), flagged.flashPrintCount(),
        strict, strictExit, holdExit, heldTraded, problems, file);
  }

  private static String strictLoad(Path file, FaultInjector.Corrupted corrupted, List<String> problems) {
    try {
      MarketDataLoader.load(List.of(file.toString()), LoadOptions.defaults());
      problems.add("a strict load accepted the corrupted file");
      return "accepted";
    } catch (MarketDataException e) {
      if (e.line() != corrupted.firstBad().line() || !e.reason().equals(corrupted.firstBad().kind().rejection)) {
        problems.add("strict load stopped at '" + e.getMessage() + "', expected line " + corrupted.firstBad().line()
            + ": " + corrupted.firstBad().kind().rejection);
      }
      return e.getMessage();
    }
  }

  private static SourceReport lenientLoad(Path file, String guard, FaultInjector.Corrupted corrupted,
      InstrumentSeries clean, List<String> problems) {
    MarketData data = MarketDataLoader.load(List.of(file.toString()),
        LoadOptions.defaults().withSkipBadRows(true).withFlashGuard(FlashGuardSettings.parse(guard)));
    problems.addAll(differences(data, corrupted, clean));
    return data.report().sources().get(0);
  }

  /**
   * Where a load that skipped bad rows and flagged flash prints differs from what the injector says it must be: the
   * rows skipped by reason, the gaps, the flash prints, which bars were kept, and that every untouched bar is unchanged.
   */
  static List<String> differences(MarketData data, FaultInjector.Corrupted corrupted, InstrumentSeries clean) {
    List<String> problems = new ArrayList<>();
    SourceReport source = data.report().sources().get(0);
    if (!source.skipped().equals(corrupted.rejected())) {
      problems.add("rows skipped " + source.skipped() + ", expected " + corrupted.rejected());
    }
    if (source.gaps() != corrupted.gapsWithout(List.of())) {
      problems.add("gaps " + source.gaps() + ", expected " + corrupted.gapsWithout(List.of()));
    }
    if (source.flashPrintCount() != corrupted.flashPrints().size()) {
      problems.add("flash prints " + source.flashPrints() + ", expected " + corrupted.flashPrints().size());
    }
    List<Long> times = data.timeline().stream().map(Bar::timeMs).toList();
    if (!times.equals(corrupted.survivors())) problems.add("the bars kept are not exactly the rows that were good");
    Map<Long, Bar> original = new TreeMap<>();
    clean.bars().forEach(b -> original.put(b.timeMs(), b));
    long changed = data.timeline().stream()
        .filter(b -> !corrupted.flashPrints().contains(b.timeMs()) && !b.equals(original.get(b.timeMs()))).count();
    if (changed > 0) problems.add(changed + " good bars came out changed");
    return problems;
  }

  private void checkIssues(Path report, Path file, FaultInjector.Corrupted corrupted, List<String> problems)
      throws IOException {
    JsonNode issues = JSON.readTree(report.resolve("summary.json").toFile()).path("data_issues");
    String source = file.toString();
    corrupted.rejected().forEach((reason, count) -> {
      long found = issues.path(source + ": rows skipped: " + reason).asLong(-1);
      if (found != count) problems.add("report: rows skipped for '" + reason + "' " + found + ", expected " + count);
    });
    // Held flash prints are gaps too: the bots never see those bars.
    long gaps = issues.path(source + ": gaps (missing bars, kept as gaps)").asLong(0);
    long expectedGaps = corrupted.gapsWithout(corrupted.flashPrints());
    if (gaps != expectedGaps) problems.add("report: gaps " + gaps + ", expected " + expectedGaps);
    long held = 0;
    for (var it = issues.fields(); it.hasNext(); ) {
      var e = it.next();
      if (e.getKey().startsWith(source + ": flash print:") && e.getKey().endsWith("held back (not traded)")) {
        held += e.getValue().asLong();
      }
    }
    if (held != corrupted.flashPrints().size()) {
      problems.add("report: flash prints held " + held + ", expected " + corrupted.flashPrints().size());
    }
  }

  /** Trades entered or left, and equity points, at a held bar's time: none may exist. */
  private static long heldTimesTouched(Path report, List<Long> held) throws IOException {
    long touched = 0;
    List<String> trades = Files.readAllLines(report.resolve("trades.csv"));
    for (String line : trades.subList(1, trades.size())) {
      String[] f = line.split(",");
      if (held.contains(Long.parseLong(f[5])) || held.contains(Long.parseLong(f[7]))) touched++;
    }
    List<String> equity = Files.readAllLines(report.resolve("equity.csv"));
    for (String line : equity.subList(1, equity.size())) {
      if (held.contains(Long.parseLong(line.split(",")[0]))) touched++;
    }
    return touched;
  }

  private int backtest(String name, Path dataDir, List<String> options) throws InterruptedException {
    List<String> args = new ArrayList<>(List.of("--data-dir", dataDir.toString(), "backtest"));
    args.addAll(options);
    try (ChildSwarm child = ChildSwarm.start(launcher, args, work.resolve("logs"), name)) {
      return child.awaitExit(Duration.ofMinutes(10));
    }
  }
}

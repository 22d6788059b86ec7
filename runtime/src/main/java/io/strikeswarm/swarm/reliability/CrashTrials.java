package io.strikeswarm.swarm.reliability;

import com.typesafe.config.Config;
import io.strikeswarm.bots.domain.Bar;
import io.strikeswarm.bots.entity.BotEntity;
import io.strikeswarm.swarm.market.InstrumentSeries;
import io.strikeswarm.swarm.market.LoadOptions;
import io.strikeswarm.swarm.market.MarketData;
import io.strikeswarm.swarm.market.MarketDataLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Crash trials on the operated swarm: {@code swarm run --speed max --exit-at-end} on a finite data set in a child JVM,
 * killed with SIGKILL at seeded random points and restarted on the same data directory, again and again, then let
 * run to the end. After every kill the journal on disk is audited ({@link JournalAudit}), every bot is recovered and
 * compared with a replay of its events ({@link RecoveryCheck}), and the master's and diamonds' books are replayed;
 * at the end the trade ledger must equal, byte for byte, the ledger of an uninterrupted run on the same input, and
 * every bot's journal must equal that run's event for event.
 */
public final class CrashTrials {
  private static final Duration START_LIMIT = Duration.ofMinutes(3);
  private static final Duration POLL = Duration.ofMillis(20);
  private static final Duration RECOVERY_ASK = Duration.ofSeconds(30);
  /** Until a start has been timed: the window a kill while starting is drawn from. */
  private static final long TYPICAL_STARTUP_MILLIS = 4_000;

  /**
   * @param kills      how many times to SIGKILL the swarm before letting it finish
   * @param seed       the kill plan's seed
   * @param data       market data sources, as for {@code swarm run --data}
   * @param work       an empty directory for the trial's data directories, logs and ledgers
   * @param overrides  the operator's configuration overrides, under the trial's own settings
   * @param runLimit   longest a swarm may take to trade the whole data set
   */
  public record Settings(int kills, long seed, List<String> data, int longBots, int shortBots, Path work,
      Config overrides, Launcher launcher, Duration runLimit) {
    public Settings {
      if (kills < 0) throw new IllegalArgumentException("kills must be >= 0, got " + kills);
      if (longBots < 0 || shortBots < 0 || longBots + shortBots == 0) {
        throw new IllegalArgumentException("the swarm needs at least one bot");
      }
      data = List.copyOf(data);
    }
  }

  private final Settings settings;
  private final PrintWriter console;
  private final JournalReader reader;

  public CrashTrials(Settings settings, JournalReader reader, PrintWriter console) {
    this.settings = settings;
    this.reader = reader;
    this.console = console;
  }

  public CrashReport run() throws IOException, InterruptedException {
    MarketData market = MarketDataLoader.load(settings.data(), LoadOptions.defaults());
    long totalTimes = market.timeline().stream().mapToLong(Bar::timeMs).distinct().count();
    Path work = Files.createDirectories(settings.work());
    Path config = work.resolve("trial.conf");
    Files.writeString(config, TrialConfig.render(work, settings.overrides(), settings.longBots(), settings.shortBots(),
        market.instrumentNames()));
    console.printf("crash trials: %d kills, seed %d; %d+%d bots on %s (%d bar times)%n", settings.kills(),
        settings.seed(), settings.longBots(), settings.shortBots(), String.join(", ", settings.data()), totalTimes);
    console.flush();

    Path referenceDir = work.resolve("reference");
    long end = market.timeline().get(market.timeline().size() - 1).timeMs();
    // The uninterrupted run shares nothing with the crashed one but the input: it runs alongside the kills.
    try (ChildSwarm referenceRun = ChildSwarm.start(settings.launcher(), args(referenceDir, config),
        work.resolve("logs"), "reference")) {
      return runTrials(market, totalTimes, end, config, referenceRun, referenceDir);
    }
  }

  private CrashReport runTrials(MarketData market, long totalTimes, long end, Path config, ChildSwarm referenceRun,
      Path referenceDir) throws IOException, InterruptedException {
    Path work = settings.work();
    Path crashedDir = work.resolve("crashed");
    KillPlan plan = new KillPlan(settings.seed());
    List<CrashReport.Trial> trials = new ArrayList<>();
    long done = 0;
    long startup = TYPICAL_STARTUP_MILLIS;
    for (int i = 1; i <= settings.kills(); i++) {
      KillPlan.Point point = plan.next(settings.kills() - i + 1, totalTimes - done, startup);
      Life life = liveAndDie(i, point, crashedDir, config);
      if (life.startupMillis() > 0) startup = life.startupMillis();
      if (life.barTimesDone() >= 0) done = life.barTimesDone();
      List<JournalRow> rows = reader.read(crashedDir);
      List<String> leftovers = reader.uncommitted(crashedDir);
      CrashReport.Trial trial = check(i, point, life, rows, leftovers,
          committedAtLeast(rows, market, life.acknowledgedMs()));
      trials.add(trial);
      console.println(trial.describe());
      console.flush();
      if (!life.killed()) break; // it ran to the end first: nothing is left to interrupt
    }

    Finished reference = finish(referenceRun, "reference", referenceDir, market, end);
    String referenceLedger = Ledger.csv(reference.rows());
    Files.writeString(work.resolve("reference-trades.csv"), referenceLedger, StandardCharsets.UTF_8);
    console.printf("reference: uninterrupted run, %d events, %d trades, journal %s%n", reference.rows().size(),
        Ledger.trades(reference.rows()).size(), reference.findings().clean() ? "clean" : "NOT CLEAN");
    console.flush();

    Finished last = finish(ChildSwarm.start(settings.launcher(), args(crashedDir, config), work.resolve("logs"),
        "final"), "final", crashedDir, market, end);
    String ledger = Ledger.csv(last.rows());
    Files.writeString(work.resolve("crashed-trades.csv"), ledger, StandardCharsets.UTF_8);
    RecoveryCheck.Result recovered = RecoveryCheck.run(crashedDir, Replay.bots(last.rows()), RECOVERY_ASK);
    List<String> journalDifferences = botJournalDifferences(reference.rows(), last.rows());
    List<String> failures = new ArrayList<>();
    if (reference.failure() != null) failures.add(reference.failure());
    if (last.failure() != null) failures.add(last.failure());
    return new CrashReport(settings.seed(), settings.kills(), trials, reference.findings(), last.findings(),
        recovered, Replay.unbalancedBooks(last.rows()), referenceLedger.equals(ledger),
        Ledger.trades(last.rows()).size(), botsOf(last.rows()), journalDifferences, failures, work);
  }

  /** A run left to finish: its journal, the audit of it, and why it did not end well (null when it did). */
  private record Finished(List<JournalRow> rows, JournalAudit.Findings findings, String failure) {}

  /**
   * Waits for a child swarm to trade to the end of the data; it must exit 0 by itself with every bar committed. One
   * that does not is a finding like any other, with the last words of its log; its journal is still audited.
   */
  private Finished finish(ChildSwarm started, String name, Path dataDir, MarketData market, long end)
      throws InterruptedException, IOException {
    try (ChildSwarm child = started) {
      int code = child.awaitExit(settings.runLimit());
      String failure = null;
      if (code != 0) {
        Path err = settings.work().resolve("logs").resolve(name + ".err");
        List<String> said = Files.readAllLines(err).stream().filter(l -> l.startsWith("swarm: ")).toList();
        failure = "the " + name + " run exited with " + code + (said.isEmpty() ? "" : ": " + said.get(said.size() - 1))
            + " (log: " + err + ")";
      }
      List<JournalRow> rows = reader.read(dataDir);
      return new Finished(rows, JournalAudit.audit(rows, committedAtLeast(rows, market, end)), failure);
    }
  }

  /**
   * @param killed           whether the SIGKILL came before the child ended by itself
   * @param barTimesDone     the last progress the API reported (-1: none)
   * @param acknowledgedMs   a bar time every bot had committed in this life, as the API reported it before the kill
   *                         (Long.MIN_VALUE: none trusted)
   * @param servedBeforeKill whether the API was up when the kill came
   */
  private record Life(boolean killed, int exitCode, long barTimesDone, long acknowledgedMs, boolean servedBeforeKill,
      long startupMillis) {}

  private Life liveAndDie(int index, KillPlan.Point point, Path dataDir, Path config) throws InterruptedException,
      IOException {
    try (ChildSwarm child = ChildSwarm.start(settings.launcher(), args(dataDir, config), settings.work().resolve("logs"),
        "trial-" + index)) {
      if (point.phase() == KillPlan.Phase.STARTING) {
        long deadline = System.nanoTime() + point.delayMillis() * 1_000_000L;
        while (child.alive() && System.nanoTime() < deadline) Thread.sleep(1);
        boolean served = child.startupMillis() >= 0;
        if (!child.alive()) return new Life(false, child.awaitExit(Duration.ZERO), -1, Long.MIN_VALUE, served, -1);
        return new Life(true, child.kill(), -1, Long.MIN_VALUE, served, child.startupMillis());
      }
      Optional<URI> api = child.awaitServing(START_LIMIT);
      if (api.isEmpty()) {
        if (child.alive()) throw new IllegalStateException("trial " + index + ": the swarm did not serve its API");
        return new Life(false, child.awaitExit(Duration.ZERO), -1, Long.MIN_VALUE, false, -1);
      }
      FeedProbe probe = new FeedProbe(api.get(), dataDir);
      long first = -1;
      long last = -1;
      long acknowledged = Long.MIN_VALUE;
      while (child.alive()) {
        Optional<FeedProbe.Feed> feed = probe.poll();
        if (feed.isPresent()) {
          FeedProbe.Feed f = feed.get();
          if (first < 0) first = f.barTimesDone();
          last = f.barTimesDone();
          // Only a step this life committed proves every bot is through it (a restart reports the furthest bot).
          if (f.barTimesDone() > first && f.state().equals("running")) acknowledged = f.marketTimeMs();
          if (f.barTimesDone() >= first + point.advance()) {
            Thread.sleep(point.jitterMillis());
            break;
          }
        }
        Thread.sleep(POLL.toMillis());
      }
      if (!child.alive()) return new Life(false, child.awaitExit(Duration.ZERO), last, acknowledged, true,
          child.startupMillis());
      return new Life(true, child.kill(), last, acknowledged, true, child.startupMillis());
    }
  }

  private CrashReport.Trial check(int index, KillPlan.Point point, Life life, List<JournalRow> rows,
      List<String> leftovers, Map<String, Long> committedAtLeast) {
    JournalAudit.Findings findings = JournalAudit.audit(rows, committedAtLeast);
    RecoveryCheck.Result recovered = RecoveryCheck.run(settings.work().resolve("crashed"), Replay.bots(rows),
        RECOVERY_ASK);
    return new CrashReport.Trial(index, point, life.killed(), life.exitCode(), life.servedBeforeKill(),
        life.barTimesDone(), committedAtLeast.size(), findings, recovered, Replay.unbalancedBooks(rows), leftovers);
  }

  /**
   * For each bot, the last bar of its instrument at or before {@code acknowledgedMs}: what the API said every bot had
   * committed before the kill, so its journal must hold it.
   */
  static Map<String, Long> committedAtLeast(List<JournalRow> rows, MarketData market, long acknowledgedMs) {
    if (acknowledgedMs == Long.MIN_VALUE) return Map.of();
    Map<String, Long> expected = new TreeMap<>();
    for (JournalRow row : rows) {
      if (row.botId() != null && row.event() instanceof BotEntity.BotConfigured c) {
        Optional<InstrumentSeries> series = market.series(c.config().instrument());
        long last = Long.MIN_VALUE;
        for (Bar bar : series.map(InstrumentSeries::bars).orElse(List.of())) {
          if (bar.timeMs() > acknowledgedMs) break;
          last = bar.timeMs();
        }
        if (last != Long.MIN_VALUE) expected.put(row.botId(), last);
      }
    }
    return expected;
  }

  /** Bots whose journal differs from the reference's, with the first event that differs. */
  static List<String> botJournalDifferences(List<JournalRow> reference, List<JournalRow> crashed) {
    Map<String, List<Object>> expected = eventsByBot(reference);
    Map<String, List<Object>> actual = eventsByBot(crashed);
    List<String> differences = new ArrayList<>();
    for (String botId : expected.keySet()) {
      List<Object> a = expected.get(botId);
      List<Object> b = actual.getOrDefault(botId, List.of());
      if (a.equals(b)) continue;
      int i = 0;
      while (i < a.size() && i < b.size() && a.get(i).equals(b.get(i))) i++;
      differences.add("bot " + botId + ": event " + (i + 1) + " differs: uninterrupted "
          + (i < a.size() ? a.get(i) : "(none)") + ", crashed " + (i < b.size() ? b.get(i) : "(none)"));
    }
    for (String botId : actual.keySet()) {
      if (!expected.containsKey(botId)) differences.add("bot " + botId + " exists only in the crashed run");
    }
    return differences;
  }

  private static Map<String, List<Object>> eventsByBot(List<JournalRow> rows) {
    Map<String, List<Object>> byBot = new LinkedHashMap<>();
    for (JournalRow row : rows) {
      if (row.botId() != null) byBot.computeIfAbsent(row.botId(), k -> new ArrayList<>()).add(row.event());
    }
    return byBot;
  }

  private static int botsOf(List<JournalRow> rows) {
    Map<String, Boolean> bots = new HashMap<>();
    for (JournalRow row : rows) if (row.botId() != null) bots.put(row.botId(), true);
    return bots.size();
  }

  private List<String> args(Path dataDir, Path config) {
    List<String> args = new ArrayList<>(List.of("--data-dir", dataDir.toString(), "--config", config.toString(), "run",
        "--speed", "max", "--host", "127.0.0.1", "--port", "0", "--exit-at-end"));
    for (String source : settings.data()) {
      args.add("--data");
      args.add(source);
    }
    return args;
  }
}

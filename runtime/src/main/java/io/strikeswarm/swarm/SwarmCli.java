package io.strikeswarm.swarm;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import io.strikeswarm.bots.entity.BotView;
import io.strikeswarm.master.SwarmView;
import io.strikeswarm.master.capital.ConfigError;
import io.strikeswarm.master.capital.DiamondKind;
import io.strikeswarm.master.diamond.DiamondSupervisor.BotAction;
import io.strikeswarm.master.diamond.DiamondView;
import io.strikeswarm.master.diamond.RosterEntry;
import io.strikeswarm.persistence.DataDirectory;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The {@code swarm} command. */
@Command(name = "swarm", mixinStandardHelpOptions = true, version = "StrikeSwarm 0.1.0",
    description = "StrikeSwarm: a distributed trading-bot swarm on Apache Pekko.",
    subcommands = {SwarmCli.Start.class, SwarmCli.Roster.class, SwarmCli.Rebalance.class, SwarmCli.Pause.class,
        SwarmCli.Resume.class, SwarmCli.Retire.class, SwarmCli.BenchJournal.class})
public final class SwarmCli implements Callable<Integer> {
  static final int EXIT_CONFIG = 2;
  static final int EXIT_FAILED = 1;

  @Option(names = "--data-dir", scope = CommandLine.ScopeType.INHERIT,
      description = "Journal directory (default: $SWARM_DATA_DIR, else ./data)")
  Path dataDir;

  @Option(names = "--config", scope = CommandLine.ScopeType.INHERIT,
      description = "HOCON file whose settings override the built-in configuration")
  Path configFile;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  public static int run(String... args) {
    return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
  }

  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return new CommandLine(new SwarmCli()).setOut(out).setErr(err).setExecutionExceptionHandler((e, cmd, parsed) -> {
      if (e instanceof ConfigError || e instanceof ConfigException) {
        cmd.getErr().println("swarm: configuration error: " + e.getMessage());
        cmd.getErr().println("swarm: nothing was started and nothing was written");
        cmd.getErr().flush();
        return EXIT_CONFIG;
      }
      cmd.getErr().println("swarm: " + e.getMessage());
      cmd.getErr().flush();
      return EXIT_FAILED;
    }).execute(args);
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  Path dataDirectory() {
    return DataDirectory.resolve(Optional.ofNullable(dataDir), System.getenv());
  }

  Config overrides() {
    if (configFile == null) return ConfigFactory.empty();
    if (!Files.isReadable(configFile)) throw new ConfigError("--config", "cannot read " + configFile);
    return ConfigFactory.parseFile(configFile.toFile());
  }

  SwarmRuntime startRuntime() {
    return SwarmRuntime.start(dataDirectory(), overrides());
  }

  /** A subcommand that needs a running, settled swarm for the length of one action. */
  abstract static class SwarmAction implements Callable<Integer> {
    @CommandLine.ParentCommand
    SwarmCli parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      try (SwarmRuntime runtime = parent.startRuntime()) {
        SwarmClient client = new SwarmClient(runtime, Duration.ofSeconds(10));
        client.awaitSettled(runtime.settings().startupTimeout());
        PrintWriter out = spec.commandLine().getOut();
        int code = act(client, out);
        out.flush();
        return code;
      }
    }

    abstract int act(SwarmClient client, PrintWriter out);
  }

  @Command(name = "start", description = "Run the swarm until Ctrl-C (SIGTERM); shuts down gracefully.")
  static final class Start implements Callable<Integer> {
    @CommandLine.ParentCommand
    SwarmCli parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      SwarmRuntime runtime = parent.startRuntime();
      SwarmClient client = new SwarmClient(runtime, Duration.ofSeconds(10));
      client.awaitSettled(runtime.settings().startupTimeout());
      spec.commandLine().getOut().printf("swarm running on %s (data: %s); Ctrl-C stops it%n",
          runtime.system().address(), parent.dataDirectory());
      spec.commandLine().getOut().flush();
      runtime.system().getWhenTerminated().toCompletableFuture().get();
      return 0;
    }
  }

  @Command(name = "roster", description = "Print the diamond tree: each diamond, each bot, its capital, state and "
      + "event count, as it stands in the journal (creates the default roster on first run).")
  static final class Roster extends SwarmAction {
    @Override
    int act(SwarmClient client, PrintWriter out) {
      SwarmView swarm = client.swarm();
      Map<DiamondKind, DiamondView.Roster> rosters = new EnumMap<>(DiamondKind.class);
      List<String> botIds = new ArrayList<>();
      for (DiamondKind kind : DiamondKind.values()) {
        DiamondView.Roster roster = client.roster(kind);
        rosters.put(kind, roster);
        roster.bots().stream().map(RosterEntry::botId).forEach(botIds::add);
      }
      Map<String, BotView> bots = RosterReport.byId(client.bots(botIds));
      out.print(RosterReport.render(swarm, rosters, bots));
      return 0;
    }
  }

  @Command(name = "rebalance", description = "Move capital from the worst to the best bots of a diamond.")
  static final class Rebalance extends SwarmAction {
    @Parameters(paramLabel = "DIAMOND", description = "long-strike | short-strike | amm")
    String diamond;

    @Override
    int act(SwarmClient client, PrintWriter out) {
      DiamondKind kind = DiamondKind.byId(diamond).orElseThrow(() -> new CommandLine.ParameterException(
          spec.commandLine(), "unknown diamond '" + diamond + "' (long-strike, short-strike, amm)"));
      DiamondView.RebalanceResult result = client.rebalance(kind);
      out.printf("%s: %d transfers, %s moved%n", kind.id(), result.transfers().size(), RosterReport.usd(result.moved()));
      result.transfers().forEach(t -> out.printf("  %s -> %s  %s%n", t.from(), t.to(), RosterReport.usd(t.amount())));
      return 0;
    }
  }

  abstract static class BotCommand extends SwarmAction {
    @Parameters(paramLabel = "BOT", description = "bot id, e.g. long-07")
    String botId;

    abstract BotAction action();

    @Override
    int act(SwarmClient client, PrintWriter out) {
      client.manage(botId, action());
      out.printf("%s: %s done%n", botId, action().name().toLowerCase());
      return 0;
    }
  }

  @Command(name = "pause", description = "Pause a bot: no new entries, exits still honoured.")
  static final class Pause extends BotCommand {
    BotAction action() {
      return BotAction.PAUSE;
    }
  }

  @Command(name = "resume", description = "Resume a paused or halted bot.")
  static final class Resume extends BotCommand {
    BotAction action() {
      return BotAction.RESUME;
    }
  }

  @Command(name = "retire", description = "Flatten a bot and return its capital to its diamond's pool.")
  static final class Retire extends BotCommand {
    BotAction action() {
      return BotAction.RETIRE;
    }
  }

  @Command(name = "bench-journal", description = "Benchmark the journal: N bots write M events each at once, then "
      + "fresh systems recover them, with and without snapshots. Uses a fresh directory under --data-dir.")
  static final class BenchJournal implements Callable<Integer> {
    @CommandLine.ParentCommand
    SwarmCli parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--bots", defaultValue = "100") int bots;
    @Option(names = "--events", defaultValue = "1000", description = "events per bot") int events;
    @Option(names = "--snapshot-every", defaultValue = "100") int snapshotEvery;
    @Option(names = "--recoveries", defaultValue = "3", description = "recoveries to time (median reported)")
    int recoveries;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      out.printf("journal benchmark: %d bots x %d events, profile %s, java %s, %d cpus%n", bots, events,
          SwarmRuntime.loadConfig(parent.dataDirectory(), ConfigFactory.empty()).getString("swarm.persistence.profile"),
          System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
      out.println("snapshots       write_s  events/s  recovery_s(median)  recovery_s(all)");
      for (int every : new int[] {0, snapshotEvery}) {
        Path dir = Files.createTempDirectory(Files.createDirectories(parent.dataDirectory()), "bench-journal-");
        JournalBenchmark.Result r = JournalBenchmark.run(dir, bots, events, every, recoveries);
        out.printf("%-14s %8.2f %9.0f %19.3f  %s%n", every == 0 ? "off" : "every " + every, r.writeSeconds(),
            r.eventsPerSecond(), r.medianRecovery(), r.recoverySeconds().stream()
                .map(s -> String.format("%.3f", s)).toList());
        out.flush();
      }
      return 0;
    }
  }
}

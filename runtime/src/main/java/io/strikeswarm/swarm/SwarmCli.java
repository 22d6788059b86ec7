package io.strikeswarm.swarm;

import io.strikeswarm.bots.domain.FillTiming;
import io.strikeswarm.swarm.backtest.BacktestBenchmark;
import io.strikeswarm.swarm.backtest.BacktestOptions;
import io.strikeswarm.swarm.backtest.BacktestRunner;
import io.strikeswarm.swarm.market.MarketDataException;
import io.strikeswarm.swarm.report.BacktestResult;
import io.strikeswarm.swarm.report.ConsoleSummary;
import io.strikeswarm.swarm.report.ReportWriter;
import java.math.BigDecimal;

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
@Command(name = "swarm", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT,
    version = "StrikeSwarm 0.1.0",
    description = "StrikeSwarm: a distributed trading-bot swarm on Apache Pekko.",
    subcommands = {SwarmCli.Demo.class, SwarmCli.Run.class, SwarmCli.Inspect.class, SwarmCli.Token.class, SwarmCli.Start.class,
        SwarmCli.Roster.class, SwarmCli.Rebalance.class, SwarmCli.Pause.class,
        SwarmCli.Resume.class, SwarmCli.Retire.class, SwarmCli.Backtest.class, SwarmCli.BenchBacktest.class,
        SwarmCli.BenchJournal.class, SwarmCli.BenchAmm.class, SwarmCli.BenchBook.class, BenchCommands.Actors.class,
        BenchCommands.Memory.class, BenchCommands.Latency.class, ExportCommand.class, SwarmCli.Reliability.class})
public final class SwarmCli implements Callable<Integer> {
  static final int EXIT_CONFIG = 2;
  static final int EXIT_FAILED = 1;

  @Option(names = "--data-dir", scope = CommandLine.ScopeType.INHERIT,
      description = "Journal directory (default: $SWARM_DATA_DIR, else ./data)")
  Path dataDir;

  @Option(names = "--config", scope = CommandLine.ScopeType.INHERIT,
      description = "HOCON file whose settings override the built-in configuration")
  Path configFile;

  @Option(names = "--profile", scope = CommandLine.ScopeType.INHERIT, paramLabel = "single|cluster",
      description = "single: this JVM is a cluster of one (default); cluster: join the other nodes through Cluster "
          + "Bootstrap (docs/operations.md). Default: $SWARM_PROFILE, else swarm.cluster.profile")
  String profile;

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
      if (e instanceof MarketDataException || e instanceof BadOption) {
        cmd.getErr().println("swarm: " + e.getMessage());
        cmd.getErr().println("swarm: nothing was started and nothing was written");
        cmd.getErr().flush();
        return EXIT_CONFIG;
      }
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
    Config file = ConfigFactory.empty();
    if (configFile != null) {
      if (!Files.isReadable(configFile)) throw new ConfigError("--config", "cannot read " + configFile);
      file = ConfigFactory.parseFile(configFile.toFile());
    }
    if (profile == null) return file;
    return ConfigFactory.parseMap(Map.of(io.strikeswarm.swarm.cluster.NodeProfile.SETTING,
        io.strikeswarm.swarm.cluster.NodeProfile.parse(profile).id())).withFallback(file);
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

  /** The market data a command replays: the same options and defaults for `backtest` and `run`. */
  static final class MarketDataOptions {
    @Option(names = "--data", paramLabel = "FILE|builtin:NAME[@SYMBOL]",
        description = "Market data; repeat for several instruments (one merged clock). Built-ins: "
            + "builtin:bitstamp-btcusd-2013, builtin:binanceus-ethusd-5m-2023 (the default)")
    List<String> data = new ArrayList<>();

    @Option(names = "--symbol", paramLabel = "S", description = "Trade only this instrument of the data")
    String symbol;

    @Option(names = "--bar", paramLabel = "P", description = "Bar period: 1m|5m|15m|1h|4h|1d (trades are "
        + "aggregated; bar files are resampled to a multiple of their own period)")
    String bar;

    @Option(names = "--skip-bad-rows", description = "Skip and count malformed data rows instead of failing the load")
    boolean skipBadRows;

    @Option(names = "--flash-guard", paramLabel = "off|flag|hold[:atr=N,range=K,jump=X]", defaultValue = "flag",
        description = "Flash prints (a bar whose true range is over K x the ATR of the last N bars, or that reaches "
            + "more than X from the previous close): flag = count them and trade on them (default; atr=14, range=10, "
            + "jump=0.25), hold = count them and keep them from the bots, off = no screening")
    String flashGuard;

    List<String> sources() {
      return data.isEmpty() ? BacktestOptions.DEFAULT_DATA : List.copyOf(data);
    }

    io.strikeswarm.swarm.market.FlashGuardSettings flashGuard() {
      try {
        return io.strikeswarm.swarm.market.FlashGuardSettings.parse(flashGuard);
      } catch (IllegalArgumentException e) {
        throw new BadOption(e.getMessage());
      }
    }
  }

  /** A command-line option with a value that cannot be run; reported like a configuration error (exit 2). */
  static final class BadOption extends RuntimeException {
    BadOption(String message) {
      super(message);
    }
  }

  @Command(name = "backtest", sortOptions = false,
      description = {"Backtest the swarm on real market data: the master creates and funds the roster on a fresh "
          + "journal of its own (DATA_DIR/backtest), the bots trade the data in lockstep, and a summary is printed.",
          "With no options: the default long/short swarm (swarm.conf) on the built-in Bitstamp BTC-USD 2013 trades "
              + "(5-minute bars) and Binance.US ETH-USD 5-minute bars."})
  static final class Backtest implements Callable<Integer> {
    @CommandLine.ParentCommand
    SwarmCli parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    MarketDataOptions market;

    @Option(names = "--bots", paramLabel = "long=N,short=N", description = "Bots per diamond (default: swarm.conf, 25/25)")
    String bots;

    @Option(names = "--strategy", paramLabel = "NAME[:k=v,...]",
        description = "One strategy for every bot, e.g. sma-cross:short=10,long=30 (default: the templates)")
    String strategy;

    @Option(names = "--capital", paramLabel = "X", description = "Swarm capital in USD (default 800000)")
    BigDecimal capital;

    @Option(names = "--fees-bps", paramLabel = "F", description = "Taker fee in basis points (default: templates, 10)")
    BigDecimal fees;

    @Option(names = "--slippage-bps", paramLabel = "S", description = "Slippage in basis points (default: templates, 5)")
    BigDecimal slippage;

    @Option(names = "--fill", paramLabel = "close|next-open", description = "When market orders fill (default close)")
    String fill;

    @Option(names = "--leverage", paramLabel = "L", description = "Leverage for every bot, 1-5 (default: templates, 3-5)")
    BigDecimal leverage;

    @Option(names = "--risk", paramLabel = "default|none", defaultValue = "default",
        description = "none: no stops, targets, trailing or time exits and no swarm limits; only strategy signals act")
    String risk;

    @Option(names = "--report", paramLabel = "DIR",
        description = "Write summary.json, trades.csv, equity.csv and report.html here")
    Path report;

    @Option(names = "--step", paramLabel = "N", defaultValue = "2000",
        description = "Bar times per lockstep step (a tuning knob; results do not depend on it)")
    int step;

    @Override
    public Integer call() {
      BacktestOptions options;
      try {
        int[] diamondBots = bots == null ? new int[] {-1, -1} : BacktestOptions.parseBots(bots);
        if (risk == null || !(risk.equals("default") || risk.equals("none"))) {
          throw new IllegalArgumentException("--risk must be default or none, got '" + risk + "'");
        }
        options = new BacktestOptions(market.sources(), Optional.ofNullable(market.symbol),
            Optional.ofNullable(market.bar),
            diamondBots[0] < 0 ? Optional.empty() : Optional.of(diamondBots[0]),
            diamondBots[1] < 0 ? Optional.empty() : Optional.of(diamondBots[1]),
            Optional.ofNullable(strategy).map(BacktestOptions.StrategyChoice::parse), Optional.ofNullable(capital),
            Optional.ofNullable(fees), Optional.ofNullable(slippage),
            Optional.ofNullable(fill).map(FillTiming::parse), Optional.ofNullable(leverage), risk.equals("none"),
            Optional.ofNullable(report), market.skipBadRows, step, market.flashGuard()).validate();
      } catch (IllegalArgumentException e) {
        throw new BadOption("backtest: " + e.getMessage());
      }
      PrintWriter out = spec.commandLine().getOut();
      BacktestResult result;
      try {
        result = new BacktestRunner(parent.dataDirectory(), parent.overrides(), out, System.console() != null)
            .run(options);
      } catch (IllegalArgumentException e) {
        throw new BadOption("backtest: " + e.getMessage());
      }
      out.print(ConsoleSummary.render(result));
      if (report != null) {
        ReportWriter.write(result, report);
        out.println("report: " + report.toAbsolutePath().resolve("report.html"));
      }
      out.flush();
      return 0;
    }
  }

  @Command(name = "reliability", sortOptions = false,
      description = {"Break the swarm on purpose and check what is left (docs/reliability.md): crash trials kill a "
          + "`swarm run --exit-at-end` child JVM with SIGKILL at seeded random points, restart it on the same data "
          + "directory, audit the journal and the recovered bots after every kill, and compare the finished ledger "
          + "with an uninterrupted run's; the bad-data trial feeds corrupted market data through the loader and a "
          + "backtest. Prints a report; exit 0 when every check passed, 1 otherwise.",
          "Short form by default (CI); --long: 50 kills of the default 25+25 swarm on both built-in data sets."})
  static final class Reliability implements Callable<Integer> {
    @CommandLine.ParentCommand
    SwarmCli parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--long", description = "The long form: 50 kills, 25+25 bots, both built-in data sets")
    boolean longForm;

    @Option(names = "--trials", paramLabel = "N", description = "Kills before the run may finish (default 10; --long 50)")
    Integer kills;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the kill plan and the data faults (default: random, printed)")
    Long seed;

    @Option(names = "--data", paramLabel = "FILE|builtin:NAME", description = "Market data of the crash trials (default "
        + "builtin:binanceus-ethusd-5m-2023; --long: both built-ins)")
    List<String> data = new ArrayList<>();

    @Option(names = "--bots", paramLabel = "long=N,short=N", description = "Bots per diamond (default 4/4; --long 25/25)")
    String bots;

    @Option(names = "--only", paramLabel = "crash|bad-data", split = ",",
        description = "Run only these trials (default: all)")
    List<String> only = new ArrayList<>();

    @Option(names = "--work", paramLabel = "DIR", description = "Working directory, emptied first (default DATA_DIR/reliability)")
    Path work;

    @Override
    public Integer call() throws Exception {
      io.strikeswarm.swarm.reliability.ReliabilityOptions options;
      try {
        int fallback = longForm ? 25 : 4;
        int[] counts = bots == null ? new int[] {-1, -1} : BacktestOptions.parseBots(bots);
        options = new io.strikeswarm.swarm.reliability.ReliabilityOptions(
            kills != null ? kills : longForm ? 50 : 10,
            seed != null ? seed : new java.security.SecureRandom().nextLong(),
            data.isEmpty() ? (longForm ? BacktestOptions.DEFAULT_DATA
                : List.of("builtin:binanceus-ethusd-5m-2023")) : List.copyOf(data),
            counts[0] < 0 ? fallback : counts[0], counts[1] < 0 ? fallback : counts[1], (work != null ? work : parent.dataDirectory().resolve("reliability")).toAbsolutePath(),
            only.isEmpty() ? io.strikeswarm.swarm.reliability.ReliabilityOptions.ALL : java.util.Set.copyOf(only))
            .validate();
      } catch (IllegalArgumentException e) {
        throw new BadOption("reliability: " + e.getMessage());
      }
      return io.strikeswarm.swarm.reliability.ReliabilityRun.run(options, parent.overrides(),
          spec.commandLine().getOut()).passed() ? 0 : EXIT_FAILED;
    }
  }

  @Command(name = "bench-backtest", description = "Bot-bars per second: the default swarm and one sma-cross bot "
      + "through the whole swarm path, beside ta4j's BarSeriesManager on the same bars (medians of several runs).")
  static final class BenchBacktest implements Callable<Integer> {
    @CommandLine.ParentCommand
    SwarmCli parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", paramLabel = "FILE|builtin:NAME") List<String> data = new ArrayList<>();

    @Option(names = "--bar", paramLabel = "P") String bar;

    @Option(names = "--runs", defaultValue = "3") int runs;

    @Override
    public Integer call() {
      if (runs < 1) throw new BadOption("bench-backtest: --runs must be >= 1");
      BacktestBenchmark.run(parent.dataDirectory(), data.isEmpty() ? BacktestOptions.DEFAULT_DATA : List.copyOf(data),
          Optional.ofNullable(bar), runs, spec.commandLine().getOut());
      return 0;
    }
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

  @Command(name = "demo", sortOptions = false,
      description = {"The whole default swarm in one command: 25 long-strike and 25 short-strike bots paper trading "
          + "replayed real data through the simulated venue, and 50 AMM bots arbitraging two real Uniswap V2 "
          + "deployments on a local chain (anvil, started here, with a noise trader opening price gaps), with the "
          + "HTTP API and dashboard. Starts fresh each time (journal in DATA_DIR/demo); Ctrl-C stops it and the chain."})
  static final class Demo implements Callable<Integer> {
    @CommandLine.ParentCommand
    SwarmCli parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    MarketDataOptions market;

    @Option(names = "--speed", paramLabel = "Nx|max", defaultValue = "300x",
        description = "Market time per wall-clock time for the directional bots (default 300x)")
    String speed;

    @Option(names = "--port", paramLabel = "P", description = "Port of the API and dashboard (default 8080)")
    Integer port;

    @Option(names = "--noise-ms", paramLabel = "MS", defaultValue = "250",
        description = "How often the noise trader swaps on a random pool (default ${DEFAULT-VALUE} ms)")
    long noiseMs;

    @Override
    public Integer call() throws Exception {
      io.strikeswarm.swarm.paper.Speed pace = speed(speed);
      var guard = market.flashGuard();
      if (noiseMs < 1) throw new BadOption("--noise-ms: must be >= 1, got " + noiseMs);
      PrintWriter out = spec.commandLine().getOut();
      Path home = parent.dataDirectory().resolve("demo");
      io.strikeswarm.swarm.backtest.BacktestRunner.emptyDirectory(home);
      com.typesafe.config.Config config = NodeConfig.load(home, parent.overrides());
      var metrics = io.strikeswarm.swarm.metrics.Metrics.start(config);
      int ammBots = SwarmSettings.from(config).swarm().diamond(io.strikeswarm.master.capital.DiamondKind.AMM).bots();
      out.printf("demo: starting a local chain (anvil), deploying Uniswap V2 twice and funding %d AMM bot accounts%n",
          ammBots);
      out.flush();
      var chain = io.strikeswarm.swarm.chain.LocalAmmChain.start(ammBots, 42,
          new io.strikeswarm.dex.local.NoiseTrader.Settings(java.time.Duration.ofMillis(noiseMs), 5, 150),
          ammRules(config));
      io.strikeswarm.swarm.paper.PaperService service;
      try {
        var options = new io.strikeswarm.swarm.paper.PaperOptions(market.sources(), Optional.ofNullable(market.bar),
            Optional.ofNullable(market.symbol), market.skipBadRows, pace, Optional.empty(), Optional.ofNullable(port),
            guard);
        service = io.strikeswarm.swarm.paper.PaperService.start(home, parent.overrides(), options, metrics, out,
            chain.wiring(io.strikeswarm.bots.amm.AmmBotSettings.DEFAULT, java.time.Duration.ofMillis(50)));
      } catch (RuntimeException e) {
        chain.close();
        if (e instanceof IllegalArgumentException) throw new BadOption(e.getMessage());
        throw e;
      }
      service.runtime().system().getWhenTerminated().thenRun(chain::close);
      chain.noise().start();
      var address = service.address();
      out.printf("demo: anvil at %s (pid %d); noise trader swapping every %d ms%n", chain.node().rpcUrl(),
          chain.node().pid(), noiseMs);
      out.printf("demo: serving http://%s:%d/ (dashboard) and /api (token: %s)%n", address.getHostString(),
          address.getPort(), service.tokenFile());
      out.printf("demo: Ctrl-C stops the swarm, the noise trader and the chain%n");
      out.flush();
      service.runtime().system().getWhenTerminated().toCompletableFuture().get();
      chain.close();
      return 0;
    }
  }

  /** {@code --speed} as a pace, or a bad option naming it. */
  static io.strikeswarm.swarm.paper.Speed speed(String speed) {
    try {
      return io.strikeswarm.swarm.paper.Speed.parse(speed);
    } catch (IllegalArgumentException e) {
      throw new BadOption(e.getMessage());
    }
  }

  /** The AMM bots' rules from {@code swarm.amm} (see swarm.conf). */
  static io.strikeswarm.bots.amm.ArbRules ammRules(com.typesafe.config.Config config) {
    var c = config.getConfig("swarm.amm");
    var rules = new io.strikeswarm.bots.amm.ArbRules(new java.math.BigDecimal(c.getString("min-profit-usd")),
        new java.math.BigDecimal(c.getString("gas-multiple")), c.getLong("gas-per-swap"), c.getLong("gas-limit-per-swap"),
        c.getDuration("deadline").toSeconds(), c.getLong("cooldown-blocks"));
    try {
      rules.validate();
    } catch (IllegalArgumentException e) {
      throw new BadOption("swarm.amm: " + e.getMessage());
    }
    return rules;
  }

  @Command(name = "run", sortOptions = false,
      description = {"Run the swarm as a service: paper trading on replayed real market data (the same bots, venue "
          + "model and risk rules as a backtest, on the journal in DATA_DIR/journal), the HTTP API and the dashboard. "
          + "Runs until stopped (Ctrl-C or SIGTERM stop it gracefully); a restart resumes where it stopped."})
  static final class Run implements Callable<Integer> {
    @CommandLine.ParentCommand
    SwarmCli parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    MarketDataOptions market;

    @Option(names = "--speed", paramLabel = "Nx|max", defaultValue = "300x",
        description = "Market time per wall-clock time (default 300x: a 5-minute bar each second)")
    String speed;

    @Option(names = "--host", paramLabel = "H", description = "Address the API listens on (default 127.0.0.1)")
    String host;

    @Option(names = "--port", paramLabel = "P", description = "Port of the API and dashboard (default 8080)")
    Integer port;

    @Option(names = "--exit-at-end", description = "Stop gracefully once the last bar of the data is committed by "
        + "every bot, and exit (0; 1 if the feed failed). Started again on the same data directory, it resumes "
        + "after the last committed bar, so a finite session can be interrupted and completed.")
    boolean exitAtEnd;

    @Override
    public Integer call() throws Exception {
      io.strikeswarm.swarm.paper.Speed pace = speed(speed);
      if (port != null && (port < 0 || port > 65535)) throw new BadOption("--port: must be in [0, 65535], got " + port);
      PrintWriter out = spec.commandLine().getOut();
      var options = new io.strikeswarm.swarm.paper.PaperOptions(
          market.sources(), Optional.ofNullable(market.bar), Optional.ofNullable(market.symbol), market.skipBadRows,
          pace, Optional.ofNullable(host), Optional.ofNullable(port), market.flashGuard());
      io.strikeswarm.swarm.paper.PaperService service;
      try {
        // Kamon first: its agent must see every Pekko class load (docs/metrics.md).
        var metrics = io.strikeswarm.swarm.metrics.Metrics.start(NodeConfig.load(parent.dataDirectory(),
            parent.overrides()));
        service = io.strikeswarm.swarm.paper.PaperService.start(parent.dataDirectory(), parent.overrides(), options,
            metrics, out);
      } catch (IllegalArgumentException e) {
        throw new BadOption(e.getMessage());
      }
      var address = service.address();
      out.printf("swarm: serving http://%s:%d/ (dashboard) and /api (token: %s or your configured tokens)%n",
          address.getHostString(), address.getPort(), service.tokenFile());
      out.printf("swarm: Pekko Management at %s; Prometheus metrics per swarm.metrics (default 127.0.0.1:9095)%n",
          service.management());
      out.printf("swarm: paper trading %s at %s; Ctrl-C stops it (the step in flight completes)%n",
          String.join(", ", options.data()), pace);
      out.flush();
      if (exitAtEnd) return stopAtEnd(service, out);
      service.runtime().system().getWhenTerminated().toCompletableFuture().get();
      return 0;
    }

    /** Waits for the feed to end (end of data, a stop, a failure), then stops the service the graceful way. */
    private int stopAtEnd(io.strikeswarm.swarm.paper.PaperService service, PrintWriter out) throws Exception {
      io.strikeswarm.http.view.FeedStatus end = service.feed().ended().toCompletableFuture().get();
      service.close();
      if (end.state().equals("failed")) {
        spec.commandLine().getErr().println("swarm: the feed failed: " + end.error());
        spec.commandLine().getErr().flush();
        return EXIT_FAILED;
      }
      out.printf("swarm: feed %s at market time %s (%d of %d bar times); stopped%n", end.state(),
          java.time.Instant.ofEpochMilli(end.marketTimeMs()), end.barTimesDone(), end.barTimesTotal());
      out.flush();
      return 0;
    }
  }

  @Command(name = "inspect", description = {"Look into a running swarm through its API (and Pekko Management): "
      + "`inspect swarm`, `inspect bot ID [--events] [--at SEQ]`, `inspect shards`."},
      subcommands = {SwarmCli.InspectSwarm.class, SwarmCli.InspectBot.class, SwarmCli.InspectShards.class})
  static final class Inspect implements Callable<Integer> {
    @CommandLine.ParentCommand
    SwarmCli parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--url", paramLabel = "URL", defaultValue = "http://127.0.0.1:8080",
        description = "The swarm's API (default ${DEFAULT-VALUE})")
    java.net.URI url;

    @Option(names = "--token-file", paramLabel = "FILE",
        description = "Bearer token file (default: $SWARM_TOKEN, else DATA_DIR/http/admin.token)")
    Path tokenFile;

    @Override
    public Integer call() {
      spec.commandLine().usage(spec.commandLine().getOut());
      return 0;
    }

    io.strikeswarm.swarm.inspect.ApiInspector inspector() {
      String token = System.getenv("SWARM_TOKEN");
      Path file = tokenFile != null ? tokenFile : io.strikeswarm.swarm.paper.ApiTokens.tokenFile(parent.dataDirectory());
      if ((token == null || token.isBlank()) && Files.isReadable(file)) {
        try {
          token = Files.readString(file).trim();
        } catch (java.io.IOException e) {
          throw new BadOption("--token-file: cannot read " + file + ": " + e.getMessage());
        }
      } else if ((token == null || token.isBlank()) && tokenFile != null) {
        throw new BadOption("--token-file: cannot read " + tokenFile);
      }
      return new io.strikeswarm.swarm.inspect.ApiInspector(url, token);
    }

    int print(java.util.function.Supplier<String> report) {
      try {
        spec.commandLine().getOut().print(report.get());
        spec.commandLine().getOut().flush();
        return 0;
      } catch (io.strikeswarm.swarm.inspect.ApiInspector.InspectFailed e) {
        spec.commandLine().getErr().println("swarm: " + e.getMessage());
        spec.commandLine().getErr().flush();
        return EXIT_FAILED;
      }
    }
  }

  @Command(name = "swarm", description = "Capital, equity, P&L, risk state and limits, diamonds, best and worst bots")
  static final class InspectSwarm implements Callable<Integer> {
    @CommandLine.ParentCommand
    Inspect inspect;

    @Override
    public Integer call() {
      return inspect.print(() -> inspect.inspector().swarm());
    }
  }

  @Command(name = "bot", description = "One bot: state, books, position, stats, plan; its journal with --events; "
      + "its state after event SEQ with --at SEQ (time travel)")
  static final class InspectBot implements Callable<Integer> {
    @CommandLine.ParentCommand
    Inspect inspect;

    @Parameters(paramLabel = "ID", description = "Bot id, e.g. long-07") String id;

    @Option(names = "--events", description = "List the bot's journal") boolean events;

    @Option(names = "--at", paramLabel = "SEQ", description = "Show the bot as it was after event SEQ") Long at;

    @Override
    public Integer call() {
      if (!id.matches("[a-z]+-\\d{2}")) throw new BadOption("bot id must look like long-07, got '" + id + "'");
      if (at != null && at < 0) throw new BadOption("--at: must be >= 0, got " + at);
      return inspect.print(() -> inspect.inspector().bot(id, events, at));
    }
  }

  @Command(name = "shards", description = "Cluster members and which node hosts which bot shards and how many "
      + "bots (Pekko Management)")
  static final class InspectShards implements Callable<Integer> {
    @CommandLine.ParentCommand
    Inspect inspect;

    @Option(names = "--management-url", paramLabel = "URL", defaultValue = "http://127.0.0.1:8558",
        description = "Pekko Management of a node (default ${DEFAULT-VALUE})")
    java.net.URI management;

    @Override
    public Integer call() {
      try {
        var view = new io.strikeswarm.swarm.inspect.ManagementClient(management).view(List.of("bot"));
        inspect.spec.commandLine().getOut().print(io.strikeswarm.swarm.inspect.ShardsReport.of(view).render());
        inspect.spec.commandLine().getOut().flush();
        return 0;
      } catch (IllegalStateException e) {
        inspect.spec.commandLine().getErr().println("swarm: " + e.getMessage()
            + " (is `swarm run` running? --management-url says where)");
        inspect.spec.commandLine().getErr().flush();
        return EXIT_FAILED;
      }
    }
  }

  @Command(name = "token", description = {"Make an API bearer token: prints the token (show it to its owner once) "
      + "and the line to add to swarm.http.auth.tokens (only a salted hash of the token)."})
  static final class Token implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "Who holds it (shown in the audit trail)")
    String name;

    @Option(names = "--role", required = true, paramLabel = "viewer|operator|admin", description = "What it may do")
    String role;

    @Override
    public Integer call() {
      io.strikeswarm.http.auth.Role parsed;
      io.strikeswarm.http.auth.NewToken token;
      try {
        parsed = io.strikeswarm.http.auth.Role.parse(role);
        token = new io.strikeswarm.http.auth.TokenGenerator().generate(name, parsed);
      } catch (IllegalArgumentException e) {
        throw new BadOption(e.getMessage());
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println("token: " + token.token());
      out.println("config: swarm.http.auth.tokens += " + token.hoconSnippet());
      out.flush();
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
      + "fresh systems recover them, with and without snapshots. Uses a fresh directory under --data-dir (the local "
      + "profile) or the truncated scratch keyspace (the cassandra profile, where the same rows are also inserted with "
      + "plain CQL as a baseline: docs/cassandra.md).")
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
    @Option(names = "--raw-batch", defaultValue = "1,10", split = ",", paramLabel = "N[,N...]",
        description = "cassandra profile: rows per statement of the raw CQL baseline (default: 1,10)")
    List<Integer> rawBatches;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      if (bots < 1 || events < 3) throw new BadOption("--bots must be >= 1 and --events >= 3");
      if (rawBatches.stream().anyMatch(b -> b < 1)) throw new BadOption("--raw-batch: sizes must be >= 1");
      Config overrides = parent.overrides();
      out.printf("journal benchmark: %d bots x %d events, profile %s, java %s, %d cpus%n", bots, events,
          SwarmRuntime.loadConfig(parent.dataDirectory(), overrides).getString("swarm.persistence.profile"),
          System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
      out.println("snapshots       write_s  events/s  recovery_s(median)  recovery_s(all)");
      List<JournalBenchmark.Result> results = new ArrayList<>();
      for (int every : new int[] {0, snapshotEvery}) {
        Path dir = Files.createTempDirectory(Files.createDirectories(parent.dataDirectory()), "bench-journal-");
        JournalBenchmark.Result r = JournalBenchmark.run(dir, overrides, bots, events, every, recoveries,
            results.isEmpty() ? rawBatches : List.of());
        results.add(r);
        out.printf("%-14s %8.2f %9.0f %19.3f  %s%n", every == 0 ? "off" : "every " + every, r.writeSeconds(),
            r.eventsPerSecond(), r.medianRecovery(), r.recoverySeconds().stream()
                .map(s -> String.format("%.3f", s)).toList());
        out.flush();
      }
      Map<Integer, Double> raws = results.get(0).rawEventsPerSecond();
      if (!raws.isEmpty()) {
        // Both Pekko runs are compared: the first one also pays for the JVM's warm-up.
        out.printf("raw CQL insert of the same rows, %d writers at once, one statement in flight each:%n", bots);
        out.println("rows/statement  events/s  pekko/raw (snapshots off)  pekko/raw (snapshots every " + snapshotEvery
            + ")");
        for (var raw : raws.entrySet()) {
          out.printf("%-14d %9.0f %26.2f %28.2f%n", raw.getKey(), raw.getValue(),
              results.get(0).eventsPerSecond() / raw.getValue(), results.get(1).eventsPerSecond() / raw.getValue());
        }
      }
      return 0;
    }
  }

  @Command(name = "bench-amm", description = "Benchmark the AMM diamond on a fresh local chain (anvil + two real "
      + "Uniswap V2 deployments): the bots' own time from seeing a block to sending a swap (p50/p99), the swaps they "
      + "get mined per second while a noise trader opens gaps, then predicted vs on-chain round trips with one gap at a "
      + "time. Uses a fresh directory under --data-dir.")
  static final class BenchAmm implements Callable<Integer> {
    @CommandLine.ParentCommand
    SwarmCli parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--bots", defaultValue = "50") int bots;
    @Option(names = "--seconds", defaultValue = "60", description = "length of the busy phase") long seconds;
    @Option(names = "--noise-ms", defaultValue = "100", description = "noise trader interval in the busy phase")
    long noiseMs;
    @Option(names = "--quiet-gaps", defaultValue = "24", description = "gaps opened one at a time afterwards")
    int quietGaps;
    @Option(names = "--gap-bps", defaultValue = "100", description = "size of each quiet gap's swap, bps of reserve")
    int gapBps;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      if (noiseMs < 1) throw new BadOption("--noise-ms: must be >= 1, got " + noiseMs);
      io.strikeswarm.swarm.chain.AmmBenchmark.Options options;
      Path dir = Files.createTempDirectory(Files.createDirectories(parent.dataDirectory()), "bench-amm-");
      try {
        options = new io.strikeswarm.swarm.chain.AmmBenchmark.Options(bots, java.time.Duration.ofSeconds(seconds),
            java.time.Duration.ofMillis(noiseMs), quietGaps, gapBps,
            ammRules(SwarmRuntime.loadConfig(dir, parent.overrides())));
      } catch (IllegalArgumentException e) {
        throw new BadOption(e.getMessage());
      }
      out.printf("AMM benchmark: %d bots, busy %d s with a noise swap every %d ms, then %d quiet gaps of %d bps; "
          + "java %s, %d cpus%n", bots, seconds, noiseMs, quietGaps, gapBps, System.getProperty("java.version"),
          Runtime.getRuntime().availableProcessors());
      out.flush();
      var r = io.strikeswarm.swarm.chain.AmmBenchmark.run(dir, options);
      var d = r.decisions();
      out.printf("busy phase: %.1f s, %d noise swaps, %d round trips started, %d completed, %d reverted, %d refused%n",
          r.busySeconds(), r.noiseSwaps(), r.busy().started(), r.busy().completed(), r.busy().reverted(),
          r.busy().refused());
      out.printf("  bot transactions mined: %d (%.1f/s)%n", r.botTransactions(), r.botTransactionsPerSecond());
      out.printf("  block seen -> buy swap sent, %d decisions (ms):     p50      p99      max%n", d.total().count());
      for (var part : java.util.List.of(java.util.Map.entry("    total (our own time)", d.total()),
          java.util.Map.entry("    plan", d.plan()), java.util.Map.entry("    sign (secp256k1, EIP-1559)", d.sign()),
          java.util.Map.entry("    journal the signed swap", d.journal()))) {
        out.printf("%-48s %8.3f %8.3f %8.3f%n", part.getKey(), part.getValue().percentile(50) / 1e6,
            part.getValue().percentile(99) / 1e6, part.getValue().percentile(100) / 1e6);
      }
      out.printf("  completed round trips paying exactly the prediction: %d of %d%n", r.busy().exact(),
          r.busy().completed());
      out.printf("quiet phase: %d gaps, %d round trips started, %d completed, %d exactly as predicted, %d reverted; "
          + "%d empty blocks mined to pass turns%n", r.quietGaps(), r.quiet().started(), r.quiet().completed(),
          r.quiet().exact(), r.quiet().reverted(), r.emptyBlocksMined());
      var audit = r.audit();
      out.printf("every mined swap vs Uniswap V2's formula on the reserves it met: %d mined, %d alone in their block "
          + "checked, %d exact, %d mismatches, %d in shared blocks not checked%n", audit.mined(), audit.checked(),
          audit.exact(), audit.mismatches().size(), audit.sharedBlocks());
      audit.mismatches().forEach(m -> out.printf("  MISMATCH %s%n", m));
      out.printf("AMM P&L over both phases: %s USD%n", r.pnlUsd().setScale(2, java.math.RoundingMode.HALF_EVEN));
      return 0;
    }
  }

  @Command(name = "bench-book", description = "Benchmark the L2 order book: replay raw Binance depth captures (decode, "
      + "sync with sequence checks, keep the book) and print data points/s and messages/s, medians over --runs. "
      + "Default: the two-day BTCUSDT capture in ../shared/data/benchmark/binance_l2_btcusdt_spot/.")
  static final class BenchBook implements Callable<Integer> {
    static final Path DEFAULT_CAPTURES = Path.of("..", "shared", "data", "benchmark", "binance_l2_btcusdt_spot");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--runs", defaultValue = "10") int runs;
    @Option(names = "--warmups", defaultValue = "3") int warmups;
    @CommandLine.Parameters(paramLabel = "CAPTURE", arity = "0..*", description = "capture files, replayed in order")
    List<Path> files = new java.util.ArrayList<>();

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      List<Path> captures = files.isEmpty() ? defaultCaptures() : files;
      for (Path f : captures) {
        if (!Files.isRegularFile(f)) throw new BadOption("no capture file " + f);
      }
      if (runs < 1 || warmups < 0) throw new BadOption("--runs must be >= 1 and --warmups >= 0");
      out.printf("order-book benchmark: %s; java %s, %d cpus%n", captures, System.getProperty("java.version"),
          Runtime.getRuntime().availableProcessors());
      out.flush();
      out.print(io.strikeswarm.bots.book.BookReplayBench.run(captures, warmups, runs).describe());
      out.println();
      return 0;
    }

    private static List<Path> defaultCaptures() throws java.io.IOException {
      if (!Files.isDirectory(DEFAULT_CAPTURES)) {
        throw new BadOption("no capture files given and " + DEFAULT_CAPTURES.toAbsolutePath().normalize()
            + " does not exist");
      }
      try (var listing = Files.list(DEFAULT_CAPTURES)) {
        return listing.filter(p -> p.getFileName().toString().endsWith(".gz")).sorted().toList();
      }
    }
  }
}

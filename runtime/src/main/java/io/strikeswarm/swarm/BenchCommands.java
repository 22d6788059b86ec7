package io.strikeswarm.swarm;

import io.strikeswarm.swarm.backtest.BacktestOptions;
import io.strikeswarm.swarm.bench.ActorCeilingBenchmark;
import io.strikeswarm.swarm.bench.BotMemoryBenchmark;
import io.strikeswarm.swarm.bench.PaperLatencyBenchmark;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The benchmark subcommands that measure the platform rather than a feature: the actor messaging ceiling, heap per
 * bot and paper-mode decision latency. Each prints its machine facts and its figures; scripts/bench-all.sh runs them.
 */
final class BenchCommands {
  private BenchCommands() {}

  private static void machine(PrintWriter out) {
    out.printf("java %s, %d cpus, max heap %,d MiB%n", System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / 1048576);
    out.flush();
  }

  private static Path freshDirectory(SwarmCli parent, String prefix) throws java.io.IOException {
    return Files.createTempDirectory(Files.createDirectories(parent.dataDirectory()), prefix);
  }

  @Command(name = "bench-actors", sortOptions = false, description = "The messaging ceiling: Pekko typed local "
      + "actors doing nothing else — ping-pong (one pair, then several), fan-out (one to N, no waiting) and lockstep "
      + "(one to N and back, per step); messages/s, medians over --runs after --warmups.")
  static final class Actors implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--round-trips", defaultValue = "500000", description = "ping-pong round trips per pair")
    int roundTrips;
    @Option(names = "--pairs", defaultValue = "4", description = "ping-pong pairs in the many-pairs row") int pairs;
    @Option(names = "--workers", defaultValue = "100", description = "receivers of fan-out and lockstep") int workers;
    @Option(names = "--messages", defaultValue = "10000", description = "fan-out messages per receiver") int messages;
    @Option(names = "--steps", defaultValue = "2000", description = "lockstep steps") int steps;
    @Option(names = "--warmups", defaultValue = "2") int warmups;
    @Option(names = "--runs", defaultValue = "5") int runs;

    @Override
    public Integer call() {
      ActorCeilingBenchmark.Options options;
      try {
        options = new ActorCeilingBenchmark.Options(roundTrips, pairs, workers, messages, steps, warmups, runs);
      } catch (IllegalArgumentException e) {
        throw new SwarmCli.BadOption("bench-actors: " + e.getMessage());
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println("actor messaging ceiling");
      machine(out);
      out.print(ActorCeilingBenchmark.run(options).describe());
      out.flush();
      return 0;
    }
  }

  @Command(name = "bench-memory", sortOptions = false, description = "Heap per bot: N sharded bots configured and "
      + "funded on one node (journal on the configured profile), heap after GC before, at half and at all of them; "
      + "with --bars, again after every bot traded that many bars (its market memory filled). Uses a fresh directory "
      + "under --data-dir.")
  static final class Memory implements Callable<Integer> {
    @CommandLine.ParentCommand
    SwarmCli parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--bots", defaultValue = "10000") int bots;
    @Option(names = "--warmup-bots", defaultValue = "200", description = "bots made before the baseline reading")
    int warmupBots;
    @Option(names = "--bars", defaultValue = "0", description = "bars each bot trades after the count (0: none)")
    int bars;

    @Override
    public Integer call() throws Exception {
      BotMemoryBenchmark.Options options;
      try {
        options = new BotMemoryBenchmark.Options(bots, warmupBots, bars, Duration.ofSeconds(60));
      } catch (IllegalArgumentException e) {
        throw new SwarmCli.BadOption("bench-memory: " + e.getMessage());
      }
      Path dir = freshDirectory(parent, "bench-memory-");
      PrintWriter out = spec.commandLine().getOut();
      out.printf("memory per bot: %,d bots (default roster templates), journal %s in %s%n", bots,
          SwarmRuntime.loadConfig(dir, parent.overrides()).getString("swarm.persistence.profile"), dir);
      machine(out);
      out.print(BotMemoryBenchmark.run(SwarmRuntime.loadConfig(dir, parent.overrides()), options).describe());
      out.flush();
      return 0;
    }
  }

  @Command(name = "bench-latency", sortOptions = false, description = "Paper mode, market event to order decision: "
      + "bots of the default roster trade the data one bar time per step as `swarm run` does; HdrHistogram "
      + "percentiles of EvaluateBars -> decision, CommitBars -> journaled, and the whole step. Uses a fresh directory "
      + "under --data-dir.")
  static final class Latency implements Callable<Integer> {
    @CommandLine.ParentCommand
    SwarmCli parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--bots", split = ",", defaultValue = "1,50", description = "bot counts measured, one pass "
        + "each with fresh bots (50 = the default roster)")
    List<Integer> bots;
    @Option(names = "--warmup-bots", defaultValue = "50", description = "bots that run the data first, unmeasured")
    int warmupBots;
    @Option(names = "--data", paramLabel = "FILE|builtin:NAME") List<String> data = new ArrayList<>();
    @Option(names = "--bar", paramLabel = "P") String bar;

    @Override
    public Integer call() throws Exception {
      PaperLatencyBenchmark.Options options;
      try {
        options = new PaperLatencyBenchmark.Options(bots, warmupBots,
            data.isEmpty() ? BacktestOptions.DEFAULT_DATA : data, Optional.ofNullable(bar), Duration.ofSeconds(60));
      } catch (IllegalArgumentException e) {
        throw new SwarmCli.BadOption("bench-latency: " + e.getMessage());
      }
      Path dir = freshDirectory(parent, "bench-latency-");
      PrintWriter out = spec.commandLine().getOut();
      out.printf("paper-mode decision latency: data %s, journal %s in %s; %d warm-up bots ran the data first%n",
          String.join(" ", options.data()),
          SwarmRuntime.loadConfig(dir, parent.overrides()).getString("swarm.persistence.profile"), dir, warmupBots);
      machine(out);
      List<PaperLatencyBenchmark.Result> results;
      try {
        results = PaperLatencyBenchmark.run(SwarmRuntime.loadConfig(dir, parent.overrides()), options);
      } catch (IllegalArgumentException e) {
        throw new SwarmCli.BadOption("bench-latency: " + e.getMessage());
      }
      results.forEach(r -> out.print(r.describe()));
      out.flush();
      return 0;
    }
  }
}

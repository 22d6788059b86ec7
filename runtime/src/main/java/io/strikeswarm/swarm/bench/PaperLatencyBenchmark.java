package io.strikeswarm.swarm.bench;

import com.typesafe.config.Config;
import io.strikeswarm.bots.domain.Bar;
import io.strikeswarm.bots.domain.TradingState;
import io.strikeswarm.bots.entity.BotEntity;
import io.strikeswarm.swarm.SwarmRuntime;
import io.strikeswarm.swarm.SwarmSettings;
import io.strikeswarm.swarm.market.LoadOptions;
import io.strikeswarm.swarm.market.MarketDataLoader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;

/**
 * Latency from a market event to a bot's order decision, as paper trading runs the bots: one bar time per lockstep
 * step (what {@code swarm run} does), every bot with a bar at that time sent {@link BotEntity.EvaluateBars} at once,
 * then {@link BotEntity.CommitBars} at once, on sharded bots with the configured journal and the simulated venue.
 * Measured with HdrHistogram, per bot and bar:
 * <ul>
 *   <li><b>decision</b>: from the driver sending EvaluateBars to the bot's Evaluation arriving — sharding's local
 *   routing, the mailbox (queued behind the other bots of the same bar on the machine's cores), the strategy on its
 *   ta4j series, the risk rules, sizing and the simulated fill, and the reply. Nothing is journaled yet;</li>
 *   <li><b>decision on bars that traded</b>: the same, for the bars whose commit journaled more than the market mark
 *   (an order with its fill, a stop, a protection or a refusal);</li>
 *   <li><b>commit</b>: CommitBars sent to Committed arriving — the journal write of the decision;</li>
 *   <li>per bar time, <b>step</b>: the first EvaluateBars sent to the last Committed arriving.</li>
 * </ul>
 * Not included: the master's two asks per step (trading state, swarm risk limits; the trading state here is always
 * ACTIVE) and the paper feed's pacing (it runs at full speed). Before any measured bots run, separate warm-up bots run
 * the same data on the same node, so the JIT has compiled the paths; then each size is measured with fresh bots (the
 * bots of earlier passes stay on the node, idle), timed on every bar.
 */
public final class PaperLatencyBenchmark {
  private PaperLatencyBenchmark() {}

  /** {@code bots}: the sizes measured, one pass each with fresh bots, in this order, after one warm-up pass. */
  public record Options(List<Integer> bots, int warmupBots, List<String> data, Optional<String> bar, Duration timeout) {
    public Options {
      bots = List.copyOf(bots);
      if (bots.isEmpty() || bots.stream().anyMatch(n -> n < 1)) {
        throw new IllegalArgumentException("--bots must be one or more counts >= 1, got " + bots);
      }
      if (warmupBots < 0) throw new IllegalArgumentException("--warmup-bots must be >= 0, got " + warmupBots);
      data = List.copyOf(data);
      if (data.isEmpty()) throw new IllegalArgumentException("no market data");
    }
  }

  /** One measured pass: {@code bots} bots over the data. */
  public record Result(int bots, int barTimes, long botBars, long tradingBotBars, LatencySummary decision,
      LatencySummary decisionTrading, LatencySummary commit, LatencySummary step, double measuredSeconds) {
    public String describe() {
      StringBuilder s = new StringBuilder();
      s.append(String.format(Locale.ROOT, "%d bot%s: %,d bar times, %,d bot-bars, %,d of them traded; pass %.1f s%n",
          bots, bots == 1 ? "" : "s", barTimes, botBars, tradingBotBars, measuredSeconds));
      s.append(LatencySummary.header("per bot and bar")).append('\n');
      s.append(decision.row("decision: EvaluateBars sent -> Evaluation back")).append('\n');
      s.append(decisionTrading.row("  on bars that traded (order/stop/refusal journaled)")).append('\n');
      s.append(commit.row("commit: CommitBars sent -> Committed back (journal)")).append('\n');
      s.append(LatencySummary.header("per bar time")).append('\n');
      s.append(step.row("step: first EvaluateBars sent -> last Committed back")).append('\n');
      s.append(String.format(Locale.ROOT, "goal p99 decision < 1 ms: %s (p99 %.3f ms)%n",
          decision.p99() < 1_000_000 ? "met" : "NOT met", decision.p99() / 1e6));
      return s.toString();
    }
  }

  /** One result per size in {@code o.bots()}, in that order. */
  public static List<Result> run(Config config, Options o) {
    SwarmSettings settings = SwarmSettings.from(config);
    List<Bar> timeline = MarketDataLoader.load(o.data(),
        new LoadOptions(o.bar().map(LoadOptions::parseBar), Optional.empty(), false)).timeline();
    List<BenchRoster.BenchBot> warmup = BenchRoster.of(settings.swarm(), "warm", o.warmupBots());
    List<List<BenchRoster.BenchBot>> passes = new ArrayList<>();
    for (int p = 0; p < o.bots().size(); p++) passes.add(BenchRoster.of(settings.swarm(), "lat" + p, o.bots().get(p)));
    checkInstruments(warmup, timeline);
    passes.forEach(bots -> checkInstruments(bots, timeline));
    ActorSystem<Void> system = SwarmRuntime.startBotNode(config, settings.bots(), settings.startupTimeout());
    try {
      BotFleet.enlist(system, warmup, 64, o.timeout());
      if (!warmup.isEmpty()) new Pass(system, warmup, o.timeout(), false).run(timeline);
      List<Result> results = new ArrayList<>();
      for (List<BenchRoster.BenchBot> bots : passes) {
        BotFleet.enlist(system, bots, 64, o.timeout());
        Pass measured = new Pass(system, bots, o.timeout(), true);
        long start = System.nanoTime();
        measured.run(timeline);
        double seconds = (System.nanoTime() - start) / 1e9;
        results.add(new Result(bots.size(), measured.barTimes, measured.botBars, measured.tradingBotBars,
            LatencySummary.of(measured.decision), LatencySummary.of(measured.decisionTrading),
            LatencySummary.of(measured.commit), LatencySummary.of(measured.step), seconds));
      }
      return List.copyOf(results);
    } finally {
      system.terminate();
      try {
        system.getWhenTerminated().toCompletableFuture().get(60, TimeUnit.SECONDS);
      } catch (Exception e) {
        // The figures are taken; a slow stop does not change them.
      }
    }
  }

  private static void checkInstruments(List<BenchRoster.BenchBot> bots, List<Bar> timeline) {
    Set<String> present = new HashSet<>();
    timeline.forEach(b -> present.add(b.instrument()));
    for (BenchRoster.BenchBot bot : bots) {
      if (!present.contains(bot.config().instrument())) {
        throw new IllegalArgumentException("bot " + bot.id() + " trades " + bot.config().instrument()
            + " but the market data holds only " + present);
      }
    }
  }

  /** One pass of a set of bots over the timeline, one bar time per step; records latencies when asked to. */
  private static final class Pass {
    private final ActorSystem<?> system;
    private final List<BenchRoster.BenchBot> bots;
    private final List<EntityRef<BotEntity.Command>> refs = new ArrayList<>();
    private final Duration timeout;
    private final boolean recording;
    final Histogram decision = LatencySummary.histogram();
    final Histogram decisionTrading = LatencySummary.histogram();
    final Histogram commit = LatencySummary.histogram();
    final Histogram step = LatencySummary.histogram();
    int barTimes;
    long botBars;
    long tradingBotBars;

    Pass(ActorSystem<?> system, List<BenchRoster.BenchBot> bots, Duration timeout, boolean recording) {
      this.system = system;
      this.bots = bots;
      this.timeout = timeout;
      this.recording = recording;
      bots.forEach(b -> refs.add(ClusterSharding.get(system).entityRefFor(BotEntity.TYPE_KEY, b.id())));
    }

    void run(List<Bar> timeline) {
      int i = 0;
      long stepId = 0;
      while (i < timeline.size()) {
        long time = timeline.get(i).timeMs();
        Map<String, Bar> barsNow = new LinkedHashMap<>();
        while (i < timeline.size() && timeline.get(i).timeMs() == time) {
          barsNow.put(timeline.get(i).instrument(), timeline.get(i));
          i++;
        }
        List<Integer> participants = new ArrayList<>();
        for (int b = 0; b < bots.size(); b++) {
          if (barsNow.containsKey(bots.get(b).config().instrument())) participants.add(b);
        }
        if (!participants.isEmpty()) step(++stepId, barsNow, participants);
      }
    }

    private void step(long stepId, Map<String, Bar> barsNow, List<Integer> participants) {
      int n = participants.size();
      long[] sent = new long[n];
      long[] evaluated = new long[n];
      long[] commitSent = new long[n];
      long[] committed = new long[n];
      int[] events = new int[n];
      long stepStart = System.nanoTime();
      List<CompletableFuture<BotEntity.Evaluation>> evaluations = new ArrayList<>(n);
      for (int p = 0; p < n; p++) {
        int slot = p;
        int b = participants.get(p);
        List<Bar> bars = List.of(barsNow.get(bots.get(b).config().instrument()));
        sent[p] = System.nanoTime();
        evaluations.add(AskPattern.<BotEntity.Command, BotEntity.Evaluation>askWithStatus(refs.get(b),
                r -> new BotEntity.EvaluateBars(stepId, bars, TradingState.ACTIVE, r), timeout, system.scheduler())
            .thenApply(e -> {
              evaluated[slot] = System.nanoTime();
              return e;
            }).toCompletableFuture());
      }
      for (int p = 0; p < n; p++) {
        BotEntity.Evaluation e = await(evaluations.get(p), bots.get(participants.get(p)).id());
        if (e.needsWarmUp()) {
          throw new IllegalStateException("bot " + e.botId() + " lost its market memory during the benchmark");
        }
      }
      List<CompletableFuture<BotEntity.Committed>> commits = new ArrayList<>(n);
      for (int p = 0; p < n; p++) {
        int slot = p;
        commitSent[p] = System.nanoTime();
        commits.add(AskPattern.<BotEntity.Command, BotEntity.Committed>askWithStatus(refs.get(participants.get(p)),
                r -> new BotEntity.CommitBars(stepId, 1, r), timeout, system.scheduler())
            .thenApply(c -> {
              committed[slot] = System.nanoTime();
              events[slot] = c.events();
              return c;
            }).toCompletableFuture());
      }
      for (int p = 0; p < n; p++) await(commits.get(p), bots.get(participants.get(p)).id());
      long stepEnd = System.nanoTime();
      barTimes++;
      botBars += n;
      if (!recording) return;
      LatencySummary.record(step, stepEnd - stepStart);
      for (int p = 0; p < n; p++) {
        LatencySummary.record(decision, evaluated[p] - sent[p]);
        LatencySummary.record(commit, committed[p] - commitSent[p]);
        // One bar commits its market mark; anything more is a trading event decided on this bar.
        if (events[p] > 1) {
          LatencySummary.record(decisionTrading, evaluated[p] - sent[p]);
          tradingBotBars++;
        }
      }
    }

    private <T> T await(CompletableFuture<T> future, String botId) {
      try {
        return future.get(timeout.toMillis() * 2, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted waiting for " + botId, e);
      } catch (Exception e) {
        throw new IllegalStateException("bot " + botId + ": " + e.getMessage(), e);
      }
    }
  }
}

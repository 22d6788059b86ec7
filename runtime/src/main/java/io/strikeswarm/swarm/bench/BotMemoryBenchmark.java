package io.strikeswarm.swarm.bench;

import com.typesafe.config.Config;
import io.strikeswarm.bots.domain.Bar;
import io.strikeswarm.bots.domain.TradingState;
import io.strikeswarm.bots.entity.BotEntity;
import io.strikeswarm.swarm.SwarmRuntime;
import io.strikeswarm.swarm.SwarmSettings;
import io.strikeswarm.swarm.backtest.BacktestOptions;
import io.strikeswarm.swarm.market.LoadOptions;
import io.strikeswarm.swarm.market.MarketDataLoader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.sharding.ShardRegion;
import org.apache.pekko.cluster.sharding.typed.ClusterShardingQuery;
import org.apache.pekko.cluster.sharding.typed.GetShardRegionState;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;

/**
 * Heap per bot: N sharded {@link BotEntity} instances, configured and funded as a diamond would, on one node with the
 * configured journal. The heap in use after full collections is read before the bots (the node up, a few warm-up
 * bots created so the journal's pools, caches and code paths exist), after half of them and after all of them; with
 * {@code bars} > 0, every bot then trades its first bars of the built-in data in one step, which fills its market
 * memory (its ta4j series and indicator caches, bounded at 500 bars or more), and the heap is read again. The number
 * of entities alive in the shard region is checked at each reading, so no bot was passivated or lost.
 */
public final class BotMemoryBenchmark {
  private BotMemoryBenchmark() {}

  public record Options(int bots, int warmupBots, int bars, Duration timeout) {
    public Options {
      if (bots < 2) throw new IllegalArgumentException("--bots must be >= 2, got " + bots);
      if (warmupBots < 0) throw new IllegalArgumentException("--warmup-bots must be >= 0, got " + warmupBots);
      if (bars < 0) throw new IllegalArgumentException("--bars must be >= 0, got " + bars);
    }
  }

  /** One heap reading: entities alive in the region and bytes in use after collection. */
  public record Reading(String when, long entities, long heapBytes) {}

  public record Result(Options options, List<Reading> readings, long botBarsFed, long eventsCommitted) {
    public Reading baseline() {
      return readings.get(0);
    }

    public Reading half() {
      return readings.get(1);
    }

    public Reading all() {
      return readings.get(2);
    }

    public Optional<Reading> withMarketMemory() {
      return readings.size() > 3 ? Optional.of(readings.get(3)) : Optional.empty();
    }

    /** Heap growth from the baseline to all bots, per bot. */
    public double bytesPerBot() {
      return (all().heapBytes() - baseline().heapBytes()) / (double) options.bots();
    }

    /** Growth from half to all bots, per bot: fixed costs that appear with the first bots are not in it. */
    public double marginalBytesPerBot() {
      return (all().heapBytes() - half().heapBytes()) / (double) (all().entities() - half().entities());
    }

    public Optional<Double> bytesPerBotWithMarketMemory() {
      return withMarketMemory().map(r -> (r.heapBytes() - baseline().heapBytes()) / (double) options.bots());
    }

    public String describe() {
      StringBuilder s = new StringBuilder();
      s.append(String.format(Locale.ROOT, "%-46s %10s %14s%n", "heap after GC", "entities", "heap used"));
      for (Reading r : readings) {
        s.append(String.format(Locale.ROOT, "%-46s %,10d %,11.1f MiB%n", r.when(), r.entities(),
            r.heapBytes() / 1048576.0));
      }
      s.append(String.format(Locale.ROOT, "bytes per bot, configured and funded (baseline -> all): %,.0f%n",
          bytesPerBot()));
      s.append(String.format(Locale.ROOT, "bytes per bot, marginal (half -> all):                   %,.0f%n",
          marginalBytesPerBot()));
      bytesPerBotWithMarketMemory().ifPresent(b -> s.append(String.format(Locale.ROOT,
          "bytes per bot with market memory (%,d bot-bars fed, %,d events committed): %,.0f%n", botBarsFed,
          eventsCommitted, b)));
      return s.toString();
    }
  }

  public static Result run(Config config, Options o) {
    SwarmSettings settings = SwarmSettings.from(config);
    Map<String, List<Bar>> barsByInstrument = o.bars() == 0 ? Map.of() : firstBars(o.bars());
    List<BenchRoster.BenchBot> warmup = BenchRoster.of(settings.swarm(), "warm", o.warmupBots());
    List<BenchRoster.BenchBot> bots = BenchRoster.of(settings.swarm(), "mem", o.bots());
    ActorSystem<Void> system = SwarmRuntime.startBotNode(config, settings.bots(), settings.startupTimeout());
    try {
      BotFleet.enlist(system, warmup, 256, o.timeout());
      List<Reading> readings = new ArrayList<>();
      readings.add(read(system, "before the bots (" + o.warmupBots() + " warm-up bots)", o.timeout()));
      int half = o.bots() / 2;
      BotFleet.enlist(system, bots.subList(0, half), 256, o.timeout());
      readings.add(read(system, String.format(Locale.ROOT, "%,d bots configured and funded", half), o.timeout()));
      BotFleet.enlist(system, bots.subList(half, bots.size()), 256, o.timeout());
      readings.add(read(system, String.format(Locale.ROOT, "%,d bots configured and funded", o.bots()), o.timeout()));
      long fed = 0;
      long events = 0;
      if (o.bars() > 0) {
        long[] totals = trade(system, bots, barsByInstrument, o.timeout());
        fed = totals[0];
        events = totals[1];
        readings.add(read(system, String.format(Locale.ROOT, "%,d bots after %,d bars each", o.bots(), o.bars()),
            o.timeout()));
      }
      return new Result(o, List.copyOf(readings), fed, events);
    } finally {
      system.terminate();
      try {
        system.getWhenTerminated().toCompletableFuture().get(60, TimeUnit.SECONDS);
      } catch (Exception e) {
        // The figures are taken; a slow stop does not change them.
      }
    }
  }

  /** The first {@code count} bars of each instrument of the built-in data (fewer where it has fewer). */
  private static Map<String, List<Bar>> firstBars(int count) {
    List<Bar> timeline = MarketDataLoader.load(BacktestOptions.DEFAULT_DATA,
        new LoadOptions(Optional.empty(), Optional.empty(), false)).timeline();
    Map<String, List<Bar>> byInstrument = new HashMap<>();
    for (Bar bar : timeline) {
      List<Bar> bars = byInstrument.computeIfAbsent(bar.instrument(), k -> new ArrayList<>());
      if (bars.size() < count) bars.add(bar);
    }
    byInstrument.replaceAll((k, v) -> List.copyOf(v));
    return byInstrument;
  }

  /** Every bot trades its bars in one lockstep step (evaluate, commit); returns bot-bars fed and events committed. */
  private static long[] trade(ActorSystem<?> system, List<BenchRoster.BenchBot> bots, Map<String, List<Bar>> bars,
      Duration timeout) {
    Semaphore permits = new Semaphore(64);
    AtomicLong fed = new AtomicLong();
    AtomicLong events = new AtomicLong();
    List<CompletableFuture<?>> all = new ArrayList<>();
    for (BenchRoster.BenchBot bot : bots) {
      List<Bar> mine = bars.getOrDefault(bot.config().instrument(), List.of());
      if (mine.isEmpty()) continue;
      EntityRef<BotEntity.Command> ref = ClusterSharding.get(system).entityRefFor(BotEntity.TYPE_KEY, bot.id());
      permits.acquireUninterruptibly();
      all.add(AskPattern.<BotEntity.Command, BotEntity.Evaluation>askWithStatus(ref,
              r -> new BotEntity.EvaluateBars(1, mine, TradingState.ACTIVE, r), timeout, system.scheduler())
          .thenCompose(evaluated -> {
            if (evaluated.needsWarmUp()) throw new IllegalStateException(bot.id() + " asked to be warmed up");
            return AskPattern.<BotEntity.Command, BotEntity.Committed>askWithStatus(ref,
                r -> new BotEntity.CommitBars(1, mine.size(), r), timeout, system.scheduler());
          })
          .thenAccept(committed -> {
            fed.addAndGet(mine.size());
            events.addAndGet(committed.events());
          })
          .toCompletableFuture().whenComplete((ok, e) -> permits.release()));
    }
    join(all);
    return new long[] {fed.get(), events.get()};
  }

  private static Reading read(ActorSystem<?> system, String when, Duration timeout) {
    long heap = HeapProbe.usedAfterGc();
    return new Reading(when, entitiesAlive(system, timeout), heap);
  }

  private static long entitiesAlive(ActorSystem<?> system, Duration timeout) {
    CompletableFuture<ShardRegion.CurrentShardRegionState> state = AskPattern.<ClusterShardingQuery, ShardRegion.CurrentShardRegionState>ask(
        ClusterSharding.get(system).shardState(),
        r -> new GetShardRegionState(BotEntity.TYPE_KEY, r), timeout, system.scheduler()).toCompletableFuture();
    try {
      return state.get(timeout.toMillis(), TimeUnit.MILLISECONDS).getShards().stream()
          .mapToLong(shard -> shard.getEntityIds().size()).sum();
    } catch (Exception e) {
      throw new IllegalStateException("shard region state not available: " + e.getMessage(), e);
    }
  }

  private static void join(List<CompletableFuture<?>> all) {
    try {
      CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(30, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (Exception e) {
      throw new IllegalStateException("bots could not trade: " + e.getMessage(), e);
    }
  }
}

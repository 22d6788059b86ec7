package io.strikeswarm.swarm;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.strikeswarm.bots.domain.Bar;
import io.strikeswarm.bots.domain.BotConfig;
import io.strikeswarm.bots.domain.Side;
import io.strikeswarm.bots.entity.BotEntity;
import io.strikeswarm.bots.entity.BotSettings;
import io.strikeswarm.bots.entity.BotView;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import io.strikeswarm.bots.domain.TradingState;
import io.strikeswarm.persistence.JournalProfile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.pattern.StatusReply;

/**
 * Measures the journal path of real bot entities on the configured profile: {@code bots} sharded bots write
 * {@code events} events each, all bots at once; then fresh actor systems recover them, with and without snapshots.
 * Each bot's events are: configured, capital allocated, then one observed bar per event (a flat price, so the
 * strategy never trades and the count is exact). The journal is scratch and starts empty: a fresh directory on the
 * local profile, the truncated scratch keyspace on the cassandra profile, where the same rows are then also inserted
 * with plain CQL ({@link RawCqlInsert}) for a baseline measured in the same run.
 */
public final class JournalBenchmark {
  private static final Duration ASK = Duration.ofSeconds(30);

  /** {@code rawEventsPerSecond}: raw CQL insert rate by batch size (cassandra profile only). */
  public record Result(int bots, int eventsPerBot, int snapshotEvery, double writeSeconds, double eventsPerSecond,
      List<Double> recoverySeconds, Map<Integer, Double> rawEventsPerSecond) {
    public double medianRecovery() {
      List<Double> sorted = recoverySeconds.stream().sorted().toList();
      return sorted.get(sorted.size() / 2);
    }
  }

  public static Result run(Path dataDir, int bots, int eventsPerBot, int snapshotEvery, int recoveries)
      throws Exception {
    return run(dataDir, ConfigFactory.empty(), bots, eventsPerBot, snapshotEvery, recoveries, List.of());
  }

  /** As above, on the configuration {@code overrides} make; {@code rawBatches}: batch sizes of the raw CQL baseline. */
  public static Result run(Path dataDir, Config overrides, int bots, int eventsPerBot, int snapshotEvery,
      int recoveries, List<Integer> rawBatches) throws Exception {
    Config scratch = ConfigFactory.parseMap(Map.of("swarm.persistence.scratch", true)).withFallback(overrides);
    Config fresh = ConfigFactory.parseMap(Map.of("swarm.persistence.fresh-journal", true)).withFallback(scratch);
    BotSettings settings = new BotSettings(snapshotEvery, BotSettings.DEFAULT.minBackoff(),
        BotSettings.DEFAULT.maxBackoff());
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= bots; i++) ids.add(String.format("bench-%03d", i));

    double writeSeconds;
    Map<Integer, Double> raw = new LinkedHashMap<>();
    ActorSystem<Void> writer = start(dataDir, fresh, settings);
    try {
      ClusterSharding sharding = ClusterSharding.get(writer);
      long t0 = System.nanoTime();
      List<CompletableFuture<Void>> all = new ArrayList<>();
      for (String id : ids) all.add(writeBot(sharding, id, eventsPerBot).toCompletableFuture());
      CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(30, TimeUnit.MINUTES);
      writeSeconds = (System.nanoTime() - t0) / 1e9;
      boolean cassandra = JournalProfile.parse(writer.settings().config().getString("swarm.persistence.profile"))
          == JournalProfile.CASSANDRA;
      if (cassandra) {
        for (int batch : rawBatches) {
          raw.put(batch, RawCqlInsert.eventsPerSecond(writer, BotEntity.persistenceId(ids.get(0)).id(), bots,
              eventsPerBot, batch));
        }
      }
    } finally {
      stop(writer);
    }

    List<Double> recoverySeconds = new ArrayList<>();
    for (int r = 0; r < recoveries; r++) {
      ActorSystem<Void> reader = start(dataDir, scratch, settings);
      try {
        ClusterSharding sharding = ClusterSharding.get(reader);
        long t0 = System.nanoTime();
        List<CompletableFuture<BotView>> views = new ArrayList<>();
        for (String id : ids) {
          views.add(sharding.entityRefFor(BotEntity.TYPE_KEY, id).ask(BotEntity.GetState::new, ASK)
              .toCompletableFuture());
        }
        CompletableFuture.allOf(views.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        recoverySeconds.add((System.nanoTime() - t0) / 1e9);
        for (CompletableFuture<BotView> v : views) {
          if (v.get().eventCount() != eventsPerBot) {
            throw new IllegalStateException(v.get().botId() + " recovered " + v.get().eventCount() + " events, wrote "
                + eventsPerBot);
          }
        }
      } finally {
        stop(reader);
      }
    }
    return new Result(bots, eventsPerBot, snapshotEvery, writeSeconds, bots * (double) eventsPerBot / writeSeconds,
        recoverySeconds, raw);
  }

  private static CompletionStage<Void> writeBot(ClusterSharding sharding, String id, int events) {
    var bot = sharding.entityRefFor(BotEntity.TYPE_KEY, id);
    BotConfig config = new BotConfig("sma-cross", Map.of("short", "2", "long", "5"), "BTC-USD", "paper", Side.LONG,
        BigDecimal.TEN, BigDecimal.ZERO);
    CompletionStage<StatusReply<Done>> chain = bot.<StatusReply<Done>>ask(r -> new BotEntity.Configure(config, r), ASK)
        .thenCompose(ok -> bot.<StatusReply<Done>>ask(r -> new BotEntity.AllocateCapital(1, new BigDecimal("10000"), r),
            ASK));
    BigDecimal price = new BigDecimal("30000");
    // One bar per lockstep step: each commit journals one market observation, so every step is one event.
    for (int i = 0; i < events - 2; i++) {
      long time = 1_700_000_000_000L + i * 60_000L;
      long step = i + 1;
      Bar bar = new Bar("BTC-USD", time, price, price, price, price, BigDecimal.ONE);
      chain = chain.thenCompose(previous -> {
        if (previous.isError()) throw new IllegalStateException(id + ": " + previous.getError().getMessage());
        return bot.<StatusReply<BotEntity.Evaluation>>ask(
            r -> new BotEntity.EvaluateBars(step, List.of(bar), TradingState.ACTIVE, r), ASK);
      }).thenCompose(evaluated -> {
        if (evaluated.isError()) throw new IllegalStateException(id + ": " + evaluated.getError().getMessage());
        return bot.<StatusReply<BotEntity.Committed>>ask(r -> new BotEntity.CommitBars(step, 1, r), ASK);
      }).thenApply(committed -> committed.isError() ? StatusReply.<Done>error(committed.getError())
          : StatusReply.ack());
    }
    return chain.thenAccept(last -> {
      if (last.isError()) throw new IllegalStateException(id + ": " + last.getError().getMessage());
    });
  }

  private static ActorSystem<Void> start(Path dataDir, Config overrides, BotSettings settings) {
    return SwarmRuntime.startBotNode(SwarmRuntime.loadConfig(dataDir, overrides), settings, Duration.ofSeconds(60));
  }

  private static void stop(ActorSystem<Void> system) throws Exception {
    system.terminate();
    system.getWhenTerminated().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}

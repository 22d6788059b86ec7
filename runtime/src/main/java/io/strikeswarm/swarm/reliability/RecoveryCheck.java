package io.strikeswarm.swarm.reliability;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.strikeswarm.bots.entity.BotEntity;
import io.strikeswarm.bots.entity.BotSettings;
import io.strikeswarm.bots.entity.BotView;
import io.strikeswarm.swarm.NodeConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * Recovers every bot of a journal the way a restarted node does — the real {@link BotEntity} on the real journal
 * plugin, from its latest snapshot plus the events after it — and compares what it holds with {@link Replay}'s
 * state from every event. Nothing but bots is started: no master, no supervisor, so nothing is resent and nothing
 * is written while it looks. Needs the journal to itself (no swarm running on the data directory).
 */
public final class RecoveryCheck {
  private RecoveryCheck() {}

  /** How many bots were recovered, and each one whose recovered state differs from the replay. */
  public record Result(int bots, List<String> mismatches) {
    public Result {
      mismatches = List.copyOf(mismatches);
    }
  }

  public static Result run(Path dataDirectory, Map<String, BotView> replayed, Duration timeout) {
    if (replayed.isEmpty()) return new Result(0, List.of());
    // A plain local actor system: recovery needs the journal plugin, not the cluster.
    Config config = NodeConfig.load(dataDirectory, ConfigFactory.parseString("""
        pekko.actor.provider = local
        pekko.coordinated-shutdown.run-by-jvm-shutdown-hook = off
        pekko.loglevel = WARNING
        """));
    Map<String, ActorRef<BotEntity.Command>> bots = new ConcurrentHashMap<>();
    CountDownLatch spawned = new CountDownLatch(1);
    ActorSystem<Void> system = ActorSystem.create(Behaviors.setup(ctx -> {
      for (String botId : replayed.keySet()) {
        bots.put(botId, ctx.spawn(BotEntity.create(botId, BotSettings.DEFAULT), "bot-" + botId));
      }
      spawned.countDown();
      return Behaviors.empty();
    }), "strikeswarm-recovery-check", config);
    try {
      if (!spawned.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) throw new IllegalStateException("no bots spawned");
      Map<String, CompletableFuture<BotView>> asks = new LinkedHashMap<>();
      for (String botId : replayed.keySet()) {
        asks.put(botId, AskPattern.<BotEntity.Command, BotView>ask(bots.get(botId), BotEntity.GetState::new, timeout,
            system.scheduler()).toCompletableFuture());
      }
      List<String> mismatches = new ArrayList<>();
      for (Map.Entry<String, CompletableFuture<BotView>> ask : asks.entrySet()) {
        BotView recovered = ask.getValue().get(timeout.toMillis() * 2, TimeUnit.MILLISECONDS);
        BotView expected = replayed.get(ask.getKey());
        if (!recovered.equals(expected)) {
          mismatches.add("bot " + ask.getKey() + ": recovered vs replayed differ in "
              + RecordDiff.first(recovered, expected));
        }
      }
      return new Result(asks.size(), mismatches);
    } catch (Exception e) {
      throw new IllegalStateException("recovering the bots of " + dataDirectory + " failed: " + e.getMessage(), e);
    } finally {
      system.terminate();
      try {
        system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        // Stopping is best effort; the next check starts its own system under its own name.
      }
    }
  }
}

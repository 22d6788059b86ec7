package io.strikeswarm.swarm;

import io.strikeswarm.bots.domain.BotConfig;
import io.strikeswarm.bots.domain.Side;
import io.strikeswarm.bots.entity.BotEntity;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.pattern.StatusReply;

/** Wakes sharded bots on a node: each is started in its shard and persists one event (a journal write). */
public final class TestBots {
  private static final Duration ASK = Duration.ofSeconds(30);

  private TestBots() {}

  public static void configure(ActorSystem<?> system, List<String> botIds) throws Exception {
    ClusterSharding sharding = ClusterSharding.get(system);
    BotConfig config = new BotConfig("sma-cross", Map.of("short", "2", "long", "5"), "BTC-USD", "paper", Side.LONG,
        BigDecimal.TEN, BigDecimal.ZERO);
    CompletableFuture<?>[] replies = botIds.stream()
        .map(id -> sharding.entityRefFor(BotEntity.TYPE_KEY, id)
            .<StatusReply<Done>>ask(r -> new BotEntity.Configure(config, r), ASK).toCompletableFuture())
        .toArray(CompletableFuture[]::new);
    CompletableFuture.allOf(replies).get(ASK.toSeconds(), TimeUnit.SECONDS);
  }
}

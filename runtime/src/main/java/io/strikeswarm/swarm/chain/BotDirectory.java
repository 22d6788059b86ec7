package io.strikeswarm.swarm.chain;

import io.strikeswarm.bots.amm.AmmBotEntity;
import io.strikeswarm.bots.entity.BotEntity;
import io.strikeswarm.master.amm.AmmBotChannel;
import io.strikeswarm.master.capital.DiamondKind;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.RecipientRef;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;

/**
 * Where a bot id is reached with the bot protocol: directional bots are sharded {@link BotEntity}s; AMM bots (when
 * this node runs them) are sharded {@link AmmBotEntity}s behind one {@link AmmBotChannel} each, made on first use.
 * Without AMM wiring, AMM ids go to the bot entities like any other id (which refuse them as never configured).
 */
public final class BotDirectory implements Function<String, RecipientRef<BotEntity.Command>> {
  private final ActorSystem<?> system;
  private final ClusterSharding sharding;
  private final AmmWiring amm;
  private final Map<String, RecipientRef<BotEntity.Command>> channels = new ConcurrentHashMap<>();

  public BotDirectory(ActorSystem<?> system, AmmWiring amm) {
    this.system = system;
    this.sharding = ClusterSharding.get(system);
    this.amm = amm;
  }

  @Override
  public RecipientRef<BotEntity.Command> apply(String botId) {
    if (amm == null || DiamondKind.ofBot(botId).orElse(null) != DiamondKind.AMM) {
      return sharding.entityRefFor(BotEntity.TYPE_KEY, botId);
    }
    return channels.computeIfAbsent(botId, id -> system.systemActorOf(
        AmmBotChannel.create(id, sharding.entityRefFor(AmmBotEntity.TYPE_KEY, id), amm.configs()::get,
            Duration.ofSeconds(5)), "amm-channel-" + id, Props.empty()));
  }
}

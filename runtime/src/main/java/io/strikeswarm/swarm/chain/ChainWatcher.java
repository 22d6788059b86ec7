package io.strikeswarm.swarm.chain;

import io.strikeswarm.bots.amm.AmmBotEntity;
import io.strikeswarm.bots.amm.ChainPort;
import io.strikeswarm.bots.amm.ChainSnapshot;
import io.strikeswarm.bots.amm.PoolKey;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.actor.typed.RecipientRef;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * The AMM bots' market feed for one chain: polls for a new block, reads every watched pool at that block in one
 * snapshot, and shows it to each bot. One read per block for all bots, not one per bot. An unreachable node is
 * retried with growing backoff (logged once when it goes and once when it comes back); the bots simply see no new
 * block meanwhile.
 */
public final class ChainWatcher extends AbstractBehavior<ChainWatcher.Command> {

  public sealed interface Command {}

  private record Tick() implements Command {}

  private record Seen(ChainSnapshot snapshot) implements Command {}

  private record Failed(String error) implements Command {}

  public static Behavior<Command> create(ChainPort port, List<PoolKey> pools, List<String> botIds,
      Function<String, RecipientRef<AmmBotEntity.Command>> bots, Duration poll) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
      timers.startSingleTimer(new Tick(), Duration.ZERO);
      return new ChainWatcher(ctx, timers, port, pools, botIds, bots, poll);
    }));
  }

  /** One watcher per chain of {@code amm}, showing each new block to the AMM bots on that chain. */
  public static void startAll(ActorSystem<?> system, AmmWiring amm) {
    ClusterSharding sharding = ClusterSharding.get(system);
    for (var chain : amm.chains().entrySet()) {
      List<String> bots = amm.configs().entrySet().stream().filter(e -> e.getValue().chain().equals(chain.getKey()))
          .map(java.util.Map.Entry::getKey).sorted().toList();
      if (bots.isEmpty()) continue;
      system.systemActorOf(create(chain.getValue(), amm.pools().get(chain.getKey()), bots,
          id -> sharding.entityRefFor(AmmBotEntity.TYPE_KEY, id), amm.blockPoll()), "chain-watcher-" + chain.getKey(),
          Props.empty());
    }
  }

  private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

  private final TimerScheduler<Command> timers;
  private final ChainPort port;
  private final List<PoolKey> pools;
  private final List<RecipientRef<AmmBotEntity.Command>> targets;
  private final Duration poll;
  private long lastBlock = -1;
  private Duration backoff;
  private String error;

  private ChainWatcher(ActorContext<Command> context, TimerScheduler<Command> timers, ChainPort port,
      List<PoolKey> pools, List<String> botIds, Function<String, RecipientRef<AmmBotEntity.Command>> bots,
      Duration poll) {
    super(context);
    this.timers = timers;
    this.port = port;
    this.pools = List.copyOf(pools);
    this.targets = botIds.stream().map(bots).toList();
    this.poll = poll;
    this.backoff = poll;
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Tick.class, t -> {
          getContext().pipeToSelf(port.snapshot(pools), (s, err) -> err == null ? new Seen(s)
              : new Failed(err.getCause() != null ? err.getCause().getMessage() : err.getMessage()));
          return this;
        })
        .onMessage(Seen.class, s -> {
          if (error != null) getContext().getLog().info("chain {} reachable again", port.chain());
          error = null;
          backoff = poll;
          if (s.snapshot().blockNumber() > lastBlock) {
            lastBlock = s.snapshot().blockNumber();
            AmmBotEntity.Observe observe = new AmmBotEntity.Observe(s.snapshot());
            targets.forEach(t -> t.tell(observe));
          }
          timers.startSingleTimer(new Tick(), poll);
          return this;
        })
        .onMessage(Failed.class, f -> {
          if (!f.error().equals(error)) {
            getContext().getLog().warn("chain {}: cannot read pools, retrying every {} ms at most: {}", port.chain(),
                MAX_BACKOFF.toMillis(), f.error());
          }
          error = f.error();
          timers.startSingleTimer(new Tick(), backoff);
          backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
          return this;
        })
        .build();
  }
}

package io.strikeswarm.swarm;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.strikeswarm.bots.amm.AmmBotEntity;
import io.strikeswarm.bots.entity.BotEntity;
import io.strikeswarm.swarm.chain.AmmWiring;
import io.strikeswarm.swarm.cluster.ClusterJoin;
import io.strikeswarm.swarm.chain.BotDirectory;
import io.strikeswarm.bots.entity.BotSettings;
import io.strikeswarm.master.Master;
import io.strikeswarm.persistence.JournalProfile;
import io.strikeswarm.persistence.JournalSchema;
import io.strikeswarm.swarm.ledger.TradeLedger;
import io.strikeswarm.swarm.venue.CexWiring;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.RecipientRef;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.apache.pekko.cluster.typed.Cluster;

/**
 * A running swarm node: the actor system as a cluster member (a single node joins itself; the cluster profile joins
 * through Cluster Bootstrap, see {@link ClusterJoin}), the journal schema, sharded bots and the master singleton.
 * {@link #start} checks the whole configuration first and writes nothing if it is bad.
 */
public final class SwarmRuntime implements AutoCloseable {
  private final ActorSystem<Void> system;
  private final SwarmSettings settings;
  private final ActorRef<Master.Command> master;
  private final BotDirectory bots;

  private SwarmRuntime(ActorSystem<Void> system, SwarmSettings settings, ActorRef<Master.Command> master,
      BotDirectory bots) {
    this.system = system;
    this.settings = settings;
    this.master = master;
    this.bots = bots;
  }

  /** The configuration a node runs with: profile layer for the data directory, then application.conf. */
  public static Config loadConfig(Path dataDirectory, Config overrides) {
    return NodeConfig.load(dataDirectory, overrides);
  }

  public static SwarmRuntime start(Path dataDirectory, Config overrides) {
    Config config = loadConfig(dataDirectory, overrides);
    return start(config, SwarmSettings.from(config));
  }

  /** Starts a node from a loaded configuration and settings already checked (and perhaps reshaped, as a backtest does). */
  public static SwarmRuntime start(Config config, SwarmSettings settings) {
    return start(config, settings, null);
  }

  /** As {@link #start(Config, SwarmSettings)}, with AMM bots on the chains {@code amm} wires (null: none). */
  public static SwarmRuntime start(Config config, SwarmSettings settings, AmmWiring amm) {
    if (amm == null) settings = settings.withoutAmmBots();
    ActorSystem<Void> system = startBotNode(config, settings.bots(), settings.startupTimeout());
    try {
      if (amm != null) AmmBotEntity.init(system, amm.settings(), amm.chains()::get);
      BotDirectory bots = new BotDirectory(system, amm);
      ActorRef<Master.Command> master = Master.initSingleton(system, settings.swarm(), settings.diamonds(), bots);
      if (config.getBoolean("swarm.ledger.enabled")) {
        Duration timeout = settings.startupTimeout();
        TradeLedger.of(system).ifPresent(ledger -> ledger.createTables(timeout).start());
      }
      return new SwarmRuntime(system, settings, master, bots);
    } catch (RuntimeException e) {
      system.terminate();
      throw e;
    }
  }

  /**
   * A cluster node with its journal schema in place and bot sharding started, but no master: what the swarm, the
   * journal benchmark and the crash test's bots-only recovery all stand on.
   */
  public static ActorSystem<Void> startBotNode(Config config, BotSettings bots, Duration timeout) {
    ClusterJoin join = ClusterJoin.of(config);
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "strikeswarm", config);
    try {
      Cluster cluster = Cluster.get(system);
      join.start(system);
      JournalSchema.ensureCreated(system, timeout);
      awaitUp(cluster, timeout);
      BotEntity.init(system, CexWiring.wire(system, config, bots));
      return system;
    } catch (RuntimeException e) {
      system.terminate();
      throw e;
    }
  }

  private static void awaitUp(Cluster cluster, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (cluster.selfMember().status() != MemberStatus.up()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("cluster node did not come up in " + timeout + " (status "
            + cluster.selfMember().status() + "; with the cluster profile: are the other nodes and their Management "
            + "ports reachable? swarm.startup-timeout)");
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while joining the cluster", e);
      }
    }
  }

  public ActorSystem<Void> system() {
    return system;
  }

  public SwarmSettings settings() {
    return settings;
  }

  public ActorRef<Master.Command> master() {
    return master;
  }

  /** A bot by id, whatever kind it is, with the bot protocol. */
  public RecipientRef<BotEntity.Command> recipient(String botId) {
    return bots.apply(botId);
  }

  /** Where bot ids are reached, as the master and the API address bots. */
  public BotDirectory bots() {
    return bots;
  }

  /** A directional bot's sharded entity. */
  public EntityRef<BotEntity.Command> bot(String botId) {
    return ClusterSharding.get(system).entityRefFor(BotEntity.TYPE_KEY, botId);
  }

  /** Graceful stop through CoordinatedShutdown: entities finish their in-flight persists first. */
  @Override
  public void close() {
    system.terminate();
    try {
      system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("swarm did not stop within 30 s", e);
    }
  }
}

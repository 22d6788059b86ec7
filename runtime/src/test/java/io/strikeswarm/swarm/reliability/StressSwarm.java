package io.strikeswarm.swarm.reliability;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.strikeswarm.bots.domain.BotStatus;
import io.strikeswarm.bots.domain.Money;
import io.strikeswarm.bots.entity.BotEntity;
import io.strikeswarm.bots.entity.BotSettings;
import io.strikeswarm.bots.entity.BotView;
import io.strikeswarm.master.Master;
import io.strikeswarm.master.SwarmView;
import io.strikeswarm.master.capital.DiamondKind;
import io.strikeswarm.master.capital.SwarmConfig;
import io.strikeswarm.master.diamond.DiamondSupervisor;
import io.strikeswarm.master.diamond.DiamondView;
import io.strikeswarm.master.diamond.RosterEntry;
import io.strikeswarm.swarm.backtest.ReplayDriver;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.RecipientRef;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.japi.function.Function;
import org.apache.pekko.persistence.testkit.PersistenceTestKitPlugin;
import org.apache.pekko.persistence.testkit.PersistenceTestKitSnapshotPlugin;
import org.apache.pekko.persistence.testkit.javadsl.PersistenceTestKit;

/**
 * A whole swarm for one property try: the real master with its supervisors and real bot entities, on an in-memory
 * journal of its own (a fresh actor system each time, so tries share nothing), driven by the real
 * {@link ReplayDriver}. What Cluster Sharding adds — placement — is not what these properties are about.
 */
final class StressSwarm implements AutoCloseable {
  private static final Duration ASK = Duration.ofSeconds(10);

  final ActorTestKit kit;
  final PersistenceTestKit journal;
  final SwarmConfig config;
  final ActorRef<Master.Command> master;
  private final Map<String, ActorRef<BotEntity.Command>> bots = new ConcurrentHashMap<>();

  private StressSwarm(SwarmConfig config) {
    Config akka = ConfigFactory.parseString("""
            pekko.actor.provider = local
            pekko.loglevel = ERROR
            pekko.coordinated-shutdown.run-by-jvm-shutdown-hook = off
            """)
        .withFallback(PersistenceTestKitPlugin.getInstance().config())
        .withFallback(PersistenceTestKitSnapshotPlugin.getInstance().config())
        .withFallback(ConfigFactory.load())
        .resolve();
    this.kit = ActorTestKit.create("stress", akka);
    this.journal = PersistenceTestKit.create(kit.system());
    this.config = config;
    this.master = kit.spawn(Master.create(config, DiamondSupervisor.Settings.defaults(config.rebalance()), this::bot),
        "master");
  }

  /** Starts the swarm and waits until the master has created and funded every bot of the plan. */
  static StressSwarm start(SwarmConfig config) {
    StressSwarm swarm = new StressSwarm(config);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!swarm.settled()) {
      if (System.nanoTime() > deadline) {
        swarm.close();
        throw new IllegalStateException("the roster was not created in 30 s");
      }
      sleep(20);
    }
    return swarm;
  }

  RecipientRef<BotEntity.Command> bot(String botId) {
    return bots.computeIfAbsent(botId, id -> kit.spawn(BotEntity.create(id, BotSettings.DEFAULT), "bot-" + id));
  }

  /** The lockstep driver over this swarm, as the backtest sets it up. */
  ReplayDriver driver(int stepBars) {
    SwarmView swarm = ask(master, Master.GetSwarm::new);
    List<ReplayDriver.BotSlot> slots = new ArrayList<>();
    long[] pools = new long[DiamondKind.values().length];
    for (DiamondKind kind : DiamondKind.values()) {
      DiamondView.Roster roster = roster(kind);
      pools[kind.ordinal()] = units(roster.ledger().pool());
      for (RosterEntry e : roster.bots()) slots.add(new ReplayDriver.BotSlot(e.botId(), kind.ordinal(), e.config().instrument()));
    }
    long[] equity = slots.stream().mapToLong(s -> units(view(s.botId()).equity())).toArray();
    long outside = units(swarm.ledger().reserve().add(swarm.ledger().unallocated()));
    return new ReplayDriver(kit.system(), master, this::bot, slots, outside, pools, equity, stepBars, ASK, null);
  }

  List<String> botIds() {
    List<String> ids = new ArrayList<>();
    for (DiamondKind kind : DiamondKind.values()) roster(kind).bots().forEach(e -> ids.add(e.botId()));
    return ids;
  }

  BotView view(String botId) {
    return ask(bot(botId), BotEntity.GetState::new);
  }

  Master.RiskView risk() {
    return ask(master, Master.GetRisk::new);
  }

  /** Everything a persistence id has in the journal, in order. */
  List<Object> events(String persistenceId) {
    return journal.persistedInStorage(persistenceId);
  }

  private boolean settled() {
    for (DiamondKind kind : DiamondKind.values()) {
      DiamondView.Roster roster = roster(kind);
      if (roster.pendingOps() > 0 || roster.bots().size() < config.diamond(kind).bots()
          || roster.bots().stream().anyMatch(e -> e.status() != BotStatus.ACTIVE)) {
        return false;
      }
    }
    return true;
  }

  private DiamondView.Roster roster(DiamondKind kind) {
    return ask(master, r -> new Master.GetRoster(kind, r));
  }

  private <Q, T> T ask(RecipientRef<Q> to, Function<ActorRef<T>, Q> message) {
    CompletionStage<T> reply = AskPattern.ask(to, message, ASK, kit.system().scheduler());
    return reply.toCompletableFuture().join();
  }

  static long units(BigDecimal money) {
    return Money.normalize(money).unscaledValue().longValueExact();
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    kit.shutdownTestKit();
  }
}

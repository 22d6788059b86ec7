package io.strikeswarm.master.support;

import static io.strikeswarm.master.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.strikeswarm.bots.domain.BotStatus;
import io.strikeswarm.master.Master;
import io.strikeswarm.master.SwarmView;
import io.strikeswarm.master.capital.DiamondKind;
import io.strikeswarm.master.capital.DiamondLedger;
import io.strikeswarm.master.capital.SwarmConfig;
import io.strikeswarm.master.diamond.DiamondSupervisor;
import io.strikeswarm.master.diamond.DiamondView;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.persistence.testkit.javadsl.PersistenceTestKit;

/**
 * The master with its three diamond supervisors and real bots, on an in-memory journal that serializes every event
 * with the project's bindings, and every message between actors serialized: what an operator command meets in a
 * running swarm, minus the cluster.
 */
public final class MasterHarness implements AutoCloseable {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  public final ActorTestKit testKit;
  public final Bots bots;
  public final PersistenceTestKit journal;
  private final SwarmConfig config;

  public MasterHarness(String name, SwarmConfig config) {
    this.testKit = ActorTestKit.create(name, SwarmTestKit.config(false));
    this.bots = new Bots(testKit.system());
    this.journal = PersistenceTestKit.create(testKit.system());
    this.config = config;
  }

  /** Starts a master on the journal (the first start initializes it, later ones recover it). */
  public ActorRef<Master.Command> start(String name) {
    DiamondSupervisor.Settings settings = DiamondSupervisor.Settings.defaults(SwarmTestKit.rebalanceOnCommand());
    return testKit.spawn(Master.create(config, settings, bots), name);
  }

  public void stop(ActorRef<Master.Command> master) {
    testKit.stop(master, TIMEOUT);
  }

  /** Waits until every diamond has its configured bots, active, with no operation in flight. */
  public void awaitRostersComplete(ActorRef<Master.Command> master) {
    eventually(Duration.ofSeconds(15), () -> {
      for (DiamondKind kind : DiamondKind.values()) {
        DiamondView.Roster roster = roster(master, kind);
        assertThat(roster.bots()).hasSize(config.diamond(kind).bots())
            .allMatch(e -> e.status() == BotStatus.ACTIVE, "is active");
        assertThat(roster.pendingOps()).isZero();
      }
    });
  }

  public SwarmView swarm(ActorRef<Master.Command> master) {
    return ask(master, Master.GetSwarm::new);
  }

  public DiamondView.Roster roster(ActorRef<Master.Command> master, DiamondKind kind) {
    return ask(master, r -> new Master.GetRoster(kind, r));
  }

  public Map<DiamondKind, DiamondView.Roster> rosters(ActorRef<Master.Command> master) {
    Map<DiamondKind, DiamondView.Roster> rosters = new EnumMap<>(DiamondKind.class);
    for (DiamondKind kind : DiamondKind.values()) rosters.put(kind, roster(master, kind));
    return rosters;
  }

  /** Events in the master's and each diamond's journal. */
  public Map<String, Integer> journalSizes() {
    Map<String, Integer> sizes = new TreeMap<>();
    sizes.put(Master.PERSISTENCE_ID.id(), masterEvents().size());
    for (DiamondKind kind : DiamondKind.values()) {
      String id = DiamondSupervisor.persistenceId(kind).id();
      sizes.put(id, journal.persistedInStorage(id).size());
    }
    return sizes;
  }

  public List<Object> masterEvents() {
    return journal.persistedInStorage(Master.PERSISTENCE_ID.id());
  }

  public List<Object> diamondEvents(DiamondKind kind) {
    return journal.persistedInStorage(DiamondSupervisor.persistenceId(kind).id());
  }

  /** Every bot the ledger funds holds exactly what the ledger says it was given. */
  public void assertBotsHoldTheirAllocations(DiamondLedger ledger) {
    List<String> mismatches = new ArrayList<>();
    ledger.allocations().forEach((botId, allocation) -> {
      BigDecimal allocated = bots.view(botId).allocated();
      if (!allocated.equals(allocation)) mismatches.add(botId + ": ledger " + allocation + ", bot " + allocated);
    });
    assertThat(mismatches).isEmpty();
  }

  public <T> T ask(ActorRef<Master.Command> master,
      org.apache.pekko.japi.function.Function<ActorRef<T>, Master.Command> message) {
    CompletionStage<T> reply = AskPattern.ask(master, message, TIMEOUT, testKit.system().scheduler());
    return reply.toCompletableFuture().join();
  }

  @Override
  public void close() {
    testKit.shutdownTestKit();
  }
}

package io.strikeswarm.master;

import io.strikeswarm.bots.entity.BotEntity;
import io.strikeswarm.master.capital.DiamondKind;
import io.strikeswarm.master.capital.MasterLedger;
import io.strikeswarm.master.capital.SwarmConfig;
import io.strikeswarm.master.diamond.DiamondSupervisor;
import io.strikeswarm.master.diamond.DiamondView;
import io.strikeswarm.persistence.CborSerializable;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.RecipientRef;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.typed.ClusterSingleton;
import org.apache.pekko.cluster.typed.SingletonActor;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;

/**
 * The master diamond: holds the swarm's capital, keeps the reserve, funds the three diamond supervisors (its
 * children) and routes operator commands to them. Event-sourced and run as a Cluster Singleton. On first start it
 * persists the capital plan it was booted with; from then on the journal, not the configuration file, is the truth.
 * After every start it re-sends each diamond its funding and roster, which both sides treat idempotently, so a crash
 * between any two steps of the first start heals itself.
 */
public final class Master
    extends EventSourcedBehaviorWithEnforcedReplies<Master.Command, Master.Event, MasterState> {

  public sealed interface Command extends CborSerializable {}

  public record GetSwarm(ActorRef<SwarmView> replyTo) implements Command {}

  public record GetRoster(DiamondKind kind, ActorRef<DiamondView.Roster> replyTo) implements Command {}

  public record GetStats(DiamondKind kind, ActorRef<DiamondView.Stats> replyTo) implements Command {}

  public record Rebalance(DiamondKind kind, ActorRef<StatusReply<DiamondView.RebalanceResult>> replyTo)
      implements Command {}

  /** Pause, resume or retire one bot; routed to its diamond by the bot id's prefix. */
  public record ManageBot(String botId, DiamondSupervisor.BotAction action, ActorRef<StatusReply<Done>> replyTo)
      implements Command {}

  record Initialize() implements Command {}

  record DiamondAnswered(DiamondKind kind, String step, StatusReply<Done> reply) implements Command {}

  public sealed interface Event extends CborSerializable {}

  public record SwarmInitialized(SwarmConfig config, MasterLedger ledger) implements Event {}

  public static final PersistenceId PERSISTENCE_ID = PersistenceId.ofUniqueId("master");

  /** Starts (or joins) the master singleton and returns its proxy. */
  public static ActorRef<Command> initSingleton(ActorSystem<?> system, SwarmConfig bootConfig,
      DiamondSupervisor.Settings diamondSettings, Function<String, RecipientRef<BotEntity.Command>> bots) {
    Behavior<Command> master = Behaviors.<Command>supervise(create(bootConfig, diamondSettings, bots))
        .onFailure(SupervisorStrategy.restartWithBackoff(Duration.ofMillis(200), Duration.ofSeconds(10), 0.2));
    return ClusterSingleton.get(system).init(SingletonActor.of(master, "master"));
  }

  public static Behavior<Command> create(SwarmConfig bootConfig, DiamondSupervisor.Settings diamondSettings,
      Function<String, RecipientRef<BotEntity.Command>> bots) {
    return Behaviors.setup(ctx -> {
      Map<DiamondKind, ActorRef<DiamondSupervisor.Command>> diamonds = new EnumMap<>(DiamondKind.class);
      for (DiamondKind kind : DiamondKind.values()) {
        Behavior<DiamondSupervisor.Command> child = Behaviors.<DiamondSupervisor.Command>supervise(
                DiamondSupervisor.create(kind, diamondSettings, bots))
            .onFailure(SupervisorStrategy.restartWithBackoff(Duration.ofMillis(200), Duration.ofSeconds(10), 0.2));
        diamonds.put(kind, ctx.spawn(child, kind.id()));
      }
      return new Master(ctx, bootConfig, diamonds);
    });
  }

  private final ActorContext<Command> context;
  private final SwarmConfig bootConfig;
  private final Map<DiamondKind, ActorRef<DiamondSupervisor.Command>> diamonds;

  private Master(ActorContext<Command> context, SwarmConfig bootConfig,
      Map<DiamondKind, ActorRef<DiamondSupervisor.Command>> diamonds) {
    super(PERSISTENCE_ID, SupervisorStrategy.restartWithBackoff(Duration.ofMillis(200), Duration.ofSeconds(10), 0.2));
    this.context = context;
    this.bootConfig = bootConfig;
    this.diamonds = diamonds;
  }

  @Override
  public MasterState emptyState() {
    return MasterState.EMPTY;
  }

  @Override
  public EventHandler<MasterState, Event> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent(MasterState::apply);
  }

  @Override
  public SignalHandler<MasterState> signalHandler() {
    return newSignalHandlerBuilder().onSignal(RecoveryCompleted.instance(), state -> {
      if (!state.initialized()) {
        context.getSelf().tell(new Initialize());
        return;
      }
      if (!state.config().equals(bootConfig)) {
        context.getLog().warn("the journal holds the capital plan of the first start; the configured plan differs "
            + "and is not applied (data directory holds the swarm's history)");
      }
      syncDiamonds(state);
    }).build();
  }

  @Override
  public CommandHandlerWithReply<Command, Event, MasterState> commandHandler() {
    return newCommandHandlerWithReplyBuilder().forAnyState()
        .onCommand(Initialize.class, this::onInitialize)
        .onCommand(GetSwarm.class, (s, c) -> Effect().reply(c.replyTo(),
            new SwarmView(s.initialized(), s.config(), s.ledger(), s.ledger() != null && s.ledger().balances())))
        .onCommand(GetRoster.class, (s, c) -> forward(c.kind(), new DiamondSupervisor.GetRoster(c.replyTo())))
        .onCommand(GetStats.class, (s, c) -> forward(c.kind(), new DiamondSupervisor.GetStats(c.replyTo())))
        .onCommand(Rebalance.class, (s, c) -> forward(c.kind(), new DiamondSupervisor.Rebalance(c.replyTo())))
        .onCommand(ManageBot.class, this::onManageBot)
        .onCommand(DiamondAnswered.class, (s, c) -> {
          if (c.reply().isError()) {
            context.getLog().error("diamond {} refused {}: {}", c.kind().id(), c.step(), c.reply().getError().getMessage());
          }
          return Effect().noReply();
        })
        .build();
  }

  private ReplyEffect<Event, MasterState> onInitialize(MasterState state, Initialize cmd) {
    if (state.initialized()) return Effect().noReply();
    SwarmConfig config = bootConfig.validate();
    return Effect().persist(new SwarmInitialized(config, MasterLedger.initial(config)))
        .thenRun(this::syncDiamonds).thenNoReply();
  }

  private ReplyEffect<Event, MasterState> onManageBot(MasterState state, ManageBot cmd) {
    var kind = DiamondKind.ofBot(cmd.botId());
    if (kind.isEmpty()) {
      return Effect().reply(cmd.replyTo(), StatusReply.error("unknown bot " + cmd.botId()
          + " (ids look like long-07, short-12, amm-31)"));
    }
    return forward(kind.get(), new DiamondSupervisor.ManageBot(cmd.botId(), cmd.action(), cmd.replyTo()));
  }

  private ReplyEffect<Event, MasterState> forward(DiamondKind kind, DiamondSupervisor.Command command) {
    diamonds.get(kind).tell(command);
    return Effect().noReply();
  }

  private void syncDiamonds(MasterState state) {
    for (DiamondKind kind : DiamondKind.values()) {
      ActorRef<DiamondSupervisor.Command> diamond = diamonds.get(kind);
      tellAndWatch(kind, "funding", diamond, r -> new DiamondSupervisor.SyncFunding(state.fundingVersion(),
          state.ledger().funding().get(kind), r));
      tellAndWatch(kind, "roster", diamond,
          r -> new DiamondSupervisor.EnlistBots(RosterPlan.specs(state.config(), kind), r));
    }
  }

  /** Sends a step to a diamond and logs a refusal; a diamond that does not answer gets the step again next start. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private void tellAndWatch(DiamondKind kind, String step, ActorRef<DiamondSupervisor.Command> diamond,
      Function<ActorRef<StatusReply<Done>>, DiamondSupervisor.Command> message) {
    Class<StatusReply<Done>> replyClass = (Class) StatusReply.class;
    context.ask(replyClass, diamond, Duration.ofSeconds(30), message::apply,
        (reply, error) -> new DiamondAnswered(kind, step,
            error != null ? StatusReply.error(error.toString()) : reply));
  }
}

package io.strikeswarm.master;

import io.strikeswarm.bots.domain.TradingState;
import io.strikeswarm.bots.entity.BotEntity;
import io.strikeswarm.master.risk.RiskLimits;
import io.strikeswarm.master.risk.SwarmRisk;
import io.strikeswarm.master.capital.DiamondKind;
import io.strikeswarm.master.capital.MasterLedger;
import io.strikeswarm.master.capital.SwarmConfig;
import io.strikeswarm.master.diamond.DiamondSupervisor;
import io.strikeswarm.master.diamond.DiamondView;
import io.strikeswarm.persistence.CborSerializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
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
import org.apache.pekko.actor.typed.javadsl.AskPattern;
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

  /**
   * Before a lockstep step whose first bar closes at {@code firstBarTimeMs}: rolls the market day (a new UTC day
   * lifts REDUCING) and replies with the trading state the step's bars are traded under.
   */
  public record BeginStep(long firstBarTimeMs, ActorRef<StatusReply<RiskAssessment>> replyTo) implements Command {}

  /**
   * After a step was evaluated: the swarm's equity at each of its distinct bar times (units of 10^-8). The limits
   * are checked point by point; the first change of trading state ends the assessment there. The reply says how many
   * points were kept (all, or up to and including the one that tripped a limit) and the state from then on.
   */
  public record AssessRisk(long[] timesMs, long[] equityUnits, ActorRef<StatusReply<RiskAssessment>> replyTo)
      implements Command {}

  /** The kill switch (and the breaker's arm): halt trading, then every bot cancels, flattens and stops. */
  public record HaltSwarm(String reason, long marketTimeMs, ActorRef<StatusReply<Done>> replyTo) implements Command {}

  /** An operator lifts a halt: ACTIVE again; halted bots resume. */
  public record ResumeSwarm(long marketTimeMs, ActorRef<StatusReply<Done>> replyTo) implements Command {}

  public record GetRisk(ActorRef<RiskView> replyTo) implements Command {}

  public record RiskView(TradingState state, SwarmRisk risk, RiskLimits limits) implements CborSerializable {}

  public record RiskAssessment(int pointsKept, TradingState state, SwarmRisk.Change change) implements CborSerializable {}

  record Initialize() implements Command {}

  record DiamondsHalted(String reason, ActorRef<StatusReply<Done>> replyTo, Throwable failure) implements Command {}

  record DiamondAnswered(DiamondKind kind, String step, StatusReply<Done> reply) implements Command {}

  public sealed interface Event extends CborSerializable {}

  public record SwarmInitialized(SwarmConfig config, MasterLedger ledger) implements Event {}

  /** The risk state after a step's points (peak, day reference, last equity) — no change of trading state. */
  public record RiskObserved(SwarmRisk risk) implements Event {}

  public record TradingStateChanged(SwarmRisk.Change change, SwarmRisk risk) implements Event {}

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
        .onCommand(BeginStep.class, this::onBeginStep)
        .onCommand(AssessRisk.class, this::onAssessRisk)
        .onCommand(HaltSwarm.class, this::onHaltSwarm)
        .onCommand(ResumeSwarm.class, this::onResumeSwarm)
        .onCommand(DiamondsHalted.class, (s, c) -> Effect().reply(c.replyTo(), c.failure() == null ? StatusReply.ack()
            : StatusReply.error("halting the diamonds failed: " + c.failure().getMessage())))
        .onCommand(GetRisk.class, (s, c) -> Effect().reply(c.replyTo(), riskView(s)))
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

  private ReplyEffect<Event, MasterState> onBeginStep(MasterState state, BeginStep cmd) {
    if (!state.initialized()) return Effect().reply(cmd.replyTo(), StatusReply.error("the swarm is not initialized yet"));
    SwarmRisk.Outcome outcome = state.risk().beginBar(cmd.firstBarTimeMs());
    SwarmRisk.Change change = outcome.change().orElse(null);
    if (outcome.next().equals(state.risk())) {
      return Effect().reply(cmd.replyTo(), StatusReply.success(new RiskAssessment(0, state.risk().state(), null)));
    }
    Event event = change != null ? new TradingStateChanged(change, outcome.next()) : new RiskObserved(outcome.next());
    return Effect().persist(event).thenReply(cmd.replyTo(),
        s -> StatusReply.success(new RiskAssessment(0, s.risk().state(), change)));
  }

  private ReplyEffect<Event, MasterState> onAssessRisk(MasterState state, AssessRisk cmd) {
    if (!state.initialized()) return Effect().reply(cmd.replyTo(), StatusReply.error("the swarm is not initialized yet"));
    if (cmd.timesMs() == null || cmd.equityUnits() == null || cmd.timesMs().length != cmd.equityUnits().length) {
      return Effect().reply(cmd.replyTo(), StatusReply.error("times and equities must be given in pairs"));
    }
    SwarmRisk risk = state.risk();
    for (int i = 0; i < cmd.timesMs().length; i++) {
      SwarmRisk.Outcome outcome = risk.observe(cmd.timesMs()[i],
          java.math.BigDecimal.valueOf(cmd.equityUnits()[i], io.strikeswarm.bots.domain.Money.SCALE),
          state.config().risk());
      risk = outcome.next();
      if (outcome.change().isPresent()) {
        SwarmRisk.Change change = outcome.change().get();
        context.getLog().warn("swarm {} -> {} at market time {}: {}", change.from(), change.to(), change.timeMs(),
            change.reason());
        int kept = i + 1;
        return Effect().persist(new TradingStateChanged(change, risk)).thenReply(cmd.replyTo(),
            s -> StatusReply.success(new RiskAssessment(kept, s.risk().state(), change)));
      }
    }
    int kept = cmd.timesMs().length;
    if (kept == 0) return Effect().reply(cmd.replyTo(), StatusReply.success(new RiskAssessment(0, risk.state(), null)));
    return Effect().persist(new RiskObserved(risk)).thenReply(cmd.replyTo(),
        s -> StatusReply.success(new RiskAssessment(kept, s.risk().state(), null)));
  }

  private ReplyEffect<Event, MasterState> onHaltSwarm(MasterState state, HaltSwarm cmd) {
    if (!state.initialized()) return Effect().reply(cmd.replyTo(), StatusReply.error("the swarm is not initialized yet"));
    String reason = cmd.reason() == null || cmd.reason().isBlank() ? "kill switch" : cmd.reason();
    SwarmRisk.Outcome outcome = state.risk().kill(reason, cmd.marketTimeMs());
    List<Event> events = outcome.change().<List<Event>>map(c -> List.of(new TradingStateChanged(c, outcome.next())))
        .orElse(List.of());
    return Effect().persist(events).thenRun(s -> fanOut(DiamondSupervisor.BotAction.HALT, reason, cmd.replyTo()))
        .thenNoReply();
  }

  private ReplyEffect<Event, MasterState> onResumeSwarm(MasterState state, ResumeSwarm cmd) {
    if (!state.initialized()) return Effect().reply(cmd.replyTo(), StatusReply.error("the swarm is not initialized yet"));
    SwarmRisk.Outcome outcome = state.risk().resume(cmd.marketTimeMs());
    List<Event> events = outcome.change().<List<Event>>map(c -> List.of(new TradingStateChanged(c, outcome.next())))
        .orElse(List.of());
    return Effect().persist(events)
        .thenRun(s -> fanOut(DiamondSupervisor.BotAction.RESUME, "resumed by an operator", cmd.replyTo()))
        .thenNoReply();
  }

  /** Every diamond schedules the action for its bots; the reply comes once all of them have persisted it. */
  private void fanOut(DiamondSupervisor.BotAction action, String reason, ActorRef<StatusReply<Done>> replyTo) {
    List<CompletableFuture<Done>> acks = new ArrayList<>();
    for (ActorRef<DiamondSupervisor.Command> diamond : diamonds.values()) {
      CompletionStage<Done> ack = AskPattern.askWithStatus(diamond,
          r -> new DiamondSupervisor.ManageAll(action, reason, r), Duration.ofSeconds(30),
          context.getSystem().scheduler());
      acks.add(ack.toCompletableFuture());
    }
    context.pipeToSelf(CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)),
        (ok, failure) -> new DiamondsHalted(reason, replyTo, failure));
  }

  private static RiskView riskView(MasterState s) {
    return new RiskView(s.risk() == null ? TradingState.ACTIVE : s.risk().state(), s.risk(),
        s.config() == null ? null : s.config().risk());
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

package io.strikeswarm.master;

import io.strikeswarm.bots.domain.Money;
import io.strikeswarm.bots.domain.TradingState;
import io.strikeswarm.bots.entity.BotEntity;
import io.strikeswarm.master.risk.RiskLimits;
import io.strikeswarm.master.risk.SwarmRisk;
import io.strikeswarm.master.capital.AllocationPlan;
import io.strikeswarm.master.capital.AllocationResult;
import io.strikeswarm.master.capital.ConfigError;
import io.strikeswarm.master.capital.DiamondKind;
import io.strikeswarm.master.capital.MasterLedger;
import io.strikeswarm.master.capital.Reallocation;
import io.strikeswarm.master.capital.SwarmConfig;
import io.strikeswarm.master.diamond.DiamondSupervisor;
import io.strikeswarm.master.diamond.DiamondView;
import io.strikeswarm.persistence.CborSerializable;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
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
 *
 * <p>An operator re-allocation ({@link ChangeAllocation}) is persisted as intent first, then each shrinking diamond
 * is asked to give capital back, and only what actually came back is moved; the reserve and the growing diamonds
 * are settled last. Each step is an event that keeps the books balanced, and a restarted master asks again the
 * diamonds that had not answered (they answer a resent request with the same amount).
 */
public final class Master
    extends EventSourcedBehaviorWithEnforcedReplies<Master.Command, Master.Event, MasterState> {

  public sealed interface Command extends CborSerializable {}

  public record GetSwarm(ActorRef<SwarmView> replyTo) implements Command {}

  public record GetRoster(DiamondKind kind, ActorRef<DiamondView.Roster> replyTo) implements Command {}

  public record GetStats(DiamondKind kind, ActorRef<DiamondView.Stats> replyTo) implements Command {}

  public record Rebalance(DiamondKind kind, ActorRef<StatusReply<DiamondView.RebalanceResult>> replyTo)
      implements Command {}

  /**
   * The operator changes the diamond weights and/or the reserve ratio ({@code null} or an empty map keeps the
   * weights, diamonds the map does not name keep theirs; {@code null} keeps the reserve). Validated before anything
   * is persisted; a refusal names the field ({@code weights.long-strike}, {@code weights}, {@code reserve}). The
   * reply comes once the capital has moved and the diamonds know their new funding; it says where the books fell
   * short of the plan (bots that could not release capital held in positions). Sent again while the same change
   * is under way, it waits for the same outcome; a different change is refused until then.
   */
  public record ChangeAllocation(Map<DiamondKind, BigDecimal> weights, BigDecimal reserveRatio,
      ActorRef<StatusReply<AllocationResult>> replyTo) implements Command {}

  /**
   * Change some of a bot's strategy parameters, through its diamond (the roster stays the source of truth). The
   * reply comes once the bot has taken them; a refusal names the parameter ({@code parameters.short: ...}).
   */
  public record ChangeBotParameters(String botId, Map<String, String> parameters, ActorRef<StatusReply<Done>> replyTo)
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

  /**
   * The singleton's stop message before a hand-over: the supervisors stop after their persists in flight, then the
   * master after its own (commands wait while it persists), so the next node's master and supervisors recover every
   * event these wrote, and never write next to them. Supervisors that do not stop within {@link #STOP_WAIT} are left
   * to the actor system's stop.
   */
  public record Stop() implements Command {}

  record DiamondStopped(DiamondKind kind) implements Command {}

  record StopNow() implements Command {}

  record DiamondsHalted(String reason, ActorRef<StatusReply<Done>> replyTo, Throwable failure) implements Command {}

  record DiamondAnswered(DiamondKind kind, String step, StatusReply<Done> reply) implements Command {}

  /** After a restart: carry on with the re-allocation the journal left open. */
  record ContinueAllocation() implements Command {}

  /** A diamond's answer to a give-back: what it returned, or its refusal, or no answer ({@code noAnswer}). */
  record DiamondReturned(long reallocationId, DiamondKind kind, DiamondView.Returned returned, String error,
      boolean noAnswer) implements Command {}

  record AskAgain(long reallocationId, DiamondKind kind) implements Command {}

  record AllocationSynced(long reallocationId, AllocationResult result, String failure) implements Command {}

  public sealed interface Event extends CborSerializable {}

  public record SwarmInitialized(SwarmConfig config, MasterLedger ledger) implements Event {}

  /** The risk state after a step's points (peak, day reference, last equity) — no change of trading state. */
  public record RiskObserved(SwarmRisk risk) implements Event {}

  public record TradingStateChanged(SwarmRisk.Change change, SwarmRisk risk) implements Event {}

  /**
   * The operator's new weights (all three) and reserve ratio, and the books they aim for. Nothing moves yet: the
   * re-allocation it opens is settled by {@link AllocationSettled}, after the give-backs it asks for.
   */
  public record AllocationChanged(long reallocationId, Map<DiamondKind, BigDecimal> weights, BigDecimal reserveRatio,
      MasterLedger target) implements Event {}

  /** A diamond gave back {@code returned} (possibly less than asked): it moves from its funding to unallocated. */
  public record CapitalReturned(long reallocationId, DiamondKind kind, BigDecimal returned) implements Event {}

  /** The books after the re-allocation; its id becomes the funding version the diamonds are told. */
  public record AllocationSettled(long reallocationId, MasterLedger ledger) implements Event {}

  public static final PersistenceId PERSISTENCE_ID = PersistenceId.ofUniqueId("master");

  private static final Duration STOP_WAIT = Duration.ofSeconds(10);

  /** Give-backs wait for bots; on no answer the ask is repeated (the diamond answers a resend from its journal). */
  private static final Duration GIVE_BACK_TIMEOUT = Duration.ofSeconds(30);

  /** Starts (or joins) the master singleton and returns its proxy. */
  public static ActorRef<Command> initSingleton(ActorSystem<?> system, SwarmConfig bootConfig,
      DiamondSupervisor.Settings diamondSettings, Function<String, RecipientRef<BotEntity.Command>> bots) {
    Behavior<Command> master = Behaviors.<Command>supervise(create(bootConfig, diamondSettings, bots))
        .onFailure(SupervisorStrategy.restartWithBackoff(Duration.ofMillis(200), Duration.ofSeconds(10), 0.2));
    return ClusterSingleton.get(system).init(SingletonActor.of(master, "master").withStopMessage(new Stop()));
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
  // Not persisted: the supervisors still stopping after a Stop (empty: not stopping).
  private final java.util.Set<DiamondKind> stopping = java.util.EnumSet.noneOf(DiamondKind.class);
  // Not persisted: who waits for which re-allocation. Lost on a restart, when the callers' asks have gone too.
  private final Map<Long, List<ActorRef<StatusReply<AllocationResult>>>> allocationWaiting = new HashMap<>();

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
      // The operator's weights and reserve are the journal's to keep; any other difference is worth a warning.
      if (!state.config().equals(bootConfig.withAllocation(state.config().weights(), state.config().reserveRatio()))) {
        context.getLog().warn("the journal holds the capital plan of the first start; the configured plan differs "
            + "and is not applied (data directory holds the swarm's history)");
      } else if (!state.config().equals(bootConfig)) {
        context.getLog().info("the weights and reserve an operator set replace the configured ones");
      }
      syncDiamonds(state);
      if (state.reallocation() != null) context.getSelf().tell(new ContinueAllocation());
    }).build();
  }

  @Override
  public CommandHandlerWithReply<Command, Event, MasterState> commandHandler() {
    return newCommandHandlerWithReplyBuilder().forAnyState()
        .onCommand(Initialize.class, this::onInitialize)
        .onCommand(GetSwarm.class, (s, c) -> Effect().reply(c.replyTo(),
            new SwarmView(s.initialized(), s.config(), s.ledger(), s.ledger() != null && s.ledger().balances(),
                s.reallocation())))
        .onCommand(GetRoster.class, (s, c) -> forward(c.kind(), new DiamondSupervisor.GetRoster(c.replyTo())))
        .onCommand(GetStats.class, (s, c) -> forward(c.kind(), new DiamondSupervisor.GetStats(c.replyTo())))
        .onCommand(Rebalance.class, (s, c) -> forward(c.kind(), new DiamondSupervisor.Rebalance(c.replyTo())))
        .onCommand(ManageBot.class, this::onManageBot)
        .onCommand(ChangeBotParameters.class, this::onChangeBotParameters)
        .onCommand(ChangeAllocation.class, this::onChangeAllocation)
        .onCommand(ContinueAllocation.class, this::onContinueAllocation)
        .onCommand(DiamondReturned.class, this::onDiamondReturned)
        .onCommand(AskAgain.class, (s, c) -> {
          if (s.reallocation() != null && s.reallocation().id() == c.reallocationId()
              && s.reallocation().outstanding().contains(c.kind())) {
            askGiveBack(s.reallocation(), c.kind());
          }
          return Effect().noReply();
        })
        .onCommand(AllocationSynced.class, this::onAllocationSynced)
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
        .onCommand(Stop.class, (s, c) -> onStop())
        .onCommand(DiamondStopped.class, (s, c) -> {
          stopping.remove(c.kind());
          return stopping.isEmpty() ? Effect().stop().thenNoReply() : Effect().noReply();
        })
        .onCommand(StopNow.class, (s, c) -> Effect().stop().thenNoReply())
        .build();
  }

  private ReplyEffect<Event, MasterState> onStop() {
    if (!stopping.isEmpty()) return Effect().noReply();
    diamonds.forEach((kind, diamond) -> {
      stopping.add(kind);
      context.watchWith(diamond, new DiamondStopped(kind));
      diamond.tell(new DiamondSupervisor.Stop());
    });
    context.scheduleOnce(STOP_WAIT, context.getSelf(), new StopNow());
    return Effect().noReply();
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
    if (cmd.action() == DiamondSupervisor.BotAction.RESUME && state.risk() != null
        && state.risk().state() == TradingState.HALTED) {
      // One bot at a time must not undo the kill switch or the breaker: only resuming the swarm does.
      return Effect().reply(cmd.replyTo(), StatusReply.error("the swarm is HALTED (" + state.risk().reason()
          + "); resume the swarm first"));
    }
    var kind = DiamondKind.ofBot(cmd.botId());
    if (kind.isEmpty()) {
      return Effect().reply(cmd.replyTo(), StatusReply.error("unknown bot " + cmd.botId()
          + " (ids look like long-07, short-12, amm-31)"));
    }
    return forward(kind.get(), new DiamondSupervisor.ManageBot(cmd.botId(), cmd.action(), cmd.replyTo()));
  }

  private ReplyEffect<Event, MasterState> onChangeBotParameters(MasterState state, ChangeBotParameters cmd) {
    var kind = cmd.botId() == null ? java.util.Optional.<DiamondKind>empty() : DiamondKind.ofBot(cmd.botId());
    if (kind.isEmpty()) {
      return Effect().reply(cmd.replyTo(), StatusReply.error("unknown bot " + cmd.botId()
          + " (ids look like long-07, short-12, amm-31)"));
    }
    return forward(kind.get(), new DiamondSupervisor.ChangeParameters(cmd.botId(), cmd.parameters(), cmd.replyTo()));
  }

  // ---- re-allocation -----------------------------------------------------------------------------------------

  private ReplyEffect<Event, MasterState> onChangeAllocation(MasterState state, ChangeAllocation cmd) {
    if (!state.initialized()) return Effect().reply(cmd.replyTo(), StatusReply.error("the swarm is not initialized yet"));
    SwarmConfig next;
    try {
      next = AllocationPlan.reallocated(state.config(), cmd.weights(), cmd.reserveRatio());
    } catch (ConfigError e) {
      return Effect().reply(cmd.replyTo(), StatusReply.error(e.getMessage()));
    }
    Reallocation open = state.reallocation();
    if (open != null) {
      if (next.equals(state.config())) { // the same change again (a retry): wait for its outcome
        allocationWaiting.computeIfAbsent(open.id(), id -> new ArrayList<>()).add(cmd.replyTo());
        return Effect().noReply();
      }
      return Effect().reply(cmd.replyTo(), StatusReply.error("allocation: the change to "
          + describe(state.config()) + " is still under way (waiting for " + open.outstanding().stream()
          .map(DiamondKind::id).toList() + " to give capital back); try again once it has settled"));
    }
    MasterLedger target = AllocationPlan.target(next);
    long id = state.fundingVersion() + 1;
    Reallocation started = Reallocation.start(id, state.ledger(), target);
    if (next.equals(state.config()) && target.equals(state.ledger())) {
      return Effect().reply(cmd.replyTo(), StatusReply.success(AllocationPlan.result(started, state.ledger())));
    }
    List<Event> events = new ArrayList<>();
    events.add(new AllocationChanged(id, next.weights(), next.reserveRatio(), target));
    AllocationResult settled = null;
    if (started.asked().isEmpty()) { // nothing to wait for: growing from unallocated and the reserve only
      MasterLedger books = AllocationPlan.settle(state.ledger(), target);
      events.add(new AllocationSettled(id, books));
      settled = AllocationPlan.result(started, books);
    }
    AllocationResult result = settled;
    context.getLog().info("re-allocating to {}: {}", describe(next), started.asked().isEmpty() ? "no give-backs"
        : "asking " + started.asked() + " back");
    return Effect().persist(events).thenRun(s -> {
      allocationWaiting.computeIfAbsent(id, k -> new ArrayList<>()).add(cmd.replyTo());
      if (result != null) syncSettled(s, result);
      else askGiveBacks(s.reallocation());
    }).thenNoReply();
  }

  private ReplyEffect<Event, MasterState> onContinueAllocation(MasterState state, ContinueAllocation cmd) {
    Reallocation open = state.reallocation();
    if (open == null) return Effect().noReply();
    if (!open.outstanding().isEmpty()) {
      askGiveBacks(open);
      return Effect().noReply();
    }
    // Not reached while the last give-back and the settlement are persisted together; kept so a journal written
    // otherwise still settles.
    MasterLedger books = AllocationPlan.settle(state.ledger(), open.target());
    AllocationResult result = AllocationPlan.result(open, books);
    return Effect().persist(new AllocationSettled(open.id(), books)).thenRun(s -> syncSettled(s, result))
        .thenNoReply();
  }

  private void askGiveBacks(Reallocation reallocation) {
    for (DiamondKind kind : reallocation.outstanding()) askGiveBack(reallocation, kind);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void askGiveBack(Reallocation reallocation, DiamondKind kind) {
    Class<StatusReply<DiamondView.Returned>> replyClass = (Class) StatusReply.class;
    long id = reallocation.id();
    BigDecimal amount = reallocation.asked().get(kind);
    context.ask(replyClass, diamonds.get(kind), GIVE_BACK_TIMEOUT,
        r -> new DiamondSupervisor.ReturnCapital(id, amount, r),
        (reply, error) -> {
          if (error != null) return new DiamondReturned(id, kind, null, error.toString(), true);
          if (reply.isError()) return new DiamondReturned(id, kind, null, reply.getError().getMessage(), false);
          return new DiamondReturned(id, kind, reply.getValue(), null, false);
        });
  }

  private ReplyEffect<Event, MasterState> onDiamondReturned(MasterState state, DiamondReturned msg) {
    Reallocation open = state.reallocation();
    if (open == null || open.id() != msg.reallocationId() || !open.outstanding().contains(msg.kind())) {
      return Effect().noReply();
    }
    if (msg.noAnswer()) {
      context.getLog().info("diamond {} has not given capital back yet ({}); asking again", msg.kind().id(),
          msg.error());
      context.scheduleOnce(Duration.ofSeconds(1), context.getSelf(), new AskAgain(open.id(), msg.kind()));
      return Effect().noReply();
    }
    BigDecimal returned;
    if (msg.error() != null) {
      // A refusal moves nothing: the diamond keeps its funding, and the result shows the shortfall.
      context.getLog().error("diamond {} refused to give back {}: {}", msg.kind().id(),
          open.asked().get(msg.kind()).toPlainString(), msg.error());
      returned = Money.ZERO;
    } else {
      returned = msg.returned().returned();
    }
    List<Event> events = new ArrayList<>();
    events.add(new CapitalReturned(open.id(), msg.kind(), returned));
    Reallocation after = open.withReturn(msg.kind(), returned);
    AllocationResult settled = null;
    if (after.outstanding().isEmpty()) { // the last one in: settle in the same write
      MasterLedger books = AllocationPlan.settle(state.ledger().returned(msg.kind(), returned), open.target());
      events.add(new AllocationSettled(open.id(), books));
      settled = AllocationPlan.result(after, books);
    }
    AllocationResult result = settled;
    return Effect().persist(events).thenRun(s -> {
      if (result != null) syncSettled(s, result);
    }).thenNoReply();
  }

  /** Tells every diamond its settled funding; the operator's reply goes out once all have acknowledged it. */
  private void syncSettled(MasterState state, AllocationResult result) {
    List<CompletableFuture<Done>> acks = new ArrayList<>();
    for (DiamondKind kind : DiamondKind.values()) {
      CompletionStage<Done> ack = AskPattern.askWithStatus(diamonds.get(kind),
          r -> new DiamondSupervisor.SyncFunding(state.fundingVersion(), state.ledger().funding().get(kind), r),
          Duration.ofSeconds(30), context.getSystem().scheduler());
      acks.add(ack.toCompletableFuture());
    }
    long id = state.fundingVersion();
    context.pipeToSelf(CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)),
        (ok, failure) -> new AllocationSynced(id, result, failure == null ? null : failure.toString()));
  }

  private ReplyEffect<Event, MasterState> onAllocationSynced(MasterState state, AllocationSynced msg) {
    if (msg.failure() != null) {
      // The books are settled; a diamond that missed its funding gets it again on the next start.
      context.getLog().warn("re-allocation {} settled, but not every diamond confirmed its funding: {}",
          msg.reallocationId(), msg.failure());
    }
    if (!msg.result().complete()) {
      context.getLog().warn("re-allocation {} fell short: {}", msg.reallocationId(), msg.result().shortfalls());
    }
    List<ActorRef<StatusReply<AllocationResult>>> waiting = allocationWaiting.remove(msg.reallocationId());
    if (waiting != null) waiting.forEach(w -> w.tell(StatusReply.success(msg.result())));
    return Effect().noReply();
  }

  private static String describe(SwarmConfig config) {
    StringBuilder out = new StringBuilder();
    config.weights().forEach((kind, w) -> out.append(kind.id()).append(' ').append(w.toPlainString()).append(", "));
    return out.append("reserve ").append(config.reserveRatio().toPlainString()).toString();
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

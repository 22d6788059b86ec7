package io.strikeswarm.master.diamond;

import io.strikeswarm.bots.domain.BotConfig;
import io.strikeswarm.bots.domain.BotStatus;
import io.strikeswarm.bots.domain.Money;
import io.strikeswarm.bots.entity.BotEntity;
import io.strikeswarm.bots.entity.BotView;
import io.strikeswarm.master.capital.DiamondKind;
import io.strikeswarm.master.capital.RebalanceSettings;
import io.strikeswarm.master.capital.Rebalancer;
import io.strikeswarm.persistence.CborSerializable;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.RecipientRef;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;

/**
 * A diamond: an event-sourced child of the master that owns a roster of sharded bots. It enlists and funds bots,
 * pauses / resumes / retires them, aggregates their stats, and rebalances capital from the worst to the best
 * performers. Every step on a bot is first persisted as a {@link BotOp}, then sent; the queue runs one step at a
 * time and is resent after a restart, so a crash never loses or doubles a transfer.
 */
public final class DiamondSupervisor
    extends EventSourcedBehaviorWithEnforcedReplies<DiamondSupervisor.Command, DiamondSupervisor.Event, DiamondState> {

  // ---- protocol ----------------------------------------------------------------------------------------------

  public sealed interface Command extends CborSerializable {}

  /** The master's cumulative funding of this diamond; versioned so a resend is harmless. */
  public record SyncFunding(long version, BigDecimal funding, ActorRef<StatusReply<Done>> replyTo) implements Command {}

  public record BotSpec(String botId, BotConfig config) implements CborSerializable {}

  /** Add these bots (those not on the roster yet) and split the pool equally among them. */
  public record EnlistBots(List<BotSpec> bots, ActorRef<StatusReply<Done>> replyTo) implements Command {}

  public record Rebalance(ActorRef<StatusReply<DiamondView.RebalanceResult>> replyTo) implements Command {}

  public enum BotAction {
    PAUSE,
    RESUME,
    HALT,
    RETIRE
  }

  public record ManageBot(String botId, BotAction action, ActorRef<StatusReply<Done>> replyTo) implements Command {}

  /**
   * The kill switch's arm (HALT: every bot that still trades cancels its orders, flattens and stops) and the swarm's
   * resume (RESUME: every halted bot trades again). The steps are persisted as operations before the reply, so a
   * crash does not forget one.
   */
  public record ManageAll(BotAction action, String reason, ActorRef<StatusReply<Done>> replyTo) implements Command {}

  public record GetRoster(ActorRef<DiamondView.Roster> replyTo) implements Command {}

  public record GetStats(ActorRef<DiamondView.Stats> replyTo) implements Command {}

  // internal messages
  record OpAnswered(long opId, boolean ok, BigDecimal amount, String error) implements Command {}

  record OpUnanswered(long opId, String error) implements Command {}

  record RetryHead() implements Command {}

  record RebalanceTick() implements Command {}

  record BotsObserved(List<BotView> views, List<String> unanswered, ActorRef<DiamondView.Stats> statsTo,
      ActorRef<StatusReply<DiamondView.RebalanceResult>> rebalanceTo) implements Command {}

  public sealed interface Event extends CborSerializable {}

  public record FundingSynced(long version, BigDecimal funding) implements Event {}

  public record BotEnlisted(String botId, BotConfig config) implements Event {}

  public record OpsScheduled(List<BotOp> ops, boolean rebalance) implements Event {}

  public record OpCompleted(long opId, BigDecimal amount) implements Event {}

  public record OpFailed(long opId, String reason) implements Event {}

  /** Timeouts and backoff of the operation queue. */
  public record Settings(Duration askTimeout, Duration retryMin, Duration retryMax, RebalanceSettings rebalance) {
    public static Settings defaults(RebalanceSettings rebalance) {
      return new Settings(Duration.ofSeconds(5), Duration.ofMillis(200), Duration.ofSeconds(10), rebalance);
    }
  }

  // ---- wiring ------------------------------------------------------------------------------------------------

  public static PersistenceId persistenceId(DiamondKind kind) {
    return PersistenceId.of("diamond", kind.id());
  }

  public static Behavior<Command> create(DiamondKind kind, Settings settings,
      Function<String, RecipientRef<BotEntity.Command>> bots) {
    return Behaviors.withTimers(timers -> Behaviors.setup(ctx -> new DiamondSupervisor(ctx, timers, kind, settings,
        bots)));
  }

  private final ActorContext<Command> context;
  private final TimerScheduler<Command> timers;
  private final DiamondKind kind;
  private final Settings settings;
  private final Function<String, RecipientRef<BotEntity.Command>> bots;
  // Not persisted: who waits for which operation, and which one is on the wire. Both are rebuilt as empty after a
  // restart, which is safe because the queue itself is persisted and resent.
  private final Map<Long, ActorRef<StatusReply<Done>>> waiting = new HashMap<>();
  private long inFlight = -1;
  private Duration retryDelay;

  private DiamondSupervisor(ActorContext<Command> context, TimerScheduler<Command> timers, DiamondKind kind,
      Settings settings, Function<String, RecipientRef<BotEntity.Command>> bots) {
    super(persistenceId(kind), SupervisorStrategy.restartWithBackoff(settings.retryMin(), settings.retryMax(), 0.2));
    this.context = context;
    this.timers = timers;
    this.kind = kind;
    this.settings = settings;
    this.bots = bots;
    this.retryDelay = settings.retryMin();
  }

  @Override
  public DiamondState emptyState() {
    return DiamondState.empty(kind);
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(200, 2);
  }

  @Override
  public EventHandler<DiamondState, Event> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent(DiamondState::apply);
  }

  @Override
  public SignalHandler<DiamondState> signalHandler() {
    return newSignalHandlerBuilder().onSignal(RecoveryCompleted.instance(), state -> {
      Duration every = settings.rebalance().interval();
      if (!every.isZero()) timers.startTimerWithFixedDelay("rebalance", new RebalanceTick(), every);
      dispatch(state);
    }).build();
  }

  @Override
  public CommandHandlerWithReply<Command, Event, DiamondState> commandHandler() {
    return newCommandHandlerWithReplyBuilder().forAnyState()
        .onCommand(SyncFunding.class, this::onSyncFunding)
        .onCommand(EnlistBots.class, this::onEnlist)
        .onCommand(ManageBot.class, this::onManageBot)
        .onCommand(ManageAll.class, this::onManageAll)
        .onCommand(Rebalance.class, (s, c) -> startRebalance(s, c.replyTo()))
        .onCommand(RebalanceTick.class, (s, c) -> startRebalance(s, context.getSystem().ignoreRef()))
        .onCommand(GetRoster.class, (s, c) -> Effect().reply(c.replyTo(),
            new DiamondView.Roster(kind, s.ledger(), List.copyOf(s.roster().values()), s.pending().size(),
                s.rebalances())))
        .onCommand(GetStats.class, this::onGetStats)
        .onCommand(BotsObserved.class, this::onBotsObserved)
        .onCommand(OpAnswered.class, this::onOpAnswered)
        .onCommand(OpUnanswered.class, this::onOpUnanswered)
        .onCommand(RetryHead.class, (s, c) -> {
          dispatch(s);
          return Effect().noReply();
        })
        .build();
  }

  // ---- capital and roster ------------------------------------------------------------------------------------

  private ReplyEffect<Event, DiamondState> onSyncFunding(DiamondState state, SyncFunding cmd) {
    if (cmd.version() <= state.fundingVersion()) return Effect().reply(cmd.replyTo(), StatusReply.ack());
    BigDecimal delta = cmd.funding().subtract(state.ledger().funding());
    if (state.uncommittedPool().add(delta).signum() < 0) {
      return Effect().reply(cmd.replyTo(), StatusReply.error("diamond " + kind.id() + " cannot give back "
          + delta.negate().toPlainString() + ": its uncommitted pool holds "
          + state.uncommittedPool().toPlainString()));
    }
    return Effect().persist(new FundingSynced(cmd.version(), Money.normalize(cmd.funding())))
        .thenReply(cmd.replyTo(), s -> StatusReply.ack());
  }

  private ReplyEffect<Event, DiamondState> onEnlist(DiamondState state, EnlistBots cmd) {
    List<BotSpec> fresh = cmd.bots().stream().filter(b -> !state.roster().containsKey(b.botId())).toList();
    if (fresh.isEmpty()) return Effect().reply(cmd.replyTo(), StatusReply.ack());
    for (BotSpec spec : fresh) {
      if (!DiamondKind.ofBot(spec.botId()).equals(java.util.Optional.of(kind))) {
        return Effect().reply(cmd.replyTo(), StatusReply.error("bot id " + spec.botId() + " does not belong to "
            + kind.id() + " (expected prefix '" + kind.botPrefix() + "-')"));
      }
      try {
        spec.config().validate();
      } catch (IllegalArgumentException e) {
        return Effect().reply(cmd.replyTo(), StatusReply.error(spec.botId() + ": " + e.getMessage()));
      }
    }
    List<Event> events = new ArrayList<>();
    List<BotOp> ops = new ArrayList<>();
    long opId = state.nextOpId();
    long seq = state.nextTransferSeq();
    // Allocations still queued already own part of the pool.
    BigDecimal share = Money.cents(Money.divide(state.uncommittedPool(), BigDecimal.valueOf(fresh.size())));
    for (BotSpec spec : fresh) {
      events.add(new BotEnlisted(spec.botId(), spec.config()));
      ops.add(new BotOp(opId++, spec.botId(), BotOp.Kind.CONFIGURE, Money.ZERO, 0, spec.config(), "enlist"));
    }
    if (share.signum() > 0) {
      for (BotSpec spec : fresh) {
        ops.add(new BotOp(opId++, spec.botId(), BotOp.Kind.ALLOCATE, share, seq++, null, "enlist"));
      }
    }
    events.add(new OpsScheduled(ops, false));
    return Effect().persist(events).thenRun(this::dispatch).thenReply(cmd.replyTo(), s -> StatusReply.ack());
  }

  private ReplyEffect<Event, DiamondState> onManageBot(DiamondState state, ManageBot cmd) {
    RosterEntry entry = state.roster().get(cmd.botId());
    if (entry == null) {
      return Effect().reply(cmd.replyTo(), StatusReply.error("unknown bot " + cmd.botId() + " in " + kind.id()));
    }
    if (entry.status() == BotStatus.RETIRED) {
      return Effect().reply(cmd.replyTo(), StatusReply.error("bot " + cmd.botId() + " is retired"));
    }
    BotOp.Kind opKind = switch (cmd.action()) {
      case PAUSE -> BotOp.Kind.PAUSE;
      case RESUME -> BotOp.Kind.RESUME;
      case HALT -> BotOp.Kind.HALT;
      case RETIRE -> BotOp.Kind.RETIRE;
    };
    long seq = opKind == BotOp.Kind.RETIRE ? state.nextTransferSeq() : 0;
    BotOp op = new BotOp(state.nextOpId(), cmd.botId(), opKind, Money.ZERO, seq, null, "operator");
    waiting.put(op.opId(), cmd.replyTo());
    return Effect().persist(new OpsScheduled(List.of(op), false)).thenRun(this::dispatch).thenNoReply();
  }

  private ReplyEffect<Event, DiamondState> onManageAll(DiamondState state, ManageAll cmd) {
    if (cmd.action() != BotAction.HALT && cmd.action() != BotAction.RESUME) {
      return Effect().reply(cmd.replyTo(), StatusReply.error("only HALT and RESUME apply to a whole diamond"));
    }
    boolean halt = cmd.action() == BotAction.HALT;
    List<BotOp> ops = new ArrayList<>();
    long opId = state.nextOpId();
    for (RosterEntry entry : state.roster().values()) {
      boolean applies = halt ? entry.status() != BotStatus.RETIRED && entry.status() != BotStatus.HALTED
          : entry.status() == BotStatus.HALTED;
      if (!applies) continue;
      ops.add(new BotOp(opId++, entry.botId(), halt ? BotOp.Kind.HALT : BotOp.Kind.RESUME, Money.ZERO, 0, null,
          cmd.reason()));
    }
    if (ops.isEmpty()) return Effect().reply(cmd.replyTo(), StatusReply.ack());
    return Effect().persist(new OpsScheduled(ops, false)).thenRun(this::dispatch)
        .thenReply(cmd.replyTo(), s -> StatusReply.ack());
  }

  // ---- rebalancing and stats ---------------------------------------------------------------------------------

  private ReplyEffect<Event, DiamondState> startRebalance(DiamondState state,
      ActorRef<StatusReply<DiamondView.RebalanceResult>> replyTo) {
    if (!state.pending().isEmpty()) {
      return Effect().reply(replyTo, StatusReply.error("diamond " + kind.id() + " is busy: "
          + state.pending().size() + " bot operations still in flight"));
    }
    observe(state.botsIn(BotStatus.ACTIVE), null, replyTo);
    return Effect().noReply();
  }

  private ReplyEffect<Event, DiamondState> onGetStats(DiamondState state, GetStats cmd) {
    observe(state.roster().values().stream().filter(e -> e.status() != BotStatus.RETIRED).toList(), cmd.replyTo(),
        null);
    return Effect().noReply();
  }

  private void observe(List<RosterEntry> entries, ActorRef<DiamondView.Stats> statsTo,
      ActorRef<StatusReply<DiamondView.RebalanceResult>> rebalanceTo) {
    List<CompletableFuture<BotView>> asks = new ArrayList<>();
    for (RosterEntry e : entries) {
      CompletionStage<BotView> ask = AskPattern.ask(bots.apply(e.botId()), BotEntity.GetState::new,
          settings.askTimeout(), context.getSystem().scheduler());
      asks.add(ask.toCompletableFuture().exceptionally(t -> null));
    }
    CompletableFuture<Void> all = CompletableFuture.allOf(asks.toArray(CompletableFuture[]::new));
    context.pipeToSelf(all, (ok, err) -> {
      List<BotView> views = new ArrayList<>();
      List<String> unanswered = new ArrayList<>();
      for (int i = 0; i < asks.size(); i++) {
        BotView v = asks.get(i).getNow(null);
        if (v == null) unanswered.add(entries.get(i).botId());
        else views.add(v);
      }
      return new BotsObserved(views, unanswered, statsTo, rebalanceTo);
    });
  }

  private ReplyEffect<Event, DiamondState> onBotsObserved(DiamondState state, BotsObserved msg) {
    if (msg.statsTo() != null) {
      BigDecimal equity = Money.ZERO;
      BigDecimal realized = Money.ZERO;
      BigDecimal unrealized = Money.ZERO;
      for (BotView v : msg.views()) {
        equity = equity.add(v.equity());
        realized = realized.add(v.realizedPnl());
        unrealized = unrealized.add(v.unrealizedPnl());
      }
      return Effect().reply(msg.statsTo(), new DiamondView.Stats(kind, state.ledger(), msg.views(), msg.unanswered(),
          equity.add(state.ledger().pool()), realized.add(state.ledger().realizedPnl()), unrealized));
    }
    var replyTo = msg.rebalanceTo();
    if (!msg.unanswered().isEmpty()) {
      return Effect().reply(replyTo, StatusReply.error("not rebalancing " + kind.id() + ": no answer from "
          + String.join(", ", msg.unanswered())));
    }
    if (!state.pending().isEmpty()) {
      return Effect().reply(replyTo, StatusReply.error("diamond " + kind.id() + " is busy: "
          + state.pending().size() + " bot operations still in flight"));
    }
    List<Rebalancer.Performance> performance = msg.views().stream()
        .map(v -> new Rebalancer.Performance(v.botId(), v.equity(), v.returnOnCapital(), v.releasable()))
        .toList();
    List<Rebalancer.Transfer> transfers = Rebalancer.plan(performance, settings.rebalance());
    BigDecimal moved = Money.normalize(transfers.stream().map(Rebalancer.Transfer::amount)
        .reduce(BigDecimal.ZERO, BigDecimal::add));
    var result = new DiamondView.RebalanceResult(kind, transfers, moved);
    if (transfers.isEmpty()) return Effect().reply(replyTo, StatusReply.success(result));
    List<BotOp> ops = new ArrayList<>();
    long opId = state.nextOpId();
    long seq = state.nextTransferSeq();
    String origin = "rebalance-" + (state.rebalances() + 1);
    for (Rebalancer.Transfer t : transfers) {
      ops.add(new BotOp(opId++, t.from(), BotOp.Kind.RELEASE, t.amount(), seq++, null, origin));
      ops.add(new BotOp(opId++, t.to(), BotOp.Kind.ALLOCATE, t.amount(), seq++, null, origin));
    }
    return Effect().persist(new OpsScheduled(ops, true)).thenRun(this::dispatch)
        .thenReply(replyTo, s -> StatusReply.success(result));
  }

  // ---- the operation queue -----------------------------------------------------------------------------------

  private void dispatch(DiamondState state) {
    var head = state.head();
    if (head.isEmpty() || head.get().opId() == inFlight) return;
    BotOp op = head.get();
    inFlight = op.opId();
    if (op.kind() == BotOp.Kind.ALLOCATE && op.amount().compareTo(state.ledger().pool()) > 0) {
      // A release planned before this allocation did not come through: the pool cannot cover it.
      context.getSelf().tell(new OpAnswered(op.opId(), false, Money.ZERO, "pool holds "
          + state.ledger().pool().toPlainString() + ", allocation needs " + op.amount().toPlainString()));
      return;
    }
    RecipientRef<BotEntity.Command> bot = bots.apply(op.botId());
    CompletionStage<StatusReply<?>> reply = switch (op.kind()) {
      case CONFIGURE -> this.<Done>ask(bot, r -> new BotEntity.Configure(op.config(), r));
      case ALLOCATE -> this.<Done>ask(bot, r -> new BotEntity.AllocateCapital(op.transferSeq(), op.amount(), r));
      case RELEASE -> this.<Done>ask(bot, r -> new BotEntity.ReleaseCapital(op.transferSeq(), op.amount(), r));
      case PAUSE -> this.<Done>ask(bot, BotEntity.Pause::new);
      case RESUME -> this.<Done>ask(bot, BotEntity.Resume::new);
      case HALT -> this.<Done>ask(bot, r -> new BotEntity.Halt(op.origin(), r));
      case RETIRE -> this.<BotEntity.Retired>ask(bot, r -> new BotEntity.Retire(op.transferSeq(), r));
    };
    context.pipeToSelf(reply, (r, err) -> {
      if (err != null) return new OpUnanswered(op.opId(), err.toString());
      if (r.isError()) return new OpAnswered(op.opId(), false, Money.ZERO, r.getError().getMessage());
      Object value = r.getValue();
      return new OpAnswered(op.opId(), true, value instanceof BotEntity.Retired retired ? retired.released() : op.amount(), null);
    });
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private <T> CompletionStage<StatusReply<?>> ask(RecipientRef<BotEntity.Command> bot,
      Function<ActorRef<StatusReply<T>>, BotEntity.Command> message) {
    CompletionStage stage = AskPattern.ask(bot, message::apply, settings.askTimeout(), context.getSystem().scheduler());
    return stage;
  }

  private ReplyEffect<Event, DiamondState> onOpAnswered(DiamondState state, OpAnswered msg) {
    var head = state.head();
    if (head.isEmpty() || head.get().opId() != msg.opId()) return Effect().noReply();
    Event outcome = msg.ok() ? new OpCompleted(msg.opId(), Money.normalize(msg.amount()))
        : new OpFailed(msg.opId(), msg.error());
    if (!msg.ok()) {
      context.getLog().warn("{}: {} {} of {} refused: {}", kind.id(), head.get().origin(), head.get().kind(),
          head.get().botId(), msg.error());
    }
    return Effect().persist(outcome).thenRun(s -> {
      inFlight = -1;
      retryDelay = settings.retryMin();
      ActorRef<StatusReply<Done>> client = waiting.remove(msg.opId());
      if (client != null) client.tell(msg.ok() ? StatusReply.ack() : StatusReply.error(msg.error()));
      dispatch(s);
    }).thenNoReply();
  }

  private ReplyEffect<Event, DiamondState> onOpUnanswered(DiamondState state, OpUnanswered msg) {
    if (msg.opId() != inFlight) return Effect().noReply();
    // No answer is not a refusal: the bot may have applied it. Resend the same step (idempotent) after a backoff.
    context.getLog().info("{}: no answer for op {} ({}); retrying in {} ms", kind.id(), msg.opId(), msg.error(),
        retryDelay.toMillis());
    inFlight = -1;
    timers.startSingleTimer("retry", new RetryHead(), retryDelay);
    retryDelay = retryDelay.multipliedBy(2).compareTo(settings.retryMax()) > 0 ? settings.retryMax()
        : retryDelay.multipliedBy(2);
    return Effect().noReply();
  }
}

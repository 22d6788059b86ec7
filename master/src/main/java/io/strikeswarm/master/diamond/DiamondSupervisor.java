package io.strikeswarm.master.diamond;

import io.strikeswarm.bots.domain.BotConfig;
import io.strikeswarm.bots.domain.BotStatus;
import io.strikeswarm.bots.domain.Money;
import io.strikeswarm.bots.entity.BotEntity;
import io.strikeswarm.bots.entity.BotView;
import io.strikeswarm.master.capital.DiamondKind;
import io.strikeswarm.master.capital.RebalanceSettings;
import io.strikeswarm.master.capital.Rebalancer;
import io.strikeswarm.master.capital.ReleasePlan;
import io.strikeswarm.persistence.CborSerializable;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
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
 * pauses / resumes / retires them, changes their parameters, aggregates their stats, rebalances capital from the
 * worst to the best performers, and gives funding back to the master when the operator shrinks its share. Every
 * step on a bot is first persisted as a {@link BotOp}, then sent; the queue runs one step at a time and is resent
 * after a restart, so a crash never loses or doubles a transfer.
 */
public final class DiamondSupervisor
    extends EventSourcedBehaviorWithEnforcedReplies<DiamondSupervisor.Command, DiamondSupervisor.Event, DiamondState> {

  // ---- protocol ----------------------------------------------------------------------------------------------

  public sealed interface Command extends CborSerializable {}

  /**
   * Stop after any persist in flight (commands wait while the supervisor persists): the master sends it before it
   * hands over, so the next node's supervisor recovers every event this one wrote.
   */
  public record Stop() implements Command {}

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

  /**
   * Change some of a bot's strategy parameters (merged over the ones it has). Checked against the strategy catalog
   * before anything is persisted; the roster takes the new config once the bot has confirmed it, and the reply
   * comes then.
   */
  public record ChangeParameters(String botId, Map<String, String> parameters, ActorRef<StatusReply<Done>> replyTo)
      implements Command {}

  /**
   * The master takes {@code amount} of this diamond's funding back. The diamond gives from its uncommitted pool
   * first, then releases the rest from its bots in proportion to their allocations (never more than each can free)
   * and replies, once the capital is back in its pool and out of its books, with how much it returned — possibly
   * less than asked. {@code requestId} makes a resend harmless: the same id is answered with the same amount.
   */
  public record ReturnCapital(long requestId, BigDecimal amount, ActorRef<StatusReply<DiamondView.Returned>> replyTo)
      implements Command {}

  public record GetRoster(ActorRef<DiamondView.Roster> replyTo) implements Command {}

  public record GetStats(ActorRef<DiamondView.Stats> replyTo) implements Command {}

  // internal messages
  record OpAnswered(long opId, boolean ok, BigDecimal amount, String error) implements Command {}

  record OpUnanswered(long opId, String error) implements Command {}

  record RetryHead() implements Command {}

  record RebalanceTick() implements Command {}

  record BotsObserved(List<BotView> views, List<String> unanswered, ActorRef<DiamondView.Stats> statsTo,
      ActorRef<StatusReply<DiamondView.RebalanceResult>> rebalanceTo) implements Command {}

  record GiveBackObserved(long requestId, List<BotView> views, List<String> unanswered) implements Command {}

  record FinishGiveBack(long requestId) implements Command {}

  public sealed interface Event extends CborSerializable {}

  public record FundingSynced(long version, BigDecimal funding) implements Event {}

  public record BotEnlisted(String botId, BotConfig config) implements Event {}

  public record OpsScheduled(List<BotOp> ops, boolean rebalance) implements Event {}

  public record OpCompleted(long opId, BigDecimal amount) implements Event {}

  public record OpFailed(long opId, String reason) implements Event {}

  public record GiveBackRequested(long requestId, BigDecimal amount) implements Event {}

  /** The pool alone could not cover a give-back: these RELEASE operations free the rest from the bots. */
  public record GiveBackReleasing(long requestId, List<BotOp> releases) implements Event {}

  /** The capital is back: {@code returned} leaves the pool and the funding together. */
  public record GiveBackCompleted(long requestId, BigDecimal returned) implements Event {}

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
  private final List<ActorRef<StatusReply<DiamondView.Returned>>> giveBackWaiting = new ArrayList<>();
  private long inFlight = -1;
  /** The give-back whose bots are being asked what they can release, so they are asked once at a time. */
  private long observingGiveBack = -1;
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
      progressGiveBack(state);
    }).build();
  }

  @Override
  public CommandHandlerWithReply<Command, Event, DiamondState> commandHandler() {
    return newCommandHandlerWithReplyBuilder().forAnyState()
        .onCommand(SyncFunding.class, this::onSyncFunding)
        .onCommand(EnlistBots.class, this::onEnlist)
        .onCommand(ManageBot.class, this::onManageBot)
        .onCommand(ManageAll.class, this::onManageAll)
        .onCommand(ChangeParameters.class, this::onChangeParameters)
        .onCommand(ReturnCapital.class, this::onReturnCapital)
        .onCommand(GiveBackObserved.class, this::onGiveBackObserved)
        .onCommand(FinishGiveBack.class, this::onFinishGiveBack)
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
        .onCommand(Stop.class, (s, c) -> Effect().stop().thenNoReply())
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
        boolean marker = io.strikeswarm.master.amm.AmmRoster.isMarker(spec.config());
        if (kind == DiamondKind.AMM && !marker) {
          throw new IllegalArgumentException("AMM bots are configured from their chain; enlist them with the marker config");
        }
        if (kind != DiamondKind.AMM) spec.config().validate();
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

  private ReplyEffect<Event, DiamondState> onChangeParameters(DiamondState state, ChangeParameters cmd) {
    RosterEntry entry = state.roster().get(cmd.botId());
    if (entry == null) {
      return Effect().reply(cmd.replyTo(), StatusReply.error("unknown bot " + cmd.botId() + " in " + kind.id()));
    }
    if (entry.status() == BotStatus.RETIRED || state.queued(cmd.botId(), BotOp.Kind.RETIRE)) {
      return Effect().reply(cmd.replyTo(), StatusReply.error("bot " + cmd.botId() + " is "
          + (entry.status() == BotStatus.RETIRED ? "retired" : "being retired") + "; its parameters cannot be changed"));
    }
    BotConfig base = state.latestConfig(cmd.botId());
    BotConfig merged;
    try {
      merged = ParameterChange.merge(base, cmd.parameters());
    } catch (IllegalArgumentException e) {
      return Effect().reply(cmd.replyTo(), StatusReply.error(e.getMessage()));
    }
    if (merged.equals(base)) return Effect().reply(cmd.replyTo(), StatusReply.ack());
    BotOp op = new BotOp(state.nextOpId(), cmd.botId(), BotOp.Kind.PARAMETERS, Money.ZERO, 0, merged, "operator");
    waiting.put(op.opId(), cmd.replyTo());
    return Effect().persist(new OpsScheduled(List.of(op), false)).thenRun(this::dispatch).thenNoReply();
  }

  // ---- giving funding back to the master ---------------------------------------------------------------------

  private ReplyEffect<Event, DiamondState> onReturnCapital(DiamondState state, ReturnCapital cmd) {
    GiveBack last = state.giveBack();
    if (last != null && last.requestId() == cmd.requestId()) {
      if (last.done()) return Effect().reply(cmd.replyTo(), StatusReply.success(returned(last)));
      giveBackWaiting.add(cmd.replyTo());
      progressGiveBack(state);
      return Effect().noReply();
    }
    if (last != null && cmd.requestId() < last.requestId()) {
      return Effect().reply(cmd.replyTo(), StatusReply.error("give-back request " + cmd.requestId()
          + " is older than the last one, " + last.requestId()));
    }
    if (state.givingBack()) return Effect().reply(cmd.replyTo(), StatusReply.error(givingBackMessage(state)));
    if (cmd.amount() == null || cmd.amount().signum() <= 0) {
      return Effect().reply(cmd.replyTo(), StatusReply.error("amount: must be > 0, got "
          + (cmd.amount() == null ? "nothing" : cmd.amount().toPlainString())));
    }
    if (cmd.amount().compareTo(state.ledger().funding()) > 0) {
      return Effect().reply(cmd.replyTo(), StatusReply.error("amount: diamond " + kind.id() + " is funded with "
          + state.ledger().funding().toPlainString() + ", cannot give back " + cmd.amount().toPlainString()));
    }
    return Effect().persist(new GiveBackRequested(cmd.requestId(), Money.normalize(cmd.amount()))).thenRun(s -> {
      giveBackWaiting.add(cmd.replyTo());
      progressGiveBack(s);
    }).thenNoReply();
  }

  /**
   * Moves an open give-back one step on. Without releases yet: once no bot operation is in flight, either the pool
   * covers it (finish) or the bots are asked what they can release. With releases: finish once none is queued.
   * Called after every persisted step, so a give-back interrupted by a restart carries on.
   */
  private void progressGiveBack(DiamondState state) {
    GiveBack gb = state.giveBack();
    if (gb == null || gb.done()) return;
    if (gb.releasing()) {
      if (!releasesQueued(state, gb)) context.getSelf().tell(new FinishGiveBack(gb.requestId()));
      return;
    }
    if (state.uncommittedPool().compareTo(gb.asked()) >= 0) {
      context.getSelf().tell(new FinishGiveBack(gb.requestId()));
      return;
    }
    // Bots observed while operations are queued would be planned on books about to change.
    if (!state.pending().isEmpty() || observingGiveBack == gb.requestId()) return;
    observingGiveBack = gb.requestId();
    List<RosterEntry> holders = state.roster().values().stream()
        .filter(e -> e.status() != BotStatus.RETIRED && state.ledger().allocationOf(e.botId()).signum() > 0)
        .toList();
    observe(holders, (views, unanswered) -> new GiveBackObserved(gb.requestId(), views, unanswered));
  }

  private ReplyEffect<Event, DiamondState> onGiveBackObserved(DiamondState state, GiveBackObserved msg) {
    observingGiveBack = -1;
    GiveBack gb = state.giveBack();
    if (gb == null || gb.done() || gb.releasing() || gb.requestId() != msg.requestId()) return Effect().noReply();
    if (!state.pending().isEmpty()) return Effect().noReply(); // asked again once the queue is through
    BigDecimal need = gb.asked().subtract(state.uncommittedPool());
    if (!msg.unanswered().isEmpty()) {
      context.getLog().warn("{}: giving back without {}: no answer", kind.id(), String.join(", ", msg.unanswered()));
    }
    List<ReleasePlan.Holding> holdings = msg.views().stream()
        .map(v -> new ReleasePlan.Holding(v.botId(), state.ledger().allocationOf(v.botId()), v.releasable()))
        .toList();
    Map<String, BigDecimal> releases = need.signum() > 0 ? ReleasePlan.plan(need, holdings) : Map.of();
    if (releases.isEmpty()) return complete(state, gb);
    List<BotOp> ops = new ArrayList<>();
    long opId = state.nextOpId();
    long seq = state.nextTransferSeq();
    for (Map.Entry<String, BigDecimal> r : releases.entrySet()) {
      ops.add(new BotOp(opId++, r.getKey(), BotOp.Kind.RELEASE, r.getValue(), seq++, null, gb.origin()));
    }
    return Effect().persist(new GiveBackReleasing(gb.requestId(), ops)).thenRun(this::dispatch).thenNoReply();
  }

  private ReplyEffect<Event, DiamondState> onFinishGiveBack(DiamondState state, FinishGiveBack msg) {
    GiveBack gb = state.giveBack();
    if (gb == null || gb.done() || gb.requestId() != msg.requestId()) return Effect().noReply();
    boolean ready = gb.releasing() ? !releasesQueued(state, gb)
        : state.uncommittedPool().compareTo(gb.asked()) >= 0;
    return ready ? complete(state, gb) : Effect().noReply();
  }

  /** Hands back what was asked, or what the pool holds if a release fell short; the rest stays with the bots. */
  private ReplyEffect<Event, DiamondState> complete(DiamondState state, GiveBack gb) {
    BigDecimal returned = Money.normalize(gb.asked().min(state.uncommittedPool()));
    if (returned.compareTo(gb.asked()) < 0) {
      context.getLog().warn("{}: gives back {} of the {} the master asked for", kind.id(), returned.toPlainString(),
          gb.asked().toPlainString());
    }
    return Effect().persist(new GiveBackCompleted(gb.requestId(), returned)).thenRun(s -> {
      StatusReply<DiamondView.Returned> reply = StatusReply.success(returned(s.giveBack()));
      giveBackWaiting.forEach(w -> w.tell(reply));
      giveBackWaiting.clear();
    }).thenNoReply();
  }

  private static boolean releasesQueued(DiamondState state, GiveBack gb) {
    return state.pending().stream().anyMatch(op -> gb.origin().equals(op.origin()));
  }

  private DiamondView.Returned returned(GiveBack gb) {
    return new DiamondView.Returned(kind, gb.requestId(), gb.asked(), gb.returned());
  }

  private String givingBackMessage(DiamondState state) {
    return "diamond " + kind.id() + " is busy: giving " + state.giveBack().asked().toPlainString()
        + " back to the master (request " + state.giveBack().requestId() + ")";
  }

  // ---- rebalancing and stats ---------------------------------------------------------------------------------

  private ReplyEffect<Event, DiamondState> startRebalance(DiamondState state,
      ActorRef<StatusReply<DiamondView.RebalanceResult>> replyTo) {
    if (!state.pending().isEmpty()) {
      return Effect().reply(replyTo, StatusReply.error("diamond " + kind.id() + " is busy: "
          + state.pending().size() + " bot operations still in flight"));
    }
    if (state.givingBack()) return Effect().reply(replyTo, StatusReply.error(givingBackMessage(state)));
    observe(state.botsIn(BotStatus.ACTIVE), (views, unanswered) -> new BotsObserved(views, unanswered, null, replyTo));
    return Effect().noReply();
  }

  private ReplyEffect<Event, DiamondState> onGetStats(DiamondState state, GetStats cmd) {
    observe(state.roster().values().stream().filter(e -> e.status() != BotStatus.RETIRED).toList(),
        (views, unanswered) -> new BotsObserved(views, unanswered, cmd.replyTo(), null));
    return Effect().noReply();
  }

  /** Asks each bot for its view; bots that do not answer in time are listed as unanswered, not waited for. */
  private void observe(List<RosterEntry> entries, BiFunction<List<BotView>, List<String>, Command> observed) {
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
      return observed.apply(views, unanswered);
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
    // Moving capital between bots while capital is being taken from them would plan on books about to change.
    if (state.givingBack()) return Effect().reply(replyTo, StatusReply.error(givingBackMessage(state)));
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
      case PARAMETERS -> this.<Done>ask(bot, r -> new BotEntity.ChangeParameters(op.config().parameters(), r));
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
      progressGiveBack(s);
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

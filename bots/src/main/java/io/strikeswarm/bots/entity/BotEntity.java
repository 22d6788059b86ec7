package io.strikeswarm.bots.entity;

import io.strikeswarm.bots.domain.Bar;
import io.strikeswarm.bots.domain.BotConfig;
import io.strikeswarm.bots.domain.BotStatus;
import io.strikeswarm.bots.domain.Fill;
import io.strikeswarm.bots.domain.Money;
import io.strikeswarm.bots.domain.BotStats;
import io.strikeswarm.bots.domain.ClosedTrade;
import io.strikeswarm.bots.domain.Order;
import io.strikeswarm.bots.domain.PositionGuard;
import io.strikeswarm.bots.domain.TradingState;
import io.strikeswarm.bots.routing.OrderRoute;
import io.strikeswarm.bots.routing.RouteReport;
import io.strikeswarm.bots.trading.StrategyRuntime;
import io.strikeswarm.bots.strategy.Strategy;
import io.strikeswarm.persistence.CborSerializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReplyBuilder;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;

/**
 * One trading bot: an event-sourced, sharded entity (type key {@code "bot"}, ids like {@code long-07}). It holds its
 * books, its position's protection and its market memory (a ta4j series, rebuilt from market data, never
 * persisted). Market bars arrive in lockstep steps: {@link EvaluateBars} trades them tentatively through the pure
 * {@link BotTrader} and reports equity per bar; {@link CommitBars} persists the events of the bars the swarm keeps
 * (all, unless a swarm risk limit tripped inside the step). A quiet bar writes nothing; trades, stops, refusals and
 * the last market state of a step are journaled, and replaying them gives exactly the state the bot traded on.
 * Capital transfers carry the sender's sequence number, so a retried transfer is acknowledged, not applied twice.
 */
public final class BotEntity
    extends EventSourcedBehaviorWithEnforcedReplies<BotEntity.Command, BotEntity.Event, BotState> {

  public static final EntityTypeKey<Command> TYPE_KEY = EntityTypeKey.create(Command.class, "bot");

  /** The tag of the bot events read across bots (orders, fills, trades, refusals, status and capital changes). */
  public static final String TAG = "bot";

  private static final Set<String> BOT_TAGS = Set.of(TAG);

  // ---- commands ----------------------------------------------------------------------------------------------

  public sealed interface Command extends CborSerializable {}

  public record Configure(BotConfig config, ActorRef<StatusReply<Done>> replyTo) implements Command {}

  public record ChangeParameters(Map<String, String> parameters, ActorRef<StatusReply<Done>> replyTo)
      implements Command {}

  /** Capital in from the supervisor; {@code transferSeq} must grow with every transfer to this bot. */
  public record AllocateCapital(long transferSeq, BigDecimal amount, ActorRef<StatusReply<Done>> replyTo)
      implements Command {}

  /** Capital back to the supervisor; refused if more than the bot can free without touching a position. */
  public record ReleaseCapital(long transferSeq, BigDecimal amount, ActorRef<StatusReply<Done>> replyTo)
      implements Command {}

  /**
   * Phase one of a lockstep step: trade these bars (this bot's instrument, strictly after its last bar, in time
   * order) under the swarm's trading state, tentatively, and reply with the equity after each. Nothing is persisted
   * until {@link CommitBars}. A bot whose market memory is not in step with its journal (just started, restarted
   * elsewhere) replies {@link Evaluation#needsWarmUp()} instead, and is fed its history with {@link WarmUp}.
   */
  public record EvaluateBars(long stepId, List<Bar> bars, TradingState swarm,
      ActorRef<StatusReply<Evaluation>> replyTo) implements Command {}

  /** Equity after each evaluated bar, in units of 10^-{@value Money#SCALE}, or a request to be warmed up first. */
  public record Evaluation(String botId, long stepId, long[] equityAfterBar, boolean needsWarmUp, long lastBarTimeMs)
      implements CborSerializable {}

  /**
   * Phase two: persist the first {@code bars} bars of step {@code stepId} (all of them, or fewer when the swarm's
   * risk limits tripped inside the step). Replies once the events are in the journal.
   */
  public record CommitBars(long stepId, int bars, ActorRef<StatusReply<Committed>> replyTo) implements Command {}

  public record Committed(String botId, long lastBarTimeMs, int events) implements CborSerializable {}

  /**
   * Rebuild the bot's market memory from history: {@code restart} clears it first; the bars must end at the bot's
   * last committed bar. Trades nothing.
   */
  public record WarmUp(List<Bar> bars, boolean restart, ActorRef<StatusReply<Done>> replyTo) implements Command {}

  public record Pause(ActorRef<StatusReply<Done>> replyTo) implements Command {}

  public record Resume(ActorRef<StatusReply<Done>> replyTo) implements Command {}

  /** Cancel all orders, flatten, stop trading until resumed. */
  public record Halt(String reason, ActorRef<StatusReply<Done>> replyTo) implements Command {}

  /** Flatten and hand all cash back; replies with the amount released. Final. */
  public record Retire(long transferSeq, ActorRef<StatusReply<Retired>> replyTo) implements Command {}

  /** Reply to {@link Retire}: the cash the bot handed back. */
  public record Retired(BigDecimal released) implements CborSerializable {}

  public record GetState(ActorRef<BotView> replyTo) implements Command {}

  // Internal: a routed venue's answers and the poll timer (only bots whose config routes orders get them).

  record RoutePoll() implements Command {}

  /** The venue's record of every order of the bot it was sent, or why it could not be read. */
  record VenueReported(List<RouteReport> reports, String error) implements Command {}

  /** The answer to a send, a give-up or a cancel of order {@code seq}; {@code error} when there was none. */
  record RouteAnswered(long seq, RouteReport report, String error) implements Command {}

  // ---- events ------------------------------------------------------------------------------------------------

  public sealed interface Event extends CborSerializable {}

  public record BotConfigured(BotConfig config) implements Event {}

  public record ParametersChanged(Map<String, String> parameters) implements Event {}

  public record CapitalAllocated(long transferSeq, BigDecimal amount) implements Event {}

  public record CapitalReleased(long transferSeq, BigDecimal amount) implements Event {}

  /** The state after a run of bars with no trade: mark, guard, stats and time are set, not accumulated. */
  public record MarketObserved(long timeMs, String instrument, BigDecimal close, PositionGuard guard, BotStats stats)
      implements Event {}

  /** The protection (stops, targets, margin) now guarding the open position. */
  public record PositionProtected(PositionGuard guard) implements Event {}

  /** A resting stop, target or the liquidation level was reached; the order and fill follow. */
  public record StopTriggered(String kind, BigDecimal level, long timeMs) implements Event {}

  /** A ledger line: the part of a position an exit closed. */
  public record TradeClosed(ClosedTrade trade) implements Event {}

  /** The strategy wanted in and the risk layer said no (audit trail). */
  public record EntryRefused(long timeMs, String reason) implements Event {}

  public record OrderPlaced(Order order) implements Event {}

  /** The fill that completes the order (on the simulated venue: the only one). */
  public record OrderFilled(String orderId, Fill fill) implements Event {}

  /** A routed venue filled part of the order; it stays open for the rest. */
  public record OrderPartiallyFilled(String orderId, Fill fill) implements Event {}

  public record OrderCancelled(String orderId, String reason) implements Event {}

  public record BotPaused() implements Event {}

  public record BotResumed() implements Event {}

  public record BotHalted(String reason) implements Event {}

  public record BotRetired(long transferSeq, BigDecimal released) implements Event {}

  // ---- wiring ------------------------------------------------------------------------------------------------

  public static void init(ActorSystem<?> system, BotSettings settings) {
    ClusterSharding.get(system).init(Entity.of(TYPE_KEY, ctx -> create(ctx.getEntityId(), settings)));
  }

  public static Behavior<Command> create(String botId, BotSettings settings) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> new BotEntity(ctx, timers, botId, settings)));
  }

  public static PersistenceId persistenceId(String botId) {
    return PersistenceId.of(TYPE_KEY.name(), botId);
  }

  private final ActorContext<Command> context;
  private final TimerScheduler<Command> timers;
  private final String botId;
  private final BotSettings settings;
  private BotConfig cachedFor;
  private Strategy cachedStrategy;
  /** Market memory; null until warmed up to the journal's last bar. Never persisted (derived from market data). */
  private StrategyRuntime runtime;
  /** The evaluated, not yet committed step. */
  private Pending pending;
  /**
   * Routed venue: what it last said about each working order, by order number. Not journaled — the venue entity's
   * journal is the record, and a restarted bot asks again. Booked into the journal at the next step.
   */
  private final Map<Long, RouteReport> venueReports = new HashMap<>();
  /** Order numbers this incarnation handed to the route and has no answer for yet. */
  private final Set<Long> sending = new HashSet<>();

  private BotEntity(ActorContext<Command> context, TimerScheduler<Command> timers, String botId,
      BotSettings settings) {
    super(persistenceId(botId),
        SupervisorStrategy.restartWithBackoff(settings.minBackoff(), settings.maxBackoff(), 0.2));
    this.context = context;
    this.timers = timers;
    this.botId = botId;
    this.settings = settings;
  }

  @Override
  public BotState emptyState() {
    return BotState.empty(botId);
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return settings.snapshotEvery() > 0 ? RetentionCriteria.snapshotEvery(settings.snapshotEvery(), 2)
        : RetentionCriteria.disabled();
  }

  /**
   * Every event an operator or the trade ledger reads is tagged {@value #TAG}, so one query stream carries the
   * swarm's orders, fills, trades and status changes. Market marks are not: they are the bulk of the journal and
   * nobody reads them across bots.
   */
  @Override
  public Set<String> tagsFor(Event event) {
    return event instanceof MarketObserved || event instanceof PositionProtected ? Set.of() : BOT_TAGS;
  }

  /**
   * A bot with working routed orders asks the venue about them as soon as it is back: orders it had sent are
   * followed, orders it had decided but maybe not sent are given up (see {@link #onVenueReported}).
   */
  @Override
  public SignalHandler<BotState> signalHandler() {
    return newSignalHandlerBuilder()
        .onSignal(RecoveryCompleted.instance(), state -> {
          if (routed(state) && !state.openOrders().isEmpty()) context.getSelf().tell(new RoutePoll());
        })
        .build();
  }

  @Override
  public EventHandler<BotState, Event> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent(BotState::apply);
  }

  @Override
  public CommandHandlerWithReply<Command, Event, BotState> commandHandler() {
    CommandHandlerWithReplyBuilder<Command, Event, BotState> b = newCommandHandlerWithReplyBuilder();
    b.forState(s -> s.status() == BotStatus.NEW)
        .onCommand(Configure.class, this::onConfigure)
        .onCommand(GetState.class, this::onGetState)
        .onCommand(RoutePoll.class, (s, c) -> Effect().noReply())
        .onCommand(VenueReported.class, (s, c) -> Effect().noReply())
        .onCommand(RouteAnswered.class, (s, c) -> Effect().noReply())
        .onAnyCommand(this::rejectUnknown);
    b.forState(s -> s.status() == BotStatus.RETIRED)
        .onCommand(GetState.class, this::onGetState)
        .onCommand(Retire.class, this::onRetire)
        .onCommand(Configure.class, this::onConfigure)
        .onCommand(RoutePoll.class, this::onRoutePoll)
        .onCommand(VenueReported.class, this::onVenueReported)
        .onCommand(RouteAnswered.class, this::onRouteAnswered)
        .onAnyCommand(this::rejectRetired);
    b.forAnyState()
        .onCommand(Configure.class, this::onConfigure)
        .onCommand(ChangeParameters.class, this::onChangeParameters)
        .onCommand(AllocateCapital.class, this::onAllocate)
        .onCommand(ReleaseCapital.class, this::onRelease)
        .onCommand(EvaluateBars.class, this::onEvaluate)
        .onCommand(CommitBars.class, this::onCommit)
        .onCommand(WarmUp.class, this::onWarmUp)
        .onCommand(Pause.class, this::onPause)
        .onCommand(Resume.class, this::onResume)
        .onCommand(Halt.class, this::onHalt)
        .onCommand(Retire.class, this::onRetire)
        .onCommand(GetState.class, this::onGetState)
        .onCommand(RoutePoll.class, this::onRoutePoll)
        .onCommand(VenueReported.class, this::onVenueReported)
        .onCommand(RouteAnswered.class, this::onRouteAnswered);
    return b.build();
  }

  private ReplyEffect<Event, BotState> onConfigure(BotState state, Configure cmd) {
    if (state.isConfigured()) {
      return Effect().reply(cmd.replyTo(), cmd.config().equals(state.config()) ? StatusReply.ack()
          : StatusReply.error("bot " + botId + " is already configured; change parameters instead"));
    }
    Optional<String> invalid = check(cmd.config()::validate);
    if (invalid.isPresent()) return Effect().reply(cmd.replyTo(), StatusReply.error(invalid.get()));
    if (cmd.config().routesOrders() && settings.routes().forVenue(cmd.config().venue()).isEmpty()) {
      return Effect().reply(cmd.replyTo(), StatusReply.error("venue " + cmd.config().venue()
          + " is not wired on this node: start the swarm with its venue configured (swarm.cex), or use venue"
          + " \"paper\""));
    }
    return Effect().persist(new BotConfigured(cmd.config())).thenReply(cmd.replyTo(), s -> StatusReply.ack());
  }

  private ReplyEffect<Event, BotState> onChangeParameters(BotState state, ChangeParameters cmd) {
    pending = null; // an evaluated step was decided on the books as they were: it must be evaluated again
    Optional<String> invalid = check(() -> state.config().withParameters(cmd.parameters()).validate());
    if (invalid.isPresent()) return Effect().reply(cmd.replyTo(), StatusReply.error(invalid.get()));
    if (state.config().parameters().equals(cmd.parameters())) return Effect().reply(cmd.replyTo(), StatusReply.ack());
    return Effect().persist(new ParametersChanged(Map.copyOf(cmd.parameters())))
        .thenReply(cmd.replyTo(), s -> StatusReply.ack());
  }

  private ReplyEffect<Event, BotState> onAllocate(BotState state, AllocateCapital cmd) {
    pending = null; // an evaluated step was decided on the books as they were: it must be evaluated again
    if (cmd.transferSeq() <= state.lastTransferSeq()) return Effect().reply(cmd.replyTo(), StatusReply.ack());
    if (cmd.amount() == null || cmd.amount().signum() <= 0) {
      return Effect().reply(cmd.replyTo(), StatusReply.error("amount must be > 0, got " + cmd.amount()));
    }
    if (state.status() == BotStatus.HALTED) {
      return Effect().reply(cmd.replyTo(), StatusReply.error("bot " + botId + " is halted"));
    }
    return Effect().persist(new CapitalAllocated(cmd.transferSeq(), Money.normalize(cmd.amount())))
        .thenReply(cmd.replyTo(), s -> StatusReply.ack());
  }

  private ReplyEffect<Event, BotState> onRelease(BotState state, ReleaseCapital cmd) {
    pending = null; // an evaluated step was decided on the books as they were: it must be evaluated again
    if (cmd.transferSeq() <= state.lastTransferSeq()) return Effect().reply(cmd.replyTo(), StatusReply.ack());
    if (cmd.amount() == null || cmd.amount().signum() <= 0) {
      return Effect().reply(cmd.replyTo(), StatusReply.error("amount must be > 0, got " + cmd.amount()));
    }
    BigDecimal releasable = state.portfolio().releasable();
    if (cmd.amount().compareTo(releasable) > 0) {
      return Effect().reply(cmd.replyTo(), StatusReply.error(
          "bot " + botId + " can release at most " + releasable.toPlainString() + ", asked "
              + cmd.amount().toPlainString()));
    }
    return Effect().persist(new CapitalReleased(cmd.transferSeq(), Money.normalize(cmd.amount())))
        .thenReply(cmd.replyTo(), s -> StatusReply.ack());
  }

  private ReplyEffect<Event, BotState> onEvaluate(BotState state, EvaluateBars cmd) {
    pending = null;
    Optional<String> bad = checkBars(state, cmd.bars(), state.lastBarTimeMs());
    if (bad.isPresent()) return Effect().reply(cmd.replyTo(), StatusReply.error(bad.get()));
    if (cmd.swarm() == null) return Effect().reply(cmd.replyTo(), StatusReply.error("swarm trading state is missing"));
    if (!inStep(state)) {
      return Effect().reply(cmd.replyTo(), StatusReply.success(
          new Evaluation(botId, cmd.stepId(), new long[0], true, state.lastBarTimeMs())));
    }
    BatchRecorder recorder = new BatchRecorder(state);
    long[] equity = new long[cmd.bars().size()];
    long lastTime = runtime.lastTimeMs();
    try {
      if (routed(state)) RoutedFills.book(recorder, venueReports, runtime.atr());
      recorder.beginBars();
      for (int i = 0; i < equity.length; i++) {
        BotTrader.onBar(recorder, cmd.bars().get(i), runtime, cmd.swarm());
        equity[i] = recorder.state().portfolio().equity().unscaledValue().longValueExact();
      }
    } catch (RuntimeException e) {
      // The market memory may hold part of this step: rebuild it from history before trading again.
      runtime = null;
      context.getLog().warn("bot {}: evaluation failed at a bar after {}: {}", botId, lastTime, e.toString());
      return Effect().reply(cmd.replyTo(), StatusReply.error("evaluation failed: " + e.getMessage()));
    }
    pending = new Pending(cmd.stepId(), recorder);
    return Effect().reply(cmd.replyTo(), StatusReply.success(
        new Evaluation(botId, cmd.stepId(), equity, false, recorder.state().lastBarTimeMs())));
  }

  private ReplyEffect<Event, BotState> onCommit(BotState state, CommitBars cmd) {
    Pending step = pending;
    if (step == null || step.stepId() != cmd.stepId()) {
      return Effect().reply(cmd.replyTo(), StatusReply.error(
          "bot " + botId + " has no evaluated step " + cmd.stepId() + " to commit"));
    }
    if (cmd.bars() < 0 || cmd.bars() > step.recorder().bars()) {
      return Effect().reply(cmd.replyTo(), StatusReply.error(
          "step " + cmd.stepId() + " has " + step.recorder().bars() + " bars, cannot commit " + cmd.bars()));
    }
    pending = null;
    if (cmd.bars() < step.recorder().bars()) runtime = null; // it has seen bars that are not committed
    List<Event> events = step.recorder().eventsThrough(cmd.bars());
    if (events.isEmpty()) {
      return Effect().reply(cmd.replyTo(), StatusReply.success(new Committed(botId, state.lastBarTimeMs(), 0)));
    }
    return Effect().persist(events).thenRun(s -> routeAfterPersist(s, events)).thenReply(cmd.replyTo(),
        s -> StatusReply.success(new Committed(botId, s.lastBarTimeMs(), events.size())));
  }

  private ReplyEffect<Event, BotState> onWarmUp(BotState state, WarmUp cmd) {
    pending = null;
    StrategyRuntime target = cmd.restart() || runtime == null ? new StrategyRuntime(strategyFor(state.config())) : runtime;
    Optional<String> bad = checkBars(state, cmd.bars(), target.lastTimeMs());
    if (bad.isEmpty() && !cmd.bars().isEmpty() && cmd.bars().get(cmd.bars().size() - 1).timeMs() > state.lastBarTimeMs()) {
      bad = Optional.of("warm-up bars must end at or before the last committed bar " + state.lastBarTimeMs());
    }
    if (bad.isPresent()) return Effect().reply(cmd.replyTo(), StatusReply.error(bad.get()));
    for (Bar bar : cmd.bars()) target.append(bar);
    runtime = target;
    return Effect().reply(cmd.replyTo(), StatusReply.ack());
  }

  /** Whether the market memory has seen exactly the bars the journal has committed. */
  private boolean inStep(BotState state) {
    if (runtime == null && state.lastBarTimeMs() == Long.MIN_VALUE) {
      runtime = new StrategyRuntime(strategyFor(state.config()));
    }
    return runtime != null && runtime.lastTimeMs() == state.lastBarTimeMs()
        && runtime.strategy().equals(strategyFor(state.config()));
  }

  private Optional<String> checkBars(BotState state, List<Bar> bars, long after) {
    if (bars == null) return Optional.of("bars are missing");
    long previous = after;
    for (int i = 0; i < bars.size(); i++) {
      Bar bar = bars.get(i);
      if (bar == null) return Optional.of("bar " + i + " is missing");
      Optional<String> defect = bar.defect();
      if (defect.isPresent()) return Optional.of("bad bar " + i + " at " + bar.timeMs() + ": " + defect.get());
      if (!bar.instrument().equals(state.config().instrument())) {
        return Optional.of("bot " + botId + " trades " + state.config().instrument() + ", not " + bar.instrument());
      }
      if (bar.timeMs() <= previous) {
        return Optional.of("bar " + i + " at " + bar.timeMs() + " is not after " + previous);
      }
      previous = bar.timeMs();
    }
    return Optional.empty();
  }

  private record Pending(long stepId, BatchRecorder recorder) {}

  private ReplyEffect<Event, BotState> onPause(BotState state, Pause cmd) {
    pending = null; // an evaluated step was decided on the books as they were: it must be evaluated again
    if (state.status() == BotStatus.PAUSED) return Effect().reply(cmd.replyTo(), StatusReply.ack());
    if (state.status() != BotStatus.ACTIVE) {
      return Effect().reply(cmd.replyTo(), StatusReply.error("bot " + botId + " is " + state.status()
          + "; only an ACTIVE bot can be paused"));
    }
    return Effect().persist(new BotPaused()).thenReply(cmd.replyTo(), s -> StatusReply.ack());
  }

  private ReplyEffect<Event, BotState> onResume(BotState state, Resume cmd) {
    pending = null; // an evaluated step was decided on the books as they were: it must be evaluated again
    if (state.status() == BotStatus.ACTIVE) return Effect().reply(cmd.replyTo(), StatusReply.ack());
    return Effect().persist(new BotResumed()).thenReply(cmd.replyTo(), s -> StatusReply.ack());
  }

  private ReplyEffect<Event, BotState> onHalt(BotState state, Halt cmd) {
    if (state.status() == BotStatus.HALTED) return Effect().reply(cmd.replyTo(), StatusReply.ack());
    pending = null;
    String reason = cmd.reason() == null || cmd.reason().isBlank() ? "halted" : cmd.reason();
    BatchRecorder recorder = new BatchRecorder(state);
    BotTrader.flatten(recorder, reason);
    List<Event> events = new ArrayList<>(recorder.allEvents());
    events.add(new BotHalted(reason));
    return Effect().persist(events).thenRun(s -> {
      routeAfterPersist(s, events);
      cancelWorking(s);
    }).thenReply(cmd.replyTo(), s -> StatusReply.ack());
  }

  private ReplyEffect<Event, BotState> onRetire(BotState state, Retire cmd) {
    if (state.status() == BotStatus.RETIRED) {
      return Effect().reply(cmd.replyTo(), StatusReply.success(new Retired(state.retiredWith())));
    }
    pending = null;
    BatchRecorder recorder = new BatchRecorder(state);
    BotTrader.flatten(recorder, "retired");
    if (routed(state) && !(recorder.state().openOrders().isEmpty() && recorder.state().position() == null)) {
      // The venue closes the position later: hand the cash back once it has (retire again then).
      List<Event> closing = recorder.allEvents();
      String busy = "bot " + botId + " is closing its position on venue " + state.config().venue()
          + "; retire it again once it is flat";
      return Effect().persist(closing).thenRun(s -> {
        routeAfterPersist(s, closing);
        cancelWorking(s);
      }).thenReply(cmd.replyTo(), s -> StatusReply.error(busy));
    }
    List<Event> events = new ArrayList<>(recorder.allEvents());
    BigDecimal released = recorder.state().portfolio().cash().max(Money.ZERO);
    events.add(new BotRetired(cmd.transferSeq(), released));
    return Effect().persist(events).thenReply(cmd.replyTo(), s -> StatusReply.success(new Retired(released)));
  }

  // ---- routed venue ------------------------------------------------------------------------------------------

  private static boolean routed(BotState state) {
    return state.config() != null && state.config().routesOrders();
  }

  private OrderRoute route(BotState state) {
    return settings.routes().forVenue(state.config().venue()).orElseThrow(() -> new IllegalStateException(
        "venue " + state.config().venue() + " of bot " + botId + " is not wired on this node"));
  }

  /**
   * Sends the orders these events placed — only the incarnation that decided an order sends it — and keeps asking
   * the venue while any order works.
   */
  private void routeAfterPersist(BotState state, List<Event> persisted) {
    if (!routed(state)) return;
    Set<Long> open = new HashSet<>();
    state.openOrders().keySet().forEach(id -> open.add(Order.seqOf(id)));
    venueReports.keySet().retainAll(open);
    for (Event event : persisted) {
      if (event instanceof OrderPlaced placed && state.openOrders().containsKey(placed.order().orderId())) {
        Order order = state.openOrders().get(placed.order().orderId());
        long seq = Order.seqOf(order.orderId());
        sending.add(seq);
        context.pipeToSelf(route(state).send(botId, seq, order), (report, failure) ->
            new RouteAnswered(seq, report, failure == null ? null : rootMessage(failure)));
      }
    }
    if (!open.isEmpty()) schedulePoll();
  }

  /** Asks the venue to cancel what works (halt, retire); what it filled before is booked at the next step. */
  private void cancelWorking(BotState state) {
    if (!routed(state)) return;
    for (String id : state.openOrders().keySet()) {
      long seq = Order.seqOf(id);
      RouteReport known = venueReports.get(seq);
      if (known != null && !known.state().isFinal()) {
        context.pipeToSelf(route(state).cancel(botId, seq), (report, failure) ->
            new RouteAnswered(seq, report, failure == null ? null : rootMessage(failure)));
      }
    }
  }

  private void schedulePoll() {
    if (!timers.isTimerActive("route-poll")) timers.startSingleTimer("route-poll", new RoutePoll(), settings.routePoll());
  }

  private ReplyEffect<Event, BotState> onRoutePoll(BotState state, RoutePoll cmd) {
    if (!routed(state) || state.openOrders().isEmpty()) return Effect().noReply();
    context.pipeToSelf(route(state).reports(botId), (reports, failure) ->
        new VenueReported(reports == null ? List.of() : reports, failure == null ? null : rootMessage(failure)));
    return Effect().noReply();
  }

  /**
   * Keeps the venue's view of each working order for the next step. An order the venue does not know and this
   * incarnation is not sending was decided before a crash, or its send was lost: it is given up — the venue makes
   * the number unusable, so a send still under way can never place it — and the strategy decides again.
   */
  private ReplyEffect<Event, BotState> onVenueReported(BotState state, VenueReported cmd) {
    if (!routed(state)) return Effect().noReply();
    if (cmd.error() != null) {
      context.getLog().warn("bot {}: venue {} could not be read: {}", botId, state.config().venue(), cmd.error());
    } else {
      Map<Long, RouteReport> bySeq = new HashMap<>();
      cmd.reports().forEach(r -> bySeq.put(r.seq(), r));
      for (String id : state.openOrders().keySet()) {
        long seq = Order.seqOf(id);
        RouteReport report = bySeq.get(seq);
        if (report != null) {
          remember(report);
        } else if (!sending.contains(seq) && !venueReports.containsKey(seq)) {
          sending.add(seq);
          context.pipeToSelf(route(state).giveUp(botId, seq), (r, failure) ->
              new RouteAnswered(seq, r, failure == null ? null : rootMessage(failure)));
        }
      }
    }
    if (!state.openOrders().isEmpty()) schedulePoll();
    return Effect().noReply();
  }

  private ReplyEffect<Event, BotState> onRouteAnswered(BotState state, RouteAnswered cmd) {
    sending.remove(cmd.seq());
    if (cmd.report() != null) {
      remember(cmd.report());
    } else {
      // No answer: whether the venue entity has the order is asked again, and settled, by the next poll.
      context.getLog().warn("bot {}: venue call for order {} failed: {}", botId, cmd.seq(), cmd.error());
    }
    if (routed(state) && !state.openOrders().isEmpty()) schedulePoll();
    return Effect().noReply();
  }

  /** Answers can cross: an older view never replaces one with more fills or a final state. */
  private void remember(RouteReport report) {
    RouteReport known = venueReports.get(report.seq());
    if (known == null || !known.state().isFinal() && report.fills().size() >= known.fills().size()) {
      venueReports.put(report.seq(), report);
    }
  }

  private static String rootMessage(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null && c.getCause() != c) c = c.getCause();
    return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
  }

  private ReplyEffect<Event, BotState> onGetState(BotState state, GetState cmd) {
    return Effect().reply(cmd.replyTo(), BotView.of(state, lastSequenceNumber(context)));
  }

  private ReplyEffect<Event, BotState> rejectUnknown(BotState state, Command cmd) {
    return replyError(cmd, "unknown bot " + botId + " (never configured)");
  }

  private ReplyEffect<Event, BotState> rejectRetired(BotState state, Command cmd) {
    return replyError(cmd, "bot " + botId + " is retired");
  }

  private ReplyEffect<Event, BotState> replyError(Command cmd, String message) {
    ActorRef<? super StatusReply<Object>> replyTo = replyToOf(cmd);
    return Effect().reply(replyTo, StatusReply.error(message));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static ActorRef<? super StatusReply<Object>> replyToOf(Command cmd) {
    ActorRef ref;
    if (cmd instanceof Configure c) ref = c.replyTo();
    else if (cmd instanceof ChangeParameters c) ref = c.replyTo();
    else if (cmd instanceof AllocateCapital c) ref = c.replyTo();
    else if (cmd instanceof ReleaseCapital c) ref = c.replyTo();
    else if (cmd instanceof EvaluateBars c) ref = c.replyTo();
    else if (cmd instanceof CommitBars c) ref = c.replyTo();
    else if (cmd instanceof WarmUp c) ref = c.replyTo();
    else if (cmd instanceof Pause c) ref = c.replyTo();
    else if (cmd instanceof Resume c) ref = c.replyTo();
    else if (cmd instanceof Halt c) ref = c.replyTo();
    else if (cmd instanceof Retire c) ref = c.replyTo();
    else throw new IllegalStateException("no StatusReply for " + cmd.getClass().getSimpleName());
    return ref;
  }

  private Strategy strategyFor(BotConfig config) {
    if (!config.equals(cachedFor)) {
      cachedStrategy = config.validate();
      cachedFor = config;
    }
    return cachedStrategy;
  }

  private static Optional<String> check(Runnable validation) {
    try {
      validation.run();
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }
}

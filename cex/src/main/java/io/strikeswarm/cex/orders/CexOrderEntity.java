package io.strikeswarm.cex.orders;

import io.strikeswarm.cex.config.ReconcileSettings;
import io.strikeswarm.cex.ids.ClientIdScheme;
import io.strikeswarm.cex.ids.ClientOrderId;
import io.strikeswarm.cex.venue.CancelOutcome;
import io.strikeswarm.cex.venue.CexInstrument;
import io.strikeswarm.cex.venue.CexVenue;
import io.strikeswarm.cex.venue.OrderKind;
import io.strikeswarm.cex.venue.OrderRequest;
import io.strikeswarm.cex.venue.OrderSide;
import io.strikeswarm.cex.venue.PlaceOutcome;
import io.strikeswarm.cex.venue.ReadOutcome;
import io.strikeswarm.cex.venue.RejectReason;
import io.strikeswarm.cex.venue.VenueFill;
import io.strikeswarm.cex.venue.VenueOrder;
import io.strikeswarm.persistence.CborSerializable;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.LongSupplier;
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
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;

/**
 * The orders of one bot on one venue account: an event-sourced, sharded entity (type key {@value #TYPE_NAME},
 * persistence id {@code cex|<bot id>}). It journals an order's intent, with its deterministic client id, before the
 * venue hears of it; journals what the venue answered; pulls fills; and after every restart (and on demand)
 * reconciles the journal with the venue through {@link Reconciler}, so an order is never lost and never sent twice.
 * A place whose answer is unknown is never retried.
 *
 * <p>Replies: {@link Submit} and {@link Cancel} answer with the order once the venue's answer is journaled,
 * {@link Sync} with the book once the venue's view is journaled; a bad command gets a {@link StatusReply#error} and
 * persists nothing.
 */
public final class CexOrderEntity
    extends EventSourcedBehaviorWithEnforcedReplies<CexOrderEntity.Command, CexOrderEntity.Event, CexBook> {

  public static final String TYPE_NAME = "cex-orders";
  public static final EntityTypeKey<Command> TYPE_KEY = EntityTypeKey.create(Command.class, TYPE_NAME);
  /** Tag of every event, for a read side across bots. */
  public static final String TAG = "cex";

  // ---- commands ----------------------------------------------------------------------------------------------

  public sealed interface Command extends CborSerializable {}

  /**
   * Place order {@code seq} of the bot (sequence numbers must grow; the client id is derived from bot id and
   * sequence). {@code instrument} is {@code BASE/COUNTER}; {@code limitPrice} is required for a limit order and
   * must be absent for a market order.
   */
  public record Submit(long seq, OrderKind kind, OrderSide side, String instrument, BigDecimal quantity,
      BigDecimal limitPrice, ActorRef<StatusReply<CexOrder>> replyTo) implements Command {}

  /**
   * Make order {@code seq} impossible to place from now on, unless it was already intended: answers with that order if
   * it exists, otherwise journals {@link SeqVoided} and answers with none. A caller that decided an order but cannot
   * tell whether its submit reached this entity (a crash, a lost message) voids it before giving it up, so a submit
   * still under way can never place it afterwards.
   */
  public record VoidSeq(long seq, ActorRef<StatusReply<VoidAnswer>> replyTo) implements Command {}

  /** {@code existing} is the order when one was intended under the sequence number, null when it is now void. */
  public record VoidAnswer(CexOrder existing) implements CborSerializable {}

  /** Cancel an order the venue has acknowledged; answers with the order after the venue's view is journaled. */
  public record Cancel(String clientId, ActorRef<StatusReply<CexOrder>> replyTo) implements Command {}

  /** Reconcile now: pull open orders and trades of every order the venue may still change. */
  public record Sync(ActorRef<StatusReply<CexBook>> replyTo) implements Command {}

  public record GetState(ActorRef<CexBook> replyTo) implements Command {}

  // Internal: the entity's own messages from the venue and its timers.

  record PlaceAnswered(String clientId, PlaceOutcome outcome) implements Command {}

  record CancelAnswered(String clientId, CancelOutcome outcome, ActorRef<StatusReply<CexOrder>> replyTo)
      implements Command {}

  record SyncDue() implements Command {}

  /** {@code error} is null when every view was read. */
  record VenueViewed(List<Reconciler.VenueView> views, String error) implements Command {}

  // ---- events ------------------------------------------------------------------------------------------------

  public sealed interface Event extends CborSerializable {
    String clientId();
  }

  /** Journaled before the venue call: the order we are about to send, under its deterministic client id. */
  public record OrderIntended(String clientId, String venueReference, long seq, CexInstrument instrument,
      OrderSide side, OrderKind kind, BigDecimal quantity, BigDecimal limitPrice, long timeMs) implements Event {}

  /** The venue took the order; {@code viaReconciliation} when we learnt it by looking, not from its answer. */
  public record OrderAccepted(String clientId, String venueOrderId, boolean viaReconciliation, long timeMs)
      implements Event {}

  public record OrderPartiallyFilled(String clientId, TradeFill fill) implements Event {}

  /** The fill that completed the order. */
  public record OrderFilled(String clientId, TradeFill fill) implements Event {}

  /** A fill found on the venue for an order whose outcome we did not know (crash, lost answer). */
  public record FillAdopted(String clientId, TradeFill fill) implements Event {}

  public record OrderCancelled(String clientId, BigDecimal cancelledQuantity, String reason, long timeMs)
      implements Event {}

  public record OrderRejected(String clientId, RejectReason reason, String message, long timeMs) implements Event {}

  /** Sequence number {@code seq} was given up before any order used it: no order will ever carry it. */
  public record SeqVoided(String clientId, long seq, long timeMs) implements Event {}

  /** The venue's answer was lost (timeout, disconnect) or is ambiguous: the order may exist; reconciliation decides. */
  public record OrderOutcomeUnknown(String clientId, String message, long timeMs) implements Event {}

  // ---- wiring ------------------------------------------------------------------------------------------------

  /**
   * @param clientIds the venue's client id scheme
   * @param snapshotEvery events between snapshots (0: none)
   */
  public record Settings(ClientIdScheme clientIds, ReconcileSettings reconcile, int snapshotEvery,
      Duration minBackoff, Duration maxBackoff) {}

  /** Registers the sharded entity; {@code venueFor} gives the (shared, per account) venue of a bot. */
  public static void init(ActorSystem<?> system, Function<String, CexVenue> venueFor, Settings settings) {
    ClusterSharding.get(system).init(Entity.of(TYPE_KEY, ctx -> create(ctx.getEntityId(),
        venueFor.apply(ctx.getEntityId()), settings, StepGate.OPEN, System::currentTimeMillis)));
  }

  public static Behavior<Command> create(String botId, CexVenue venue, Settings settings, StepGate gate,
      LongSupplier clock) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(timers ->
        new CexOrderEntity(ctx, timers, botId, venue, settings, gate, clock)));
  }

  public static PersistenceId persistenceId(String botId) {
    return PersistenceId.of("cex", botId);
  }

  private final ActorContext<Command> context;
  private final TimerScheduler<Command> timers;
  private final String botId;
  private final CexVenue venue;
  private final Settings settings;
  private final StepGate gate;
  private final LongSupplier clock;

  // Not journaled: what this incarnation is waiting for. A restart loses it, and reconciliation makes up for it.
  private final Set<String> inFlight = new HashSet<>();
  private final Set<String> cancelRequested = new HashSet<>();
  private final Map<String, ActorRef<StatusReply<CexOrder>>> submitReplies = new HashMap<>();
  private final SyncWaiters waiters = new SyncWaiters();
  private boolean syncing;
  /** The book when the running sync began reading the venue. */
  private CexBook syncBase;
  private boolean syncAgain;

  private CexOrderEntity(ActorContext<Command> context, TimerScheduler<Command> timers, String botId, CexVenue venue,
      Settings settings, StepGate gate, LongSupplier clock) {
    super(persistenceId(botId),
        SupervisorStrategy.restartWithBackoff(settings.minBackoff(), settings.maxBackoff(), 0.2));
    this.context = context;
    this.timers = timers;
    this.botId = botId;
    this.venue = venue;
    this.settings = settings;
    this.gate = gate;
    this.clock = clock;
  }

  @Override
  public CexBook emptyState() {
    return CexBook.empty(botId);
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return settings.snapshotEvery() > 0 ? RetentionCriteria.snapshotEvery(settings.snapshotEvery(), 2)
        : RetentionCriteria.disabled();
  }

  @Override
  public Set<String> tagsFor(Event event) {
    return Set.of(TAG);
  }

  /** After every recovery, the venue is asked what happened while nobody was watching. */
  @Override
  public SignalHandler<CexBook> signalHandler() {
    return newSignalHandlerBuilder()
        .onSignal(RecoveryCompleted.instance(), book -> context.getSelf().tell(new SyncDue()))
        .build();
  }

  @Override
  public EventHandler<CexBook, Event> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent(CexBook::apply);
  }

  @Override
  public CommandHandlerWithReply<Command, Event, CexBook> commandHandler() {
    return newCommandHandlerWithReplyBuilder().forAnyState()
        .onCommand(Submit.class, this::onSubmit)
        .onCommand(PlaceAnswered.class, this::onPlaceAnswered)
        .onCommand(Cancel.class, this::onCancel)
        .onCommand(VoidSeq.class, this::onVoid)
        .onCommand(CancelAnswered.class, this::onCancelAnswered)
        .onCommand(Sync.class, this::onSync)
        .onCommand(SyncDue.class, (book, cmd) -> startSync(book))
        .onCommand(VenueViewed.class, this::onVenueViewed)
        .onCommand(GetState.class, (book, cmd) -> Effect().reply(cmd.replyTo(), book))
        .build();
  }

  // ---- submit ------------------------------------------------------------------------------------------------

  private ReplyEffect<Event, CexBook> onSubmit(CexBook book, Submit cmd) {
    ClientOrderId id = cmd.seq() > 0 ? settings.clientIds().derive(botId, cmd.seq()) : null;
    CexOrder known = id == null ? null : book.orders().get(id.value());
    if (known != null) {
      // A retried submit (the sender did not see the answer) gets the order as it stands; nothing is sent again.
      if (SubmitCheck.sameOrder(known, cmd)) return replyOnceAnswered(known, cmd.replyTo());
      return Effect().reply(cmd.replyTo(), StatusReply.error("duplicate client id " + id.value()
          + ": order " + cmd.seq() + " of bot " + botId + " was submitted with other terms"));
    }
    Optional<String> bad = SubmitCheck.problem(book, cmd);
    if (bad.isPresent()) return Effect().reply(cmd.replyTo(), StatusReply.error(bad.get()));
    CexInstrument instrument = CexInstrument.parse(cmd.instrument());
    OrderIntended intended = new OrderIntended(id.value(), id.venueReference(), cmd.seq(), instrument, cmd.side(),
        cmd.kind(), cmd.quantity(), cmd.limitPrice(), clock.getAsLong());
    OrderRequest request = new OrderRequest(id, instrument, cmd.side(), cmd.kind(), cmd.quantity(),
        cmd.limitPrice());
    return Effect().persist(intended).thenRun(after -> {
      submitReplies.put(id.value(), cmd.replyTo());
      inFlight.add(id.value());
      if (!gate.proceed(StepGate.Step.SEND_TO_VENUE, id.value())) return;
      context.pipeToSelf(venue.place(request), (outcome, thrown) -> new PlaceAnswered(id.value(),
          outcome != null ? outcome : new PlaceOutcome.Unknown("venue call failed: " + thrown)));
    }).thenNoReply();
  }

  private ReplyEffect<Event, CexBook> onPlaceAnswered(CexBook book, PlaceAnswered answer) {
    if (!gate.proceed(StepGate.Step.RECORD_VENUE_ANSWER, answer.clientId())) return Effect().noReply();
    inFlight.remove(answer.clientId());
    CexOrder order = book.orders().get(answer.clientId());
    List<Event> events = new ArrayList<>();
    long now = clock.getAsLong();
    if (order != null && order.status() == OrderStatus.INTENDED) {
      PlaceOutcome outcome = answer.outcome();
      if (outcome instanceof PlaceOutcome.Placed p) {
        events.add(new OrderAccepted(order.clientId(), p.venueOrderId(), false, now));
      } else if (outcome instanceof PlaceOutcome.Rejected r) {
        events.add(new OrderRejected(order.clientId(), r.reason(), r.message(), now));
      } else if (outcome instanceof PlaceOutcome.Unknown u) {
        events.add(new OrderOutcomeUnknown(order.clientId(), u.message(), now));
      }
    }
    return Effect().persist(events).thenRun(after -> {
      ActorRef<StatusReply<CexOrder>> replyTo = submitReplies.remove(answer.clientId());
      CexOrder answered = after.orders().get(answer.clientId());
      if (replyTo != null && answered != null) replyTo.tell(StatusReply.success(answered));
      // Market orders fill at once and limit orders may: pick the fills up now rather than at the next poll.
      if (answered != null && !answered.status().isTerminal()) context.getSelf().tell(new SyncDue());
    }).thenNoReply();
  }

  /** The venue's answer to this order is still awaited by this incarnation: the retry waits for it too. */
  private ReplyEffect<Event, CexBook> replyOnceAnswered(CexOrder known, ActorRef<StatusReply<CexOrder>> replyTo) {
    if (inFlight.contains(known.clientId()) && !submitReplies.containsKey(known.clientId())) {
      submitReplies.put(known.clientId(), replyTo);
      return Effect().noReply();
    }
    return Effect().reply(replyTo, StatusReply.success(known));
  }

  private ReplyEffect<Event, CexBook> onVoid(CexBook book, VoidSeq cmd) {
    if (cmd.seq() <= 0) return Effect().reply(cmd.replyTo(), StatusReply.error("order seq must be > 0, got " + cmd.seq()));
    ClientOrderId id = settings.clientIds().derive(botId, cmd.seq());
    CexOrder known = book.orders().get(id.value());
    if (known != null) return Effect().reply(cmd.replyTo(), StatusReply.success(new VoidAnswer(known)));
    // Not after the last sequence used: no submit can use it any more (SubmitCheck), it is void already.
    if (cmd.seq() <= book.lastSeq()) return Effect().reply(cmd.replyTo(), StatusReply.success(new VoidAnswer(null)));
    return Effect().persist(new SeqVoided(id.value(), cmd.seq(), clock.getAsLong()))
        .thenReply(cmd.replyTo(), after -> StatusReply.success(new VoidAnswer(null)));
  }

  // ---- cancel ------------------------------------------------------------------------------------------------

  private ReplyEffect<Event, CexBook> onCancel(CexBook book, Cancel cmd) {
    Optional<CexOrder> order = book.order(cmd.clientId());
    if (order.isEmpty()) {
      return Effect().reply(cmd.replyTo(), StatusReply.error("no order " + cmd.clientId() + " for bot " + botId));
    }
    CexOrder o = order.get();
    if (o.status().isTerminal()) {
      return Effect().reply(cmd.replyTo(), StatusReply.error("order " + o.clientId() + " is already " + o.status()));
    }
    if (o.venueOrderId() == null) {
      return Effect().reply(cmd.replyTo(), StatusReply.error("order " + o.clientId() + " is " + o.status()
          + ": the venue has not acknowledged it yet, so it cannot be cancelled by id; Sync first"));
    }
    cancelRequested.add(o.clientId());
    context.pipeToSelf(venue.cancel(o.instrument(), o.side(), o.venueOrderId()), (outcome, thrown) ->
        new CancelAnswered(o.clientId(), outcome != null ? outcome : new CancelOutcome.Failed(String.valueOf(thrown)),
            cmd.replyTo()));
    return Effect().noReply();
  }

  private ReplyEffect<Event, CexBook> onCancelAnswered(CexBook book, CancelAnswered answer) {
    if (answer.outcome() instanceof CancelOutcome.Failed f) {
      cancelRequested.remove(answer.clientId());
      return Effect().reply(answer.replyTo(), StatusReply.error("cancel of " + answer.clientId() + " failed: "
          + f.message()));
    }
    // The venue's acknowledgement does not say what filled before the cancel: the sync that follows does.
    waiters.addCancel(answer.clientId(), answer.replyTo());
    return startSync(book);
  }

  // ---- sync / reconciliation ---------------------------------------------------------------------------------

  private ReplyEffect<Event, CexBook> onSync(CexBook book, Sync cmd) {
    waiters.addSync(cmd.replyTo());
    return startSync(book);
  }

  private ReplyEffect<Event, CexBook> startSync(CexBook book) {
    if (syncing) {
      syncAgain = true;
      return Effect().noReply();
    }
    List<CexOrder> open = book.openOrders();
    if (open.isEmpty()) {
      waiters.answerAll(book);
      return Effect().noReply();
    }
    syncing = true;
    syncBase = book;
    waiters.readStarting();
    timers.cancel("poll");
    long oldest = open.stream().mapToLong(CexOrder::intendedAtMs).min().orElseThrow();
    Instant since = Instant.ofEpochMilli(oldest - settings.reconcile().clockSkew().toMillis());
    List<CexInstrument> instruments = open.stream().map(CexOrder::instrument).distinct().toList();
    List<CompletableFuture<Reconciler.VenueView>> reads = instruments.stream().map(i -> read(i, since)).toList();
    CompletableFuture<List<Reconciler.VenueView>> all = CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new))
        .thenApply(v -> reads.stream().map(CompletableFuture::join).toList());
    context.pipeToSelf(all, (views, thrown) -> thrown == null ? new VenueViewed(views, null)
        : new VenueViewed(List.of(), rootMessage(thrown)));
    return Effect().noReply();
  }

  /**
   * Open orders first, trades after: an order missing from the open orders was closed before that read, so its
   * trades are all in the trade history read after it. (Read the other way round, a fill between the two reads
   * would look like a cancel.)
   */
  private CompletableFuture<Reconciler.VenueView> read(CexInstrument instrument, Instant since) {
    CompletableFuture<ReadOutcome<List<VenueOrder>>> open = venue.openOrders(instrument).toCompletableFuture();
    return open.thenCompose(o -> venue.trades(instrument, since).toCompletableFuture().thenApply(t -> {
      if (o instanceof ReadOutcome.Failed<List<VenueOrder>> f) throw new VenueReadFailed(f.message());
      if (t instanceof ReadOutcome.Failed<List<VenueFill>> f) throw new VenueReadFailed(f.message());
      return new Reconciler.VenueView(instrument.toString(), ((ReadOutcome.Ok<List<VenueOrder>>) o).value(),
          ((ReadOutcome.Ok<List<VenueFill>>) t).value());
    }));
  }

  private static final class VenueReadFailed extends RuntimeException {
    VenueReadFailed(String message) {
      super(message, null, false, false);
    }
  }

  private ReplyEffect<Event, CexBook> onVenueViewed(CexBook book, VenueViewed viewed) {
    syncing = false;
    if (viewed.error() != null) {
      context.getLog().warn("cex sync of bot {} failed: {}", botId, viewed.error());
      waiters.failRunning("venue view of bot " + botId + " failed: " + viewed.error());
      // Those who asked after the failed read began get a read of their own; the rest wait for the poll.
      if (waiters.anyForNextRead()) context.getSelf().tell(new SyncDue());
      else schedulePoll(book);
      return Effect().noReply();
    }
    // The view was read while the book may have moved on (an answer from the venue, a fill): an order that changed
    // since the read began is judged by the next view, never by an older one.
    Set<String> skip = new HashSet<>(inFlight);
    book.orders().forEach((id, order) -> {
      if (!order.equals(syncBase.orders().get(id))) skip.add(id);
    });
    Reconciler.Context ctx = new Reconciler.Context(clock.getAsLong(), settings.reconcile().unseenGrace(),
        settings.reconcile().clockSkew(), venue.echoesClientIds(), skip, Set.copyOf(cancelRequested));
    if (skip.stream().anyMatch(id -> !book.orders().get(id).status().isTerminal() && !inFlight.contains(id))) {
      syncAgain = true;
    }
    List<Event> events = Reconciler.reconcile(book, viewed.views(), ctx);
    return Effect().persist(events).thenRun(after -> {
      cancelRequested.removeIf(id -> after.order(id).map(o -> o.status().isTerminal()).orElse(true));
      waiters.answerRunning(after);
      if (syncAgain || waiters.anyForNextRead()) {
        syncAgain = false;
        context.getSelf().tell(new SyncDue());
      } else {
        schedulePoll(after);
      }
    }).thenNoReply();
  }

  private void schedulePoll(CexBook book) {
    if (!book.openOrders().isEmpty()) {
      timers.startSingleTimer("poll", new SyncDue(), settings.reconcile().pollInterval());
    }
  }

  private static String rootMessage(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null && c.getCause() != c) c = c.getCause();
    return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
  }
}

package io.strikeswarm.bots.entity;

import io.strikeswarm.bots.domain.Bar;
import io.strikeswarm.bots.domain.BotConfig;
import io.strikeswarm.bots.domain.BotStatus;
import io.strikeswarm.bots.domain.Fill;
import io.strikeswarm.bots.domain.Money;
import io.strikeswarm.bots.domain.Order;
import io.strikeswarm.bots.strategy.Strategy;
import io.strikeswarm.persistence.CborSerializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReplyBuilder;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;

/**
 * One trading bot: an event-sourced, sharded entity (type key {@code "bot"}, ids like {@code long-07}). It holds
 * its books and its strategy's price history, decides on each bar through the pure {@link TradeDecider}, and
 * persists every decision before it replies. Capital transfers carry the sender's sequence number and bars carry
 * market time, so a retried command is acknowledged without being applied twice.
 */
public final class BotEntity
    extends EventSourcedBehaviorWithEnforcedReplies<BotEntity.Command, BotEntity.Event, BotState> {

  public static final EntityTypeKey<Command> TYPE_KEY = EntityTypeKey.create(Command.class, "bot");

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

  /** A market event. Bars of another instrument, malformed bars and bars not newer than the last are refused. */
  public record OnBar(Bar bar, ActorRef<StatusReply<Done>> replyTo) implements Command {}

  public record Pause(ActorRef<StatusReply<Done>> replyTo) implements Command {}

  public record Resume(ActorRef<StatusReply<Done>> replyTo) implements Command {}

  /** Cancel all orders, flatten, stop trading until resumed. */
  public record Halt(String reason, ActorRef<StatusReply<Done>> replyTo) implements Command {}

  /** Flatten and hand all cash back; replies with the amount released. Final. */
  public record Retire(long transferSeq, ActorRef<StatusReply<Retired>> replyTo) implements Command {}

  /** Reply to {@link Retire}: the cash the bot handed back. */
  public record Retired(BigDecimal released) implements CborSerializable {}

  public record GetState(ActorRef<BotView> replyTo) implements Command {}

  // ---- events ------------------------------------------------------------------------------------------------

  public sealed interface Event extends CborSerializable {}

  public record BotConfigured(BotConfig config) implements Event {}

  public record ParametersChanged(Map<String, String> parameters) implements Event {}

  public record CapitalAllocated(long transferSeq, BigDecimal amount) implements Event {}

  public record CapitalReleased(long transferSeq, BigDecimal amount) implements Event {}

  public record BarObserved(Bar bar) implements Event {}

  public record OrderPlaced(Order order) implements Event {}

  public record OrderFilled(String orderId, Fill fill) implements Event {}

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
    return Behaviors.setup(ctx -> new BotEntity(ctx, botId, settings));
  }

  public static PersistenceId persistenceId(String botId) {
    return PersistenceId.of(TYPE_KEY.name(), botId);
  }

  private final ActorContext<Command> context;
  private final String botId;
  private final BotSettings settings;
  private BotConfig cachedFor;
  private Strategy cachedStrategy;

  private BotEntity(ActorContext<Command> context, String botId, BotSettings settings) {
    super(persistenceId(botId),
        SupervisorStrategy.restartWithBackoff(settings.minBackoff(), settings.maxBackoff(), 0.2));
    this.context = context;
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
        .onAnyCommand(this::rejectUnknown);
    b.forState(s -> s.status() == BotStatus.RETIRED)
        .onCommand(GetState.class, this::onGetState)
        .onCommand(Retire.class, this::onRetire)
        .onCommand(Configure.class, this::onConfigure)
        .onAnyCommand(this::rejectRetired);
    b.forAnyState()
        .onCommand(Configure.class, this::onConfigure)
        .onCommand(ChangeParameters.class, this::onChangeParameters)
        .onCommand(AllocateCapital.class, this::onAllocate)
        .onCommand(ReleaseCapital.class, this::onRelease)
        .onCommand(OnBar.class, this::onBar)
        .onCommand(Pause.class, this::onPause)
        .onCommand(Resume.class, this::onResume)
        .onCommand(Halt.class, this::onHalt)
        .onCommand(Retire.class, this::onRetire)
        .onCommand(GetState.class, this::onGetState);
    return b.build();
  }

  private ReplyEffect<Event, BotState> onConfigure(BotState state, Configure cmd) {
    if (state.isConfigured()) {
      return Effect().reply(cmd.replyTo(), cmd.config().equals(state.config()) ? StatusReply.ack()
          : StatusReply.error("bot " + botId + " is already configured; change parameters instead"));
    }
    Optional<String> invalid = check(cmd.config()::validate);
    if (invalid.isPresent()) return Effect().reply(cmd.replyTo(), StatusReply.error(invalid.get()));
    return Effect().persist(new BotConfigured(cmd.config())).thenReply(cmd.replyTo(), s -> StatusReply.ack());
  }

  private ReplyEffect<Event, BotState> onChangeParameters(BotState state, ChangeParameters cmd) {
    Optional<String> invalid = check(() -> state.config().withParameters(cmd.parameters()).validate());
    if (invalid.isPresent()) return Effect().reply(cmd.replyTo(), StatusReply.error(invalid.get()));
    if (state.config().parameters().equals(cmd.parameters())) return Effect().reply(cmd.replyTo(), StatusReply.ack());
    return Effect().persist(new ParametersChanged(Map.copyOf(cmd.parameters())))
        .thenReply(cmd.replyTo(), s -> StatusReply.ack());
  }

  private ReplyEffect<Event, BotState> onAllocate(BotState state, AllocateCapital cmd) {
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

  private ReplyEffect<Event, BotState> onBar(BotState state, OnBar cmd) {
    Bar bar = cmd.bar();
    Optional<String> defect = bar == null ? Optional.of("bar is missing") : bar.defect();
    if (defect.isPresent()) return Effect().reply(cmd.replyTo(), StatusReply.error("bad bar: " + defect.get()));
    if (!bar.instrument().equals(state.config().instrument())) {
      return Effect().reply(cmd.replyTo(), StatusReply.error(
          "bot " + botId + " trades " + state.config().instrument() + ", not " + bar.instrument()));
    }
    if (bar.timeMs() <= state.lastBarTimeMs()) {
      // Already seen (a replayed or duplicated delivery): acknowledge, change nothing.
      return Effect().reply(cmd.replyTo(), StatusReply.ack());
    }
    List<Event> events = new ArrayList<>();
    BarObserved observed = new BarObserved(bar);
    events.add(observed);
    events.addAll(TradeDecider.onBar(state.apply(observed), strategyFor(state.config())));
    return Effect().persist(events).thenReply(cmd.replyTo(), s -> StatusReply.ack());
  }

  private ReplyEffect<Event, BotState> onPause(BotState state, Pause cmd) {
    if (state.status() == BotStatus.PAUSED) return Effect().reply(cmd.replyTo(), StatusReply.ack());
    if (state.status() != BotStatus.ACTIVE) {
      return Effect().reply(cmd.replyTo(), StatusReply.error("bot " + botId + " is " + state.status()
          + "; only an ACTIVE bot can be paused"));
    }
    return Effect().persist(new BotPaused()).thenReply(cmd.replyTo(), s -> StatusReply.ack());
  }

  private ReplyEffect<Event, BotState> onResume(BotState state, Resume cmd) {
    if (state.status() == BotStatus.ACTIVE) return Effect().reply(cmd.replyTo(), StatusReply.ack());
    return Effect().persist(new BotResumed()).thenReply(cmd.replyTo(), s -> StatusReply.ack());
  }

  private ReplyEffect<Event, BotState> onHalt(BotState state, Halt cmd) {
    if (state.status() == BotStatus.HALTED) return Effect().reply(cmd.replyTo(), StatusReply.ack());
    List<Event> events = new ArrayList<>(TradeDecider.flatten(state));
    events.add(new BotHalted(cmd.reason() == null || cmd.reason().isBlank() ? "halted" : cmd.reason()));
    return Effect().persist(events).thenReply(cmd.replyTo(), s -> StatusReply.ack());
  }

  private ReplyEffect<Event, BotState> onRetire(BotState state, Retire cmd) {
    if (state.status() == BotStatus.RETIRED) {
      return Effect().reply(cmd.replyTo(), StatusReply.success(new Retired(state.retiredWith())));
    }
    List<Event> events = new ArrayList<>(TradeDecider.flatten(state));
    BotState flat = state;
    for (Event e : events) flat = flat.apply(e);
    BigDecimal released = flat.portfolio().cash().max(Money.ZERO);
    events.add(new BotRetired(cmd.transferSeq(), released));
    return Effect().persist(events).thenReply(cmd.replyTo(), s -> StatusReply.success(new Retired(released)));
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
    else if (cmd instanceof OnBar c) ref = c.replyTo();
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

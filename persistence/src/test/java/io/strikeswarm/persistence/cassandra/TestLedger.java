package io.strikeswarm.persistence.cassandra;

import io.strikeswarm.persistence.CborSerializable;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Set;
import java.util.function.LongConsumer;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SupervisorStrategy;
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
 * A small event-sourced entity for the journal tests, built like the swarm's entities: CBOR-serialized commands,
 * events and snapshot through {@link CborSerializable}, money as BigDecimal, every event tagged, snapshots, and a
 * journal failure answered by {@code restartWithBackoff} (as BotEntity's). Deposits carry the sender's sequence
 * number, so a deposit sent again after an unanswered attempt is acknowledged without being applied twice.
 */
public final class TestLedger extends EventSourcedBehaviorWithEnforcedReplies<TestLedger.Command, TestLedger.Event,
    TestLedger.State> {

  public static final String TAG = "ledger";
  public static final String TYPE = "test-ledger";

  public sealed interface Command extends CborSerializable {}

  public record Deposit(long seq, BigDecimal amount, ActorRef<StatusReply<Done>> replyTo) implements Command {}

  public record Get(ActorRef<State> replyTo) implements Command {}

  public record Deposited(long seq, BigDecimal amount) implements Event {}

  public sealed interface Event extends CborSerializable {}

  public record State(long lastSeq, BigDecimal balance) implements CborSerializable {
    State apply(Deposited d) {
      return new State(d.seq(), balance.add(d.amount()));
    }
  }

  private final int snapshotEvery;
  private final LongConsumer onRecovered;

  private TestLedger(String id, int snapshotEvery, LongConsumer onRecovered) {
    super(persistenceId(id), SupervisorStrategy.restartWithBackoff(Duration.ofMillis(200), Duration.ofSeconds(2), 0.2));
    this.snapshotEvery = snapshotEvery;
    this.onRecovered = onRecovered;
  }

  public static Behavior<Command> create(String id, int snapshotEvery) {
    return create(id, snapshotEvery, lastSeq -> {});
  }

  /** As {@link #create(String, int)}; {@code onRecovered} hears the last deposit each (re)start recovered. */
  public static Behavior<Command> create(String id, int snapshotEvery, LongConsumer onRecovered) {
    return new TestLedger(id, snapshotEvery, onRecovered);
  }

  @Override
  public SignalHandler<State> signalHandler() {
    return newSignalHandlerBuilder()
        .onSignal(RecoveryCompleted.instance(), state -> onRecovered.accept(state.lastSeq()))
        .build();
  }

  public static PersistenceId persistenceId(String id) {
    return PersistenceId.of(TYPE, id);
  }

  @Override
  public State emptyState() {
    return new State(0, BigDecimal.ZERO);
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return snapshotEvery > 0 ? RetentionCriteria.snapshotEvery(snapshotEvery, 2) : RetentionCriteria.disabled();
  }

  @Override
  public Set<String> tagsFor(Event event) {
    return Set.of(TAG);
  }

  @Override
  public CommandHandlerWithReply<Command, Event, State> commandHandler() {
    return newCommandHandlerWithReplyBuilder().forAnyState()
        .onCommand(Deposit.class, this::onDeposit)
        .onCommand(Get.class, (state, get) -> Effect().reply(get.replyTo(), state))
        .build();
  }

  private ReplyEffect<Event, State> onDeposit(State state, Deposit deposit) {
    if (deposit.seq() <= state.lastSeq()) return Effect().reply(deposit.replyTo(), StatusReply.ack());
    if (deposit.seq() != state.lastSeq() + 1) {
      return Effect().reply(deposit.replyTo(), StatusReply.error("deposit " + deposit.seq() + " after "
          + state.lastSeq()));
    }
    return Effect().persist(new Deposited(deposit.seq(), deposit.amount()))
        .thenReply(deposit.replyTo(), s -> StatusReply.ack());
  }

  @Override
  public EventHandler<State, Event> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onEvent(Deposited.class, State::apply).build();
  }
}

package io.strikeswarm.http.audit;

import io.strikeswarm.persistence.CborSerializable;
import java.time.Duration;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.typed.ClusterSingleton;
import org.apache.pekko.cluster.typed.SingletonActor;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;

/**
 * The persisted audit trail of mutating API requests: one event per request, appended in the order decided, read
 * back through the read journal ({@code GET /api/audit}). A cluster singleton, so the trail is one sequence
 * whichever node served the request. The reply comes after the entry is in the journal: an answered request has been
 * audited.
 */
public final class AuditLog
    extends EventSourcedBehaviorWithEnforcedReplies<AuditLog.Command, AuditLog.Recorded, AuditLog.State> {

  public static final PersistenceId PERSISTENCE_ID = PersistenceId.ofUniqueId("audit");

  public sealed interface Command extends CborSerializable {}

  public record Record(AuditEntry entry, ActorRef<Done> replyTo) implements Command {}

  public record GetCount(ActorRef<Long> replyTo) implements Command {}

  /**
   * The singleton's stop message before a hand-over. Commands wait while an entry is being persisted, so this one
   * stops the log only after every write in flight is in the journal, before the next node's log recovers from it.
   */
  public record Stop() implements Command {}

  public record Recorded(AuditEntry entry) implements CborSerializable {}

  public record State(long entries) implements CborSerializable {}

  public static ActorRef<Command> initSingleton(ActorSystem<?> system) {
    Behavior<Command> log = Behaviors.<Command>supervise(Behaviors.setup(ctx -> new AuditLog()))
        .onFailure(SupervisorStrategy.restartWithBackoff(Duration.ofMillis(200), Duration.ofSeconds(10), 0.2));
    return ClusterSingleton.get(system).init(SingletonActor.of(log, "audit").withStopMessage(new Stop()));
  }

  private AuditLog() {
    super(PERSISTENCE_ID, SupervisorStrategy.restartWithBackoff(Duration.ofMillis(200), Duration.ofSeconds(10), 0.2));
  }

  @Override
  public State emptyState() {
    return new State(0);
  }

  @Override
  public CommandHandlerWithReply<Command, Recorded, State> commandHandler() {
    return newCommandHandlerWithReplyBuilder().forAnyState()
        .onCommand(Record.class, (s, c) -> Effect().persist(new Recorded(c.entry()))
            .thenReply(c.replyTo(), next -> Done.getInstance()))
        .onCommand(GetCount.class, (s, c) -> Effect().reply(c.replyTo(), s.entries()))
        .onCommand(Stop.class, (s, c) -> Effect().stop().thenNoReply())
        .build();
  }

  @Override
  public EventHandler<State, Recorded> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent((s, e) -> new State(s.entries() + 1));
  }
}

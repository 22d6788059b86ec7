package io.strikeswarm.http.support;

import io.strikeswarm.persistence.CborSerializable;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.Done;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandler;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehavior;

/**
 * Writes events into the journal under a persistence id and a tag, as the entity that owns the id would (same
 * event classes, same serialization, same tag), so the read side is tested against a journal it could really meet.
 */
public final class TestJournal {
  private final ActorTestKit testKit;

  public TestJournal(ActorTestKit testKit) {
    this.testKit = testKit;
  }

  /** Appends the events, in order, after whatever the id's journal already holds. */
  public void append(PersistenceId id, String tag, List<? extends CborSerializable> events) {
    ActorRef<Write> writer = testKit.spawn(new Writer(id, tag));
    try {
      AskPattern.<Write, Done>ask(writer, r -> new Write(List.copyOf(events), r), Duration.ofSeconds(10),
          testKit.scheduler()).toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("could not write " + events.size() + " events for " + id.id(), e);
    } finally {
      testKit.stop(writer);
    }
  }

  record Write(List<CborSerializable> events, ActorRef<Done> replyTo) {}

  private static final class Writer extends EventSourcedBehavior<Write, CborSerializable, Long> {
    private final Set<String> tags;

    Writer(PersistenceId id, String tag) {
      super(id);
      this.tags = Set.of(tag);
    }

    @Override
    public Long emptyState() {
      return 0L;
    }

    @Override
    public CommandHandler<Write, CborSerializable, Long> commandHandler() {
      return newCommandHandlerBuilder().forAnyState().onCommand(Write.class, (state, write) ->
          Effect().persist(write.events()).thenRun(s -> write.replyTo().tell(Done.getInstance()))).build();
    }

    @Override
    public EventHandler<Long, CborSerializable> eventHandler() {
      return newEventHandlerBuilder().forAnyState().onAnyEvent((state, event) -> state + 1);
    }

    @Override
    public Set<String> tagsFor(CborSerializable event) {
      return tags;
    }
  }
}

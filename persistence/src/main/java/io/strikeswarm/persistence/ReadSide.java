package io.strikeswarm.persistence;

import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.persistence.query.javadsl.CurrentEventsByPersistenceIdQuery;
import org.apache.pekko.persistence.query.javadsl.EventsByTagQuery;
import org.apache.pekko.persistence.query.javadsl.ReadJournal;
import org.apache.pekko.stream.javadsl.Source;

/**
 * The queries the operator's side runs on the journal, through the read journal the profile configures
 * ({@code swarm.persistence.query-plugin}), so the same code reads the H2 journal and, later, Cassandra.
 */
public final class ReadSide {
  private final CurrentEventsByPersistenceIdQuery byId;
  private final EventsByTagQuery byTag;

  private ReadSide(CurrentEventsByPersistenceIdQuery byId, EventsByTagQuery byTag) {
    this.byId = byId;
    this.byTag = byTag;
  }

  public static ReadSide of(ActorSystem<?> system) {
    String plugin = system.settings().config().getString("swarm.persistence.query-plugin");
    ReadJournal journal = PersistenceQuery.get(system).getReadJournalFor(ReadJournal.class, plugin);
    if (!(journal instanceof CurrentEventsByPersistenceIdQuery byId) || !(journal instanceof EventsByTagQuery byTag)) {
      throw new IllegalStateException("read journal " + plugin + " cannot query by persistence id and by tag");
    }
    return new ReadSide(byId, byTag);
  }

  /** The events of one persistent actor with sequence numbers in [from, to], as they are now. */
  public Source<EventEnvelope, NotUsed> events(String persistenceId, long fromSeq, long toSeq) {
    return byId.currentEventsByPersistenceId(persistenceId, fromSeq, toSeq);
  }

  /** Every event with the tag after the offset, then the new ones as they are written (never completes). */
  public Source<EventEnvelope, NotUsed> liveByTag(String tag, Offset after) {
    return byTag.eventsByTag(tag, after);
  }
}

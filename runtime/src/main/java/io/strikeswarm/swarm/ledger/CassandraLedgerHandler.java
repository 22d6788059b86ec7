package io.strikeswarm.swarm.ledger;

import io.strikeswarm.bots.entity.BotEntity;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.javadsl.Handler;

/**
 * The ledger projection's handler on the cassandra profile: {@link LedgerEvents} on the Cassandra store. The
 * projection is at least once (the offset is saved after the lines); the writes are upserts keyed by journal event,
 * so an envelope processed again rewrites what it wrote before: effectively exactly once.
 */
final class CassandraLedgerHandler extends Handler<EventEnvelope<BotEntity.Event>> {
  private final LedgerStore store;

  CassandraLedgerHandler(LedgerStore store) {
    this.store = store;
  }

  @Override
  public CompletionStage<Done> process(EventEnvelope<BotEntity.Event> envelope) {
    return LedgerEvents.apply(store, envelope).thenApply(ignored -> Done.getInstance());
  }
}

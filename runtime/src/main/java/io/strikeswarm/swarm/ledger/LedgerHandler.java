package io.strikeswarm.swarm.ledger;

import io.strikeswarm.bots.entity.BotEntity;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;

/**
 * The ledger projection's handler on the local profile: {@link LedgerEvents} on the projection transaction's
 * connection, so the lines of an envelope and the offset commit together (exactly once).
 */
final class LedgerHandler extends JdbcHandler<EventEnvelope<BotEntity.Event>, LedgerSession> {
  @Override
  public void process(LedgerSession session, EventEnvelope<BotEntity.Event> envelope) throws Exception {
    session.withConnection(c -> {
      try {
        // The JDBC store answers at once: this stage is complete, and join() only unwraps its failure.
        return LedgerEvents.apply(new JdbcLedgerStore(c), envelope).toCompletableFuture().join();
      } catch (java.util.concurrent.CompletionException e) {
        throw e.getCause() instanceof Exception cause ? cause : e;
      }
    });
  }
}

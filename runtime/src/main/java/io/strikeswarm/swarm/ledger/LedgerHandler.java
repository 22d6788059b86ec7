package io.strikeswarm.swarm.ledger;

import io.strikeswarm.bots.domain.Fill;
import io.strikeswarm.bots.entity.BotEntity;
import java.sql.Connection;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;

/**
 * Turns the directional bots' tagged events into ledger lines: a bot's venue (from its configuration) and each
 * order's reason (from its placement) are noted, and every fill — complete or partial — becomes a line keyed by its
 * event. Runs inside the projection's transaction, so the lines and the offset commit together.
 */
final class LedgerHandler extends JdbcHandler<EventEnvelope<BotEntity.Event>, LedgerSession> {
  @Override
  public void process(LedgerSession session, EventEnvelope<BotEntity.Event> envelope) throws Exception {
    String persistenceId = envelope.persistenceId();
    String botId = persistenceId.substring(persistenceId.indexOf('|') + 1);
    BotEntity.Event event = envelope.event();
    session.withConnection(c -> {
      if (event instanceof BotEntity.BotConfigured e) {
        JdbcLedgerStore.putBot(c, botId, e.config().venue());
      } else if (event instanceof BotEntity.OrderPlaced e) {
        JdbcLedgerStore.putOrder(c, e.order().orderId(), botId, e.order().reason().label());
      } else if (event instanceof BotEntity.OrderFilled e) {
        line(c, persistenceId, envelope.sequenceNr(), botId, e.orderId(), e.fill(), true);
      } else if (event instanceof BotEntity.OrderPartiallyFilled e) {
        line(c, persistenceId, envelope.sequenceNr(), botId, e.orderId(), e.fill(), false);
      }
      return null;
    });
  }

  private static void line(Connection c, String persistenceId, long seqNr, String botId, String orderId, Fill fill,
      boolean completes) throws java.sql.SQLException {
    // A bot's configuration and an order's placement are journaled before its fills, and one bot's events arrive
    // in journal order: both are known here. "unknown" would show a journal written by another version.
    String venue = JdbcLedgerStore.venueOf(c, botId).orElse("unknown");
    String reason = JdbcLedgerStore.reasonOf(c, orderId).orElse("unknown");
    JdbcLedgerStore.putLine(c, new LedgerLine(persistenceId, seqNr, botId, venue, orderId, fill.instrument(),
        fill.action().name().toLowerCase(), fill.quantity(), fill.price(), fill.fee(), fill.timeMs(), reason,
        completes));
  }
}

package io.strikeswarm.swarm.ledger;

import io.strikeswarm.bots.domain.Fill;
import io.strikeswarm.bots.entity.BotEntity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.projection.eventsourced.EventEnvelope;

/**
 * Which bot events become what in the ledger, the same on every profile: a bot's venue (from its configuration) and
 * each order's reason (from its placement) are noted, and every fill — complete or partial — becomes a line keyed by
 * its journal event. Other events leave the ledger as it is.
 */
final class LedgerEvents {
  /** The ledger's precision, 10^-8: what the JDBC columns (DECIMAL(38, 8)) keep, rounded as H2 rounds (half up). */
  private static final int SCALE = 8;

  private LedgerEvents() {}

  static CompletionStage<Void> apply(LedgerStore store, EventEnvelope<BotEntity.Event> envelope) {
    String persistenceId = envelope.persistenceId();
    String botId = persistenceId.substring(persistenceId.indexOf('|') + 1);
    BotEntity.Event event = envelope.event();
    if (event instanceof BotEntity.BotConfigured e) {
      return store.putBot(botId, e.config().venue());
    } else if (event instanceof BotEntity.OrderPlaced e) {
      return store.putOrder(e.order().orderId(), botId, e.order().reason().label());
    } else if (event instanceof BotEntity.OrderFilled e) {
      return line(store, persistenceId, envelope.sequenceNr(), botId, e.orderId(), e.fill(), true);
    } else if (event instanceof BotEntity.OrderPartiallyFilled e) {
      return line(store, persistenceId, envelope.sequenceNr(), botId, e.orderId(), e.fill(), false);
    }
    return CompletableFuture.completedFuture(null);
  }

  private static CompletionStage<Void> line(LedgerStore store, String persistenceId, long seqNr, String botId,
      String orderId, Fill fill, boolean completes) {
    // A bot's configuration and an order's placement are journaled before its fills, and one bot's events arrive
    // in journal order: both are known here. "unknown" would show a journal written by another version.
    return store.venueOf(botId).thenCombine(store.reasonOf(orderId), (venue, reason) -> new LedgerLine(persistenceId,
        seqNr, botId, venue.orElse("unknown"), orderId, fill.instrument(), fill.action().name().toLowerCase(),
        scaled(fill.quantity()), scaled(fill.price()), scaled(fill.fee()), fill.timeMs(), reason.orElse("unknown"),
        completes)).thenCompose(store::putLine);
  }

  private static BigDecimal scaled(BigDecimal v) {
    return v.setScale(SCALE, RoundingMode.HALF_UP);
  }
}

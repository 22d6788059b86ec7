package io.strikeswarm.swarm.ledger;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Where the ledger projection keeps what it learns: a bot's venue, an order's reason, and the lines. Every write is
 * an upsert on the row's natural key, so writing the same thing twice changes nothing — what makes a re-processed
 * envelope harmless on both profiles. Asynchronous for Cassandra; the JDBC store answers at once.
 */
interface LedgerStore {
  CompletionStage<Void> putBot(String botId, String venue);

  CompletionStage<Void> putOrder(String orderId, String botId, String reason);

  CompletionStage<Optional<String>> venueOf(String botId);

  CompletionStage<Optional<String>> reasonOf(String orderId);

  CompletionStage<Void> putLine(LedgerLine line);
}

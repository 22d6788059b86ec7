package io.strikeswarm.bots.routing;

import io.strikeswarm.bots.domain.Order;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Where a bot on a routed venue sends its orders: a real order book (XChange, paper or live) reached through the
 * bot's own venue order entity. Every call is idempotent per order number — the order's client id is derived from
 * the bot id and that number — so a bot may repeat any call after a crash or a lost answer. Failures complete the
 * stage exceptionally; the bot asks again later.
 *
 * <p>Orders are market orders for the order's quantity; fees come back valued in the instrument's quote currency.
 */
public interface OrderRoute {
  /** Sends order {@code seq} (sent once: a repeat answers with the venue's record of it). */
  CompletionStage<RouteReport> send(String botId, long seq, Order order);

  /** The venue's record of every order of the bot it has been sent. */
  CompletionStage<List<RouteReport>> reports(String botId);

  /**
   * Gives order number {@code seq} up unless it was sent: answers with its report if it was, otherwise with a
   * {@link RouteReport.State#VOID} report, after which no send of that number can ever reach the venue.
   */
  CompletionStage<RouteReport> giveUp(String botId, long seq);

  /** Asks the venue to cancel what is left of order {@code seq}; answers with its record afterwards. */
  CompletionStage<RouteReport> cancel(String botId, long seq);
}

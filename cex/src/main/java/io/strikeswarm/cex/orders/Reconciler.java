package io.strikeswarm.cex.orders;

import io.strikeswarm.cex.orders.CexOrderEntity.Event;
import io.strikeswarm.cex.orders.CexOrderEntity.FillAdopted;
import io.strikeswarm.cex.orders.CexOrderEntity.OrderAccepted;
import io.strikeswarm.cex.orders.CexOrderEntity.OrderCancelled;
import io.strikeswarm.cex.orders.CexOrderEntity.OrderFilled;
import io.strikeswarm.cex.orders.CexOrderEntity.OrderOutcomeUnknown;
import io.strikeswarm.cex.orders.CexOrderEntity.OrderPartiallyFilled;
import io.strikeswarm.cex.orders.CexOrderEntity.OrderRejected;
import io.strikeswarm.cex.venue.OrderKind;
import io.strikeswarm.cex.venue.OrderSide;
import io.strikeswarm.cex.venue.RejectReason;
import io.strikeswarm.cex.venue.VenueFill;
import io.strikeswarm.cex.venue.VenueOrder;
import io.strikeswarm.persistence.CborSerializable;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compares the book with what the venue shows and says, as events, what the venue did that the book does not know
 * yet. Pure: same book, same venue view, same events. Only orders the venue may still change are looked at.
 *
 * <p>Per order:
 * <ol>
 *   <li>No venue id yet (intended, or the place answer was lost): find the order on the venue: by our client id where
 *       the venue echoes it, else by its shape (instrument, side, quantity, limit price, placed after the intent)
 *       among venue orders no other order of ours claims. One match: adopted ({@link OrderAccepted} via
 *       reconciliation). Several: {@link OrderOutcomeUnknown} (never guessed). None, and the grace period since the
 *       intent is over: {@link OrderRejected} {@link RejectReason#NOT_SEEN_BY_VENUE}. It is never re-sent.</li>
 *   <li>With a venue id: every trade of that venue order not counted yet becomes a fill event
 *       ({@link FillAdopted} when the order's outcome was not known, else {@link OrderPartiallyFilled} /
 *       {@link OrderFilled}). An order no longer open and not fully filled was cancelled on the venue (after a
 *       cancel we asked for, or once the grace period is over: trade history may lag the open-order list).</li>
 * </ol>
 */
public final class Reconciler {

  /** What the venue shows for one instrument: our open orders and our trades since the oldest open order. */
  public record VenueView(String instrument, List<VenueOrder> openOrders, List<VenueFill> trades)
      implements CborSerializable {}

  /**
   * The clock and the tolerances of one reconciliation. {@code notNow}: orders not to judge this time (a venue call
   * for them is under way, or they changed after the view was read). {@code cancelRequested}: orders we asked the
   * venue to cancel, whose absence from the open orders is the cancel's effect.
   */
  public record Context(long nowMs, Duration unseenGrace, Duration clockSkew, boolean echoesClientIds,
      Set<String> notNow, Set<String> cancelRequested) {}

  private Reconciler() {}

  public static List<Event> reconcile(CexBook book, List<VenueView> views, Context ctx) {
    Map<String, VenueView> byInstrument = views.stream()
        .collect(Collectors.toMap(VenueView::instrument, v -> v, (a, b) -> a, LinkedHashMap::new));
    List<Event> events = new ArrayList<>();
    CexBook working = book;
    List<CexOrder> open = book.openOrders().stream().sorted(Comparator.comparingLong(CexOrder::seq)).toList();
    for (CexOrder start : open) {
      VenueView view = byInstrument.get(start.instrument().toString());
      if (view == null || ctx.notNow().contains(start.clientId())) continue;
      List<Event> found = reconcileOne(working, working.orders().get(start.clientId()), view, ctx);
      for (Event e : found) working = working.apply(e);
      events.addAll(found);
    }
    return events;
  }

  private static List<Event> reconcileOne(CexBook book, CexOrder order, VenueView view, Context ctx) {
    List<Event> events = new ArrayList<>();
    boolean outcomeWasUnknown = order.status().isUnresolved();
    String venueId = order.venueOrderId();
    if (venueId == null) {
      List<String> candidates = candidates(book, order, view, ctx);
      if (candidates.size() == 1) {
        venueId = candidates.get(0);
        events.add(new OrderAccepted(order.clientId(), venueId, true, ctx.nowMs()));
      } else if (candidates.size() > 1) {
        String why = candidates.size() + " venue orders match " + order.clientId() + " " + candidates
            + "; not adopting any: resolve by hand";
        if (order.status() != OrderStatus.UNKNOWN || !why.equals(order.reason())) {
          events.add(new OrderOutcomeUnknown(order.clientId(), why, ctx.nowMs()));
        }
        return events;
      } else {
        if (pastGrace(order, ctx)) {
          events.add(new OrderRejected(order.clientId(), RejectReason.NOT_SEEN_BY_VENUE,
              "the venue shows no such order " + ctx.unseenGrace().toSeconds() + " s after the intent; not re-sent",
              ctx.nowMs()));
        }
        return events;
      }
    }
    String id = venueId;
    BigDecimal filled = order.filledQuantity();
    List<VenueFill> trades = view.trades().stream()
        .filter(t -> id.equals(t.venueOrderId()) && !book.tradeIds().contains(t.tradeId()))
        .sorted(Comparator.comparingLong(VenueFill::timeMs).thenComparing(VenueFill::tradeId))
        .toList();
    for (VenueFill t : trades) {
      TradeFill fill = new TradeFill(t.tradeId(), id, t.quantity(), t.price(), t.fee(), t.feeCurrency(), t.timeMs());
      filled = filled.add(t.quantity());
      if (outcomeWasUnknown) events.add(new FillAdopted(order.clientId(), fill));
      else if (filled.compareTo(order.quantity()) >= 0) events.add(new OrderFilled(order.clientId(), fill));
      else events.add(new OrderPartiallyFilled(order.clientId(), fill));
    }
    boolean stillOpen = view.openOrders().stream().anyMatch(o -> id.equals(o.venueOrderId()));
    if (!stillOpen && filled.compareTo(order.quantity()) < 0
        && (ctx.cancelRequested().contains(order.clientId()) || pastGrace(order, ctx))) {
      BigDecimal left = order.quantity().subtract(filled);
      events.add(new OrderCancelled(order.clientId(), left,
          "closed on the venue with " + filled.toPlainString() + " of " + order.quantity().toPlainString()
              + " filled", ctx.nowMs()));
    }
    return events;
  }

  /** Venue order ids that may be this order, none of them claimed by another order of the book. */
  private static List<String> candidates(CexBook book, CexOrder order, VenueView view, Context ctx) {
    long notBefore = order.intendedAtMs() - ctx.clockSkew().toMillis();
    List<String> ids = new ArrayList<>();
    for (VenueOrder o : view.openOrders()) {
      if (book.knowsVenueOrder(o.venueOrderId()) || o.side() != order.side()) continue;
      boolean match = ctx.echoesClientIds() ? order.venueReference().equals(o.clientReference())
          && o.originalQuantity().compareTo(order.quantity()) == 0
          : sameShape(order, o) && o.timeMs() >= notBefore;
      if (match && !ids.contains(o.venueOrderId())) ids.add(o.venueOrderId());
    }
    Map<String, List<VenueFill>> tradesByOrder = view.trades().stream()
        .filter(t -> t.venueOrderId() != null && !book.knowsVenueOrder(t.venueOrderId()))
        .collect(Collectors.groupingBy(VenueFill::venueOrderId, LinkedHashMap::new, Collectors.toList()));
    boolean openListed = false;
    for (Map.Entry<String, List<VenueFill>> e : tradesByOrder.entrySet()) {
      if (ids.contains(e.getKey())) continue;
      openListed = view.openOrders().stream().anyMatch(o -> o.venueOrderId().equals(e.getKey()));
      if (openListed) continue; // an open order was judged above by its full shape
      List<VenueFill> fills = e.getValue();
      boolean match = ctx.echoesClientIds()
          ? fills.stream().anyMatch(f -> order.venueReference().equals(f.clientReference()))
              && fills.stream().allMatch(f -> f.side() == order.side())
          : fullyFilledShape(order, fills) && fills.stream().allMatch(f -> f.timeMs() >= notBefore);
      if (match) ids.add(e.getKey());
    }
    return ids;
  }

  private static boolean sameShape(CexOrder order, VenueOrder o) {
    if (o.originalQuantity().compareTo(order.quantity()) != 0) return false;
    if (order.kind() == OrderKind.LIMIT) return o.limitPrice() != null && o.limitPrice().compareTo(order.limitPrice()) == 0;
    return true;
  }

  /**
   * Without client ids a closed order is known only by its trades: they must add up to the whole quantity, on our
   * side, within our limit. (An order the venue closed partly filled cannot be told apart from someone else's
   * without client ids; it stays unresolved and is declared never placed — the documented limit of such venues.)
   */
  private static boolean fullyFilledShape(CexOrder order, List<VenueFill> fills) {
    if (fills.stream().anyMatch(f -> f.side() != order.side())) return false;
    BigDecimal total = fills.stream().map(VenueFill::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    if (total.compareTo(order.quantity()) != 0) return false;
    if (order.kind() == OrderKind.LIMIT) {
      return fills.stream().allMatch(f -> order.side() == OrderSide.BUY
          ? f.price().compareTo(order.limitPrice()) <= 0 : f.price().compareTo(order.limitPrice()) >= 0);
    }
    return true;
  }

  private static boolean pastGrace(CexOrder order, Context ctx) {
    return ctx.nowMs() - order.intendedAtMs() >= ctx.unseenGrace().toMillis();
  }
}

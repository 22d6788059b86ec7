package io.strikeswarm.bots.entity;

import io.strikeswarm.bots.domain.BotStatus;
import io.strikeswarm.bots.domain.ClosedTrade;
import io.strikeswarm.bots.domain.Fill;
import io.strikeswarm.bots.domain.Money;
import io.strikeswarm.bots.domain.Order;
import io.strikeswarm.bots.domain.Position;
import io.strikeswarm.bots.domain.PositionGuard;
import io.strikeswarm.bots.routing.RouteFill;
import io.strikeswarm.bots.routing.RouteReport;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Books what a routed venue did with the bot's working orders, at the start of a bar step, before its bars: each
 * venue fill the bot has not booked yet becomes a fill event (the one that completes the order an
 * {@link BotEntity.OrderFilled}, earlier ones {@link BotEntity.OrderPartiallyFilled}); an order the venue finished
 * unfilled is cancelled with the venue's reason. Pure, and idempotent: an order carries the quantity already booked,
 * and fills are booked in the venue's order, so the same report booked twice adds nothing.
 *
 * <p>Fills are booked on the bot's bar clock (the time of the bar the order was decided at), like the simulated
 * venue's; the venue's own times are in the venue entity's journal. A halted bot that is left holding a position once
 * nothing works any more places its closing order here.
 */
final class RoutedFills {
  private RoutedFills() {}

  /** {@code reports} by the bot's order sequence number; {@code atr} is the one entries were sized on. */
  static void book(BatchRecorder rec, Map<Long, RouteReport> reports, BigDecimal atr) {
    for (Order order : new ArrayList<>(rec.state().openOrders().values())) {
      RouteReport report = reports.get(Order.seqOf(order.orderId()));
      if (report == null) continue;
      List<RouteFill> fresh = unbooked(order, report);
      for (int i = 0; i < fresh.size(); i++) {
        boolean completes = report.state() == RouteReport.State.FILLED && i == fresh.size() - 1;
        bookFill(rec, rec.state().openOrders().get(order.orderId()), fresh.get(i), completes, atr);
      }
      if (rec.state().openOrders().containsKey(order.orderId()) && report.state().isFinal()) {
        rec.trade(new BotEntity.OrderCancelled(order.orderId(), reason(report)));
      }
    }
    if (rec.state().status() == BotStatus.HALTED) BotTrader.flattenOnVenue(rec);
  }

  /** The venue's fills after the quantity the order has booked: fills are only ever appended. */
  static List<RouteFill> unbooked(Order order, RouteReport report) {
    List<RouteFill> fresh = new ArrayList<>();
    BigDecimal before = BigDecimal.ZERO;
    for (RouteFill fill : report.fills()) {
      if (before.compareTo(order.filled()) >= 0) fresh.add(fill);
      before = before.add(fill.quantity());
    }
    return fresh;
  }

  private static void bookFill(BatchRecorder rec, Order order, RouteFill venueFill, boolean completes,
      BigDecimal atr) {
    BotState s = rec.state();
    Fill fill = new Fill(order.instrument(), order.action(), Money.quantity(venueFill.quantity()),
        Money.normalize(venueFill.price()), Money.normalize(venueFill.quoteFee()), order.placedAtMs());
    boolean entry = order.reason() == Order.Reason.ENTRY;
    ClosedTrade trade = entry ? null : s.portfolio().closedBy(fill, s.botId(), order.reason().label());
    BigDecimal heldBefore = s.position() == null ? BigDecimal.ZERO : s.position().quantity().abs();
    rec.trade(completes ? new BotEntity.OrderFilled(order.orderId(), fill)
        : new BotEntity.OrderPartiallyFilled(order.orderId(), fill));
    if (trade != null) rec.trade(new BotEntity.TradeClosed(trade));
    Position position = rec.state().position();
    if (position == null) return;
    if (entry) {
      // Protection priced from the average entry of what has filled so far.
      Fill averaged = new Fill(fill.instrument(), fill.action(), position.quantity().abs(), position.averageEntry(),
          fill.fee(), fill.timeMs());
      rec.trade(new BotEntity.PositionProtected(BotTrader.guardFor(rec.state(), averaged, atr)));
    } else if (order.reason() == Order.Reason.PARTIAL_TAKE_PROFIT && completes) {
      PositionGuard g = rec.state().guard();
      if (g == null) return;
      BigDecimal held = heldBefore.add(order.filled());
      BigDecimal margin = Money.normalize(g.margin().multiply(position.quantity().abs())
          .divide(held, Money.SCALE + 8, Money.ROUNDING));
      rec.trade(new BotEntity.PositionProtected(g.afterPartial(margin)));
    }
  }

  private static String reason(RouteReport report) {
    String why = report.reason() == null || report.reason().isBlank() ? "" : ": " + report.reason();
    return switch (report.state()) {
      case VOID -> "never reached the venue; given up" + why;
      case REJECTED -> "venue rejected it" + why;
      case CANCELLED -> "venue cancelled it" + why;
      default -> "venue finished it unfilled" + why;
    };
  }
}

package io.strikeswarm.cex.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.strikeswarm.cex.orders.CexOrderEntity.Event;
import io.strikeswarm.cex.orders.CexOrderEntity.FillAdopted;
import io.strikeswarm.cex.orders.CexOrderEntity.OrderAccepted;
import io.strikeswarm.cex.orders.CexOrderEntity.OrderCancelled;
import io.strikeswarm.cex.orders.CexOrderEntity.OrderFilled;
import io.strikeswarm.cex.orders.CexOrderEntity.OrderIntended;
import io.strikeswarm.cex.orders.CexOrderEntity.OrderOutcomeUnknown;
import io.strikeswarm.cex.orders.CexOrderEntity.OrderPartiallyFilled;
import io.strikeswarm.cex.orders.CexOrderEntity.OrderRejected;
import io.strikeswarm.cex.venue.CexInstrument;
import io.strikeswarm.cex.venue.OrderKind;
import io.strikeswarm.cex.venue.OrderSide;
import io.strikeswarm.cex.venue.RejectReason;
import io.strikeswarm.cex.venue.VenueFill;
import io.strikeswarm.cex.venue.VenueOrder;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reconciliation as a pure function: book + what the venue shows -> what the venue did that we did not record. */
class ReconcilerTest {
  private static final CexInstrument BTC = CexInstrument.parse("BTC/USD");
  private static final long T = 1_700_000_000_000L;
  private static final Duration GRACE = Duration.ofSeconds(30);

  private static BigDecimal bd(String v) {
    return new BigDecimal(v);
  }

  private static CexBook intended(long seq, OrderKind kind, OrderSide side, String qty, String price, long at) {
    return CexBook.empty("b").apply(intent(seq, kind, side, qty, price, at));
  }

  private static OrderIntended intent(long seq, OrderKind kind, OrderSide side, String qty, String price, long at) {
    return new OrderIntended("ss-b-" + seq, "ss-b-" + seq, seq, BTC, side, kind, bd(qty),
        price == null ? null : bd(price), at);
  }

  private static VenueOrder open(String id, String ref, OrderSide side, String qty, String filled, String price,
      long at) {
    return new VenueOrder(id, ref, BTC, side, bd(qty), bd(filled), price == null ? null : bd(price), at);
  }

  private static VenueFill trade(String tradeId, String orderId, String ref, OrderSide side, String qty,
      String price, long at) {
    return new VenueFill(tradeId, orderId, ref, BTC, side, bd(qty), bd(price), bd("0.01"), "USD", at);
  }

  private static Reconciler.Context ctx(long now, boolean echoes) {
    return new Reconciler.Context(now, GRACE, Duration.ofSeconds(5), echoes, Set.of(), Set.of());
  }

  private static List<Event> run(CexBook book, List<VenueOrder> open, List<VenueFill> trades,
      Reconciler.Context ctx) {
    return Reconciler.reconcile(book, List.of(new Reconciler.VenueView("BTC/USD", open, trades)), ctx);
  }

  @Test
  void an_order_the_venue_lists_under_our_client_id_is_adopted() {
    CexBook book = intended(1, OrderKind.LIMIT, OrderSide.BUY, "1", "100", T);

    List<Event> events = run(book, List.of(open("v-9", "ss-b-1", OrderSide.BUY, "1", "0", "100", T + 10)),
        List.of(), ctx(T + 1000, true));

    assertThat(events).containsExactly(new OrderAccepted("ss-b-1", "v-9", true, T + 1000));
  }

  @Test
  void a_client_id_match_on_the_other_side_is_not_ours() {
    CexBook book = intended(1, OrderKind.LIMIT, OrderSide.BUY, "1", "100", T);

    List<Event> events = run(book, List.of(open("v-9", "ss-b-1", OrderSide.SELL, "1", "0", "100", T + 10)),
        List.of(), ctx(T + 1000, true));

    assertThat(events).isEmpty();
  }

  @Test
  void without_client_ids_an_order_of_the_same_shape_placed_after_the_intent_is_adopted() {
    CexBook book = intended(1, OrderKind.LIMIT, OrderSide.BUY, "1", "100", T);

    assertThat(run(book, List.of(open("v-9", null, OrderSide.BUY, "1", "0", "100", T + 10)), List.of(),
        ctx(T + 1000, false))).containsExactly(new OrderAccepted("ss-b-1", "v-9", true, T + 1000));
    assertThat(run(book, List.of(open("v-old", null, OrderSide.BUY, "1", "0", "100", T - 60_000)), List.of(),
        ctx(T + 1000, false))).isEmpty();
    assertThat(run(book, List.of(open("v-9", null, OrderSide.BUY, "1", "0", "101", T + 10)), List.of(),
        ctx(T + 1000, false))).isEmpty();
  }

  @Test
  void two_venue_orders_that_could_be_ours_are_never_guessed_between() {
    CexBook book = intended(1, OrderKind.LIMIT, OrderSide.BUY, "1", "100", T);
    List<VenueOrder> twins = List.of(open("v-1", null, OrderSide.BUY, "1", "0", "100", T + 10),
        open("v-2", null, OrderSide.BUY, "1", "0", "100", T + 20));

    List<Event> events = run(book, twins, List.of(), ctx(T + 1000, false));

    assertThat(events).singleElement().isInstanceOfSatisfying(OrderOutcomeUnknown.class,
        u -> assertThat(u.message()).contains("2 venue orders match"));
    CexBook after = book.apply(events.get(0));
    assertThat(run(after, twins, List.of(), ctx(T + 2000, false))).isEmpty();
  }

  @Test
  void a_venue_order_already_claimed_by_another_of_our_orders_is_not_adopted_twice() {
    CexBook book = intended(1, OrderKind.LIMIT, OrderSide.BUY, "1", "100", T)
        .apply(new OrderAccepted("ss-b-1", "v-1", false, T + 5))
        .apply(intent(2, OrderKind.LIMIT, OrderSide.BUY, "1", "100", T + 6));

    List<Event> events = run(book, List.of(open("v-1", null, OrderSide.BUY, "1", "0", "100", T + 10)), List.of(),
        ctx(T + 100, false));

    assertThat(events).isEmpty();
  }

  @Test
  void an_intent_the_venue_never_saw_is_given_up_only_after_the_grace_period_and_never_resent() {
    CexBook book = intended(1, OrderKind.MARKET, OrderSide.BUY, "1", null, T);

    assertThat(run(book, List.of(), List.of(), ctx(T + GRACE.toMillis() - 1, false))).isEmpty();
    assertThat(run(book, List.of(), List.of(), ctx(T + GRACE.toMillis(), false))).singleElement()
        .isInstanceOfSatisfying(OrderRejected.class,
            r -> assertThat(r.reason()).isEqualTo(RejectReason.NOT_SEEN_BY_VENUE));
  }

  @Test
  void a_filled_market_order_is_known_by_its_trades_and_they_are_adopted() {
    CexBook book = intended(1, OrderKind.MARKET, OrderSide.BUY, "0.5", null, T);
    List<VenueFill> trades = List.of(trade("t1", "v-1", null, OrderSide.BUY, "0.3", "100", T + 10),
        trade("t2", "v-1", null, OrderSide.BUY, "0.2", "101", T + 10));

    List<Event> events = run(book, List.of(), trades, ctx(T + 100, false));

    assertThat(events).hasSize(3);
    assertThat(events.get(0)).isEqualTo(new OrderAccepted("ss-b-1", "v-1", true, T + 100));
    assertThat(events.subList(1, 3)).allSatisfy(e -> assertThat(e).isInstanceOf(FillAdopted.class));
    CexBook after = book;
    for (Event e : events) after = after.apply(e);
    assertThat(after.order("ss-b-1").orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
    assertThat(run(after, List.of(), trades, ctx(T + 200, false))).isEmpty();
  }

  @Test
  void fills_of_a_live_order_are_counted_once_and_the_completing_one_is_the_order_filled() {
    CexBook book = intended(1, OrderKind.LIMIT, OrderSide.SELL, "1", "100", T)
        .apply(new OrderAccepted("ss-b-1", "v-1", false, T + 5));
    VenueFill first = trade("t1", "v-1", null, OrderSide.SELL, "0.4", "100", T + 10);
    VenueFill second = trade("t2", "v-1", null, OrderSide.SELL, "0.6", "100", T + 20);

    List<Event> partly = run(book, List.of(open("v-1", null, OrderSide.SELL, "1", "0.4", "100", T + 5)),
        List.of(first), ctx(T + 15, false));
    assertThat(partly).singleElement().isInstanceOf(OrderPartiallyFilled.class);
    CexBook after = book.apply(partly.get(0));

    List<Event> rest = run(after, List.of(), List.of(first, second), ctx(T + 25, false));
    assertThat(rest).singleElement().isInstanceOfSatisfying(OrderFilled.class,
        f -> assertThat(f.fill().tradeId()).isEqualTo("t2"));
    assertThat(after.apply(rest.get(0)).position("BTC/USD").quantity()).isEqualByComparingTo("-1");
  }

  @Test
  void an_order_gone_from_the_book_half_filled_is_cancelled_after_our_cancel_or_after_the_grace_period() {
    CexBook book = intended(1, OrderKind.LIMIT, OrderSide.BUY, "1", "100", T)
        .apply(new OrderAccepted("ss-b-1", "v-1", false, T + 5))
        .apply(new OrderPartiallyFilled("ss-b-1", new TradeFill("t1", "v-1", bd("0.4"), bd("100"), null, null, T)));
    List<VenueFill> trades = List.of(trade("t1", "v-1", null, OrderSide.BUY, "0.4", "100", T));

    assertThat(run(book, List.of(), trades, ctx(T + 1000, false))).isEmpty();

    Reconciler.Context afterCancel = new Reconciler.Context(T + 1000, GRACE, Duration.ofSeconds(5), false, Set.of(),
        Set.of("ss-b-1"));
    assertThat(run(book, List.of(), trades, afterCancel)).singleElement()
        .isInstanceOfSatisfying(OrderCancelled.class, c -> assertThat(c.cancelledQuantity())
            .isEqualByComparingTo("0.6"));
    assertThat(run(book, List.of(), trades, ctx(T + GRACE.toMillis(), false))).singleElement()
        .isInstanceOf(OrderCancelled.class);
  }

  @Test
  void orders_under_way_are_not_judged() {
    CexBook book = intended(1, OrderKind.MARKET, OrderSide.BUY, "1", null, T);
    Reconciler.Context placing = new Reconciler.Context(T + GRACE.toMillis() * 10, GRACE, Duration.ZERO, false,
        Set.of("ss-b-1"), Set.of());

    assertThat(run(book, List.of(), List.of(), placing)).isEmpty();
  }
}

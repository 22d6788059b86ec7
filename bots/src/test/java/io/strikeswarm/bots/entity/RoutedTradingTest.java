package io.strikeswarm.bots.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strikeswarm.bots.domain.Bar;
import io.strikeswarm.bots.domain.BotConfig;
import io.strikeswarm.bots.domain.FillTiming;
import io.strikeswarm.bots.domain.Money;
import io.strikeswarm.bots.domain.Order;
import io.strikeswarm.bots.domain.OrderAction;
import io.strikeswarm.bots.domain.Side;
import io.strikeswarm.bots.domain.TradePlan;
import io.strikeswarm.bots.domain.TradingState;
import io.strikeswarm.bots.domain.VenueKind;
import io.strikeswarm.bots.entity.BotEntity.BotConfigured;
import io.strikeswarm.bots.entity.BotEntity.CapitalAllocated;
import io.strikeswarm.bots.entity.BotEntity.Event;
import io.strikeswarm.bots.entity.BotEntity.MarketObserved;
import io.strikeswarm.bots.entity.BotEntity.OrderCancelled;
import io.strikeswarm.bots.entity.BotEntity.OrderFilled;
import io.strikeswarm.bots.entity.BotEntity.OrderPartiallyFilled;
import io.strikeswarm.bots.entity.BotEntity.OrderPlaced;
import io.strikeswarm.bots.entity.BotEntity.PositionProtected;
import io.strikeswarm.bots.entity.BotEntity.StopTriggered;
import io.strikeswarm.bots.entity.BotEntity.TradeClosed;
import io.strikeswarm.bots.routing.RouteFill;
import io.strikeswarm.bots.routing.RouteReport;
import io.strikeswarm.bots.trading.StrategyRuntime;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A bot on a routed venue ({@code venue = "cex"}): the same decisions as on the simulated venue place orders, but
 * nothing fills inside the bar; the venue's reports are booked at the start of a later step. 10,000 allocated, a
 * 10 bps fee in the sizing, the base plan (0.5005 of equity at leverage 1: 50 units at 100).
 */
class RoutedTradingTest {
  private static final String BOT = "long-01";
  private static final String BTC = "BTC-USD";
  private static final long T0 = 1_700_000_000_000L;
  private static final long MINUTE = 60_000L;

  @Test
  void an_entry_places_an_order_and_fills_nothing_until_the_venue_reports() {
    Desk desk = new Desk(Plans.plan().stopLoss("0.05").build());

    List<Event> entry = desk.enterOn("100", "100", "100", "100");

    assertThat(entry).containsExactly(
        new OrderPlaced(new Order(id(0), BTC, OrderAction.BUY, m("50"), Order.Reason.ENTRY, t(1))));
    assertThat(desk.state.position()).isNull();
    assertThat(desk.state.portfolio().cash()).isEqualTo(m("10000"));
    assertThat(desk.state.openOrders()).containsOnlyKeys(id(0));
  }

  @Test
  void the_venues_fills_are_booked_before_the_next_bar_partial_then_complete_and_the_guard_uses_the_average() {
    Desk desk = new Desk(Plans.plan().stopLoss("0.05").build());
    desk.enterOn("100", "100", "100", "100");
    desk.report(0, RouteReport.State.FILLED, "50", fill("t1", "20", "100", "2"), fill("t2", "30", "101", "3.03"));

    List<Event> next = desk.bar("101", "102", "100", "101");

    assertThat(next).startsWith(
        new OrderPartiallyFilled(id(0), new io.strikeswarm.bots.domain.Fill(BTC, OrderAction.BUY, m("20"), m("100"),
            m("2"), t(1))));
    assertThat(next).filteredOn(OrderFilled.class::isInstance).singleElement()
        .satisfies(e -> assertThat(((OrderFilled) e).fill().price()).isEqualTo(m("101")));
    assertThat(desk.state.position().quantity()).isEqualTo(m("50"));
    assertThat(desk.state.position().costBasis()).isEqualTo(m("5030"));
    assertThat(desk.state.portfolio().cash()).isEqualTo(m("4964.97"));
    // Stop 5 % under the average entry 100.6.
    assertThat(desk.state.guard().stopPrice()).isEqualTo(m("95.57"));
    assertThat(desk.state.openOrders()).isEmpty();
  }

  @Test
  void booking_the_same_report_twice_adds_nothing() {
    Desk desk = new Desk(Plans.plan().build());
    desk.enterOn("100", "100", "100", "100");
    desk.report(0, RouteReport.State.WORKING, "50", fill("t1", "20", "100", "2"));
    desk.bar("100", "100", "100", "100");
    assertThat(desk.state.openOrders().get(id(0)).filled()).isEqualTo(m("20"));

    List<Event> again = desk.bar("100", "100", "100", "100");
    assertThat(again).noneMatch(e -> e instanceof OrderPartiallyFilled || e instanceof OrderFilled);

    desk.report(0, RouteReport.State.FILLED, "50", fill("t1", "20", "100", "2"), fill("t2", "30", "100", "3"));
    List<Event> rest = desk.bar("100", "100", "100", "100");
    assertThat(rest).filteredOn(OrderFilled.class::isInstance).singleElement()
        .satisfies(e -> assertThat(((OrderFilled) e).fill().quantity()).isEqualTo(m("30")));
    assertThat(desk.state.position().quantity()).isEqualTo(m("50"));
  }

  @Test
  void no_second_order_while_one_works_then_a_rejected_entry_is_cancelled_and_the_strategy_decides_again() {
    Desk desk = new Desk(Plans.plan().build());
    desk.enterOn("100", "100", "100", "100");
    assertThat(desk.enterOn("100", "100", "100", "100")).isEmpty();

    desk.reports.put(0L, new RouteReport(0, RouteReport.State.REJECTED, m("50"), List.of(),
        "INSUFFICIENT_FUNDS: balance too low"));
    List<Event> next = desk.enterOn("100", "100", "100", "100");

    assertThat(next.get(0)).isEqualTo(new OrderCancelled(id(0), "venue rejected it: INSUFFICIENT_FUNDS: balance too low"));
    assertThat(next.get(1)).isInstanceOfSatisfying(OrderPlaced.class,
        p -> assertThat(p.order().orderId()).isEqualTo(id(1)));
  }

  @Test
  void an_order_given_up_before_it_reached_the_venue_is_cancelled() {
    Desk desk = new Desk(Plans.plan().build());
    desk.enterOn("100", "100", "100", "100");
    desk.reports.put(0L, RouteReport.voided(0));

    assertThat(desk.bar("100", "100", "100", "100").get(0))
        .isEqualTo(new OrderCancelled(id(0), "never reached the venue; given up: never sent"));
    assertThat(desk.state.openOrders()).isEmpty();
    assertThat(desk.state.position()).isNull();
  }

  @Test
  void a_stop_sends_a_market_exit_whose_venue_fill_closes_the_trade_at_the_venues_price() {
    Desk desk = new Desk(Plans.plan().stopLoss("0.05").build());
    desk.enterOn("100", "100", "100", "100");
    desk.report(0, RouteReport.State.FILLED, "50", fill("t1", "50", "100", "5"));

    List<Event> stopped = desk.bar("99", "99", "94", "96");

    assertThat(stopped).filteredOn(StopTriggered.class::isInstance).hasSize(1);
    assertThat(stopped).filteredOn(OrderPlaced.class::isInstance).singleElement()
        .satisfies(e -> assertThat(((OrderPlaced) e).order().reason()).isEqualTo(Order.Reason.STOP_LOSS));
    assertThat(stopped).noneMatch(e -> e instanceof TradeClosed);
    assertThat(desk.bar("95", "95", "90", "91")).as("no second exit while the first works")
        .noneMatch(e -> e instanceof OrderPlaced || e instanceof StopTriggered);

    desk.report(1, RouteReport.State.FILLED, "50", fill("t2", "50", "93", "4.65"));
    List<Event> closed = desk.bar("92", "92", "92", "92");

    assertThat(closed).filteredOn(TradeClosed.class::isInstance).singleElement().satisfies(e -> {
      TradeClosed c = (TradeClosed) e;
      assertThat(c.trade().exitPrice()).isEqualTo(m("93"));
      assertThat(c.trade().exitReason()).isEqualTo("stop-loss");
      // (93 − 100) × 50 − 5 − 4.65
      assertThat(c.trade().pnl()).isEqualTo(m("-359.65"));
    });
    assertThat(desk.state.position()).isNull();
    assertThat(desk.state.portfolio().cash()).isEqualTo(m("9640.35"));
  }

  @Test
  void a_halted_bot_closes_its_position_once_its_working_entry_is_done() {
    Desk desk = new Desk(Plans.plan().build());
    desk.enterOn("100", "100", "100", "100");
    BatchRecorder halt = new BatchRecorder(desk.state);
    BotTrader.flatten(halt, "kill switch");
    assertThat(halt.allEvents()).as("the working entry is the venue's to finish").isEmpty();
    desk.state = desk.state.apply(new BotEntity.BotHalted("kill switch"));

    desk.report(0, RouteReport.State.FILLED, "50", fill("t1", "50", "100", "5"));
    List<Event> next = desk.bar("100", "100", "100", "100");

    assertThat(next).filteredOn(OrderPlaced.class::isInstance).singleElement().satisfies(e -> {
      Order o = ((OrderPlaced) e).order();
      assertThat(o.reason()).isEqualTo(Order.Reason.FLATTEN);
      assertThat(o.action()).isEqualTo(OrderAction.SELL);
      assertThat(o.quantity()).isEqualTo(m("50"));
    });
  }

  @Test
  void the_fills_booked_before_the_bars_are_committed_even_when_no_bar_is() {
    Desk desk = new Desk(Plans.plan().build());
    desk.enterOn("100", "100", "100", "100");
    desk.report(0, RouteReport.State.FILLED, "50", fill("t1", "50", "100", "5"));
    BatchRecorder rec = new BatchRecorder(desk.state);
    RoutedFills.book(rec, desk.reports, null);
    rec.beginBars();
    desk.time += MINUTE;
    BotTrader.onBar(rec, Bar.of(BTC, desk.time, "100", "100", "100", "100", "1"), desk.runtime, TradingState.ACTIVE);

    assertThat(rec.eventsThrough(0)).hasSize(2).first().isInstanceOf(OrderFilled.class);
    assertThat(rec.eventsThrough(0).get(1)).isInstanceOf(PositionProtected.class);
    assertThat(rec.eventsThrough(1)).last().isInstanceOf(MarketObserved.class);
  }

  @Test
  void a_routed_venue_is_spot_long_only_unlevered_and_sends_at_the_decision() {
    assertThatThrownBy(() -> config(Side.SHORT, FillTiming.CLOSE, Plans.plan().build()).validate())
        .hasMessageContaining("needs a margin venue");
    assertThatThrownBy(() -> config(Side.LONG, FillTiming.CLOSE, Plans.plan().leverage("3").build()).validate())
        .hasMessageContaining("leverage must be 1, got 3");
    assertThatThrownBy(() -> config(Side.LONG, FillTiming.NEXT_OPEN, Plans.plan().build()).validate())
        .hasMessageContaining("fill timing must be close, got next-open");
    config(Side.LONG, FillTiming.CLOSE, Plans.plan().build()).validate();
  }

  // ---- the desk ----------------------------------------------------------------------------------------------

  private static final class Desk {
    final ScriptedStrategy script = new ScriptedStrategy(Side.LONG);
    final StrategyRuntime runtime = new StrategyRuntime(script);
    final Map<Long, RouteReport> reports = new HashMap<>();
    BotState state;
    long time = T0;
    int index = -1;

    Desk(TradePlan plan) {
      BotConfig config = config(Side.LONG, FillTiming.CLOSE, plan);
      config.validate();
      state = BotState.empty(BOT).apply(new BotConfigured(config)).apply(new CapitalAllocated(1, m("10000")));
    }

    void report(long seq, RouteReport.State state, String quantity, RouteFill... fills) {
      reports.put(seq, new RouteReport(seq, state, new BigDecimal(quantity), List.of(fills), null));
    }

    List<Event> enterOn(String open, String high, String low, String close) {
      script.enterAt(index + 1);
      return bar(open, high, low, close);
    }

    /** A step of one bar, as the entity runs it: the venue's reports first, then the bar. */
    List<Event> bar(String open, String high, String low, String close) {
      time += MINUTE;
      index++;
      BatchRecorder rec = new BatchRecorder(state);
      RoutedFills.book(rec, reports, runtime.atr());
      rec.beginBars();
      BotTrader.onBar(rec, Bar.of(BTC, time, open, high, low, close, "10"), runtime, TradingState.ACTIVE);
      state = rec.state();
      assertThat(state.portfolio().isBalanced()).as("books balance after bar %d", index).isTrue();
      List<Event> events = new ArrayList<>(rec.allEvents());
      return events.subList(0, events.size() - 1);
    }
  }

  private static BotConfig config(Side side, FillTiming timing, TradePlan plan) {
    return new BotConfig("sma-cross", Map.of(), BTC, VenueKind.CEX, side, new BigDecimal("10"), BigDecimal.ZERO,
        timing, plan);
  }

  private static RouteFill fill(String tradeId, String quantity, String price, String fee) {
    return new RouteFill(tradeId, new BigDecimal(quantity), new BigDecimal(price), new BigDecimal(fee), 0L);
  }

  private static String id(int seq) {
    return Order.idFor(BOT, seq);
  }

  private static long t(int bar) {
    return T0 + bar * MINUTE;
  }

  private static BigDecimal m(String value) {
    return Money.of(value);
  }
}

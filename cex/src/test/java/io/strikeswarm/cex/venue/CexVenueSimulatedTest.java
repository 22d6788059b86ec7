package io.strikeswarm.cex.venue;

import static io.strikeswarm.cex.venue.SimMarket.BTC_USD;
import static io.strikeswarm.cex.venue.SimMarket.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.strikeswarm.cex.config.CallSettings;
import io.strikeswarm.cex.config.RateLimit;
import io.strikeswarm.cex.config.RetryPolicy;
import io.strikeswarm.cex.ids.ClientIdScheme;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The venue adapter on XChange's in-memory matching engine: every outcome comes back as a value. */
class CexVenueSimulatedTest {
  private static final String BOT = "bot-account";
  private static final String MAKER = "counterparty";

  private SimMarket market;
  private CexVenue venue;
  private long seq;

  @BeforeEach
  void setUp() {
    market = new SimMarket();
    market.deposit(BOT, "USD", "100000");
    market.deposit(BOT, "BTC", "2");
    market.deposit(MAKER, "USD", "100000");
    market.deposit(MAKER, "BTC", "10");
    venue = market.venue(BOT);
  }

  @AfterEach
  void tearDown() {
    venue.close();
  }

  private OrderRequest limit(OrderSide side, String qty, String price) {
    return new OrderRequest(ClientIdScheme.BINANCE.derive("long-07", ++seq), BTC_USD, side, OrderKind.LIMIT,
        new BigDecimal(qty), new BigDecimal(price));
  }

  private OrderRequest market(OrderSide side, String qty) {
    return new OrderRequest(ClientIdScheme.BINANCE.derive("long-07", ++seq), BTC_USD, side, OrderKind.MARKET,
        new BigDecimal(qty), null);
  }

  @Test
  void a_limit_order_that_does_not_cross_rests_on_the_book_under_the_venue_id() throws Exception {
    PlaceOutcome outcome = await(venue.place(limit(OrderSide.BUY, "0.5", "20000")));

    assertThat(outcome).isInstanceOf(PlaceOutcome.Placed.class);
    String id = ((PlaceOutcome.Placed) outcome).venueOrderId();
    ReadOutcome<List<VenueOrder>> open = await(venue.openOrders(BTC_USD));
    assertThat(open).isInstanceOf(ReadOutcome.Ok.class);
    List<VenueOrder> orders = ((ReadOutcome.Ok<List<VenueOrder>>) open).value();
    assertThat(orders).singleElement().satisfies(o -> {
      assertThat(o.venueOrderId()).isEqualTo(id);
      assertThat(o.side()).isEqualTo(OrderSide.BUY);
      assertThat(o.originalQuantity()).isEqualByComparingTo("0.5");
      assertThat(o.limitPrice()).isEqualByComparingTo("20000");
      // xchange-simulated 5.1.0 drops the user reference we sent: reconciliation cannot match on it.
      assertThat(o.clientReference()).isNull();
    });
  }

  @Test
  void a_market_order_takes_the_resting_liquidity_and_its_trades_carry_the_venue_order_id() throws Exception {
    market.rest(MAKER, OrderSide.SELL, "0.3", "30000");
    market.rest(MAKER, OrderSide.SELL, "0.3", "30100");

    PlaceOutcome outcome = await(venue.place(market(OrderSide.BUY, "0.5")));

    String id = ((PlaceOutcome.Placed) outcome).venueOrderId();
    List<VenueFill> fills = ((ReadOutcome.Ok<List<VenueFill>>) await(
        venue.trades(BTC_USD, Instant.now().minusSeconds(60)))).value();
    assertThat(fills).hasSize(2).allSatisfy(f -> {
      assertThat(f.venueOrderId()).isEqualTo(id);
      assertThat(f.side()).isEqualTo(OrderSide.BUY);
      assertThat(f.tradeId()).isNotBlank();
    });
    assertThat(fills).extracting(VenueFill::quantity).usingElementComparator(BigDecimal::compareTo)
        .containsExactlyInAnyOrder(new BigDecimal("0.3"), new BigDecimal("0.2"));
    assertThat(fills).extracting(VenueFill::price).usingElementComparator(BigDecimal::compareTo)
        .containsExactlyInAnyOrder(new BigDecimal("30000"), new BigDecimal("30100"));
    assertThat(await(venue.openOrders(BTC_USD))).isEqualTo(new ReadOutcome.Ok<>(List.of()));
  }

  @Test
  void a_buy_beyond_the_balance_is_rejected_as_insufficient_funds_and_is_not_on_the_book() throws Exception {
    PlaceOutcome outcome = await(venue.place(limit(OrderSide.BUY, "10", "20000")));

    assertThat(outcome).isInstanceOfSatisfying(PlaceOutcome.Rejected.class,
        r -> assertThat(r.reason()).isEqualTo(RejectReason.INSUFFICIENT_FUNDS));
    assertThat(market.openOrders(BOT)).isEmpty();
  }

  @Test
  void invalid_orders_are_rejected_with_the_venues_reason() throws Exception {
    PlaceOutcome tooSmall = await(venue.place(limit(OrderSide.BUY, "0.00001", "20000")));
    PlaceOutcome badScale = await(venue.place(limit(OrderSide.BUY, "0.1", "20000.123")));
    PlaceOutcome noLiquidity = await(venue.place(market(OrderSide.BUY, "0.1")));
    PlaceOutcome unknownPair = await(venue.place(new OrderRequest(ClientIdScheme.BINANCE.derive("b", 99),
        CexInstrument.parse("DOGE/EUR"), OrderSide.BUY, OrderKind.MARKET, BigDecimal.ONE, null)));

    assertThat(List.of(tooSmall, badScale, noLiquidity)).allSatisfy(o -> assertThat(o)
        .isInstanceOfSatisfying(PlaceOutcome.Rejected.class,
            r -> assertThat(r.reason()).isEqualTo(RejectReason.INVALID_ORDER)));
    assertThat(((PlaceOutcome.Rejected) tooSmall).message()).contains("minimum");
    assertThat(unknownPair).isInstanceOfSatisfying(PlaceOutcome.Rejected.class,
        r -> assertThat(r.reason()).isEqualTo(RejectReason.UNKNOWN_INSTRUMENT));
  }

  @Test
  void a_cancelled_order_leaves_the_book() throws Exception {
    String id = ((PlaceOutcome.Placed) await(venue.place(limit(OrderSide.SELL, "1", "40000")))).venueOrderId();

    CancelOutcome outcome = await(venue.cancel(BTC_USD, OrderSide.SELL, id));

    assertThat(outcome).isEqualTo(new CancelOutcome.Acknowledged(true));
    assertThat(market.openOrders(BOT)).isEmpty();
  }

  @Test
  void balances_are_read_per_currency() throws Exception {
    List<VenueBalance> balances = ((ReadOutcome.Ok<List<VenueBalance>>) await(venue.balances())).value();

    assertThat(balances).anySatisfy(b -> {
      assertThat(b.currency()).isEqualTo("USD");
      assertThat(b.available()).isEqualByComparingTo("100000");
    });
  }

  @Test
  void a_place_whose_connection_drops_is_unknown_and_is_sent_only_once() throws Exception {
    AtomicInteger operations = new AtomicInteger();
    CexVenue flaky = SimMarket.venue(market.account(BOT, () -> {
      operations.incrementAndGet();
      throw new SocketTimeoutException("Read timed out");
    }), SimMarket.fastCalls(), new RetryPolicy(4, Duration.ofMillis(1), Duration.ofMillis(5)),
        new RateLimit(1000, 1000, Duration.ofMillis(50)));
    try {
      PlaceOutcome outcome = await(flaky.place(limit(OrderSide.BUY, "0.1", "20000")));

      assertThat(outcome).isInstanceOf(PlaceOutcome.Unknown.class);
      assertThat(((PlaceOutcome.Unknown) outcome).message()).contains("Read timed out");
      assertThat(operations).hasValue(1);
    } finally {
      flaky.close();
    }
  }

  @Test
  void reads_are_retried_with_backoff_until_the_venue_answers() throws Exception {
    AtomicInteger operations = new AtomicInteger();
    CexVenue flaky = SimMarket.venue(market.account(BOT, () -> {
      if (operations.incrementAndGet() < 3) throw new IOException("connection reset");
    }), SimMarket.fastCalls(), new RetryPolicy(4, Duration.ofMillis(1), Duration.ofMillis(5)),
        new RateLimit(1000, 1000, Duration.ofMillis(50)));
    try {
      ReadOutcome<List<VenueOrder>> open = await(flaky.openOrders(BTC_USD));

      assertThat(open).isInstanceOf(ReadOutcome.Ok.class);
      assertThat(operations).hasValue(3);
    } finally {
      flaky.close();
    }
  }

  @Test
  void a_read_that_keeps_failing_gives_up_after_the_configured_attempts() throws Exception {
    AtomicInteger operations = new AtomicInteger();
    CexVenue down = SimMarket.venue(market.account(BOT, () -> {
      operations.incrementAndGet();
      throw new IOException("connection refused");
    }), SimMarket.fastCalls(), new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5)),
        new RateLimit(1000, 1000, Duration.ofMillis(50)));
    try {
      ReadOutcome<List<VenueFill>> trades = await(down.trades(BTC_USD, Instant.EPOCH));

      assertThat(trades).isInstanceOfSatisfying(ReadOutcome.Failed.class,
          f -> assertThat(f.message()).contains("attempt 3 of 3").contains("connection refused"));
      assertThat(operations).hasValue(3);
    } finally {
      down.close();
    }
  }

  @Test
  void a_venue_that_does_not_answer_in_time_leaves_the_place_unknown() throws Exception {
    CallSettings impatient = new CallSettings(1, 4, Duration.ofMillis(200), Duration.ofSeconds(1),
        Duration.ofSeconds(1));
    CexVenue slow = SimMarket.venue(market.account(BOT, () -> {
      try {
        Thread.sleep(1_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }), impatient, RetryPolicy.none(), new RateLimit(1000, 1000, Duration.ofMillis(50)));
    try {
      PlaceOutcome outcome = await(slow.place(limit(OrderSide.BUY, "0.1", "20000")));

      assertThat(outcome).isInstanceOfSatisfying(PlaceOutcome.Unknown.class,
          u -> assertThat(u.message()).contains("within 200 ms"));
    } finally {
      slow.close();
    }
  }

  @Test
  void calls_beyond_the_keys_rate_limit_are_not_sent() throws Exception {
    RateLimit twoThenWait = new RateLimit(0.01, 2, Duration.ZERO);
    TokenBucket shared = TokenBucket.of(twoThenWait);
    // Two adapters (two bots) on one key share the bucket.
    CexVenue a = new CexVenue("simulated", market.account(BOT), false, SimMarket.fastCalls(), RetryPolicy.none(),
        shared, Duration.ZERO);
    CexVenue b = new CexVenue("simulated", market.account(BOT), false, SimMarket.fastCalls(), RetryPolicy.none(),
        shared, Duration.ZERO);
    try {
      PlaceOutcome first = await(a.place(limit(OrderSide.BUY, "0.1", "20000")));
      PlaceOutcome second = await(b.place(limit(OrderSide.BUY, "0.1", "20001")));
      PlaceOutcome third = await(a.place(limit(OrderSide.BUY, "0.1", "20002")));

      assertThat(first).isInstanceOf(PlaceOutcome.Placed.class);
      assertThat(second).isInstanceOf(PlaceOutcome.Placed.class);
      assertThat(third).isInstanceOfSatisfying(PlaceOutcome.Rejected.class,
          r -> assertThat(r.reason()).isEqualTo(RejectReason.NOT_SENT));
      assertThat(market.openOrders(BOT)).hasSize(2);
    } finally {
      a.close();
      b.close();
    }
  }
}

package io.strikeswarm.cex.orders;

import static io.strikeswarm.cex.orders.EntityKit.awaitBook;
import static io.strikeswarm.cex.orders.EntityKit.status;
import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.strikeswarm.cex.orders.CexOrderEntity.Event;
import io.strikeswarm.cex.orders.CexOrderEntity.FillAdopted;
import io.strikeswarm.cex.orders.CexOrderEntity.OrderAccepted;
import io.strikeswarm.cex.orders.CexOrderEntity.OrderOutcomeUnknown;
import io.strikeswarm.cex.orders.CexOrderEntity.OrderRejected;
import io.strikeswarm.cex.venue.CexVenue;
import io.strikeswarm.cex.venue.OrderKind;
import io.strikeswarm.cex.venue.OrderSide;
import io.strikeswarm.cex.venue.RejectReason;
import io.strikeswarm.cex.venue.SimMarket;
import io.strikeswarm.persistence.JournalProfile;
import io.strikeswarm.persistence.JournalSchema;
import io.strikeswarm.persistence.ReadSide;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.stream.javadsl.Sink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crashes in the middle of an order's life, on the real journal (pekko-persistence-jdbc, H2 file) and XChange's
 * matching engine. The first actor system stops exactly at a step (a closed {@link StepGate}: nothing after that
 * point happens, as when the process dies there); a second actor system on the same journal recovers the bot,
 * which reconciles with the venue. The engine outlives both systems, like a real exchange. Each test counts the
 * engine's orders and trades of the bot's account: nothing is ever sent twice.
 */
class CexRestartTest {
  private static final String BOT = "bot-account";
  private static final String MAKER = "counterparty";
  private static final String BOT_ID = "long-07";
  private static final String CLIENT_ID = "ss-long-07-1";

  @TempDir
  Path dataDir;

  private SimMarket market;
  private ActorTestKit first;
  private ActorTestKit second;

  @BeforeEach
  void setUp() {
    market = new SimMarket();
    market.deposit(BOT, "USD", "100000");
    market.deposit(MAKER, "USD", "1000000");
    market.deposit(MAKER, "BTC", "10");
  }

  @AfterEach
  void tearDown() {
    if (first != null) first.shutdownTestKit();
    if (second != null) second.shutdownTestKit();
  }

  private ActorTestKit system(String name) {
    Config config = ConfigFactory.parseString("""
            pekko.loglevel = WARNING
            pekko.actor.serialize-messages = on
            """)
        .withFallback(JournalProfile.LOCAL.overlay(dataDir))
        .withFallback(ConfigFactory.parseResources("persistence.conf"))
        .withFallback(ConfigFactory.parseResources("serialization.conf"))
        .withFallback(ConfigFactory.load())
        .resolve();
    ActorTestKit kit = ActorTestKit.create(name, config);
    JournalSchema.ensureCreated(kit.system(), Duration.ofSeconds(30));
    return kit;
  }

  /** Runs the first life of the bot up to the closed gate, then stops that actor system. */
  private void crashAt(StepGate.Step crashPoint, OrderKind kind, String qty, String price) throws Exception {
    crashAt(crashPoint, kind, qty, price, 0);
  }

  /** As above, with a snapshot after every {@code snapshotEvery} events (0: none), so recovery starts from one. */
  private void crashAt(StepGate.Step crashPoint, OrderKind kind, String qty, String price, int snapshotEvery)
      throws Exception {
    first = system("first-life");
    CountDownLatch reached = new CountDownLatch(1);
    StepGate gate = (step, clientId) -> {
      if (step != crashPoint) return true;
      reached.countDown();
      return false;
    };
    CexVenue venue = market.venue(BOT);
    ActorRef<CexOrderEntity.Command> entity = first.spawn(CexOrderEntity.create(BOT_ID, venue,
        EntityKit.settings(Duration.ZERO, snapshotEvery), gate, System::currentTimeMillis));
    TestProbe<StatusReply<CexOrder>> neverAnswered = first.createTestProbe();
    entity.tell(new CexOrderEntity.Submit(1, kind, OrderSide.BUY, "BTC/USD", new BigDecimal(qty),
        price == null ? null : new BigDecimal(price), neverAnswered.getRef()));
    assertThat(reached.await(10, TimeUnit.SECONDS)).as("crash point %s reached", crashPoint).isTrue();
    first.shutdownTestKit();
    first = null;
    venue.close();
  }

  private ActorRef<CexOrderEntity.Command> secondLife(Duration grace) {
    return secondLife(grace, 0);
  }

  private ActorRef<CexOrderEntity.Command> secondLife(Duration grace, int snapshotEvery) {
    second = system("second-life");
    return second.spawn(CexOrderEntity.create(BOT_ID, market.venue(BOT), EntityKit.settings(grace, snapshotEvery),
        StepGate.OPEN, System::currentTimeMillis));
  }

  private List<Object> journal() throws Exception {
    return ReadSide.of(second.system()).events(CexOrderEntity.persistenceId(BOT_ID).id(), 0, Long.MAX_VALUE)
        .map(EventEnvelope::event).runWith(Sink.seq(), second.system()).toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
  }

  @Test
  void an_intent_journaled_just_before_a_crash_is_never_sent_and_is_declared_not_placed() throws Exception {
    crashAt(StepGate.Step.SEND_TO_VENUE, OrderKind.LIMIT, "1", "29000");
    assertThat(market.ordersEverSeen(BOT)).isZero();

    ActorRef<CexOrderEntity.Command> entity = secondLife(Duration.ZERO);

    CexBook book = awaitBook(second.system(), entity, status(CLIENT_ID, OrderStatus.REJECTED));
    assertThat(book.order(CLIENT_ID).orElseThrow().reason()).startsWith("NOT_SEEN_BY_VENUE");
    assertThat(journal()).last().isInstanceOfSatisfying(OrderRejected.class,
        r -> assertThat(r.reason()).isEqualTo(RejectReason.NOT_SEEN_BY_VENUE));
    assertThat(market.ordersEverSeen(BOT)).isZero();
    assertThat(book.position("BTC/USD").quantity()).isEqualByComparingTo("0");
  }

  @Test
  void within_the_grace_period_an_unseen_intent_is_neither_resent_nor_given_up() throws Exception {
    crashAt(StepGate.Step.SEND_TO_VENUE, OrderKind.MARKET, "0.5", null);

    ActorRef<CexOrderEntity.Command> entity = secondLife(Duration.ofHours(1));
    TestProbe<StatusReply<CexBook>> probe = second.createTestProbe();
    entity.tell(new CexOrderEntity.Sync(probe.getRef()));
    CexBook afterSync = probe.receiveMessage(EntityKit.DEADLINE).getValue();

    assertThat(afterSync.order(CLIENT_ID).orElseThrow().status()).isEqualTo(OrderStatus.INTENDED);
    assertThat(market.ordersEverSeen(BOT)).isZero();
  }

  /** Recovery starts from a snapshot of the book (H2 snapshot store), so the book's CBOR form is exercised too. */
  @Test
  void a_resting_order_the_venue_took_before_the_crash_is_adopted_with_the_fills_made_while_the_bot_was_down()
      throws Exception {
    crashAt(StepGate.Step.RECORD_VENUE_ANSWER, OrderKind.LIMIT, "1", "29000", 1);
    assertThat(market.openOrders(BOT)).hasSize(1);
    // While the bot is down, a counterparty takes 0.4 of it.
    market.account(MAKER).getTradeService().placeMarketOrder(new org.knowm.xchange.dto.trade.MarketOrder.Builder(
        OrderSide.SELL.toOrderType(), SimMarket.BTC_USD.toCurrencyPair()).originalAmount(new BigDecimal("0.4"))
        .build());

    ActorRef<CexOrderEntity.Command> entity = secondLife(Duration.ZERO, 1);

    CexBook book = awaitBook(second.system(), entity, status(CLIENT_ID, OrderStatus.PARTIALLY_FILLED));
    CexOrder order = book.order(CLIENT_ID).orElseThrow();
    assertThat(order.venueOrderId()).isEqualTo(market.openOrders(BOT).get(0).getId());
    assertThat(order.filledQuantity()).isEqualByComparingTo("0.4");
    assertThat(book.position("BTC/USD").quantity()).isEqualByComparingTo("0.4");
    assertThat(book.position("BTC/USD").averagePrice()).isEqualByComparingTo("29000");
    List<Object> events = journal();
    assertThat(events).filteredOn(OrderAccepted.class::isInstance).singleElement()
        .satisfies(a -> assertThat(((OrderAccepted) a).viaReconciliation()).isTrue());
    assertThat(events).filteredOn(FillAdopted.class::isInstance).hasSize(1);
    assertThat(market.ordersEverSeen(BOT)).isEqualTo(1);
    assertThat(market.openOrders(BOT)).singleElement()
        .satisfies(o -> assertThat(o.getRemainingAmount()).isEqualByComparingTo("0.6"));

    TestProbe<StatusReply<CexOrder>> probe = second.createTestProbe();
    entity.tell(new CexOrderEntity.Cancel(CLIENT_ID, probe.getRef()));
    assertThat(probe.receiveMessage(EntityKit.DEADLINE).getValue().status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(market.openOrders(BOT)).isEmpty();
  }

  @Test
  void a_market_order_filled_before_the_crash_is_adopted_from_its_trades_and_not_sent_again() throws Exception {
    market.rest(MAKER, OrderSide.SELL, "0.3", "30000");
    market.rest(MAKER, OrderSide.SELL, "0.3", "30100");
    crashAt(StepGate.Step.RECORD_VENUE_ANSWER, OrderKind.MARKET, "0.5", null);
    assertThat(market.trades(BOT)).hasSize(2);

    ActorRef<CexOrderEntity.Command> entity = secondLife(Duration.ZERO);

    CexBook book = awaitBook(second.system(), entity, status(CLIENT_ID, OrderStatus.FILLED));
    assertThat(book.position("BTC/USD").quantity()).isEqualByComparingTo("0.5");
    assertThat(book.position("BTC/USD").averagePrice()).isEqualByComparingTo("30040");
    assertThat(journal()).extracting(e -> e.getClass().getSimpleName())
        .containsExactly("OrderIntended", "OrderAccepted", "FillAdopted", "FillAdopted");
    assertThat(market.trades(BOT)).hasSize(2);
    assertThat(market.ordersEverSeen(BOT)).isEqualTo(1);
  }

  @Test
  void an_answer_lost_to_a_timeout_is_journaled_as_unknown_and_then_adopted_not_resent() throws Exception {
    second = system("only-life");
    market.rest(MAKER, OrderSide.SELL, "0.5", "30000");
    AtomicBoolean firstCall = new AtomicBoolean(true);
    // The venue executes the order, but only after we stopped waiting for its answer.
    CexVenue slowOnce = SimMarket.venue(market.account(BOT, () -> {
      if (firstCall.getAndSet(false)) {
        try {
          Thread.sleep(600);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }), new io.strikeswarm.cex.config.CallSettings(2, 8, Duration.ofMillis(200), Duration.ofSeconds(1),
        Duration.ofSeconds(1)), new io.strikeswarm.cex.config.RetryPolicy(3, Duration.ofMillis(10),
        Duration.ofMillis(50)), new io.strikeswarm.cex.config.RateLimit(1000, 1000, Duration.ofMillis(50)));
    ActorRef<CexOrderEntity.Command> entity = second.spawn(CexOrderEntity.create(BOT_ID, slowOnce,
        EntityKit.settings(Duration.ofSeconds(5)), StepGate.OPEN, System::currentTimeMillis));
    // Let the start-up reconciliation pass first (it reads nothing on an empty journal); otherwise it can race the
    // place on the venue's two threads and be the call that is slowed down.
    AskPattern.<CexOrderEntity.Command, StatusReply<CexBook>>ask(entity, CexOrderEntity.Sync::new,
        EntityKit.DEADLINE, second.scheduler()).toCompletableFuture().get();

    CexOrder reply = EntityKit.submit(second, entity, 1, OrderKind.MARKET, OrderSide.BUY, "0.5", null);

    assertThat(reply.status()).isEqualTo(OrderStatus.UNKNOWN);
    CexBook book = awaitBook(second.system(), entity, status(CLIENT_ID, OrderStatus.FILLED));
    assertThat(book.position("BTC/USD").quantity()).isEqualByComparingTo("0.5");
    List<Object> events = journal();
    assertThat(events).hasAtLeastOneElementOfType(OrderOutcomeUnknown.class);
    assertThat(events).filteredOn(e -> e instanceof Event).extracting(e -> e.getClass().getSimpleName())
        .containsExactly("OrderIntended", "OrderOutcomeUnknown", "OrderAccepted", "FillAdopted");
    assertThat(market.ordersEverSeen(BOT)).isEqualTo(1);
    slowOnce.close();
  }
}

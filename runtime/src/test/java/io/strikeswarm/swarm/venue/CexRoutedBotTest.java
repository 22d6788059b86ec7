package io.strikeswarm.swarm.venue;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.strikeswarm.bots.domain.Bar;
import io.strikeswarm.bots.domain.BotConfig;
import io.strikeswarm.bots.domain.FillTiming;
import io.strikeswarm.bots.domain.Order;
import io.strikeswarm.bots.domain.Side;
import io.strikeswarm.bots.domain.TradePlan;
import io.strikeswarm.bots.domain.TradingState;
import io.strikeswarm.bots.domain.VenueKind;
import io.strikeswarm.bots.entity.BotEntity;
import io.strikeswarm.bots.entity.BotSettings;
import io.strikeswarm.bots.entity.BotView;
import io.strikeswarm.bots.routing.OrderRoute;
import io.strikeswarm.bots.routing.OrderRoutes;
import io.strikeswarm.bots.routing.RouteReport;
import io.strikeswarm.cex.config.CexSettings;
import io.strikeswarm.cex.config.RateLimit;
import io.strikeswarm.cex.orders.CexBook;
import io.strikeswarm.cex.orders.CexOrder;
import io.strikeswarm.cex.orders.CexOrderEntity;
import io.strikeswarm.cex.orders.OrderStatus;
import io.strikeswarm.cex.venue.CexExchanges;
import io.strikeswarm.cex.venue.CexVenue;
import io.strikeswarm.cex.venue.TokenBucket;
import io.strikeswarm.persistence.JournalProfile;
import io.strikeswarm.persistence.JournalSchema;
import io.strikeswarm.persistence.ReadSide;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.stream.javadsl.Sink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchange.currency.Currency;
import org.knowm.xchange.currency.CurrencyPair;
import org.knowm.xchange.dto.Order.OrderType;
import org.knowm.xchange.dto.trade.LimitOrder;
import org.knowm.xchange.dto.trade.UserTrade;
import org.knowm.xchange.simulated.AccountFactory;
import org.knowm.xchange.simulated.MatchingEngineFactory;
import org.knowm.xchange.simulated.SimulatedExchange;
import org.knowm.xchange.service.trade.params.DefaultTradeHistoryParamCurrencyPair;
import org.knowm.xchange.service.trade.params.orders.DefaultOpenOrdersParamCurrencyPair;

/**
 * A directional bot whose config says {@code venue = "cex"}, end to end: the real {@link BotEntity} and
 * {@link CexOrderEntity}, sharded on a one-node cluster, journaling to the H2 file journal, trading on XChange's
 * own matching engine against a market maker that quotes around each bar's close. The engine outlives the actor
 * systems, as an exchange outlives a crash. Each test ends with the bot's books equal to its venue account.
 */
class CexRoutedBotTest {
  private static final String BOT_ACCOUNT = "bot-long-01";
  private static final String MAKER = "maker";
  private static final String BOT = "long-01";
  private static final CurrencyPair BTC_USD = CurrencyPair.BTC_USD;
  private static final BigDecimal ALLOCATED = new BigDecimal("100000");
  private static final long T0 = 1_700_000_000_000L;
  private static final long BAR = 300_000L;
  /** Falls, rises (SMA 2 crosses over SMA 4: entry), falls again (exit); then quiet. */
  private static final int[] CLOSES = {30000, 29900, 29800, 29700, 29600, 29900, 30300, 30700, 31000, 30800, 30400,
      30000, 29600, 29500, 29500, 29500};

  @TempDir
  Path dataDir;

  private final AccountFactory accounts = new AccountFactory();
  private final MatchingEngineFactory engines = new MatchingEngineFactory(accounts);
  private final List<LimitOrder> quotes = new ArrayList<>();
  private ActorSystem<Void> system;
  private CexVenue venue;
  private long stepId;
  private int next;
  private int[] closes = CLOSES;
  /** Faults injected into the bot's venue account (XChange's own operation hook); null: none. */
  private VenueFaults faults;

  @BeforeEach
  void fund() {
    deposit(BOT_ACCOUNT, "USD", ALLOCATED);
    deposit(MAKER, "USD", new BigDecimal("100000000"));
    deposit(MAKER, "BTC", new BigDecimal("1000"));
  }

  @AfterEach
  void stop() {
    if (system != null) shutdown();
  }

  @Test
  void a_bot_on_the_cex_venue_trades_a_round_trip_and_its_books_equal_its_venue_account() throws Exception {
    start(route -> route);
    configure();

    runBars(CLOSES.length);
    settle();

    BotView view = botView();
    List<Object> botEvents = events(BotEntity.persistenceId(BOT).id());
    List<Order> placed = botEvents.stream().filter(BotEntity.OrderPlaced.class::isInstance)
        .map(e -> ((BotEntity.OrderPlaced) e).order()).toList();
    assertThat(placed).extracting(Order::reason).containsExactly(Order.Reason.ENTRY, Order.Reason.EXIT);
    // The exit filled in two trades on the maker's two levels: one ledger line each.
    assertThat(botEvents).filteredOn(BotEntity.TradeClosed.class::isInstance).hasSize(2);
    assertThat(view.openOrders()).isEmpty();

    // Every bot order is exactly one venue order, under the client id derived from the bot's order number.
    CexBook book = cexBook();
    assertThat(book.orders().keySet()).containsExactlyInAnyOrder("ss-long-01-1", "ss-long-01-2");
    assertThat(book.orders().values()).allMatch(o -> o.status() == OrderStatus.FILLED);
    assertThat(venueOrderIds(BOT_ACCOUNT)).hasSize(2);
    booksEqualTheVenueAccount();
  }

  @Test
  void an_order_whose_send_was_lost_is_given_up_and_can_never_reach_the_venue_later() throws Exception {
    start(route -> new LosingFirstSend(route, false));
    configure();

    runBars(CLOSES.length);
    settle();

    List<Object> botEvents = events(BotEntity.persistenceId(BOT).id());
    assertThat(botEvents).filteredOn(BotEntity.OrderCancelled.class::isInstance).first()
        .satisfies(e -> assertThat(((BotEntity.OrderCancelled) e).reason()).startsWith("never reached the venue"));
    assertThat(events(CexOrderEntity.persistenceId(BOT).id())).first()
        .isInstanceOfSatisfying(CexOrderEntity.SeqVoided.class, v -> assertThat(v.seq()).isEqualTo(1));
    // The lost entry's number is void: a late submit of it is refused, and nothing of it is on the venue.
    StatusReply<CexOrder> late = cex().<StatusReply<CexOrder>>ask(r -> new CexOrderEntity.Submit(1,
        io.strikeswarm.cex.venue.OrderKind.MARKET, io.strikeswarm.cex.venue.OrderSide.BUY, "BTC/USD",
        new BigDecimal("1"), null, r), Duration.ofSeconds(10)).toCompletableFuture().get(15, TimeUnit.SECONDS);
    assertThat(late.isError()).isTrue();
    assertThat(cexBook().orders()).doesNotContainKey("ss-long-01-1");
    assertThat(venueOrderIds(BOT_ACCOUNT)).hasSize(cexBook().orders().size());
    booksEqualTheVenueAccount();
  }

  @Test
  void a_restart_between_an_order_filling_on_the_venue_and_the_bot_booking_it_books_it_once() throws Exception {
    start(route -> route);
    configure();
    runBarsUntil(view -> !view.openOrders().isEmpty());
    awaitCex(b -> b.orders().values().stream().allMatch(o -> o.status() == OrderStatus.FILLED));
    shutdown(); // the bot has not booked the fill: it is booked at the start of the next step

    start(route -> route);
    runBars(CLOSES.length - next);
    settle();

    assertThat(events(BotEntity.persistenceId(BOT).id())).filteredOn(BotEntity.OrderFilled.class::isInstance)
        .hasSize(2);
    assertThat(venueOrderIds(BOT_ACCOUNT)).hasSize(2);
    booksEqualTheVenueAccount();
  }

  @Test
  void an_order_decided_but_never_sent_before_a_crash_is_given_up_after_the_restart() throws Exception {
    start(route -> new LosingFirstSend(route, true));
    configure();
    runBarsUntil(view -> !view.openOrders().isEmpty());
    shutdown();

    start(route -> route);
    runBars(CLOSES.length - next);
    settle();

    assertThat(events(BotEntity.persistenceId(BOT).id())).filteredOn(BotEntity.OrderCancelled.class::isInstance)
        .first().satisfies(e -> assertThat(((BotEntity.OrderCancelled) e).reason()).startsWith("never reached"));
    assertThat(cexBook().orders()).doesNotContainKey("ss-long-01-1");
    booksEqualTheVenueAccount();
  }

  /**
   * The reliability harness's venue-fault trial (docs/reliability.md): a bot trading a zigzag through a venue that
   * answers 429s, drops connections before a call and answers calls only after the caller gave up. Faults stop for
   * the last quiet bars; then no order is open, no bot order reached the venue twice, and the books equal the account.
   */
  @Test
  void venue_faults_lose_and_duplicate_no_order_and_the_position_reconciles() throws Exception {
    closes = new int[80];
    for (int i = 0; i < closes.length; i++) closes[i] = 30000 + (int) Math.round(600 * Math.sin(i / 1.5));
    faults = new VenueFaults(4, Duration.ofMillis(700));
    start(route -> route, """
        swarm.cex.calls.timeout = 400ms
        swarm.cex.reconcile.unseen-grace = 1s
        """);
    configure();

    runBars(closes.length);
    faults.stop();
    settle();

    BotView view = botView();
    CexBook book = cexBook();
    List<Object> botEvents = events(BotEntity.persistenceId(BOT).id());
    long placed = botEvents.stream().filter(BotEntity.OrderPlaced.class::isInstance).count();
    long reachedVenue = book.orders().values().stream().filter(o -> o.venueOrderId() != null).count();
    long partial = botEvents.stream().filter(BotEntity.OrderPartiallyFilled.class::isInstance).count();
    System.out.printf("venue-fault trial: %d bars, %d bot orders, %d reached the venue, %d venue orders of the"
            + " account, %d partial fills booked; faults injected: %s; duplicates: %d; open orders after: %d%n",
        closes.length, placed, reachedVenue, venueOrderIds(BOT_ACCOUNT).size(), partial, faults.counts(),
        venueOrderIds(BOT_ACCOUNT).size() - reachedVenue, view.openOrders().size());

    assertThat(faults.counts()).as("every kind of fault was injected").allSatisfy((kind, n) ->
        assertThat(n).as(kind).isPositive());
    assertThat(view.openOrders()).isEmpty();
    assertThat(book.openOrders()).isEmpty();
    assertThat(book.orders().size()).as("each bot order is at most one venue-entity order").isLessThanOrEqualTo(
        (int) placed);
    assertThat(venueOrderIds(BOT_ACCOUNT)).as("no order reached the venue twice").hasSize((int) reachedVenue);
    assertThat(partial).as("orders filled in two trades").isPositive();
    booksEqualTheVenueAccount();
  }

  // ---- the checks ----------------------------------------------------------------------------------------------

  /**
   * The bot holds what its venue account holds, and its cash moved as the account's USD did, less the fees it
   * booked (XChange's engine reports fees on trades without charging them to balances).
   */
  private void booksEqualTheVenueAccount() throws Exception {
    BotView view = botView();
    BigDecimal btc = balance(BOT_ACCOUNT, "BTC");
    BigDecimal usd = balance(BOT_ACCOUNT, "USD");
    BigDecimal held = view.positions().stream().map(p -> p.quantity()).reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(held).as("position vs the account's BTC").isEqualByComparingTo(btc);
    BigDecimal botCash = view.cash();
    BigDecimal fees = view.feesPaid();
    assertThat(botCash.add(fees).subtract(ALLOCATED)).as("cash moves vs the account's USD")
        .isEqualByComparingTo(usd.subtract(ALLOCATED));
  }

  // ---- the swarm side ------------------------------------------------------------------------------------------

  private interface RouteWrap {
    OrderRoute wrap(OrderRoute route);
  }

  private void start(RouteWrap wrap) {
    start(wrap, "");
  }

  private void start(RouteWrap wrap, String extraConfig) {
    Config config = ConfigFactory.parseString(extraConfig).withFallback(ConfigFactory.parseString("""
            pekko.loglevel = WARNING
            pekko.actor.provider = cluster
            pekko.remote.artery.canonical.hostname = "127.0.0.1"
            pekko.remote.artery.canonical.port = 0
            pekko.cluster.sharding.passivation.strategy = none
            swarm.cex.reconcile.poll-interval = 100ms
            """))
        .withFallback(JournalProfile.LOCAL.overlay(dataDir))
        .withFallback(ConfigFactory.load())
        .resolve();
    system = ActorSystem.create(Behaviors.empty(), "cex-bot", config);
    Cluster cluster = Cluster.get(system);
    cluster.manager().tell(Join.create(cluster.selfMember().address()));
    JournalSchema.ensureCreated(system, Duration.ofSeconds(30));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (cluster.selfMember().status() != MemberStatus.up() && System.nanoTime() < deadline) sleep(20);
    CexSettings cex = CexSettings.load(config, Map.of());
    SimulatedExchange account = faults == null ? exchange(BOT_ACCOUNT)
        : CexExchanges.simulated(engines, accounts, BOT_ACCOUNT, faults::beforeOperation);
    CexVenue botVenue = new CexVenue("simulated", account, false, cex.calls(), cex.retry(),
        TokenBucket.of(new RateLimit(1000, 1000, Duration.ofMillis(100))), Duration.ofMillis(100));
    venue = botVenue;
    BotSettings wired = CexWiring.wire(system, new BotSettings(0, Duration.ofMillis(100), Duration.ofSeconds(1),
        OrderRoutes.NONE, Duration.ofMillis(50)), cex, botId -> botVenue);
    OrderRoute route = wrap.wrap(wired.routes().forVenue(VenueKind.CEX).orElseThrow());
    BotEntity.init(system, wired.withRoutes(OrderRoutes.cex(route)));
  }

  private void shutdown() {
    system.terminate();
    try {
      system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    venue.close();
    system = null;
  }

  private void configure() throws Exception {
    BotConfig config = new BotConfig("sma-cross", Map.of("short", "2", "long", "4"), "BTC-USD", VenueKind.CEX,
        Side.LONG, new BigDecimal("10"), BigDecimal.ZERO, FillTiming.CLOSE, TradePlan.signalsOnly(BigDecimal.ONE));
    ack(bot().<StatusReply<Done>>ask(r -> new BotEntity.Configure(config, r), Duration.ofSeconds(10)));
    ack(bot().<StatusReply<Done>>ask(r -> new BotEntity.AllocateCapital(1, ALLOCATED, r), Duration.ofSeconds(10)));
  }

  private void runBars(int count) throws Exception {
    for (int i = 0; i < count && next < closes.length; i++) step();
  }

  private void runBarsUntil(Predicate<BotView> condition) throws Exception {
    while (next < closes.length) {
      step();
      if (condition.test(botView())) return;
    }
    throw new AssertionError("the bot never reached the expected state");
  }

  /** One lockstep step of one bar, as the replay driver runs it, with the maker quoting around the bar's close. */
  private void step() throws Exception {
    int close = closes[next];
    quote(close);
    Bar bar = Bar.of("BTC-USD", T0 + next * BAR, String.valueOf(close), String.valueOf(close),
        String.valueOf(close), String.valueOf(close), "10");
    long id = ++stepId;
    BotEntity.Evaluation evaluation = ack(bot().<StatusReply<BotEntity.Evaluation>>ask(
        r -> new BotEntity.EvaluateBars(id, List.of(bar), TradingState.ACTIVE, r), Duration.ofSeconds(10)));
    if (evaluation.needsWarmUp()) {
      List<Bar> history = new ArrayList<>();
      for (int i = 0; i < next; i++) {
        history.add(Bar.of("BTC-USD", T0 + i * BAR, String.valueOf(closes[i]), String.valueOf(closes[i]),
            String.valueOf(closes[i]), String.valueOf(closes[i]), "10"));
      }
      ack(bot().<StatusReply<Done>>ask(r -> new BotEntity.WarmUp(history, true, r), Duration.ofSeconds(10)));
      ack(bot().<StatusReply<BotEntity.Evaluation>>ask(
          r -> new BotEntity.EvaluateBars(id, List.of(bar), TradingState.ACTIVE, r), Duration.ofSeconds(10)));
    }
    ack(bot().<StatusReply<BotEntity.Committed>>ask(r -> new BotEntity.CommitBars(id, 1, r), Duration.ofSeconds(10)));
    next++;
    // Market orders fill at once on the engine: wait until the venue entity has the fills, then for the bot's poll.
    awaitCex(b -> b.openOrders().isEmpty());
    sleep(300);
  }

  /** Quiet bars until the bot has booked everything the venue did. */
  private void settle() throws Exception {
    for (int i = 0; i < 3; i++) {
      int close = closes[closes.length - 1];
      quote(close);
      Bar bar = Bar.of("BTC-USD", T0 + (next + i) * BAR, String.valueOf(close), String.valueOf(close),
          String.valueOf(close), String.valueOf(close), "10");
      long id = ++stepId;
      ack(bot().<StatusReply<BotEntity.Evaluation>>ask(
          r -> new BotEntity.EvaluateBars(id, List.of(bar), TradingState.ACTIVE, r), Duration.ofSeconds(10)));
      ack(bot().<StatusReply<BotEntity.Committed>>ask(r -> new BotEntity.CommitBars(id, 1, r),
          Duration.ofSeconds(10)));
      awaitCex(b -> b.openOrders().isEmpty());
      sleep(300);
    }
    next += 3;
  }

  private EntityRef<BotEntity.Command> bot() {
    return ClusterSharding.get(system).entityRefFor(BotEntity.TYPE_KEY, BOT);
  }

  private EntityRef<CexOrderEntity.Command> cex() {
    return ClusterSharding.get(system).entityRefFor(CexOrderEntity.TYPE_KEY, BOT);
  }

  private BotView botView() throws Exception {
    return bot().<BotView>ask(BotEntity.GetState::new, Duration.ofSeconds(10)).toCompletableFuture()
        .get(15, TimeUnit.SECONDS);
  }

  private CexBook cexBook() throws Exception {
    return cex().<CexBook>ask(CexOrderEntity.GetState::new, Duration.ofSeconds(10)).toCompletableFuture()
        .get(15, TimeUnit.SECONDS);
  }

  private void awaitCex(Predicate<CexBook> condition) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    CexBook book = cexBook();
    while (!condition.test(book) && System.nanoTime() < deadline) {
      sleep(20);
      book = cexBook();
    }
    assertThat(condition).as("venue entity never settled: %s", book).accepts(book);
  }

  private List<Object> events(String persistenceId) throws Exception {
    return ReadSide.of(system).events(persistenceId, 0, Long.MAX_VALUE).map(EventEnvelope::event)
        .runWith(Sink.seq(), system).toCompletableFuture().get(15, TimeUnit.SECONDS);
  }

  private static <T> T ack(CompletionStage<StatusReply<T>> reply) throws Exception {
    StatusReply<T> r = reply.toCompletableFuture().get(15, TimeUnit.SECONDS);
    assertThat(r.isSuccess()).as("reply: %s", r).isTrue();
    return r.getValue();
  }

  // ---- the venue side ------------------------------------------------------------------------------------------

  /**
   * The maker's book around the close: 1 BTC one dollar away, 50 more three dollars away on each side, so a bot's
   * market order (a few BTC) fills in two trades.
   */
  private void quote(int close) throws Exception {
    var trade = exchange(MAKER).getTradeService();
    for (LimitOrder q : quotes) trade.cancelOrder(q.getId());
    quotes.clear();
    for (OrderType type : List.of(OrderType.BID, OrderType.ASK)) {
      for (int level = 1; level <= 2; level++) {
        int away = level == 1 ? 1 : 3;
        BigDecimal price = BigDecimal.valueOf(close + (type == OrderType.BID ? -away : away));
        BigDecimal size = new BigDecimal(level == 1 ? "1" : "50");
        String id = trade.placeLimitOrder(new LimitOrder.Builder(type, BTC_USD).originalAmount(size).limitPrice(price)
            .build());
        quotes.add(new LimitOrder.Builder(type, BTC_USD).id(id).originalAmount(size).limitPrice(price).build());
      }
    }
  }

  private SimulatedExchange exchange(String account) {
    return CexExchanges.simulated(engines, accounts, account);
  }

  private void deposit(String account, String currency, BigDecimal amount) {
    exchange(account).getAccountService().deposit(Currency.getInstance(currency), amount);
  }

  private BigDecimal balance(String account, String currency) throws Exception {
    return exchange(account).getAccountService().getAccountInfo().getWallet().getBalance(Currency.getInstance(currency))
        .getTotal();
  }

  /** Distinct venue orders of the account: those with trades and those still resting. */
  private List<String> venueOrderIds(String account) throws Exception {
    var trade = exchange(account).getTradeService();
    List<String> ids = new ArrayList<>(trade.getTradeHistory(new DefaultTradeHistoryParamCurrencyPair(BTC_USD))
        .getUserTrades().stream().map(UserTrade::getOrderId).distinct().toList());
    trade.getOpenOrders(new DefaultOpenOrdersParamCurrencyPair(BTC_USD)).getOpenOrders()
        .forEach(o -> { if (!ids.contains(o.getId())) ids.add(o.getId()); });
    return ids;
  }

  /**
   * A route that loses the first send on the way: it never reaches the venue entity. Either the sender learns of the
   * failure (a network error), or it never hears back at all (the process dies before an answer could come).
   */
  private static final class LosingFirstSend implements OrderRoute {
    private final OrderRoute route;
    private final boolean silently;
    private final AtomicBoolean lose = new AtomicBoolean(true);

    LosingFirstSend(OrderRoute route, boolean silently) {
      this.route = route;
      this.silently = silently;
    }

    @Override
    public CompletionStage<RouteReport> send(String botId, long seq, Order order) {
      if (lose.getAndSet(false)) {
        return silently ? new CompletableFuture<>()
            : CompletableFuture.failedFuture(new IllegalStateException("lost on the way"));
      }
      return route.send(botId, seq, order);
    }

    @Override
    public CompletionStage<List<RouteReport>> reports(String botId) {
      return route.reports(botId);
    }

    @Override
    public CompletionStage<RouteReport> giveUp(String botId, long seq) {
      return route.giveUp(botId, seq);
    }

    @Override
    public CompletionStage<RouteReport> cancel(String botId, long seq) {
      return route.cancel(botId, seq);
    }
  }

  /**
   * Faults for XChange's operation hook: every {@code every}-th operation of the bot's account fails, in turn with
   * a rate limit (the venue's 429), a connection dropped before the call reaches the venue, or an answer that comes
   * after the caller stopped waiting. A fixed rotation, so every kind is injected in every run.
   */
  private static final class VenueFaults {
    private static final List<String> KINDS = List.of("429", "dropped", "late");
    private final int every;
    private final Duration lateBy;
    private final java.util.concurrent.atomic.AtomicLong operations = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.Map<String, Integer> counts = new java.util.concurrent.ConcurrentSkipListMap<>();
    private volatile boolean active = true;

    VenueFaults(int every, Duration lateBy) {
      this.every = every;
      this.lateBy = lateBy;
      KINDS.forEach(k -> counts.put(k, 0));
    }

    void beforeOperation() {
      if (!active) return;
      long n = operations.incrementAndGet();
      if (n % every != 0) return;
      String kind = KINDS.get((int) ((n / every) % KINDS.size()));
      counts.merge(kind, 1, Integer::sum);
      switch (kind) {
        case "429" -> throw new org.knowm.xchange.exceptions.RateLimitExceededException(
            "HTTP 429 Too Many Requests (injected)");
        case "dropped" -> throw new org.knowm.xchange.exceptions.ExchangeUnavailableException(
            "connection reset (injected)");
        default -> sleep(lateBy.toMillis());
      }
    }

    void stop() {
      active = false;
    }

    java.util.Map<String, Integer> counts() {
      return java.util.Map.copyOf(counts);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

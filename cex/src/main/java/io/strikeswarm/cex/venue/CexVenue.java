package io.strikeswarm.cex.venue;

import io.strikeswarm.cex.config.CallSettings;
import io.strikeswarm.cex.config.RetryPolicy;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.knowm.xchange.Exchange;
import org.knowm.xchange.currency.CurrencyPair;
import org.knowm.xchange.dto.Order;
import org.knowm.xchange.dto.account.Balance;
import org.knowm.xchange.dto.account.Wallet;
import org.knowm.xchange.dto.trade.LimitOrder;
import org.knowm.xchange.dto.trade.MarketOrder;
import org.knowm.xchange.dto.trade.UserTrade;
import org.knowm.xchange.instrument.Instrument;
import org.knowm.xchange.service.trade.TradeService;
import org.knowm.xchange.service.trade.params.CancelOrderByCurrencyPair;
import org.knowm.xchange.service.trade.params.CancelOrderByIdParams;
import org.knowm.xchange.service.trade.params.CancelOrderByInstrument;
import org.knowm.xchange.service.trade.params.CancelOrderByOrderTypeParams;
import org.knowm.xchange.service.trade.params.CancelOrderParams;
import org.knowm.xchange.service.trade.params.DefaultCancelOrderParamId;
import org.knowm.xchange.service.trade.params.TradeHistoryParamCurrencyPair;
import org.knowm.xchange.service.trade.params.TradeHistoryParamInstrument;
import org.knowm.xchange.service.trade.params.TradeHistoryParams;
import org.knowm.xchange.service.trade.params.TradeHistoryParamsTimeSpan;
import org.knowm.xchange.service.trade.params.orders.OpenOrdersParamCurrencyPair;
import org.knowm.xchange.service.trade.params.orders.OpenOrdersParamInstrument;
import org.knowm.xchange.service.trade.params.orders.OpenOrdersParams;
import org.knowm.xchange.simulated.SimulatedExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One venue account seen through XChange, with every outcome a value: a place is {@link PlaceOutcome placed,
 * rejected or unknown}, a read is {@link ReadOutcome ok or failed}; no exception escapes. XChange blocks, so calls
 * run on a bounded pool of this adapter's own, each awaited at most the configured timeout. Every call first takes
 * a token from the API key's shared {@link TokenBucket}. Reads and cancels are retried with backoff on transient
 * failures; a place never is, because a place whose answer was lost may have been executed.
 *
 * <p>One instance per account, shared by all bots trading on it. Thread-safe.
 */
public final class CexVenue implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CexVenue.class);

  private final String name;
  private final Exchange exchange;
  private final boolean echoesClientIds;
  private final CallSettings calls;
  private final RetryPolicy retry;
  private final TokenBucket limiter;
  private final Duration maxTokenWait;
  private final ThreadPoolExecutor pool;

  public CexVenue(String name, Exchange exchange, boolean echoesClientIds, CallSettings calls, RetryPolicy retry,
      TokenBucket limiter, Duration maxTokenWait) {
    this.name = Objects.requireNonNull(name, "name");
    this.exchange = Objects.requireNonNull(exchange, "exchange");
    this.echoesClientIds = echoesClientIds;
    this.calls = calls;
    this.retry = retry;
    this.limiter = limiter;
    this.maxTokenWait = maxTokenWait;
    AtomicInteger threadNo = new AtomicInteger();
    this.pool = new ThreadPoolExecutor(calls.threads(), calls.threads(), 60, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(calls.queue()), r -> {
          Thread t = new Thread(r, "cex-" + name + "-" + threadNo.incrementAndGet());
          t.setDaemon(true);
          return t;
        }, new ThreadPoolExecutor.AbortPolicy());
    pool.allowCoreThreadTimeOut(true);
  }

  public String name() {
    return name;
  }

  /** Whether the venue lists our client ids on open orders and trades (reconciliation can match on them). */
  public boolean echoesClientIds() {
    return echoesClientIds;
  }

  // ---- place -------------------------------------------------------------------------------------------------

  /** Sends the order once. Never retried: an {@link PlaceOutcome.Unknown} must be reconciled, not re-sent. */
  public CompletionStage<PlaceOutcome> place(OrderRequest request) {
    return call(() -> placeNow(request),
        () -> new PlaceOutcome.Unknown("no answer from " + name + " within " + calls.timeout().toMillis()
            + " ms; the order may exist"),
        new PlaceOutcome.Rejected(RejectReason.NOT_SENT, "the " + name + " call queue is full; not sent"));
  }

  private PlaceOutcome placeNow(OrderRequest r) {
    try {
      if (!limiter.acquire(maxTokenWait)) {
        return new PlaceOutcome.Rejected(RejectReason.NOT_SENT,
            "no rate-limit token for " + name + " within " + maxTokenWait.toMillis() + " ms; not sent");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new PlaceOutcome.Rejected(RejectReason.NOT_SENT, "interrupted before sending");
    }
    try {
      TradeService trade = exchange.getTradeService();
      CurrencyPair pair = r.instrument().toCurrencyPair();
      Order.OrderType type = r.side().toOrderType();
      String id = switch (r.kind()) {
        case MARKET -> trade.placeMarketOrder(new MarketOrder.Builder(type, pair).originalAmount(r.quantity())
            .userReference(r.clientId().venueReference()).build());
        case LIMIT -> trade.placeLimitOrder(new LimitOrder.Builder(type, pair).originalAmount(r.quantity())
            .limitPrice(r.limitPrice()).userReference(r.clientId().venueReference()).build());
      };
      if (id == null || id.isBlank()) {
        return new PlaceOutcome.Unknown(name + " answered without an order id; the order may exist");
      }
      return new PlaceOutcome.Placed(id);
    } catch (Exception | LinkageError e) {
      PlaceOutcome outcome = Failure.of(e).asPlaceOutcome();
      log.info("place {} on {}: {}", r.clientId().value(), name, outcome);
      return outcome;
    }
  }

  // ---- cancel ------------------------------------------------------------------------------------------------

  /** Cancels by venue id; retried like a read (cancelling twice is harmless). */
  public CompletionStage<CancelOutcome> cancel(CexInstrument instrument, OrderSide side, String venueOrderId) {
    // xchange-simulated 5.1.0 swaps order id and API key when cancelling by currency pair (it answers true and
    // cancels nothing); its cancel by id alone is correct.
    CancelOrderParams params = exchange instanceof SimulatedExchange ? new DefaultCancelOrderParamId(venueOrderId)
        : new CancelParams(venueOrderId, instrument.toCurrencyPair(), side.toOrderType());
    return read("cancel " + venueOrderId, () -> exchange.getTradeService().cancelOrder(params))
        .thenApply(r -> r instanceof ReadOutcome.Ok<Boolean> ok
            ? new CancelOutcome.Acknowledged(Boolean.TRUE.equals(ok.value()))
            : new CancelOutcome.Failed(((ReadOutcome.Failed<Boolean>) r).message()));
  }

  /** Carries every way of naming the order an adapter may ask for; deliberately not the user reference (Kraken
   * cancels every order carrying a userref). */
  private record CancelParams(String orderId, CurrencyPair currencyPair, Order.OrderType orderType)
      implements CancelOrderByIdParams, CancelOrderByCurrencyPair, CancelOrderByInstrument,
      CancelOrderByOrderTypeParams {
    @Override
    public String getOrderId() {
      return orderId;
    }

    @Override
    public CurrencyPair getCurrencyPair() {
      return currencyPair;
    }

    @Override
    public Instrument getInstrument() {
      return currencyPair;
    }

    @Override
    public Order.OrderType getOrderType() {
      return orderType;
    }
  }

  // ---- reads -------------------------------------------------------------------------------------------------

  /** Our open orders on the instrument. */
  public CompletionStage<ReadOutcome<List<VenueOrder>>> openOrders(CexInstrument instrument) {
    return read("open orders " + instrument, () -> {
      TradeService trade = exchange.getTradeService();
      OpenOrdersParams params = trade.createOpenOrdersParams();
      if (params instanceof OpenOrdersParamCurrencyPair p) p.setCurrencyPair(instrument.toCurrencyPair());
      else if (params instanceof OpenOrdersParamInstrument p) p.setInstrument(instrument.toCurrencyPair());
      List<VenueOrder> out = new ArrayList<>();
      for (LimitOrder o : trade.getOpenOrders(params).getOpenOrders()) {
        if (!(o.getInstrument() instanceof CurrencyPair pair) || !instrument.equals(CexInstrument.of(pair))) continue;
        out.add(new VenueOrder(o.getId(), o.getUserReference(), instrument, OrderSide.of(o.getType()),
            o.getOriginalAmount(), zeroIfNull(o.getCumulativeAmount()), o.getLimitPrice(), millis(o.getTimestamp())));
      }
      return List.copyOf(out);
    });
  }

  /** Our trades on the instrument since {@code since} (as far back as the venue's history goes). */
  public CompletionStage<ReadOutcome<List<VenueFill>>> trades(CexInstrument instrument, Instant since) {
    return read("trade history " + instrument, () -> {
      TradeService trade = exchange.getTradeService();
      TradeHistoryParams params = trade.createTradeHistoryParams();
      if (params instanceof TradeHistoryParamCurrencyPair p) p.setCurrencyPair(instrument.toCurrencyPair());
      else if (params instanceof TradeHistoryParamInstrument p) p.setInstrument(instrument.toCurrencyPair());
      if (params instanceof TradeHistoryParamsTimeSpan p) p.setStartTime(Date.from(since));
      List<VenueFill> out = new ArrayList<>();
      for (UserTrade t : trade.getTradeHistory(params).getUserTrades()) {
        if (!(t.getInstrument() instanceof CurrencyPair pair) || !instrument.equals(CexInstrument.of(pair))) continue;
        long time = millis(t.getTimestamp());
        if (t.getTimestamp() != null && time < since.toEpochMilli()) continue;
        out.add(new VenueFill(t.getId(), t.getOrderId(), t.getOrderUserReference(), instrument,
            OrderSide.of(t.getType()), t.getOriginalAmount(), t.getPrice(), t.getFeeAmount(),
            t.getFeeCurrency() == null ? null : t.getFeeCurrency().getCurrencyCode(), time));
      }
      return List.copyOf(out);
    });
  }

  /** The account's balances (all wallets the venue reports, merged by currency). */
  public CompletionStage<ReadOutcome<List<VenueBalance>>> balances() {
    return read("balances", () -> {
      List<VenueBalance> out = new ArrayList<>();
      for (Wallet w : exchange.getAccountService().getAccountInfo().getWallets().values()) {
        for (Balance b : w.getBalances().values()) {
          out.add(new VenueBalance(b.getCurrency().getCurrencyCode(), b.getTotal(), b.getAvailable()));
        }
      }
      return List.copyOf(out);
    });
  }

  // ---- plumbing ----------------------------------------------------------------------------------------------

  private <T> CompletionStage<ReadOutcome<T>> read(String what, Callable<T> call) {
    return attempt(what, call, 1);
  }

  private <T> CompletableFuture<ReadOutcome<T>> attempt(String what, Callable<T> call, int attempt) {
    Failure timedOut = new Failure(RejectReason.VENUE_ERROR, true,
        "no answer within " + calls.timeout().toMillis() + " ms");
    Failure queueFull = new Failure(RejectReason.NOT_SENT, true, "the " + name + " call queue is full");
    CompletableFuture<Attempt<T>> once = call(() -> readNow(call), () -> Attempt.failed(timedOut),
        Attempt.failed(queueFull));
    return once.thenCompose(a -> {
      if (a.failure() == null) return CompletableFuture.completedFuture(new ReadOutcome.Ok<>(a.value()));
      if (!a.failure().transientFailure() || attempt >= retry.attempts()) {
        return CompletableFuture.completedFuture(new ReadOutcome.Failed<>(
            what + " on " + name + " failed (attempt " + attempt + " of " + retry.attempts() + "): "
                + a.failure().message()));
      }
      Duration pause = retry.backoff(attempt);
      log.debug("{} on {} failed ({}), retry {} in {} ms", what, name, a.failure().message(), attempt,
          pause.toMillis());
      return CompletableFuture.supplyAsync(() -> null,
              CompletableFuture.delayedExecutor(pause.toMillis(), TimeUnit.MILLISECONDS))
          .thenCompose(ignored -> attempt(what, call, attempt + 1));
    });
  }

  private <T> Attempt<T> readNow(Callable<T> call) {
    try {
      if (!limiter.acquire(maxTokenWait)) {
        return Attempt.failed(new Failure(RejectReason.RATE_LIMITED, true, "no rate-limit token in time"));
      }
      return new Attempt<>(call.call(), null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Attempt.failed(new Failure(RejectReason.NOT_SENT, false, "interrupted"));
    } catch (Exception | LinkageError e) {
      return Attempt.failed(Failure.of(e));
    }
  }

  private record Attempt<T>(T value, Failure failure) {
    static <T> Attempt<T> failed(Failure f) {
      return new Attempt<>(null, f);
    }
  }

  /**
   * Runs a blocking call on the pool; the timeout answers for it if it hangs (the thread is left to finish). A call
   * still queued when its timeout answered is not made at all: nobody waits for it any more.
   */
  private <T> CompletableFuture<T> call(Supplier<T> blocking, Supplier<T> onTimeout, T onQueueFull) {
    CompletableFuture<T> result = new CompletableFuture<>();
    try {
      pool.execute(() -> {
        if (!result.isDone()) result.complete(blocking.get());
      });
    } catch (RejectedExecutionException e) {
      result.complete(onQueueFull);
      return result;
    }
    CompletableFuture.delayedExecutor(calls.timeout().toMillis(), TimeUnit.MILLISECONDS)
        .execute(() -> result.complete(onTimeout.get()));
    return result;
  }

  private static BigDecimal zeroIfNull(BigDecimal v) {
    return v == null ? BigDecimal.ZERO : v;
  }

  private static long millis(Date d) {
    return d == null ? 0L : d.getTime();
  }

  /** Stops taking calls; calls under way finish on their threads. */
  @Override
  public void close() {
    pool.shutdown();
  }

}

package io.strikeswarm.cex.venue;

import io.strikeswarm.cex.config.CallSettings;
import io.strikeswarm.cex.config.RateLimit;
import io.strikeswarm.cex.config.RetryPolicy;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.knowm.xchange.currency.Currency;
import org.knowm.xchange.dto.Order;
import org.knowm.xchange.dto.trade.LimitOrder;
import org.knowm.xchange.dto.trade.UserTrade;
import org.knowm.xchange.service.trade.params.DefaultTradeHistoryParamCurrencyPair;
import org.knowm.xchange.service.trade.params.orders.DefaultOpenOrdersParamCurrencyPair;
import org.knowm.xchange.simulated.AccountFactory;
import org.knowm.xchange.simulated.MatchingEngineFactory;
import org.knowm.xchange.simulated.SimulatedExchange;
import org.knowm.xchange.simulated.SimulatedExchangeOperationListener;

/**
 * One market on XChange's own matching engine (xchange-simulated), with accounts that trade against each other:
 * the bot's venue account and a counterparty that provides liquidity. Nothing here replaces a part of XChange; the
 * counterparty uses the engine's own API, and facts about the engine (orders, trades) are read through it.
 */
public final class SimMarket {
  public static final CexInstrument BTC_USD = CexInstrument.parse("BTC/USD");

  private final AccountFactory accounts = new AccountFactory();
  private final MatchingEngineFactory engines = new MatchingEngineFactory(accounts);

  public SimulatedExchange account(String apiKey) {
    return CexExchanges.simulated(engines, accounts, apiKey);
  }

  /** An account whose every operation first runs {@code listener} (XChange's own hook for injected faults). */
  public SimulatedExchange account(String apiKey, SimulatedExchangeOperationListener listener) {
    return CexExchanges.simulated(engines, accounts, apiKey, listener);
  }

  public void deposit(String apiKey, String currency, String amount) {
    account(apiKey).getAccountService().deposit(Currency.getInstance(currency), new BigDecimal(amount));
  }

  /** A resting order of another account, placed straight on the engine. */
  public String rest(String apiKey, OrderSide side, String quantity, String price) {
    return account(apiKey).getTradeService().placeLimitOrderUnrestricted(
        new LimitOrder.Builder(side.toOrderType(), BTC_USD.toCurrencyPair())
            .originalAmount(new BigDecimal(quantity)).limitPrice(new BigDecimal(price)).build());
  }

  /** What the engine holds for the account: its open orders. */
  public List<LimitOrder> openOrders(String apiKey) throws Exception {
    return account(apiKey).getTradeService()
        .getOpenOrders(new DefaultOpenOrdersParamCurrencyPair(BTC_USD.toCurrencyPair())).getOpenOrders();
  }

  /** Every trade the engine made for the account on BTC/USD. */
  public List<UserTrade> trades(String apiKey) throws Exception {
    return account(apiKey).getTradeService()
        .getTradeHistory(new DefaultTradeHistoryParamCurrencyPair(BTC_USD.toCurrencyPair())).getUserTrades();
  }

  /** Distinct venue orders of the account that ever traded or still rest on the book. */
  public long ordersEverSeen(String apiKey) throws Exception {
    return java.util.stream.Stream.concat(openOrders(apiKey).stream().map(Order::getId),
        trades(apiKey).stream().map(UserTrade::getOrderId)).distinct().count();
  }

  public CexVenue venue(String apiKey) {
    return venue(account(apiKey), fastCalls(), new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(40)),
        new RateLimit(1000, 1000, Duration.ofMillis(100)));
  }

  public static CexVenue venue(SimulatedExchange exchange, CallSettings calls, RetryPolicy retry, RateLimit limit) {
    return new CexVenue("simulated", exchange, false, calls, retry, TokenBucket.of(limit), limit.maxWait());
  }

  public static CallSettings fastCalls() {
    return new CallSettings(2, 16, Duration.ofSeconds(3), Duration.ofSeconds(1), Duration.ofSeconds(1));
  }

  public static <T> T await(java.util.concurrent.CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}

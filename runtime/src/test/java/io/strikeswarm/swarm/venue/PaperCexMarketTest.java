package io.strikeswarm.swarm.venue;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import io.strikeswarm.bots.domain.Bar;
import io.strikeswarm.cex.venue.CexExchanges;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchange.currency.CurrencyPair;
import org.knowm.xchange.dto.Order.OrderType;
import org.knowm.xchange.dto.trade.LimitOrder;
import org.knowm.xchange.service.trade.params.DefaultTradeHistoryParamCurrencyPair;
import org.knowm.xchange.simulated.AccountFactory;
import org.knowm.xchange.simulated.MatchingEngineFactory;
import org.knowm.xchange.service.trade.params.orders.DefaultOpenOrdersParamCurrencyPair;

/**
 * The paper market's liquidity: a bid and an ask around each close, moved without ever leaving a side empty (an order
 * sent in one step may reach the engine after the next step quoted) and without trading with itself.
 */
class PaperCexMarketTest {
  private final AccountFactory accounts = new AccountFactory();
  private final MatchingEngineFactory engines = new MatchingEngineFactory(accounts);
  private final String account = "paper-liquidity";
  private final PaperCexMarket market = new PaperCexMarket(ConfigFactory.load(),
      a -> CexExchanges.simulated(engines, accounts, a), account);

  @Test
  void quotes_follow_the_close_up_and_down_one_bid_and_one_ask_at_a_time_and_never_trade_with_each_other()
      throws Exception {
    market.quote(List.of(bar("BTC-USD", 1, "30000")));
    assertQuotes("29985", "30015");

    market.quote(List.of(bar("BTC-USD", 2, "31000"))); // the new bid is above the old ask
    assertQuotes("30984.5", "31015.5");

    market.quote(List.of(bar("BTC-USD", 3, "29000"))); // the new ask is below the old bid
    assertQuotes("28985.5", "29014.5");

    market.quote(List.of(bar("ETH-USD", 4, "2000"))); // BTC has no bar in this step: its quotes stay
    assertQuotes("28985.5", "29014.5");

    assertThat(CexExchanges.simulated(engines, accounts, account).getTradeService()
        .getTradeHistory(new DefaultTradeHistoryParamCurrencyPair(CurrencyPair.BTC_USD)).getUserTrades())
        .as("the liquidity account never met its own quotes").isEmpty();
  }

  private void assertQuotes(String bid, String ask) throws Exception {
    List<LimitOrder> open = CexExchanges.simulated(engines, accounts, account).getTradeService()
        .getOpenOrders(new DefaultOpenOrdersParamCurrencyPair(CurrencyPair.BTC_USD)).getOpenOrders();
    assertThat(open).filteredOn(o -> o.getType() == OrderType.BID).singleElement()
        .satisfies(o -> assertThat(o.getLimitPrice()).isEqualByComparingTo(bid));
    assertThat(open).filteredOn(o -> o.getType() == OrderType.ASK).singleElement()
        .satisfies(o -> assertThat(o.getLimitPrice()).isEqualByComparingTo(ask));
  }

  private static Bar bar(String instrument, int i, String close) {
    return Bar.of(instrument, 1_700_000_000_000L + i * 300_000L, close, close, close, close, "1");
  }
}

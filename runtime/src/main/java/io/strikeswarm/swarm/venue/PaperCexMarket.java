package io.strikeswarm.swarm.venue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.strikeswarm.bots.domain.Bar;
import io.strikeswarm.cex.config.CexSettings;
import io.strikeswarm.cex.venue.CexExchanges;
import io.strikeswarm.cex.venue.CexInstrument;
import io.strikeswarm.cex.venue.CexVenue;
import io.strikeswarm.cex.venue.RateLimiters;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;
import org.knowm.xchange.currency.Currency;
import org.knowm.xchange.dto.Order.OrderType;
import org.knowm.xchange.dto.trade.LimitOrder;
import org.knowm.xchange.simulated.SimulatedExchange;
import org.knowm.xchange.service.trade.params.DefaultCancelOrderParamId;

/**
 * The paper CEX market of a node: XChange's in-memory engine, an account per bot ({@code paper-<bot id>}, funded
 * once), and a liquidity account that quotes around each replayed bar's close so that the bots' market orders fill
 * near the price they decided on. Never touches a real exchange. Settings: {@code swarm.cex.paper} (cex.conf).
 */
public final class PaperCexMarket implements Extension {
  private static final String LIQUIDITY = "paper-liquidity";

  private final CexSettings settings;
  private final BigDecimal fundsUsd;
  private final BigDecimal halfSpread;
  private final BigDecimal depthUsd;
  private final int priceScale;
  private final BigDecimal minimumAmount;
  private final Map<String, CexVenue> venues = new ConcurrentHashMap<>();
  private final Map<String, SimulatedExchange> exchanges = new ConcurrentHashMap<>();
  private final Set<CexInstrument> listed = ConcurrentHashMap.newKeySet();
  private final List<String> quotes = new ArrayList<>();

  public static final class Id extends ExtensionId<PaperCexMarket> {
    @Override
    public PaperCexMarket createExtension(ActorSystem<?> system) {
      PaperCexMarket market = new PaperCexMarket(system.settings().config());
      system.getWhenTerminated().thenRun(market::close);
      return market;
    }
  }

  private static final Id ID = new Id();

  public static PaperCexMarket get(ActorSystem<?> system) {
    return ID.apply(system);
  }

  PaperCexMarket(Config config) {
    settings = CexSettings.load(config, Map.of());
    Config paper = config.withFallback(ConfigFactory.parseResources(CexSettings.DEFAULTS_RESOURCE)).resolve()
        .getConfig(CexSettings.ROOT + ".paper");
    fundsUsd = positive(paper, "funds-usd");
    halfSpread = positive(paper, "spread-bps").divide(BigDecimal.valueOf(20_000), 12, RoundingMode.HALF_EVEN);
    depthUsd = positive(paper, "depth-usd");
    priceScale = paper.getInt("price-scale");
    minimumAmount = positive(paper, "minimum-amount");
    SimulatedExchange liquidity = exchange(LIQUIDITY);
    liquidity.getAccountService().deposit(Currency.USD, depthUsd.multiply(BigDecimal.valueOf(1_000_000)));
  }

  /** The venue of one bot: its own paper account, funded when first used. */
  public CexVenue venueFor(String botId) {
    return venues.computeIfAbsent(botId, id -> {
      SimulatedExchange exchange = exchange("paper-" + id);
      exchange.getAccountService().deposit(Currency.USD, fundsUsd);
      return new CexVenue("simulated", exchange, false, settings.calls(), settings.retry(),
          RateLimiters.forKey("paper/" + id, settings.exchange().rateLimit()), settings.exchange().rateLimit().maxWait());
    });
  }

  /**
   * Replaces the liquidity account's quotes with a bid and an ask around the close of each instrument's last bar.
   * Called by the feed before the bots' orders of a step are sent.
   */
  public synchronized void quote(Collection<Bar> lastBars) {
    SimulatedExchange liquidity = exchange(LIQUIDITY);
    try {
      for (String id : quotes) liquidity.getTradeService().cancelOrder(new DefaultCancelOrderParamId(id));
      quotes.clear();
      for (Bar bar : lastBars) {
        CexInstrument instrument = CexInstrument.parse(CexOrderRoute.venueInstrument(bar.instrument()));
        list(instrument);
        BigDecimal close = bar.close();
        BigDecimal size = depthUsd.divide(close, 8, RoundingMode.DOWN);
        // Base inventory for the asks, topped up as the bots buy it away.
        BigDecimal base = liquidity.getAccountService().getAccountInfo().getWallet()
            .getBalance(Currency.getInstance(instrument.base())).getAvailable();
        if (base.compareTo(size) < 0) {
          liquidity.getAccountService().deposit(Currency.getInstance(instrument.base()), size.subtract(base));
        }
        BigDecimal bid = close.multiply(BigDecimal.ONE.subtract(halfSpread)).setScale(priceScale, RoundingMode.DOWN);
        BigDecimal ask = close.multiply(BigDecimal.ONE.add(halfSpread)).setScale(priceScale, RoundingMode.UP);
        quotes.add(liquidity.getTradeService().placeLimitOrder(new LimitOrder.Builder(OrderType.BID,
            instrument.toCurrencyPair()).originalAmount(size).limitPrice(bid).build()));
        quotes.add(liquidity.getTradeService().placeLimitOrder(new LimitOrder.Builder(OrderType.ASK,
            instrument.toCurrencyPair()).originalAmount(size).limitPrice(ask).build()));
      }
    } catch (IOException e) {
      throw new IllegalStateException("paper market could not quote: " + e.getMessage(), e);
    }
  }

  private void list(CexInstrument instrument) {
    if (listed.add(instrument)) {
      exchanges.values().forEach(e -> CexExchanges.listInstruments(e, List.of(instrument), priceScale, minimumAmount));
    }
  }

  private SimulatedExchange exchange(String account) {
    return exchanges.computeIfAbsent(account, a -> {
      SimulatedExchange e = CexExchanges.paper(a);
      CexExchanges.listInstruments(e, listed, priceScale, minimumAmount);
      return e;
    });
  }

  private void close() {
    venues.values().forEach(CexVenue::close);
  }

  private static BigDecimal positive(Config c, String key) {
    BigDecimal v = new BigDecimal(c.getString(key));
    if (v.signum() <= 0) throw new IllegalArgumentException(CexSettings.ROOT + ".paper." + key + " must be > 0, got " + v);
    return v;
  }
}

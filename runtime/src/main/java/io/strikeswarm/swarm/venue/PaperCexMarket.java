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
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
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
  private final Function<String, SimulatedExchange> accounts;
  private final String liquidityAccount;

  private final CexSettings settings;
  private final BigDecimal fundsUsd;
  private final BigDecimal halfSpread;
  private final BigDecimal depthUsd;
  private final int priceScale;
  private final BigDecimal minimumAmount;
  private final Map<String, CexVenue> venues = new ConcurrentHashMap<>();
  private final Map<String, SimulatedExchange> exchanges = new ConcurrentHashMap<>();
  private final Set<CexInstrument> listed = ConcurrentHashMap.newKeySet();
  /** The liquidity account's resting quotes, by instrument. */
  private final Map<CexInstrument, Quotes> quotes = new HashMap<>();

  private record Quotes(String bidId, String askId, BigDecimal ask) {}

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
    this(config, CexExchanges::paper, "paper-liquidity");
  }

  /** On the engine {@code accounts} opens accounts of (tests: an engine of their own, not the JVM's paper engine). */
  PaperCexMarket(Config config, Function<String, SimulatedExchange> accounts, String liquidityAccount) {
    this.accounts = accounts;
    this.liquidityAccount = liquidityAccount;
    settings = CexSettings.load(config, Map.of());
    Config paper = config.withFallback(ConfigFactory.parseResources(CexSettings.DEFAULTS_RESOURCE)).resolve()
        .getConfig(CexSettings.ROOT + ".paper");
    fundsUsd = positive(paper, "funds-usd");
    halfSpread = positive(paper, "spread-bps").divide(BigDecimal.valueOf(20_000), 12, RoundingMode.HALF_EVEN);
    depthUsd = positive(paper, "depth-usd");
    priceScale = paper.getInt("price-scale");
    minimumAmount = positive(paper, "minimum-amount");
    SimulatedExchange liquidity = exchange(liquidityAccount);
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
   * Moves the liquidity account's quotes to a bid and an ask around the close of each instrument's last bar. Called
   * by the feed before the bots' orders of a step are sent. An order sent in one step may reach the engine after the
   * next step has quoted, so the book is never left empty: an instrument's new quotes are placed before its old ones
   * are cancelled, and an instrument without a bar in the step keeps its quotes.
   */
  public synchronized void quote(Collection<Bar> lastBars) {
    SimulatedExchange liquidity = exchange(liquidityAccount);
    try {
      for (Bar bar : lastBars) {
        CexInstrument instrument = CexInstrument.parse(CexOrderRoute.venueInstrument(bar.instrument()));
        list(instrument);
        BigDecimal close = bar.close();
        BigDecimal size = depthUsd.divide(close, 8, RoundingMode.DOWN);
        // Base inventory for the asks, topped up as the bots buy it away (old and new asks rest together a moment).
        BigDecimal base = liquidity.getAccountService().getAccountInfo().getWallet()
            .getBalance(Currency.getInstance(instrument.base())).getAvailable();
        if (base.compareTo(size) < 0) {
          liquidity.getAccountService().deposit(Currency.getInstance(instrument.base()), size.subtract(base));
        }
        BigDecimal bid = close.multiply(BigDecimal.ONE.subtract(halfSpread)).setScale(priceScale, RoundingMode.DOWN);
        BigDecimal ask = close.multiply(BigDecimal.ONE.add(halfSpread)).setScale(priceScale, RoundingMode.UP);
        Quotes old = quotes.get(instrument);
        // The side the price moves away from is replaced first, so the account's new quote never meets its own old
        // one and each side always has a quote resting.
        boolean rising = old == null || ask.compareTo(old.ask()) > 0;
        String askId;
        String bidId;
        if (rising) {
          askId = place(liquidity, instrument, OrderType.ASK, size, ask);
          if (old != null) cancel(liquidity, old.askId());
          bidId = place(liquidity, instrument, OrderType.BID, size, bid);
          if (old != null) cancel(liquidity, old.bidId());
        } else {
          bidId = place(liquidity, instrument, OrderType.BID, size, bid);
          cancel(liquidity, old.bidId());
          askId = place(liquidity, instrument, OrderType.ASK, size, ask);
          cancel(liquidity, old.askId());
        }
        quotes.put(instrument, new Quotes(bidId, askId, ask));
      }
    } catch (IOException e) {
      throw new IllegalStateException("paper market could not quote: " + e.getMessage(), e);
    }
  }

  private static String place(SimulatedExchange account, CexInstrument instrument, OrderType type, BigDecimal size,
      BigDecimal price) throws IOException {
    return account.getTradeService().placeLimitOrder(new LimitOrder.Builder(type, instrument.toCurrencyPair())
        .originalAmount(size).limitPrice(price).build());
  }

  private static void cancel(SimulatedExchange account, String id) throws IOException {
    account.getTradeService().cancelOrder(new DefaultCancelOrderParamId(id));
  }

  private void list(CexInstrument instrument) {
    if (listed.add(instrument)) {
      exchanges.values().forEach(e -> CexExchanges.listInstruments(e, List.of(instrument), priceScale, minimumAmount));
    }
  }

  private SimulatedExchange exchange(String account) {
    return exchanges.computeIfAbsent(account, a -> {
      SimulatedExchange e = accounts.apply(a);
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

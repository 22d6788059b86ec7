package io.strikeswarm.cex.venue;

import io.strikeswarm.cex.config.ApiCredentials;
import io.strikeswarm.cex.config.CexConfigException;
import io.strikeswarm.cex.config.CexSettings;
import io.strikeswarm.cex.config.ExchangeProfile;
import io.strikeswarm.cex.config.TradingMode;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import org.knowm.xchange.Exchange;
import org.knowm.xchange.ExchangeFactory;
import org.knowm.xchange.ExchangeSpecification;
import org.knowm.xchange.dto.meta.InstrumentMetaData;
import org.knowm.xchange.simulated.AccountFactory;
import org.knowm.xchange.simulated.MatchingEngineFactory;
import org.knowm.xchange.simulated.SimulatedExchange;
import org.knowm.xchange.simulated.SimulatedExchangeOperationListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the XChange {@link Exchange} and the {@link CexVenue} that settings call for. Paper mode always builds
 * XChange's in-memory engine, whatever exchange is configured: a real exchange client is built only in live mode
 * with keys.
 */
public final class CexExchanges {
  private static final Logger log = LoggerFactory.getLogger(CexExchanges.class);

  /** The one paper market of this JVM: every paper account trades on the same books. */
  private static final AccountFactory PAPER_ACCOUNTS = new AccountFactory();
  private static final MatchingEngineFactory PAPER_ENGINES = new MatchingEngineFactory(PAPER_ACCOUNTS);

  private CexExchanges() {}

  /** The venue adapter of the settings' account, with the key's shared rate limiter. */
  public static CexVenue venue(CexSettings settings) {
    Exchange exchange = exchange(settings);
    ExchangeProfile p = settings.exchange();
    boolean echoes = settings.mode() == TradingMode.LIVE && p.echoesClientIds();
    return new CexVenue(p.name(), exchange, echoes, settings.calls(), settings.retry(),
        RateLimiters.forKey(settings.limiterKey(), p.rateLimit()), p.rateLimit().maxWait());
  }

  public static Exchange exchange(CexSettings settings) {
    if (!settings.reachesRealExchange()) return paper("paper-" + settings.account());
    return live(settings.exchange(), settings.sandbox(), settings.credentials().orElseThrow(), settings);
  }

  /** An account on this JVM's paper market (XChange's engine): every paper account trades on the same books. */
  public static SimulatedExchange paper(String account) {
    return simulated(PAPER_ENGINES, PAPER_ACCOUNTS, account);
  }

  /**
   * XChange's matching engine for one account (the API key names the account); exchanges built on the same
   * factories trade on the same books, which is how a test puts a counterparty in front of a bot.
   */
  public static SimulatedExchange simulated(MatchingEngineFactory engines, AccountFactory accounts, String apiKey) {
    return simulated(engines, accounts, apiKey, () -> {});
  }

  /**
   * As {@link #simulated(MatchingEngineFactory, AccountFactory, String)}, with XChange's own hook run before every
   * operation of this account (the engine's way to inject delays and failures).
   */
  public static SimulatedExchange simulated(MatchingEngineFactory engines, AccountFactory accounts, String apiKey,
      SimulatedExchangeOperationListener onOperation) {
    ExchangeSpecification spec = new ExchangeSpecification(SimulatedExchange.class);
    spec.setApiKey(apiKey);
    spec.setExchangeSpecificParametersItem(SimulatedExchange.ENGINE_FACTORY_PARAM, engines);
    spec.setExchangeSpecificParametersItem(SimulatedExchange.ACCOUNT_FACTORY_PARAM, accounts);
    spec.setExchangeSpecificParametersItem(SimulatedExchange.ON_OPERATION_PARAM, onOperation);
    // remoteInit() of the simulated exchange resets the account's balances of every listed currency to zero, so a
    // second adapter on the same account would wipe its funds: never run it.
    spec.setShouldLoadRemoteMetaData(false);
    return (SimulatedExchange) ExchangeFactory.INSTANCE.createExchange(spec);
  }

  /**
   * Lets the simulated engine trade more pairs than the BTC/USD its metadata ships with; prices may have at most
   * {@code priceScale} decimals, amounts must be at least {@code minimumAmount}.
   */
  public static void listInstruments(Exchange simulated, Collection<CexInstrument> instruments, int priceScale,
      BigDecimal minimumAmount) {
    for (CexInstrument i : instruments) {
      simulated.getExchangeMetaData().getInstruments().putIfAbsent(i.toCurrencyPair(),
          new InstrumentMetaData.Builder().priceScale(priceScale).minimumAmount(minimumAmount).build());
    }
  }

  private static Exchange live(ExchangeProfile p, boolean sandbox, ApiCredentials keys, CexSettings settings) {
    Class<? extends Exchange> type = exchangeClass(p);
    Exchange exchange = ExchangeFactory.INSTANCE.createExchangeWithoutSpecification(type);
    // The exchange's own default specification carries the parameters its sandbox switch depends on (Binance's
    // exchange type, Bybit's Use_Sandbox null check); a bare specification would silently mean production.
    ExchangeSpecification spec = exchange.getDefaultExchangeSpecification();
    Map<String, Object> params = sandbox ? p.sandboxParameters().orElseThrow() : p.productionParameters();
    params.forEach(spec::setExchangeSpecificParametersItem);
    spec.setApiKey(keys.apiKey().revealForSigning());
    spec.setSecretKey(keys.secret().revealForSigning());
    keys.passphrase().ifPresent(pass -> spec.setExchangeSpecificParametersItem("passphrase",
        pass.revealForSigning()));
    spec.setHttpConnTimeout((int) settings.calls().httpConnectTimeout().toMillis());
    spec.setHttpReadTimeout((int) settings.calls().httpReadTimeout().toMillis());
    exchange.applySpecification(spec);
    log.warn("LIVE trading on {} ({}) at {} with key {}", p.name(), sandbox ? "sandbox" : "PRODUCTION",
        exchange.getExchangeSpecification().getSslUri(), keys.fingerprint());
    return exchange;
  }

  private static Class<? extends Exchange> exchangeClass(ExchangeProfile p) {
    String setting = CexSettings.ROOT + ".exchange";
    Class<?> type;
    try {
      type = Class.forName(p.exchangeClass());
    } catch (ClassNotFoundException e) {
      throw new CexConfigException(setting, "class " + p.exchangeClass() + " is not on the classpath"
          + (p.mavenModule().isEmpty() ? "" : "; add the Maven dependency " + p.mavenModule()));
    }
    if (!Exchange.class.isAssignableFrom(type)) {
      throw new CexConfigException(setting, p.exchangeClass() + " is not an org.knowm.xchange.Exchange");
    }
    return type.asSubclass(Exchange.class);
  }
}

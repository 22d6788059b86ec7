package io.strikeswarm.swarm.market;

import java.util.List;
import java.util.Optional;

/**
 * The built-in data sets: real exchange data from the {@code org.ta4j:ta4j-examples} jar, read as classpath
 * resources only (that jar's classes target a newer Java and must never be loaded).
 */
final class Builtins {
  enum Format { TRADES_CSV, OHLC_JSON }

  record Entry(BuiltinSet set, String resource, Format format) {}

  private static final List<Entry> ENTRIES = List.of(
      new Entry(new BuiltinSet("bitstamp-btcusd-2013", "BTC-USD",
          "100,000 Bitstamp BTC/USD trades, 2013-11-25 to 2013-12-01, aggregated into --bar bars (default 5m)"),
          "bitstamp_trades_from_20131125_usd.csv", Format.TRADES_CSV),
      new Entry(new BuiltinSet("binanceus-ethusd-5m-2023", "ETH-USD",
          "580 Binance.US ETH/USD 5-minute bars, 2023-03-13 to 2023-03-15"),
          "ETH-USD-PT5M-2023-3-13_2023-3-15.json", Format.OHLC_JSON));

  private Builtins() {}

  static List<BuiltinSet> sets() {
    return ENTRIES.stream().map(Entry::set).toList();
  }

  static Optional<Entry> named(String name) {
    return ENTRIES.stream().filter(e -> e.set().name().equals(name)).findFirst();
  }

  static String knownNames() {
    return String.join(", ", ENTRIES.stream().map(e -> e.set().spec()).toList());
  }
}

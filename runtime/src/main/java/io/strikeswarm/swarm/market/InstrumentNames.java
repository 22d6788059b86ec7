package io.strikeswarm.swarm.market;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Names the instrument of a file that does not name it itself, from pairs its file name commonly carries
 * ({@code bitstamp_btcusd_1m.csv} holds BTC-USD, {@code ethusdt.csv} ETH-USDT, {@code ltc-usd.csv} LTC-USD).
 */
final class InstrumentNames {
  // Longest first, so "ethusdt" is ETH-USDT and not ETHU-SDT or ETH-USD plus a stray T.
  private static final List<String> QUOTES = List.of("usdt", "usdc", "busd", "usd", "eur", "gbp", "jpy", "btc", "eth");
  // Tickers are 3-5 letters; insisting on that keeps ordinary words ("teeth", "bitstamp") from reading as pairs.
  private static final Pattern BASE = Pattern.compile("[a-z]{3,5}");
  private static final Pattern TOKEN_SEPARATORS = Pattern.compile("[^A-Za-z0-9]+");

  private InstrumentNames() {}

  static String fromFileName(String fileName) {
    String stem = stem(fileName);
    return pairIn(stem).orElse(stem.toUpperCase(Locale.ROOT));
  }

  static Optional<String> pairIn(String stem) {
    List<String> tokens = List.of(TOKEN_SEPARATORS.split(stem.toLowerCase(Locale.ROOT)));
    for (int i = 0; i < tokens.size(); i++) {
      String token = tokens.get(i);
      for (String quote : QUOTES) {
        String base = token.endsWith(quote) ? token.substring(0, token.length() - quote.length()) : "";
        if (BASE.matcher(base).matches()) return Optional.of(pair(base, quote));
      }
      if (i + 1 < tokens.size() && BASE.matcher(token).matches() && QUOTES.contains(tokens.get(i + 1))) {
        return Optional.of(pair(token, tokens.get(i + 1)));
      }
    }
    return Optional.empty();
  }

  private static String pair(String base, String quote) {
    return (base + "-" + quote).toUpperCase(Locale.ROOT);
  }

  private static String stem(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot > 0 ? fileName.substring(0, dot) : fileName;
  }
}

package io.strikeswarm.swarm.market;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The operator's choices for one load.
 *
 * @param bar         {@code --bar}: the bar period wanted (bars are resampled to it, trades aggregated into it)
 * @param symbol      {@code --symbol}: keep only this instrument (matched ignoring case)
 * @param skipBadRows skip and count invalid rows instead of failing the load at the first one
 * @param flashGuard  {@code --flash-guard}: how flash prints are screened (default: flagged and counted, traded on)
 */
public record LoadOptions(Optional<Duration> bar, Optional<String> symbol, boolean skipBadRows,
    FlashGuardSettings flashGuard) {

  /** The bar period trades are aggregated into when {@code --bar} is not given. */
  public static final Duration DEFAULT_TRADE_BAR = Duration.ofMinutes(5);

  private static final Map<String, Duration> BARS = bars();

  public LoadOptions {
    Objects.requireNonNull(bar, "bar");
    Objects.requireNonNull(flashGuard, "flashGuard");
    Objects.requireNonNull(symbol, "symbol");
    bar.ifPresent(b -> {
      // Bars are stamped in whole epoch milliseconds, so a period must be one too.
      if (b.isNegative() || b.isZero() || b.toNanos() % 1_000_000 != 0) {
        throw new IllegalArgumentException("bar period must be a positive whole number of milliseconds, got " + b);
      }
    });
    symbol.ifPresent(s -> {
      if (s.isBlank()) throw new IllegalArgumentException("symbol must not be blank");
    });
  }

  /** The default flash-print screening ({@link FlashGuardSettings#DEFAULT}). */
  public LoadOptions(Optional<Duration> bar, Optional<String> symbol, boolean skipBadRows) {
    this(bar, symbol, skipBadRows, FlashGuardSettings.DEFAULT);
  }

  public static LoadOptions defaults() {
    return new LoadOptions(Optional.empty(), Optional.empty(), false);
  }

  public LoadOptions withBar(Duration newBar) {
    return new LoadOptions(Optional.of(newBar), symbol, skipBadRows, flashGuard);
  }

  public LoadOptions withSymbol(String newSymbol) {
    return new LoadOptions(bar, Optional.of(newSymbol), skipBadRows, flashGuard);
  }

  public LoadOptions withSkipBadRows(boolean skip) {
    return new LoadOptions(bar, symbol, skip, flashGuard);
  }

  public LoadOptions withFlashGuard(FlashGuardSettings guard) {
    return new LoadOptions(bar, symbol, skipBadRows, guard);
  }

  /** Reads an operator's {@code --bar} value: one of 1m, 5m, 15m, 1h, 4h, 1d. */
  public static Duration parseBar(String text) {
    Duration bar = text == null ? null : BARS.get(text.strip());
    if (bar == null) {
      throw new IllegalArgumentException(
          "unsupported bar '" + text + "': use one of " + String.join(", ", BARS.keySet()));
    }
    return bar;
  }

  private static Map<String, Duration> bars() {
    Map<String, Duration> bars = new LinkedHashMap<>();
    bars.put("1m", Duration.ofMinutes(1));
    bars.put("5m", Duration.ofMinutes(5));
    bars.put("15m", Duration.ofMinutes(15));
    bars.put("1h", Duration.ofHours(1));
    bars.put("4h", Duration.ofHours(4));
    bars.put("1d", Duration.ofDays(1));
    return Collections.unmodifiableMap(bars);
  }
}

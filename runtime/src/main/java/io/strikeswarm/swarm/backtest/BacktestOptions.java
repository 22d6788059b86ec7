package io.strikeswarm.swarm.backtest;

import io.strikeswarm.bots.domain.FillTiming;
import io.strikeswarm.swarm.market.FlashGuardSettings;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What one backtest runs: the data, the swarm's shape, costs, fills, leverage and risk mode. Empty optionals keep
 * the configured swarm's value (swarm.conf). {@link #validate()} names the option that is wrong.
 */
public record BacktestOptions(
    List<String> data,
    Optional<String> symbol,
    Optional<String> bar,
    Optional<Integer> longBots,
    Optional<Integer> shortBots,
    Optional<StrategyChoice> strategy,
    Optional<BigDecimal> capital,
    Optional<BigDecimal> feesBps,
    Optional<BigDecimal> slippageBps,
    Optional<FillTiming> fill,
    Optional<BigDecimal> leverage,
    boolean riskOff,
    Optional<Path> report,
    boolean skipBadRows,
    int stepBars,
    FlashGuardSettings flashGuard) {

  /** With the default flash-print screening (flagged and counted, traded on). */
  public BacktestOptions(List<String> data, Optional<String> symbol, Optional<String> bar, Optional<Integer> longBots,
      Optional<Integer> shortBots, Optional<StrategyChoice> strategy, Optional<BigDecimal> capital,
      Optional<BigDecimal> feesBps, Optional<BigDecimal> slippageBps, Optional<FillTiming> fill,
      Optional<BigDecimal> leverage, boolean riskOff, Optional<Path> report, boolean skipBadRows, int stepBars) {
    this(data, symbol, bar, longBots, shortBots, strategy, capital, feesBps, slippageBps, fill, leverage, riskOff, report,
        skipBadRows, stepBars, FlashGuardSettings.DEFAULT);
  }

  public static final List<String> DEFAULT_DATA =
      List.of("builtin:bitstamp-btcusd-2013", "builtin:binanceus-ethusd-5m-2023");

  /** One strategy for every bot: {@code NAME[:k=v,...]}. */
  public record StrategyChoice(String name, Map<String, String> parameters) {
    public static StrategyChoice parse(String text) {
      String trimmed = text.trim();
      int colon = trimmed.indexOf(':');
      String name = colon < 0 ? trimmed : trimmed.substring(0, colon).trim();
      if (name.isEmpty()) throw new IllegalArgumentException("--strategy: a strategy name is missing in '" + text + "'");
      Map<String, String> parameters = new TreeMap<>();
      if (colon >= 0) {
        for (String pair : trimmed.substring(colon + 1).split(",")) {
          if (pair.isBlank()) continue;
          int eq = pair.indexOf('=');
          if (eq <= 0 || eq == pair.length() - 1) {
            throw new IllegalArgumentException("--strategy: '" + pair.trim() + "' is not key=value (in '" + text + "')");
          }
          parameters.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
      }
      return new StrategyChoice(name, parameters);
    }
  }

  /** Parses {@code long=N,short=N} (either may be left out). */
  public static int[] parseBots(String text) {
    Integer longBots = null;
    Integer shortBots = null;
    for (String pair : text.split(",")) {
      String[] kv = pair.split("=", 2);
      if (kv.length != 2) throw new IllegalArgumentException("--bots: expected long=N,short=N, got '" + text + "'");
      int n;
      try {
        n = Integer.parseInt(kv[1].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--bots: '" + kv[1].trim() + "' is not a whole number");
      }
      if (n < 0 || n > 99) throw new IllegalArgumentException("--bots: " + kv[0].trim() + " must be in [0, 99], got " + n);
      switch (kv[0].trim()) {
        case "long" -> longBots = n;
        case "short" -> shortBots = n;
        default -> throw new IllegalArgumentException("--bots: unknown diamond '" + kv[0].trim() + "' (long, short)");
      }
    }
    return new int[] {longBots == null ? -1 : longBots, shortBots == null ? -1 : shortBots};
  }

  public BacktestOptions validate() {
    if (data.isEmpty()) throw new IllegalArgumentException("--data: at least one data set is needed");
    capital.ifPresent(c -> {
      if (c.signum() <= 0) throw new IllegalArgumentException("--capital must be > 0, got " + c.toPlainString());
    });
    feesBps.ifPresent(f -> bps("--fees-bps", f));
    slippageBps.ifPresent(s -> bps("--slippage-bps", s));
    leverage.ifPresent(l -> {
      if (l.compareTo(BigDecimal.ONE) < 0 || l.compareTo(BigDecimal.valueOf(5)) > 0) {
        throw new IllegalArgumentException("--leverage must be in [1, 5], got " + l.toPlainString());
      }
    });
    if (longBots.orElse(0) + shortBots.orElse(0) == 0 && longBots.isPresent() && shortBots.isPresent()) {
      throw new IllegalArgumentException("--bots: at least one bot is needed");
    }
    if (stepBars < 1) throw new IllegalArgumentException("--step must be >= 1, got " + stepBars);
    if (flashGuard == null) throw new IllegalArgumentException("--flash-guard: missing");
    return this;
  }

  private static void bps(String option, BigDecimal value) {
    if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(1000)) > 0) {
      throw new IllegalArgumentException(option + " must be in [0, 1000], got " + value.toPlainString());
    }
  }
}

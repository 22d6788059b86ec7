package io.strikeswarm.bots.strategy;

import io.strikeswarm.bots.domain.Side;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * The strategies a bot can be configured with, by name, and the checks on their parameters. A bad name or
 * parameter is an {@link IllegalArgumentException} whose message names it, so configuration errors stop start-up
 * with one clear line and commands are rejected with a reason.
 */
public final class StrategyCatalog {
  /** Sizing parameter every strategy accepts: the share of equity one entry commits, in (0, 1]. */
  public static final String FRACTION = "fraction";

  private static final Map<String, BiFunction<Parameters, Side, Strategy>> FACTORIES = new TreeMap<>(Map.of(
      "sma-cross", (p, side) -> new SmaCrossStrategy(p.positiveInt("short", 10), p.positiveInt("long", 30), side)));

  private static final Map<String, Set<String>> KNOWN_PARAMETERS = Map.of(
      "sma-cross", Set.of("short", "long", FRACTION));

  private StrategyCatalog() {}

  public static Set<String> names() {
    return new TreeSet<>(FACTORIES.keySet());
  }

  public static Strategy create(String name, Map<String, String> parameters, Side side) {
    var factory = FACTORIES.get(name);
    if (factory == null) {
      throw new IllegalArgumentException("unknown strategy '" + name + "' (known: " + String.join(", ", names()) + ")");
    }
    for (String key : parameters.keySet()) {
      if (!KNOWN_PARAMETERS.get(name).contains(key)) {
        throw new IllegalArgumentException("strategy '" + name + "': unknown parameter '" + key + "' (known: "
            + String.join(", ", new TreeSet<>(KNOWN_PARAMETERS.get(name))) + ")");
      }
    }
    Parameters p = new Parameters(name, parameters);
    p.fraction();
    try {
      return factory.apply(p, side);
    } catch (IllegalArgumentException e) {
      throw e.getMessage().startsWith("strategy '") ? e
          : new IllegalArgumentException("strategy '" + name + "': " + e.getMessage(), e);
    }
  }

  /** The share of equity an entry commits: parameter {@value #FRACTION}, default 0.95. */
  public static BigDecimal fraction(Map<String, String> parameters) {
    return new Parameters("", parameters).fraction();
  }

  private record Parameters(String strategy, Map<String, String> values) {
    int positiveInt(String key, int fallback) {
      String raw = values.get(key);
      if (raw == null) return fallback;
      try {
        int v = Integer.parseInt(raw.trim());
        if (v < 1) throw new IllegalArgumentException();
        return v;
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("strategy '" + strategy + "': parameter '" + key
            + "' must be a positive integer, got '" + raw + "'");
      }
    }

    BigDecimal fraction() {
      String raw = values.get(FRACTION);
      if (raw == null) return new BigDecimal("0.95");
      try {
        BigDecimal v = new BigDecimal(raw.trim());
        if (v.signum() <= 0 || v.compareTo(BigDecimal.ONE) > 0) throw new NumberFormatException();
        return v;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("strategy '" + strategy + "': parameter '" + FRACTION
            + "' must be a number in (0, 1], got '" + raw + "'");
      }
    }
  }
}

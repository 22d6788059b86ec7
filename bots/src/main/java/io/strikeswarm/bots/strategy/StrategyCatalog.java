package io.strikeswarm.bots.strategy;

import io.strikeswarm.bots.domain.Side;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The strategies a bot can be configured with, by name, and the checks on their parameters. Any bad name or
 * parameter is an {@link IllegalArgumentException} whose message names it, so a configuration error stops
 * start-up with one clear line and a command is rejected with a reason.
 *
 * <p>Parameters are text (they come from configuration files and commands); a missing one takes its default, so
 * {@link Strategy#parameters()} always lists all of them.
 */
public final class StrategyCatalog {

  private interface Factory {
    Strategy create(Parameters parameters, Side side);
  }

  private record Entry(Map<String, String> defaults, Factory factory) {}

  private static final Map<String, Entry> ENTRIES = new TreeMap<>(Map.of(
      SmaCrossStrategy.NAME, new Entry(SmaCrossStrategy.DEFAULTS, SmaCrossStrategy::from),
      MomentumStrategy.NAME, new Entry(MomentumStrategy.DEFAULTS, MomentumStrategy::from),
      MeanReversionStrategy.NAME, new Entry(MeanReversionStrategy.DEFAULTS, MeanReversionStrategy::from),
      BreakoutStrategy.NAME, new Entry(BreakoutStrategy.DEFAULTS, BreakoutStrategy::from)));

  private StrategyCatalog() {}

  /** The known strategy names, sorted. */
  public static Set<String> names() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(ENTRIES.keySet()));
  }

  /**
   * The strategy {@code name} with {@code parameters} (missing ones take their defaults) trading {@code side}.
   *
   * @throws IllegalArgumentException for an unknown name, an unknown parameter, or a value the strategy cannot
   *     take; the message says which and, for a value, what it must be and what it was.
   */
  public static Strategy create(String name, Map<String, String> parameters, Side side) {
    Objects.requireNonNull(parameters, "parameters");
    Objects.requireNonNull(side, "side");
    Entry entry = name == null ? null : ENTRIES.get(name);
    if (entry == null) {
      throw new IllegalArgumentException("unknown strategy '" + name + "' (known: " + String.join(", ", names()) + ")");
    }
    SortedSet<String> known = new TreeSet<>(entry.defaults().keySet());
    for (String key : new TreeSet<>(parameters.keySet())) {
      if (!known.contains(key)) {
        throw new IllegalArgumentException("strategy '" + name + "': unknown parameter '" + key + "' (known: "
            + String.join(", ", known) + ")");
      }
    }
    Map<String, String> raw = new HashMap<>(entry.defaults());
    raw.putAll(parameters);
    try {
      return entry.factory().create(new Parameters(name, raw), side);
    } catch (BadParameter e) {
      // The strategy's constructor saw a parsed number; say what the user actually wrote.
      throw e.got(raw.get(e.key()));
    }
  }

  /** One line for logs and reports: the name and every parameter in use, sorted, e.g. sma-cross(long=30,short=10). */
  public static String describe(Strategy strategy) {
    return strategy.name() + strategy.parameters().entrySet().stream()
        .map(p -> p.getKey() + "=" + p.getValue())
        .collect(Collectors.joining(",", "(", ")"));
  }
}

package io.strikeswarm.master.diamond;

import io.strikeswarm.bots.domain.BotConfig;
import io.strikeswarm.master.capital.ConfigError;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An operator's change of a bot's strategy parameters, checked against the strategy catalog before anything is
 * written. Pure. The change is merged over the parameters the bot has (or is about to have), and the merged config
 * must build the strategy; a refusal is a {@link ConfigError} naming the parameter, e.g.
 * {@code parameters.short: must be a whole number from 1 to 1000, got '0'}.
 */
public final class ParameterChange {
  // The catalog's messages name the parameter in a fixed form; turn them into "parameters.<name>: ..." so an API
  // can point at the field. Anything else keeps the catalog's own words under "parameters".
  private static final Pattern BAD_VALUE = Pattern.compile("^strategy '([^']*)': parameter '([^']+)' (must be .*)$",
      Pattern.DOTALL);
  private static final Pattern UNKNOWN = Pattern.compile("^strategy '([^']*)': unknown parameter '([^']+)' (.*)$",
      Pattern.DOTALL);

  private ParameterChange() {}

  /** {@code current} with {@code changes} over its parameters, validated as a whole. */
  public static BotConfig merge(BotConfig current, Map<String, String> changes) {
    if (changes == null) throw new ConfigError("parameters", "are missing");
    if (changes.isEmpty()) throw new ConfigError("parameters", "name at least one parameter to change");
    Map<String, String> merged = new TreeMap<>(current.parameters());
    for (Map.Entry<String, String> e : changes.entrySet()) {
      if (e.getKey() == null || e.getKey().isBlank()) {
        throw new ConfigError("parameters", "a parameter name must not be blank");
      }
      if (e.getValue() == null || e.getValue().isBlank()) {
        throw new ConfigError("parameters." + e.getKey(), "must not be blank");
      }
      merged.put(e.getKey(), e.getValue());
    }
    BotConfig next = current.withParameters(merged);
    try {
      next.validate();
    } catch (IllegalArgumentException e) {
      throw named(e.getMessage());
    }
    return next;
  }

  private static ConfigError named(String message) {
    Matcher bad = BAD_VALUE.matcher(message);
    if (bad.matches()) return new ConfigError("parameters." + bad.group(2), bad.group(3));
    Matcher unknown = UNKNOWN.matcher(message);
    if (unknown.matches()) {
      return new ConfigError("parameters." + unknown.group(2), "is not a parameter of strategy '" + unknown.group(1)
          + "' " + unknown.group(3));
    }
    return new ConfigError("parameters", message);
  }
}

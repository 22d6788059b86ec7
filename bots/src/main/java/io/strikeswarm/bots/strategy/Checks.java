package io.strikeswarm.bots.strategy;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The range checks the strategy records run in their constructors, so a strategy cannot exist with values its
 * indicators cannot work with, however it is built. Every check is written so that NaN fails it.
 */
final class Checks {
  /**
   * Longest window any parameter may ask for. The bot keeps at least four times a strategy's unstable bars in its
   * series, so an unbounded window would be an unbounded amount of memory per bot.
   */
  static final int MAX_WINDOW = 1000;

  private Checks() {}

  /** A window of at least {@code min} bars and at most {@link #MAX_WINDOW}. */
  static void window(String strategy, String key, int value, int min) {
    if (value < min || value > MAX_WINDOW) {
      throw new BadParameter(strategy, key, "a whole number from " + min + " to " + MAX_WINDOW, String.valueOf(value));
    }
  }

  /** A window longer than another parameter's window, and at most {@link #MAX_WINDOW}. */
  static void windowAbove(String strategy, String key, int value, String otherKey, int other) {
    if (value <= other || value > MAX_WINDOW) {
      throw new BadParameter(strategy, key,
          "a whole number greater than " + otherKey + " (" + other + ") and at most " + MAX_WINDOW,
          String.valueOf(value));
    }
  }

  static void positive(String strategy, String key, double value) {
    if (!(value > 0 && Double.isFinite(value))) {
      throw new BadParameter(strategy, key, "a finite number greater than 0", String.valueOf(value));
    }
  }

  static void notNegative(String strategy, String key, double value) {
    if (!(value >= 0 && Double.isFinite(value))) {
      throw new BadParameter(strategy, key, "a finite number of at least 0", String.valueOf(value));
    }
  }

  /** Strictly between two bounds; {@code range} says what they are, e.g. "greater than 0 and less than 100". */
  static void between(String strategy, String key, double value, double low, double high, String range) {
    if (!(value > low && value < high)) {
      throw new BadParameter(strategy, key, "a number " + range, String.valueOf(value));
    }
  }

  /** Parameter display for {@link Strategy#parameters()}: values as Java prints them, keys sorted. */
  static Map<String, String> sorted(Object... keysAndValues) {
    TreeMap<String, String> map = new TreeMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], String.valueOf(keysAndValues[i + 1]));
    }
    return Collections.unmodifiableSortedMap(map);
  }
}

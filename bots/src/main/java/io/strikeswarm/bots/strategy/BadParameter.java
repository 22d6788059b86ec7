package io.strikeswarm.bots.strategy;

/**
 * A strategy parameter with a value it may not take. Carries the parameter's name and requirement so the catalog
 * can repeat the message with the text exactly as the user typed it, rather than as Java prints the parsed number.
 */
final class BadParameter extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String strategy;
  private final String key;
  private final String requirement;

  BadParameter(String strategy, String key, String requirement, String got) {
    super("strategy '" + strategy + "': parameter '" + key + "' must be " + requirement + ", got '" + got + "'");
    this.strategy = strategy;
    this.key = key;
    this.requirement = requirement;
  }

  String key() {
    return key;
  }

  /** The same complaint about the raw text the value was parsed from. */
  BadParameter got(String raw) {
    return new BadParameter(strategy, key, requirement, raw);
  }
}

package io.strikeswarm.swarm.market;

/**
 * The phrases under which bad rows are reported and counted. They are part of the operator-visible contract (reports
 * and scripts match on them), so they live in one place and never change wording casually.
 */
final class RowReasons {
  static final String WRONG_FIELD_COUNT = "wrong number of fields";
  static final String UNPARSABLE_NUMBER = "unparsable number";
  static final String UNPARSABLE_TIME = "unparsable time";
  static final String NOT_FINITE = "not a finite number";
  static final String MISSING_FIELD = "missing field";
  static final String NOT_AN_OBJECT = "not a bar object";
  static final String BLANK_SYMBOL = "blank symbol";
  static final String PRICE_NOT_POSITIVE = "price <= 0";
  static final String HIGH_BELOW_LOW = "high < low";
  static final String OPEN_OUTSIDE_RANGE = "open outside [low, high]";
  static final String CLOSE_OUTSIDE_RANGE = "close outside [low, high]";
  static final String NEGATIVE_VOLUME = "negative volume";
  static final String NEGATIVE_AMOUNT = "negative amount";
  static final String DUPLICATE_TIMESTAMP = "duplicate timestamp";
  static final String TIMESTAMP_BACKWARDS = "timestamp goes backwards";

  private RowReasons() {}
}

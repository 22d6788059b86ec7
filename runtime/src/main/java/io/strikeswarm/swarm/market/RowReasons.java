package io.strikeswarm.swarm.market;

/**
 * The phrases under which bad rows are reported and counted. They are part of the operator-visible contract (reports
 * and scripts match on them), so they live in one place and never change wording casually.
 */
public final class RowReasons {
  public static final String WRONG_FIELD_COUNT = "wrong number of fields";
  public static final String UNPARSABLE_NUMBER = "unparsable number";
  public static final String UNPARSABLE_TIME = "unparsable time";
  public static final String NOT_FINITE = "not a finite number";
  public static final String MISSING_FIELD = "missing field";
  public static final String NOT_AN_OBJECT = "not a bar object";
  public static final String BLANK_SYMBOL = "blank symbol";
  public static final String PRICE_NOT_POSITIVE = "price <= 0";
  public static final String HIGH_BELOW_LOW = "high < low";
  public static final String OPEN_OUTSIDE_RANGE = "open outside [low, high]";
  public static final String CLOSE_OUTSIDE_RANGE = "close outside [low, high]";
  public static final String NEGATIVE_VOLUME = "negative volume";
  public static final String NEGATIVE_AMOUNT = "negative amount";
  public static final String DUPLICATE_TIMESTAMP = "duplicate timestamp";
  public static final String TIMESTAMP_BACKWARDS = "timestamp goes backwards";

  private RowReasons() {}
}

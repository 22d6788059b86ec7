package io.strikeswarm.swarm.market;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;

/** Reads one decimal field exactly as written: the decimal text is the data, so no binary floating point. */
final class Values {
  // BigDecimal refuses these anyway, but naming them apart tells the operator the exporter wrote a sentinel, not junk.
  private static final Set<String> NON_FINITE = Set.of("nan", "+nan", "-nan", "inf", "+inf", "-inf", "infinity",
      "+infinity", "-infinity");

  private Values() {}

  static BigDecimal decimal(String field, String text) throws RowRejected {
    if (NON_FINITE.contains(text.toLowerCase(Locale.ROOT))) {
      throw new RowRejected(RowReasons.NOT_FINITE, field + " = '" + text + "'");
    }
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new RowRejected(RowReasons.UNPARSABLE_NUMBER, field + " = '" + text + "'");
    }
  }

  /** An integral decimal (epoch times); fractions of the unit are refused rather than silently truncated. */
  static long wholeNumber(String field, String text) throws RowRejected {
    try {
      return new BigDecimal(text).longValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      throw new RowRejected(RowReasons.UNPARSABLE_TIME, field + " = '" + text + "'");
    }
  }
}

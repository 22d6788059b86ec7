package io.strikeswarm.bots.book;

/**
 * Reads plain non-negative decimal text such as {@code "61837.63000000"} into a fixed-point {@code long} at a given
 * scale, without allocating: the decoder calls this for every price and quantity it reads.
 *
 * <p>Only what an exchange legitimately sends is accepted: digits, optionally a point followed by digits. Signs,
 * exponents, {@code NaN}, blanks and values that do not fit a {@code long} give {@link #INVALID}, and so do digits
 * beyond the scale unless they are zeros, because rounding a price silently would put a level at the wrong price.
 */
public final class ScaledDecimal {
  /** Returned for text that is not a valid value; valid values are never negative. */
  public static final long INVALID = -1;

  /** The largest scale whose multiplier, 10^scale, fits a long. */
  public static final int MAX_SCALE = 18;

  private ScaledDecimal() {}

  public static long parse(CharSequence text, int scale) {
    char[] chars = new char[text.length()];
    for (int i = 0; i < chars.length; i++) chars[i] = text.charAt(i);
    return parse(chars, 0, chars.length, scale);
  }

  public static long parse(char[] text, int offset, int length, int scale) {
    if (scale < 0 || scale > MAX_SCALE) throw new IllegalArgumentException("scale must be 0.." + MAX_SCALE);
    int end = offset + length;
    int i = offset;
    long value = 0;
    int integerDigits = 0;
    for (; i < end && text[i] != '.'; i++, integerDigits++) {
      int digit = text[i] - '0';
      if (digit < 0 || digit > 9 || value > (Long.MAX_VALUE - digit) / 10) return INVALID;
      value = value * 10 + digit;
    }
    if (integerDigits == 0) return INVALID;
    int fractionDigits = 0;
    if (i < end) {
      i++; // the point
      if (i == end) return INVALID;
      for (; i < end; i++, fractionDigits++) {
        int digit = text[i] - '0';
        if (digit < 0 || digit > 9) return INVALID;
        if (fractionDigits >= scale) {
          if (digit != 0) return INVALID;
          continue;
        }
        if (value > (Long.MAX_VALUE - digit) / 10) return INVALID;
        value = value * 10 + digit;
      }
    }
    for (int missing = scale - Math.min(fractionDigits, scale); missing > 0; missing--) {
      if (value > Long.MAX_VALUE / 10) return INVALID;
      value *= 10;
    }
    return value;
  }

  /** How many digits follow the point in plain decimal text; 0 when there is no point. */
  public static int fractionDigits(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '.') return text.length() - i - 1;
    }
    return 0;
  }
}

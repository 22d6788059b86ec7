package io.strikeswarm.dex;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;

/**
 * Amounts of the native coin written with a unit in configuration: {@code "1.5 gwei"}, {@code "0 wei"},
 * {@code "2 ether"}.
 */
public final class Wei {

  public static final BigInteger GWEI = BigInteger.TEN.pow(9);
  public static final BigInteger ETHER = BigInteger.TEN.pow(18);

  private Wei() {}

  public static BigInteger parse(String text) {
    String[] parts = text.trim().split("\\s+");
    if (parts.length != 2) throw new IllegalArgumentException("'" + text + "' is not '<amount> wei|gwei|ether'");
    BigInteger unit = switch (parts[1].toLowerCase(Locale.ROOT)) {
      case "wei" -> BigInteger.ONE;
      case "gwei" -> GWEI;
      case "ether", "eth" -> ETHER;
      default -> throw new IllegalArgumentException("'" + text + "': unknown unit " + parts[1] + " (wei, gwei, ether)");
    };
    BigDecimal amount;
    try {
      amount = new BigDecimal(parts[0]);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "': " + parts[0] + " is not a number");
    }
    if (amount.signum() < 0) throw new IllegalArgumentException("'" + text + "' is negative");
    BigDecimal wei = amount.multiply(new BigDecimal(unit));
    try {
      return wei.toBigIntegerExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("'" + text + "' is not a whole number of wei");
    }
  }

  public static String format(BigInteger wei) {
    return new BigDecimal(wei).divide(new BigDecimal(GWEI)).stripTrailingZeros().toPlainString() + " gwei";
  }
}

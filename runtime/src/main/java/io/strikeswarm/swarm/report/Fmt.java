package io.strikeswarm.swarm.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How figures look to a person, in the HTML and on the terminal. Always {@link Locale#ROOT}, so a report reads
 * 1,234.56 whatever the machine's locale; values are rounded half-even first because {@link java.util.Formatter}
 * would otherwise round BigDecimals half-up.
 */
final class Fmt {
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
      .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
      .withZone(ZoneOffset.UTC);

  private Fmt() {}

  /** 12,345.67 */
  static String money(BigDecimal amount) {
    return String.format(Locale.ROOT, "%,.2f", amount.setScale(2, RoundingMode.HALF_EVEN));
  }

  /** +12,345.67 / -12,345.67: for P&L, where the sign is the point. */
  static String signedMoney(BigDecimal amount) {
    return (amount.signum() > 0 ? "+" : "") + money(amount);
  }

  /** +12.34 % from a value already in percent. */
  static String signedPct(BigDecimal percent) {
    BigDecimal p = percent.setScale(2, RoundingMode.HALF_EVEN);
    return (p.signum() > 0 ? "+" : "") + p.toPlainString() + " %";
  }

  /** 12.34 % from a value already in percent. */
  static String pct(BigDecimal percent) {
    return percent.setScale(2, RoundingMode.HALF_EVEN).toPlainString() + " %";
  }

  /** 55.00 % from a fraction such as a win rate. */
  static String fractionAsPct(BigDecimal fraction) {
    return pct(fraction.movePointRight(2));
  }

  /** 1.23 */
  static String ratio(BigDecimal value) {
    return value.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
  }

  /** 1,234,567 */
  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** 2024-01-31 13:00 (UTC); seconds only when the time has them. */
  static String utc(long timeMs) {
    return (timeMs % 60_000 == 0 ? MINUTE : SECOND).format(Instant.ofEpochMilli(timeMs));
  }

  /** 12.3 s, 850 ms, 2 min 5 s */
  static String duration(long ms) {
    if (ms < 1000) {
      return ms + " ms";
    }
    if (ms < 60_000) {
      return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
    return (ms / 60_000) + " min " + (ms % 60_000) / 1000 + " s";
  }
}

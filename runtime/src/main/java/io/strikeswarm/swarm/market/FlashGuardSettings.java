package io.strikeswarm.swarm.market;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;

/**
 * How market data is screened for flash prints ({@link FlashPrintGuard}), as the operator gave it with
 * {@code --flash-guard MODE[:atr=N,range=K,jump=X]}.
 *
 * @param mode          {@code off}: no screening; {@code flag} (default): count them, trade them unchanged (they may
 *                      be real: Coinbase BTC printed 0.06 on 2017-04-15); {@code hold}: count them and keep them from
 *                      the bots (each becomes a gap)
 * @param atrBars       how many recent bars the average true range is taken over
 * @param rangeMultiple a bar whose true range is more than this many times that average is a flash print
 * @param maxJump       a bar that reaches further than this fraction from the previous close is a flash print
 */
public record FlashGuardSettings(Mode mode, int atrBars, BigDecimal rangeMultiple, BigDecimal maxJump) {
  public enum Mode {
    OFF,
    FLAG,
    HOLD
  }

  public static final FlashGuardSettings DEFAULT = new FlashGuardSettings(Mode.FLAG, 14, BigDecimal.TEN,
      new BigDecimal("0.25"));

  public FlashGuardSettings {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(rangeMultiple, "rangeMultiple");
    Objects.requireNonNull(maxJump, "maxJump");
    if (atrBars < 1 || atrBars > 1_000) throw new IllegalArgumentException("--flash-guard atr: must be in [1, 1000], got " + atrBars);
    if (rangeMultiple.compareTo(BigDecimal.ONE) <= 0) {
      throw new IllegalArgumentException("--flash-guard range: must be > 1, got " + rangeMultiple.toPlainString());
    }
    if (maxJump.signum() <= 0) {
      throw new IllegalArgumentException("--flash-guard jump: must be > 0, got " + maxJump.toPlainString());
    }
  }

  /** Reads {@code off|flag|hold[:atr=N,range=K,jump=X]}; what is not given keeps its default. */
  public static FlashGuardSettings parse(String text) {
    String t = text == null ? "" : text.strip();
    int colon = t.indexOf(':');
    String name = (colon < 0 ? t : t.substring(0, colon)).toLowerCase(Locale.ROOT);
    Mode mode = switch (name) {
      case "off" -> Mode.OFF;
      case "flag" -> Mode.FLAG;
      case "hold" -> Mode.HOLD;
      default -> throw new IllegalArgumentException("--flash-guard: mode must be off, flag or hold, got '" + name + "'");
    };
    int atr = DEFAULT.atrBars;
    BigDecimal range = DEFAULT.rangeMultiple;
    BigDecimal jump = DEFAULT.maxJump;
    if (colon >= 0) {
      for (String pair : t.substring(colon + 1).split(",")) {
        String[] kv = pair.split("=", 2);
        if (kv.length != 2) throw new IllegalArgumentException("--flash-guard: expected k=v, got '" + pair + "'");
        String value = kv[1].strip();
        try {
          switch (kv[0].strip()) {
            case "atr" -> atr = Integer.parseInt(value);
            case "range" -> range = new BigDecimal(value);
            case "jump" -> jump = new BigDecimal(value);
            default -> throw new IllegalArgumentException("--flash-guard: unknown parameter '" + kv[0].strip()
                + "' (atr, range, jump)");
          }
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("--flash-guard " + kv[0].strip() + ": '" + value + "' is not a number");
        }
      }
    }
    return new FlashGuardSettings(mode, atr, range, jump);
  }

  /** The reason a flash print is counted under when its true range is out of line with recent bars. */
  public String rangeReason() {
    return "flash print: range > " + rangeMultiple.stripTrailingZeros().toPlainString() + "x ATR(" + atrBars + ")";
  }

  /** The reason a flash print is counted under when it reaches too far from the previous close. */
  public String jumpReason() {
    return "flash print: jump > " + maxJump.movePointRight(2).stripTrailingZeros().toPlainString()
        + " % from the previous close";
  }

  @Override
  public String toString() {
    return mode.name().toLowerCase(Locale.ROOT) + ":atr=" + atrBars + ",range="
        + rangeMultiple.stripTrailingZeros().toPlainString() + ",jump=" + maxJump.stripTrailingZeros().toPlainString();
  }
}

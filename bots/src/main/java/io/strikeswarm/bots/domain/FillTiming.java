package io.strikeswarm.bots.domain;

/**
 * When the simulated venue fills a market order decided on a bar: at that bar's close, or at the next bar's open
 * (the order waits, open, between the two).
 */
public enum FillTiming {
  CLOSE,
  NEXT_OPEN;

  public static FillTiming parse(String text) {
    return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "close" -> CLOSE;
      case "next-open", "next_open" -> NEXT_OPEN;
      default -> throw new IllegalArgumentException("fill must be close or next-open, got '" + text + "'");
    };
  }

  public String label() {
    return this == CLOSE ? "close" : "next-open";
  }
}

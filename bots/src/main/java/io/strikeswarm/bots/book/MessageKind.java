package io.strikeswarm.bots.book;

/** The kinds of market message a capture holds, for counting them. */
public enum MessageKind {
  DEPTH_DIFF,
  DEPTH_SNAPSHOT,
  TRADE,
  BOOK_TICKER;

  public static MessageKind of(MarketMessage message) {
    if (message instanceof DepthDiff) return DEPTH_DIFF;
    if (message instanceof DepthSnapshot) return DEPTH_SNAPSHOT;
    if (message instanceof Trade) return TRADE;
    return BOOK_TICKER;
  }
}

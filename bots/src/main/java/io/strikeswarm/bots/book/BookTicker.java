package io.strikeswarm.bots.book;

/**
 * The exchange's own best bid and ask as of order-book update id {@code updateId}, pushed on every change of either;
 * the same id sequence as the depth diffs, which is what makes it a check on a rebuilt book.
 */
public record BookTicker(long updateId, long bidPrice, long bidQuantity, long askPrice, long askQuantity)
    implements MarketMessage {

  @Override
  public int dataPoints() {
    return 1;
  }
}

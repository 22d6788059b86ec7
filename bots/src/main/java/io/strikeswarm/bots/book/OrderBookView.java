package io.strikeswarm.bots.book;

import java.util.Optional;

/**
 * Read access to an L2 book, for whatever prices off it (a market-making bot, a report) while only its owner applies
 * updates. Prices and quantities are fixed-point at {@link #scales()}; levels count from the best (0) outwards.
 */
public interface OrderBookView {

  FixedPointScales scales();

  /** Number of occupied price levels on a side. */
  int depth(BookSide side);

  /** The price {@code level} steps from the best; throws if the side has no such level. */
  long price(BookSide side, int level);

  /** The quantity {@code level} steps from the best; throws if the side has no such level. */
  long quantity(BookSide side, int level);

  /** The quantity resting at an exact price, 0 if none. */
  long quantityAt(BookSide side, long price);

  /** Total quantity over the best {@code levels} levels of a side (fewer if the side is shallower). */
  default long cumulativeQuantity(BookSide side, int levels) {
    long total = 0;
    for (int level = 0, end = Math.min(levels, depth(side)); level < end; level++) total += quantity(side, level);
    return total;
  }

  default boolean isEmpty(BookSide side) {
    return depth(side) == 0;
  }

  default long bestBid() {
    return price(BookSide.BID, 0);
  }

  default long bestAsk() {
    return price(BookSide.ASK, 0);
  }

  /**
   * True when the best bid is at or above the best ask. Locked counts as crossed: on a continuous exchange such
   * orders would have matched, so a book showing it has missed an update.
   */
  default boolean isCrossed() {
    return !isEmpty(BookSide.BID) && !isEmpty(BookSide.ASK) && bestBid() >= bestAsk();
  }

  /** Best bid and ask in decimal form, when both sides have a level. */
  default Optional<TopOfBook> top() {
    if (isEmpty(BookSide.BID) || isEmpty(BookSide.ASK)) return Optional.empty();
    FixedPointScales scales = scales();
    return Optional.of(new TopOfBook(
        scales.price(bestBid()), scales.quantity(quantity(BookSide.BID, 0)),
        scales.price(bestAsk()), scales.quantity(quantity(BookSide.ASK, 0))));
  }
}

package io.strikeswarm.bots.book;

import java.util.List;

/**
 * How the rebuilt book compared with the exchange's bookTicker where both describe the same update id:
 * {@code compared} such ids, {@code agreed} of them with equal best prices and quantities on both sides, and the
 * first few that did not.
 */
public record TickerAgreement(long compared, long agreed, List<TickerDisagreement> firstDisagreements) {

  public TickerAgreement {
    firstDisagreements = List.copyOf(firstDisagreements);
  }

  public long disagreed() {
    return compared - agreed;
  }

  /** The ticker and the book's top (fixed-point) at one update id where they differ. */
  public record TickerDisagreement(BookTicker ticker, long bookBidPrice, long bookBidQuantity, long bookAskPrice,
      long bookAskQuantity) {}
}

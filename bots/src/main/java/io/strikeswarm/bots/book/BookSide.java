package io.strikeswarm.bots.book;

/** The two sides of an order book: resting buy orders (bids) and resting sell orders (asks). */
public enum BookSide {
  BID,
  ASK
}

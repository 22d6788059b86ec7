package io.strikeswarm.bots.book;

/**
 * A decoded exchange message. Prices and quantities are fixed-point at the decoder's {@link FixedPointScales}; times
 * are the exchange's epoch milliseconds.
 */
public sealed interface MarketMessage extends DecodedLine permits DepthDiff, DepthSnapshot, Trade, BookTicker {

  /** The data points this message carries: one per price level, trade or quote. */
  int dataPoints();
}

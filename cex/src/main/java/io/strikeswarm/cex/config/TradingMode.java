package io.strikeswarm.cex.config;

/**
 * {@link #PAPER} trades on XChange's in-memory matching engine and never builds a real exchange client;
 * {@link #LIVE} sends orders to the configured exchange (its sandbox or production, as {@code sandbox} says).
 */
public enum TradingMode {
  PAPER,
  LIVE
}

package io.strikeswarm.cex.venue;

/** Why an order did not reach the book. Every reason but {@link #NOT_SEEN_BY_VENUE} is final for that order. */
public enum RejectReason {
  INSUFFICIENT_FUNDS,
  /** Below the minimum, wrong price or amount scale, missing price, no liquidity for a market order. */
  INVALID_ORDER,
  UNKNOWN_INSTRUMENT,
  /** Keys refused, missing, or without trading permission. */
  AUTHENTICATION,
  /** The venue said "too many requests" (the request was refused, not queued). */
  RATE_LIMITED,
  MARKET_SUSPENDED,
  /** Refused here before sending: no rate-limit token in time, or the call queue was full. The venue never saw it. */
  NOT_SENT,
  /** Any other error answer of the venue. */
  VENUE_ERROR,
  /**
   * Reconciliation found no trace of an intended order on the venue after the grace period. It is not re-sent:
   * the strategy decides again.
   */
  NOT_SEEN_BY_VENUE
}

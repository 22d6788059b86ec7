package io.strikeswarm.cex.orders;

/** Where one of our orders stands, as far as the journal knows. */
public enum OrderStatus {
  /** Journaled, venue call made or about to be; no answer yet. */
  INTENDED,
  /** The venue answered nothing usable: the order may exist; reconciliation decides. */
  UNKNOWN,
  ACCEPTED,
  PARTIALLY_FILLED,
  FILLED,
  CANCELLED,
  REJECTED;

  public boolean isTerminal() {
    return this == FILLED || this == CANCELLED || this == REJECTED;
  }

  /** Not known to the venue by id yet: reconciliation must find it, or declare it never placed. */
  public boolean isUnresolved() {
    return this == INTENDED || this == UNKNOWN;
  }
}

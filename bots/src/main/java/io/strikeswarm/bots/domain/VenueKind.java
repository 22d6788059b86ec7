package io.strikeswarm.bots.domain;

/**
 * How a bot's orders execute, from the venue name in its config: {@link #ROUTED} venues are real order books reached
 * asynchronously (fills come back later and are booked at the next bar step); every other name is the simulated
 * venue, which fills inside the bar step.
 */
public enum VenueKind {
  SIMULATED,
  ROUTED;

  /** The venue name that routes orders to XChange (paper: its in-memory engine; live: the configured exchange). */
  public static final String CEX = "cex";

  public static VenueKind of(String venue) {
    return CEX.equals(venue) ? ROUTED : SIMULATED;
  }
}

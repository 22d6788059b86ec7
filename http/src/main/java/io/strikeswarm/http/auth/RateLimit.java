package io.strikeswarm.http.auth;

/**
 * How many requests one principal may make: {@code perSecond} on average, and up to {@code burst} at once after a
 * quiet spell.
 */
public record RateLimit(double perSecond, int burst) {
  public static final double MIN_PER_SECOND = 0.001;
  public static final double MAX_PER_SECOND = 1_000_000_000;
  public static final int MAX_BURST = 1_000_000;
  public static final RateLimit DEFAULT = new RateLimit(50, 100);

  static final String PER_SECOND_RULE = "must be a number from " + MIN_PER_SECOND + " to 1e9";
  static final String BURST_RULE = "must be a whole number from 1 to " + MAX_BURST;

  /** The bounds keep burst × interval well inside a long of nanoseconds. */
  public RateLimit {
    if (!(perSecond >= MIN_PER_SECOND && perSecond <= MAX_PER_SECOND)) {
      throw new IllegalArgumentException("per-second " + PER_SECOND_RULE);
    }
    if (burst < 1 || burst > MAX_BURST) throw new IllegalArgumentException("burst " + BURST_RULE);
  }

  /**
   * Nanoseconds between permits, rounded up so the limiter never grants faster than {@link #perSecond} (rounding
   * down would let a fraction of a permit a second leak through).
   */
  long intervalNanos() {
    return (long) Math.ceil(1e9 / perSecond);
  }
}

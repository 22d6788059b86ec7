package io.strikeswarm.cex.venue;

import io.strikeswarm.cex.config.RateLimit;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A token bucket shared by every call made with one API key: {@code burst} tokens, refilled continuously at
 * {@code permitsPerSecond}. Callers block (on the venue call pool, never on an actor) for at most their wait.
 */
public final class TokenBucket {
  private final double capacity;
  private final double tokensPerNano;
  private final LongSupplier nanoClock;
  private double tokens;
  private long lastRefill;

  public TokenBucket(RateLimit limit, LongSupplier nanoClock) {
    this.capacity = limit.burst();
    this.tokensPerNano = limit.permitsPerSecond() / 1_000_000_000d;
    this.nanoClock = nanoClock;
    this.tokens = capacity;
    this.lastRefill = nanoClock.getAsLong();
  }

  public static TokenBucket of(RateLimit limit) {
    return new TokenBucket(limit, System::nanoTime);
  }

  /** Takes a token if one is there now. */
  public synchronized boolean tryAcquire() {
    refill();
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }

  /** How long until a token will be there (zero if one is there now). */
  public synchronized Duration untilNextToken() {
    refill();
    if (tokens >= 1) return Duration.ZERO;
    return Duration.ofNanos((long) Math.ceil((1 - tokens) / tokensPerNano));
  }

  /**
   * Takes a token, waiting for it at most {@code maxWait}.
   *
   * @return false if no token came in time (the call must not be made)
   */
  public boolean acquire(Duration maxWait) throws InterruptedException {
    long deadline = nanoClock.getAsLong() + maxWait.toNanos();
    while (true) {
      if (tryAcquire()) return true;
      long wait = untilNextToken().toNanos();
      long left = deadline - nanoClock.getAsLong();
      if (wait > left) return false;
      Thread.sleep(Math.max(1, (wait + 999_999) / 1_000_000));
    }
  }

  private void refill() {
    long now = nanoClock.getAsLong();
    tokens = Math.min(capacity, tokens + (now - lastRefill) * tokensPerNano);
    lastRefill = now;
  }
}

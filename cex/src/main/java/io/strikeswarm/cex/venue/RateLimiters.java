package io.strikeswarm.cex.venue;

import io.strikeswarm.cex.config.RateLimit;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One token bucket per API key in this JVM, whichever bots and venue adapters use the key: venues count requests
 * per key (or per account), not per bot. Keys are {@code exchange/key-fingerprint}, never the key itself.
 */
public final class RateLimiters {
  private static final ConcurrentMap<String, TokenBucket> BUCKETS = new ConcurrentHashMap<>();

  private RateLimiters() {}

  /** The bucket of this key; the first caller's limit creates it, later callers share it. */
  public static TokenBucket forKey(String limiterKey, RateLimit limit) {
    return BUCKETS.computeIfAbsent(limiterKey, k -> TokenBucket.of(limit));
  }
}

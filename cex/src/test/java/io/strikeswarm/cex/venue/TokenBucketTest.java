package io.strikeswarm.cex.venue;

import static org.assertj.core.api.Assertions.assertThat;

import io.strikeswarm.cex.config.RateLimit;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The per-key token bucket, on a clock the test moves. */
class TokenBucketTest {
  private final AtomicLong nanos = new AtomicLong();

  private TokenBucket bucket(double perSecond, int burst) {
    return new TokenBucket(new RateLimit(perSecond, burst, Duration.ZERO), nanos::get);
  }

  @Test
  void a_full_bucket_allows_a_burst_then_refuses() {
    TokenBucket b = bucket(10, 3);

    assertThat(b.tryAcquire()).isTrue();
    assertThat(b.tryAcquire()).isTrue();
    assertThat(b.tryAcquire()).isTrue();
    assertThat(b.tryAcquire()).isFalse();
    assertThat(b.untilNextToken()).isEqualTo(Duration.ofMillis(100));
  }

  @Test
  void tokens_come_back_at_the_configured_rate_and_never_beyond_the_burst() {
    TokenBucket b = bucket(10, 2);
    b.tryAcquire();
    b.tryAcquire();

    nanos.addAndGet(Duration.ofMillis(99).toNanos());
    assertThat(b.tryAcquire()).isFalse();
    nanos.addAndGet(Duration.ofMillis(1).toNanos());
    assertThat(b.tryAcquire()).isTrue();

    nanos.addAndGet(Duration.ofHours(1).toNanos());
    assertThat(b.tryAcquire()).isTrue();
    assertThat(b.tryAcquire()).isTrue();
    assertThat(b.tryAcquire()).isFalse();
  }

  @Test
  void acquire_gives_up_when_no_token_comes_within_the_wait() throws Exception {
    TokenBucket b = bucket(0.001, 1);
    b.tryAcquire();

    assertThat(b.acquire(Duration.ofMillis(5))).isFalse();
  }

  @Test
  void every_caller_of_one_key_gets_the_same_bucket() {
    RateLimit limit = new RateLimit(1, 1, Duration.ZERO);

    TokenBucket a = RateLimiters.forKey("binance/abc123", limit);
    TokenBucket b = RateLimiters.forKey("binance/abc123", new RateLimit(100, 100, Duration.ZERO));

    assertThat(a).isSameAs(b);
    assertThat(RateLimiters.forKey("binance/def456", limit)).isNotSameAs(a);
  }
}

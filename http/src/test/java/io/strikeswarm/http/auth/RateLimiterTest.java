package io.strikeswarm.http.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("The rate limiter")
class RateLimiterTest {
  private static final long SECOND = 1_000_000_000L;
  /** An arbitrary System.nanoTime()-like origin, negative to show nothing assumes time starts at zero. */
  private static final long T0 = -4_321_000_000_000L;

  @Test
  @DisplayName("grants a new key its whole burst at once, then refuses")
  void burstAtOnce() {
    RateLimiter limiter = new RateLimiter(new RateLimit(10, 5));

    for (int i = 0; i < 5; i++) assertThat(limiter.tryAcquire("alice", T0)).as("permit %d", i).isTrue();
    assertThat(limiter.tryAcquire("alice", T0)).isFalse();
  }

  @Test
  @DisplayName("refills one permit per 1/rate seconds, never more than the burst")
  void refillsAtTheRate() {
    RateLimiter limiter = new RateLimiter(new RateLimit(10, 5));
    for (int i = 0; i < 5; i++) limiter.tryAcquire("alice", T0);

    assertThat(limiter.tryAcquire("alice", T0 + SECOND / 10 - 1)).isFalse();
    assertThat(limiter.tryAcquire("alice", T0 + SECOND / 10)).isTrue();
    assertThat(limiter.tryAcquire("alice", T0 + SECOND / 10)).isFalse();

    long muchLater = T0 + 3600 * SECOND;
    int granted = 0;
    while (limiter.tryAcquire("alice", muchLater)) granted++;
    assertThat(granted).isEqualTo(5);
  }

  @Test
  @DisplayName("keeps a bucket per key: one principal's burst does not spend another's")
  void bucketPerKey() {
    RateLimiter limiter = new RateLimiter(new RateLimit(1, 2));
    limiter.tryAcquire("alice", T0);
    limiter.tryAcquire("alice", T0);

    assertThat(limiter.tryAcquire("alice", T0)).isFalse();
    assertThat(limiter.tryAcquire("bob", T0)).isTrue();
    assertThat(limiter.tryAcquire("bob", T0)).isTrue();
  }

  @Test
  @DisplayName("does not let refused requests push the next permit further away")
  void refusalsAreFree() {
    RateLimiter limiter = new RateLimiter(new RateLimit(1, 1));
    limiter.tryAcquire("alice", T0);
    for (long t = T0; t < T0 + SECOND; t += SECOND / 100) limiter.tryAcquire("alice", t);

    assertThat(limiter.tryAcquire("alice", T0 + SECOND)).isTrue();
  }

  @Test
  @DisplayName("says how long until the next permit: zero when one is free, else exactly until the refill")
  void nanosUntilNextPermit() {
    RateLimiter limiter = new RateLimiter(new RateLimit(4, 2));

    assertThat(limiter.nanosUntilNextPermit("alice", T0)).isZero();
    limiter.tryAcquire("alice", T0);
    assertThat(limiter.nanosUntilNextPermit("alice", T0)).isZero();
    limiter.tryAcquire("alice", T0);
    assertThat(limiter.nanosUntilNextPermit("alice", T0)).isEqualTo(SECOND / 4);
    assertThat(limiter.nanosUntilNextPermit("alice", T0 + SECOND / 8)).isEqualTo(SECOND / 8);
    assertThat(limiter.nanosUntilNextPermit("alice", T0 + SECOND)).isZero();
  }

  @ParameterizedTest(name = "{0} ns → Retry-After {1}")
  @CsvSource({"0, 1", "1, 1", "999999999, 1", "1000000000, 1", "1000000001, 2", "2500000000, 3"})
  @DisplayName("turns a wait into a Retry-After of whole seconds, rounded up, at least one")
  void retryAfterSeconds(long nanos, long seconds) {
    assertThat(RateLimiter.retryAfterSeconds(nanos)).isEqualTo(seconds);
  }

  @Test
  @DisplayName("never grants faster than the rate when 1/rate is not a whole number of nanoseconds")
  void roundsTheIntervalUp() {
    RateLimiter limiter = new RateLimiter(new RateLimit(3, 1));
    int granted = 0;
    for (long t = T0; t <= T0 + 10 * SECOND; t += 1_000) if (limiter.tryAcquire("alice", t)) granted++;

    assertThat(granted).isEqualTo(30); // the first at T0, then one per 333,333,334 ns: 29 more fit in 10 s
  }

  @Test
  @DisplayName("drops only full buckets when evicting, which changes no decision")
  void evictsIdleBuckets() {
    RateLimiter limiter = new RateLimiter(new RateLimit(1, 3));
    limiter.tryAcquire("idle", T0);
    limiter.tryAcquire("busy", T0 + 5 * SECOND);
    limiter.tryAcquire("busy", T0 + 5 * SECOND);

    assertThat(limiter.evictIdle(T0 + 6 * SECOND)).isEqualTo(1);
    assertThat(limiter.trackedKeys()).isEqualTo(1);
    assertThat(limiter.nanosUntilNextPermit("busy", T0 + 6 * SECOND)).isZero();
    assertThat(limiter.tryAcquire("busy", T0 + 6 * SECOND)).isTrue();
    assertThat(limiter.tryAcquire("busy", T0 + 6 * SECOND)).isTrue();
    assertThat(limiter.tryAcquire("busy", T0 + 6 * SECOND)).isFalse();
    for (int i = 0; i < 3; i++) assertThat(limiter.tryAcquire("idle", T0 + 6 * SECOND)).isTrue();
  }

  @Test
  @DisplayName("sweeps out idle keys by itself once it tracks very many")
  void sweepsWhenCrowded() {
    RateLimiter limiter = new RateLimiter(new RateLimit(10, 1));
    for (int i = 0; i <= RateLimiter.SWEEP_ABOVE_KEYS; i++) limiter.tryAcquire("client-" + i, T0);
    assertThat(limiter.trackedKeys()).isEqualTo(RateLimiter.SWEEP_ABOVE_KEYS + 1);

    limiter.tryAcquire("newcomer", T0 + 60 * SECOND);

    assertThat(limiter.trackedKeys()).isEqualTo(1);
  }

  @Test
  @DisplayName("grants exactly the burst to threads racing on one key at one instant")
  void exactUnderContention() throws InterruptedException {
    RateLimiter limiter = new RateLimiter(new RateLimit(1, 100));
    AtomicInteger granted = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    for (int t = 0; t < 8; t++) {
      pool.execute(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          return;
        }
        for (int i = 0; i < 1_000; i++) if (limiter.tryAcquire("alice", T0)) granted.incrementAndGet();
      });
    }
    start.countDown();
    pool.shutdown();
    assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

    assertThat(granted).hasValue(100);
  }

  @Test
  @DisplayName("settings refuse a rate or burst out of range")
  void settingsBounds() {
    assertThatThrownBy(() -> new RateLimit(0, 1)).hasMessageStartingWith("per-second must be");
    assertThatThrownBy(() -> new RateLimit(Double.NaN, 1)).hasMessageStartingWith("per-second must be");
    assertThatThrownBy(() -> new RateLimit(2e9, 1)).hasMessageStartingWith("per-second must be");
    assertThatThrownBy(() -> new RateLimit(1, 0)).hasMessageStartingWith("burst must be");
    assertThatThrownBy(() -> new RateLimit(1, RateLimit.MAX_BURST + 1)).hasMessageStartingWith("burst must be");
    assertThat(new RateLimiter(new RateLimit(RateLimit.MIN_PER_SECOND, RateLimit.MAX_BURST)).tryAcquire("a", T0))
        .isTrue();
    assertThat(new RateLimiter(new RateLimit(RateLimit.MAX_PER_SECOND, 1)).tryAcquire("a", T0)).isTrue();
  }

  // ---- properties over arbitrary timed request sequences -----------------------------------------------------

  /** One request: after {@code gapNanos}, by key number {@code key}; an eviction sweep first if {@code evictFirst}. */
  record Request(long gapNanos, int key, boolean evictFirst) {}

  @Provide
  Arbitrary<RateLimit> limits() {
    return Combinators.combine(
        Arbitraries.doubles().between(0.01, 5_000).ofScale(3),
        Arbitraries.integers().between(1, 40)).as(RateLimit::new);
  }

  @Provide
  Arbitrary<List<Request>> requests() {
    Arbitrary<Long> gaps = Arbitraries.oneOf(
        Arbitraries.just(0L),
        Arbitraries.longs().between(0, 1_000_000),
        Arbitraries.longs().between(0, 3 * SECOND));
    Arbitrary<Request> request = Combinators.combine(gaps, Arbitraries.integers().between(0, 2),
        Arbitraries.integers().between(0, 19).map(n -> n == 0)).as(Request::new);
    return request.list().ofMinSize(1).ofMaxSize(400);
  }

  @Property(tries = 500)
  @Label("over any sequence of timed requests, each key is granted at most burst + rate × elapsed")
  void neverGrantsMoreThanTheBucketHolds(@ForAll("limits") RateLimit limit,
      @ForAll("requests") List<Request> requests) {
    RateLimiter limiter = new RateLimiter(limit);
    Map<Integer, Long> firstSeen = new HashMap<>();
    Map<Integer, Integer> granted = new HashMap<>();
    long now = T0;
    for (Request request : requests) {
      now += request.gapNanos();
      if (request.evictFirst()) limiter.evictIdle(now);
      firstSeen.putIfAbsent(request.key(), now);
      if (limiter.tryAcquire("key-" + request.key(), now)) granted.merge(request.key(), 1, Integer::sum);

      double elapsedSeconds = (now - firstSeen.get(request.key())) / 1e9;
      assertThat((double) granted.getOrDefault(request.key(), 0))
          .isLessThanOrEqualTo(limit.burst() + limit.perSecond() * elapsedSeconds + 1e-9);
    }
  }

  @Property(tries = 500)
  @Label("decides every request exactly as a bucket of burst permits refilled one per interval would")
  void behavesAsATokenBucket(@ForAll("limits") RateLimit limit, @ForAll("requests") List<Request> requests) {
    RateLimiter limiter = new RateLimiter(limit);
    long interval = limit.intervalNanos();
    long capacity = interval * limit.burst();
    // The model counts credit in nanoseconds of refill, so it is exact: a permit costs one interval of credit.
    Map<Integer, long[]> creditAndLastSeen = new HashMap<>();
    long now = T0;
    for (Request request : requests) {
      now += request.gapNanos();
      if (request.evictFirst()) limiter.evictIdle(now);
      long[] bucket = creditAndLastSeen.computeIfAbsent(request.key(), k -> new long[] {capacity, T0});
      bucket[0] = Math.min(capacity, bucket[0] + (now - bucket[1]));
      bucket[1] = now;
      boolean modelGrants = bucket[0] >= interval;
      if (modelGrants) bucket[0] -= interval;
      long modelWait = modelGrants ? 0 : interval - bucket[0];

      long wait = limiter.nanosUntilNextPermit("key-" + request.key(), now);
      boolean grants = limiter.tryAcquire("key-" + request.key(), now);
      assertThat(grants).as("decision at step %s", request).isEqualTo(modelGrants);
      assertThat(wait).as("wait before deciding at %s", request).isEqualTo(modelWait);
    }
  }

  @Property(tries = 300)
  @Label("a refused caller that waits exactly the advertised time is granted, and one nanosecond less is not")
  void advertisedWaitIsExact(@ForAll("limits") RateLimit limit, @ForAll("requests") List<Request> requests) {
    RateLimiter limiter = new RateLimiter(limit);
    long now = T0;
    for (Request request : requests) {
      now += request.gapNanos();
      limiter.tryAcquire("alice", now);
    }
    while (limiter.tryAcquire("alice", now)) {
      // drain whatever is left, so that the next request must wait
    }

    long wait = limiter.nanosUntilNextPermit("alice", now);
    assertThat(wait).isPositive();
    assertThat(limiter.tryAcquire("alice", now + wait - 1)).isFalse();
    assertThat(limiter.tryAcquire("alice", now + wait)).isTrue();
  }
}

package io.strikeswarm.http.auth;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A token bucket per key (a principal's name), thread-safe and lock-free; time is passed in, as from
 * {@link System#nanoTime()}, so that tests own the clock.
 *
 * <p>It is the generic cell rate algorithm, which grants exactly what a bucket of {@code burst} permits refilled at
 * {@code perSecond} would, but keeps its whole state in one long per key: the theoretical arrival time (TAT), the
 * moment the bucket would be full again if nothing more were taken. A request at {@code now} takes a permit by moving
 * the TAT one interval later (from {@code now} if the bucket is already full); it is refused if that would put the TAT
 * more than {@code burst} intervals ahead of {@code now}. One compare-and-set per request, no lock, no allocation
 * once the key is known. Refused requests cost nothing, so hammering does not push the next permit further away.
 *
 * <p>Over any stretch of time starting at a key's first request, the permits granted are at most {@code burst +
 * perSecond × elapsed}.
 */
public final class RateLimiter {
  /** Marks a bucket being dropped by {@link #evictIdle}; an acquirer that sees it starts over on a fresh bucket. */
  private static final long RETIRED = Long.MIN_VALUE;
  /** Past this many keys, idle buckets are swept out, at most once per {@link #SWEEP_EVERY_NANOS}. */
  static final int SWEEP_ABOVE_KEYS = 10_000;
  static final long SWEEP_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);
  private static final long NEVER = Long.MIN_VALUE;

  private final long interval;
  private final long tolerance;
  private final ConcurrentHashMap<String, AtomicLong> buckets = new ConcurrentHashMap<>();
  private final AtomicLong lastSweep = new AtomicLong(NEVER);

  public RateLimiter(RateLimit limit) {
    this.interval = limit.intervalNanos();
    this.tolerance = Math.multiplyExact(interval, (long) limit.burst());
  }

  /** Takes a permit for {@code key} if one is available at {@code nowNanos}. */
  public boolean tryAcquire(String key, long nowNanos) {
    sweepIfCrowded(nowNanos);
    while (true) {
      AtomicLong bucket = buckets.get(key);
      if (bucket == null) bucket = buckets.computeIfAbsent(key, k -> new AtomicLong(nowNanos));
      long tat = bucket.get();
      if (tat == RETIRED) {
        buckets.remove(key, bucket);
        continue;
      }
      long next = nextArrival(tat, nowNanos);
      if (next - nowNanos > tolerance) return false;
      // A TAT may not take the marker's value; a nanosecond's difference in one permit's timing is harmless.
      if (bucket.compareAndSet(tat, next == RETIRED ? next + 1 : next)) return true;
    }
  }

  /** How long after {@code nowNanos} a permit for {@code key} will be available: 0 if one is available now. */
  public long nanosUntilNextPermit(String key, long nowNanos) {
    AtomicLong bucket = buckets.get(key);
    long tat = bucket == null ? RETIRED : bucket.get();
    if (tat == RETIRED) return 0;
    return Math.max(0, nextArrival(tat, nowNanos) - nowNanos - tolerance);
  }

  /** A wait as a {@code Retry-After} value: whole seconds, rounded up, at least 1. */
  public static long retryAfterSeconds(long nanos) {
    long seconds = Math.max(1, nanos / 1_000_000_000L);
    return nanos > seconds * 1_000_000_000L ? seconds + 1 : seconds;
  }

  /**
   * Drops the buckets that are full at {@code nowNanos}. A full bucket behaves exactly like a missing one, so this
   * changes no decision; it only keeps memory in step with the keys that are actually busy.
   *
   * @return how many buckets were dropped
   */
  public int evictIdle(long nowNanos) {
    int dropped = 0;
    for (var entry : buckets.entrySet()) {
      AtomicLong bucket = entry.getValue();
      long tat = bucket.get();
      // The CAS makes dropping atomic with respect to acquirers: one that already holds this bucket sees RETIRED and
      // starts over, instead of taking a permit that would then be forgotten.
      if (tat != RETIRED && tat - nowNanos <= 0 && bucket.compareAndSet(tat, RETIRED)) {
        buckets.remove(entry.getKey(), bucket);
        dropped++;
      }
    }
    return dropped;
  }

  int trackedKeys() {
    return buckets.size();
  }

  /** The TAT after taking one permit: one interval after the later of the current TAT and now. */
  private long nextArrival(long tat, long nowNanos) {
    return (tat - nowNanos < 0 ? nowNanos : tat) + interval;
  }

  private void sweepIfCrowded(long nowNanos) {
    if (buckets.size() <= SWEEP_ABOVE_KEYS) return;
    long last = lastSweep.get();
    boolean due = last == NEVER || nowNanos - last >= SWEEP_EVERY_NANOS;
    if (due && lastSweep.compareAndSet(last, nowNanos)) evictIdle(nowNanos);
  }
}

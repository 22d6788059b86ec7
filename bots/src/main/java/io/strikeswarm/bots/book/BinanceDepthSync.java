package io.strikeswarm.bots.book;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Keeps an {@link L2Book} equal to the exchange's book from a REST depth snapshot and the diff-depth stream, by
 * Binance's rules:
 *
 * <ol>
 *   <li>diffs that arrive before a snapshot are buffered;
 *   <li>on a snapshot at {@code lastUpdateId}, buffered and later diffs with {@code u <= lastUpdateId} are dropped;
 *   <li>the first diff applied must span {@code lastUpdateId + 1} ({@code U <= lastUpdateId + 1 <= u});
 *   <li>then each diff continues the last: normally {@code U == previous u + 1}.
 * </ol>
 *
 * A diff that starts after the next expected id is a sequence gap: it is recorded as a {@link SequenceGap}, the book
 * is marked {@link SyncState#STALE} and diffs are buffered again until a snapshot resynchronises it. A diff that
 * overlaps ids already applied ({@code U <= previous u < u}) is applied, as Binance documents: levels carry absolute
 * quantities, so re-applying an update already in the book changes nothing.
 *
 * <p>Never throws on a message: every diff and snapshot has an outcome. Not thread-safe.
 */
public final class BinanceDepthSync {
  /** Gaps kept with their ids; beyond that they are only counted. */
  public static final int KEPT_GAPS = 1_000;

  private final L2Book book;
  private final int maxBufferedDiffs;
  private final ArrayDeque<DepthDiff> buffered = new ArrayDeque<>();
  private final List<SequenceGap> gaps = new ArrayList<>();
  private SyncState state = SyncState.AWAITING_SNAPSHOT;
  private long lastUpdateId = -1;
  private long snapshotsApplied;
  private long snapshotsIgnored;
  private long diffsApplied;
  private long overlappingDiffsApplied;
  private long levelUpdatesApplied;
  private long staleDiffsDropped;
  private long bufferedDiffsEvicted;
  private long gapCount;

  /**
   * @param maxBufferedDiffs diffs kept while waiting for a snapshot; past it the oldest go, being the ones a later
   *     snapshot is most likely to have made redundant already
   */
  public BinanceDepthSync(FixedPointScales scales, int maxBufferedDiffs) {
    if (maxBufferedDiffs < 1) throw new IllegalArgumentException("maxBufferedDiffs must be >= 1");
    this.book = new L2Book(Objects.requireNonNull(scales, "scales"));
    this.maxBufferedDiffs = maxBufferedDiffs;
  }

  public OrderBookView book() {
    return book;
  }

  public SyncState state() {
    return state;
  }

  /** True when the book is the exchange's book as of {@link #lastUpdateId()}. */
  public boolean isLive() {
    return state == SyncState.LIVE;
  }

  /** The update id the book is at; -1 before the first snapshot. */
  public long lastUpdateId() {
    return lastUpdateId;
  }

  /**
   * Rebuilds the book from a snapshot, then replays the buffered diffs on it. A live book already past the
   * snapshot's id ignores it: taking it would move the book back in time.
   */
  public void onSnapshot(DepthSnapshot snapshot) {
    if (state == SyncState.LIVE && snapshot.lastUpdateId() <= lastUpdateId) {
      snapshotsIgnored++;
      return;
    }
    book.clear();
    book.applyAll(BookSide.BID, snapshot.bids());
    book.applyAll(BookSide.ASK, snapshot.asks());
    lastUpdateId = snapshot.lastUpdateId();
    state = SyncState.LIVE;
    snapshotsApplied++;
    List<DepthDiff> waiting = new ArrayList<>(buffered);
    buffered.clear();
    // A gap among them makes the book stale again, and the rest are buffered anew in order.
    for (DepthDiff diff : waiting) onDiff(diff);
  }

  public DiffOutcome onDiff(DepthDiff diff) {
    if (state != SyncState.LIVE) {
      buffer(diff);
      return DiffOutcome.BUFFERED;
    }
    if (diff.finalUpdateId() <= lastUpdateId) {
      staleDiffsDropped++;
      return DiffOutcome.DROPPED_STALE;
    }
    long expected = lastUpdateId + 1;
    if (diff.firstUpdateId() > expected) {
      gapCount++;
      if (gaps.size() < KEPT_GAPS) {
        gaps.add(new SequenceGap(expected, diff.firstUpdateId(), diff.finalUpdateId(), diff.eventTimeMs()));
      }
      state = SyncState.STALE;
      buffer(diff);
      return DiffOutcome.GAP;
    }
    if (diff.firstUpdateId() < expected) overlappingDiffsApplied++;
    book.applyAll(BookSide.BID, diff.bids());
    book.applyAll(BookSide.ASK, diff.asks());
    lastUpdateId = diff.finalUpdateId();
    diffsApplied++;
    levelUpdatesApplied += diff.dataPoints();
    return DiffOutcome.APPLIED;
  }

  private void buffer(DepthDiff diff) {
    if (buffered.size() == maxBufferedDiffs) {
      buffered.removeFirst();
      bufferedDiffsEvicted++;
    }
    buffered.addLast(diff);
  }

  public SyncCounters counters() {
    return new SyncCounters(state, lastUpdateId, snapshotsApplied, snapshotsIgnored, diffsApplied,
        overlappingDiffsApplied, levelUpdatesApplied, staleDiffsDropped, bufferedDiffsEvicted, gapCount, gaps);
  }
}

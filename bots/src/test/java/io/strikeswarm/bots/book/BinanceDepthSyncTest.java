package io.strikeswarm.bots.book;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Binance's diff-depth synchronisation rules, one at a time, on hand-made messages. */
class BinanceDepthSyncTest {
  private static final FixedPointScales SCALES = new FixedPointScales(2, 8);

  private final BinanceDepthSync sync = new BinanceDepthSync(SCALES, 100);

  private static Levels level(long price, long quantity) {
    return Levels.of(new long[] {price}, new long[] {quantity});
  }

  /** A diff of update ids first..last setting one bid level. */
  private static DepthDiff diff(long first, long last, long bidPrice, long bidQuantity) {
    return new DepthDiff(first * 10, first, last, level(bidPrice, bidQuantity), Levels.NONE);
  }

  private static DepthSnapshot snapshot(long lastUpdateId) {
    return new DepthSnapshot(lastUpdateId, level(10_000, 5), level(10_100, 5));
  }

  @Test
  void diffsBeforeTheSnapshotAreBufferedAndTheBookStaysEmpty() {
    assertThat(sync.onDiff(diff(90, 95, 10_001, 1))).isEqualTo(DiffOutcome.BUFFERED);

    assertThat(sync.state()).isEqualTo(SyncState.AWAITING_SNAPSHOT);
    assertThat(sync.book().depth(BookSide.BID)).isZero();
  }

  @Test
  void onTheSnapshotBufferedDiffsItAlreadyContainsAreDroppedAndTheOneSpanningItsIdIsApplied() {
    sync.onDiff(diff(90, 95, 9_001, 1));      // all before the snapshot
    sync.onDiff(diff(96, 100, 9_002, 1));     // ends exactly at the snapshot
    sync.onDiff(diff(101 - 3, 104, 9_003, 1)); // spans 101: starts inside the snapshot, ends after

    sync.onSnapshot(snapshot(100));

    assertThat(sync.state()).isEqualTo(SyncState.LIVE);
    assertThat(sync.lastUpdateId()).isEqualTo(104);
    assertThat(sync.book().quantityAt(BookSide.BID, 9_001)).as("dropped").isZero();
    assertThat(sync.book().quantityAt(BookSide.BID, 9_002)).as("dropped").isZero();
    assertThat(sync.book().quantityAt(BookSide.BID, 9_003)).as("applied").isEqualTo(1);
    SyncCounters counters = sync.counters();
    assertThat(counters.staleDiffsDropped()).isEqualTo(2);
    assertThat(counters.diffsApplied()).isEqualTo(1);
    assertThat(counters.overlappingDiffsApplied()).isEqualTo(1);
    assertThat(counters.gapCount()).isZero();
  }

  @Test
  void aLiveBookTakesEachDiffThatStartsRightAfterTheLast() {
    sync.onSnapshot(snapshot(100));

    assertThat(sync.onDiff(diff(101, 105, 9_500, 3))).isEqualTo(DiffOutcome.APPLIED);
    assertThat(sync.onDiff(diff(106, 106, 9_500, 0))).isEqualTo(DiffOutcome.APPLIED);

    assertThat(sync.lastUpdateId()).isEqualTo(106);
    assertThat(sync.book().quantityAt(BookSide.BID, 9_500)).isZero();
    assertThat(sync.counters().levelUpdatesApplied()).isEqualTo(2);
  }

  @Test
  void aDiffTheBookAlreadyHasIsDropped() {
    sync.onSnapshot(snapshot(100));
    sync.onDiff(diff(101, 105, 9_500, 3));

    assertThat(sync.onDiff(diff(101, 105, 9_500, 7))).isEqualTo(DiffOutcome.DROPPED_STALE);

    assertThat(sync.book().quantityAt(BookSide.BID, 9_500)).isEqualTo(3);
  }

  @Test
  void aFirstDiffStartingAfterTheSnapshotIsAGapNotAnUpdate() {
    sync.onSnapshot(snapshot(100));

    assertThat(sync.onDiff(diff(102, 110, 9_500, 3))).isEqualTo(DiffOutcome.GAP);

    assertThat(sync.state()).isEqualTo(SyncState.STALE);
    assertThat(sync.book().quantityAt(BookSide.BID, 9_500)).isZero();
    assertThat(sync.counters().gaps()).containsExactly(new SequenceGap(101, 102, 110, 1_020));
  }

  @Test
  void aGapIsReportedWithTheMissingIdsAndTheBookGoesStaleKeepingItsLastLevels() {
    sync.onSnapshot(snapshot(100));
    sync.onDiff(diff(101, 105, 9_500, 3));

    assertThat(sync.onDiff(diff(111, 120, 9_600, 4))).isEqualTo(DiffOutcome.GAP);
    assertThat(sync.onDiff(diff(121, 130, 9_700, 4))).isEqualTo(DiffOutcome.BUFFERED);

    assertThat(sync.state()).isEqualTo(SyncState.STALE);
    assertThat(sync.isLive()).isFalse();
    SequenceGap gap = sync.counters().gaps().get(0);
    assertThat(gap.expectedFirstUpdateId()).isEqualTo(106);
    assertThat(gap.firstUpdateId()).isEqualTo(111);
    assertThat(gap.missingUpdates()).isEqualTo(5);
    assertThat(sync.counters().gapCount()).isEqualTo(1);
    assertThat(sync.book().quantityAt(BookSide.BID, 9_500)).isEqualTo(3);
    assertThat(sync.book().quantityAt(BookSide.BID, 9_600)).isZero();
  }

  @Test
  void theNextSnapshotResynchronisesAStaleBookFromTheDiffsBufferedSinceTheGap() {
    sync.onSnapshot(snapshot(100));
    sync.onDiff(diff(111, 120, 9_600, 4)); // gap
    sync.onDiff(diff(121, 130, 9_700, 4));
    sync.onDiff(diff(131, 140, 9_800, 4));

    sync.onSnapshot(snapshot(130));

    assertThat(sync.state()).isEqualTo(SyncState.LIVE);
    assertThat(sync.lastUpdateId()).isEqualTo(140);
    assertThat(sync.book().quantityAt(BookSide.BID, 9_600)).as("in the snapshot's past").isZero();
    assertThat(sync.book().quantityAt(BookSide.BID, 9_700)).as("in the snapshot's past").isZero();
    assertThat(sync.book().quantityAt(BookSide.BID, 9_800)).isEqualTo(4);
    assertThat(sync.counters().snapshotsApplied()).isEqualTo(2);
    assertThat(sync.counters().gapCount()).isEqualTo(1);
  }

  @Test
  void aSnapshotOlderThanTheBufferedDiffsLeavesTheBookStaleWithASecondGap() {
    sync.onSnapshot(snapshot(100));
    sync.onDiff(diff(111, 120, 9_600, 4)); // gap

    sync.onSnapshot(snapshot(105));

    assertThat(sync.state()).isEqualTo(SyncState.STALE);
    assertThat(sync.counters().gaps()).extracting(SequenceGap::expectedFirstUpdateId).containsExactly(101L, 106L);
  }

  @Test
  void aLiveBookIgnoresASnapshotItIsAlreadyPast() {
    sync.onSnapshot(snapshot(100));
    sync.onDiff(diff(101, 110, 9_500, 3));

    sync.onSnapshot(snapshot(105));

    assertThat(sync.lastUpdateId()).isEqualTo(110);
    assertThat(sync.book().quantityAt(BookSide.BID, 9_500)).isEqualTo(3);
    assertThat(sync.counters().snapshotsIgnored()).isEqualTo(1);
  }

  @Test
  void aSnapshotReplacesEverythingTheBookHeld() {
    sync.onSnapshot(new DepthSnapshot(100, level(9_000, 1), level(9_100, 1)));
    sync.onDiff(diff(101, 150, 8_000, 1)); // gap: stale

    sync.onSnapshot(new DepthSnapshot(200, level(9_999, 2), level(10_001, 2)));

    assertThat(ReferenceBook.ladder(sync.book(), BookSide.BID)).containsExactly(List.of(9_999L, 2L));
    assertThat(ReferenceBook.ladder(sync.book(), BookSide.ASK)).containsExactly(List.of(10_001L, 2L));
  }

  @Test
  void theBufferKeepsTheNewestDiffsWhenItIsFull() {
    BinanceDepthSync small = new BinanceDepthSync(SCALES, 2);
    small.onDiff(diff(101, 101, 9_001, 1));
    small.onDiff(diff(102, 102, 9_002, 1));
    small.onDiff(diff(103, 103, 9_003, 1));

    small.onSnapshot(snapshot(101));

    assertThat(small.counters().bufferedDiffsEvicted()).isEqualTo(1);
    assertThat(small.book().quantityAt(BookSide.BID, 9_002)).isEqualTo(1);
    assertThat(small.book().quantityAt(BookSide.BID, 9_003)).isEqualTo(1);
    assertThat(small.lastUpdateId()).isEqualTo(103);
  }
}

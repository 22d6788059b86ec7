package io.strikeswarm.bots.book;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A synchronised book against a generated market: from a snapshot taken at any update id, arriving after any number
 * of diffs, the book equals the market at every diff it applies, so it is never crossed; a lost diff is one reported
 * gap, and a later snapshot brings the book back to the market.
 */
class BookSyncPropertiesTest {

  /** A market, the update id a snapshot is taken at, and how many diffs arrive before that snapshot does. */
  record Replay(GeneratedMarket market, long snapshotId, int diffsBeforeSnapshot) {}

  @Provide
  Arbitrary<Replay> replays() {
    return GeneratedMarket.markets(120).flatMap(market -> Combinators.combine(
        Arbitraries.longs().between(market.initialUpdateId(), market.lastUpdateId()),
        Arbitraries.integers().between(0, market.diffs().size())).as((id, before) -> new Replay(market, id, before)));
  }

  @Property
  void theBookIsTheMarketAtEveryAppliedDiffAndNeverCrossed(@ForAll("replays") Replay replay) {
    GeneratedMarket market = replay.market();
    BinanceDepthSync sync = new BinanceDepthSync(GeneratedMarket.SCALES, 1_000);
    List<DepthDiff> diffs = market.diffs();

    for (int i = 0; i < diffs.size(); i++) {
      if (i == replay.diffsBeforeSnapshot()) sync.onSnapshot(market.snapshotAt(replay.snapshotId()));
      if (sync.onDiff(diffs.get(i)) == DiffOutcome.APPLIED) {
        assertBookIsMarketAt(sync, market, diffs.get(i).finalUpdateId());
      }
    }
    if (replay.diffsBeforeSnapshot() == diffs.size()) sync.onSnapshot(market.snapshotAt(replay.snapshotId()));

    assertThat(sync.counters().gapCount()).isZero();
    assertThat(sync.state()).isEqualTo(SyncState.LIVE);
    assertThat(sync.lastUpdateId()).isEqualTo(market.lastUpdateId());
    assertBookIsMarketAt(sync, market, market.lastUpdateId());
  }

  /** A market of at least three diffs, one of them (not the first) lost, and a resync snapshot after it. */
  record LostDiff(GeneratedMarket market, int lost, long resyncId) {}

  @Provide
  Arbitrary<LostDiff> lostDiffs() {
    return GeneratedMarket.markets(120).filter(market -> market.diffs().size() >= 3)
        .flatMap(market -> Arbitraries.integers().between(1, market.diffs().size() - 2).flatMap(lost -> {
          // The resync snapshot must include the lost updates: taken at or after the lost diff's last id.
          long lostEnd = market.diffs().get(lost).finalUpdateId();
          return Arbitraries.longs().between(lostEnd, market.lastUpdateId())
              .map(resyncId -> new LostDiff(market, lost, resyncId));
        }));
  }

  @Property
  void aLostDiffIsOneReportedGapAndALaterSnapshotResynchronises(@ForAll("lostDiffs") LostDiff case_) {
    GeneratedMarket market = case_.market();
    List<DepthDiff> diffs = new ArrayList<>(market.diffs());
    DepthDiff lost = diffs.remove(case_.lost());
    BinanceDepthSync sync = new BinanceDepthSync(GeneratedMarket.SCALES, 1_000);
    sync.onSnapshot(market.snapshotAt(market.initialUpdateId()));

    for (DepthDiff diff : diffs) sync.onDiff(diff);

    assertThat(sync.state()).isEqualTo(SyncState.STALE);
    assertThat(sync.counters().gaps()).containsExactly(new SequenceGap(lost.firstUpdateId(),
        lost.finalUpdateId() + 1, diffs.get(case_.lost()).finalUpdateId(), diffs.get(case_.lost()).eventTimeMs()));
    assertThat(sync.lastUpdateId()).as("the book stopped before the gap").isEqualTo(lost.firstUpdateId() - 1);
    assertBookIsMarketAt(sync, market, lost.firstUpdateId() - 1);

    sync.onSnapshot(market.snapshotAt(case_.resyncId()));

    assertThat(sync.state()).isEqualTo(SyncState.LIVE);
    assertThat(sync.counters().gapCount()).isEqualTo(1);
    assertBookIsMarketAt(sync, market, market.lastUpdateId());
  }

  private static void assertBookIsMarketAt(BinanceDepthSync sync, GeneratedMarket market, long updateId) {
    ReferenceBook expected = market.stateAt(updateId);
    for (BookSide side : BookSide.values()) {
      assertThat(ReferenceBook.ladder(sync.book(), side)).as("%s at update id %d", side, updateId)
          .isEqualTo(expected.ladder(side));
    }
    assertThat(sync.book().isCrossed()).as("crossed at update id %d", updateId).isFalse();
  }
}

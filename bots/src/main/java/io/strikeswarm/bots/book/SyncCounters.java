package io.strikeswarm.bots.book;

import java.util.List;

/**
 * What a depth synchroniser has done so far. {@code gaps} holds the first {@link BinanceDepthSync#KEPT_GAPS} gaps;
 * {@code gapCount} counts them all.
 */
public record SyncCounters(
    SyncState state,
    long lastUpdateId,
    long snapshotsApplied,
    long snapshotsIgnored,
    long diffsApplied,
    long overlappingDiffsApplied,
    long levelUpdatesApplied,
    long staleDiffsDropped,
    long bufferedDiffsEvicted,
    long gapCount,
    List<SequenceGap> gaps) {

  public SyncCounters {
    gaps = List.copyOf(gaps);
  }
}

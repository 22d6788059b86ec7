package io.strikeswarm.bots.book;

/** Where a depth synchroniser stands. */
public enum SyncState {
  /** No snapshot yet: diffs are buffered for the first one. */
  AWAITING_SNAPSHOT,
  /** The book is the exchange's book as of the last applied update id. */
  LIVE,
  /** A sequence gap made the book unreliable: it keeps its last contents, diffs are buffered for the next snapshot. */
  STALE
}

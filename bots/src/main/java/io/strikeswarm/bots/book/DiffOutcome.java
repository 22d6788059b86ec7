package io.strikeswarm.bots.book;

/** What a depth synchroniser did with one diff. */
public enum DiffOutcome {
  /** Applied to the book. */
  APPLIED,
  /** Kept for the next snapshot (none yet, or the book is stale). */
  BUFFERED,
  /** Dropped: every update in it is already in the book. */
  DROPPED_STALE,
  /** Revealed a sequence gap: the book is now stale and the diff buffered for the next snapshot. */
  GAP
}

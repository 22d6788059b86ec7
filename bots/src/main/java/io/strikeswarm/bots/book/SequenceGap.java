package io.strikeswarm.bots.book;

/**
 * Update ids missing from a depth stream: the book was at {@code expectedFirstUpdateId - 1} and the next diff began at
 * {@code firstUpdateId}.
 */
public record SequenceGap(long expectedFirstUpdateId, long firstUpdateId, long finalUpdateId, long eventTimeMs) {

  public long missingUpdates() {
    return firstUpdateId - expectedFirstUpdateId;
  }
}

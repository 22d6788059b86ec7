package io.strikeswarm.bots.book;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of replaying a capture through decoder, synchroniser and book.
 *
 * <p>{@code dataPoints} are the events of the throughput figure: one per price level in every decoded diff and
 * snapshot (applied or not), one per trade, one per bookTicker quote. {@code messages} counts decoded lines by kind.
 * {@code diffsLeavingBookCrossed} counts applied diffs after which the book was crossed; {@code finalTop} is empty
 * when a side ended empty.
 */
public record ReplayReport(
    long lines,
    Map<MessageKind, Long> messages,
    long dataPoints,
    long diffLevelUpdates,
    Map<RejectReason, Long> rejects,
    SyncCounters sync,
    long diffsLeavingBookCrossed,
    boolean crossedAtEnd,
    Optional<TopOfBook> finalTop,
    TickerAgreement tickers,
    Duration elapsed) {

  public ReplayReport {
    messages = Map.copyOf(messages);
    rejects = Map.copyOf(rejects);
    Objects.requireNonNull(sync, "sync");
    Objects.requireNonNull(finalTop, "finalTop");
    Objects.requireNonNull(tickers, "tickers");
    Objects.requireNonNull(elapsed, "elapsed");
  }

  public long messages(MessageKind kind) {
    return messages.getOrDefault(kind, 0L);
  }

  public long messageCount() {
    return messages.values().stream().mapToLong(Long::longValue).sum();
  }

  public long rejectCount() {
    return rejects.values().stream().mapToLong(Long::longValue).sum();
  }

  public long gapCount() {
    return sync.gapCount();
  }

  public double eventsPerSecond() {
    return perSecond(dataPoints);
  }

  public double messagesPerSecond() {
    return perSecond(messageCount());
  }

  private double perSecond(long count) {
    long nanos = Math.max(1, elapsed.toNanos());
    return count * 1e9 / nanos;
  }

  /** A few lines for a terminal. */
  public String describe() {
    Map<MessageKind, Long> byKind = new EnumMap<>(MessageKind.class);
    byKind.putAll(messages);
    Map<RejectReason, Long> byReason = new EnumMap<>(RejectReason.class);
    byReason.putAll(rejects);
    return String.format(
        "lines %,d; messages %,d %s; rejects %,d %s%n"
            + "data points %,d (diff level updates %,d, applied %,d); diffs applied %,d, stale dropped %,d%n"
            + "sequence gaps %,d (first: %s); book %s at update id %d; crossed at end %s; diffs leaving it crossed %,d%n"
            + "final top %s%n"
            + "bookTicker at applied diff ids: %,d compared, %,d agreed%n"
            + "elapsed %.3f s: %,.0f data points/s, %,.0f messages/s",
        lines, messageCount(), byKind, rejectCount(), byReason,
        dataPoints, diffLevelUpdates, sync.levelUpdatesApplied(), sync.diffsApplied(), sync.staleDiffsDropped(),
        sync.gapCount(), sync.gaps().subList(0, Math.min(5, sync.gaps().size())), sync.state(), sync.lastUpdateId(), crossedAtEnd, diffsLeavingBookCrossed,
        finalTop.map(TopOfBook::toString).orElse("(a side is empty)"),
        tickers.compared(), tickers.agreed(),
        elapsed.toNanos() / 1e9, eventsPerSecond(), messagesPerSecond());
  }
}

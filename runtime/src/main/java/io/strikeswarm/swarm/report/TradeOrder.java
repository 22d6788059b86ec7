package io.strikeswarm.swarm.report;

import java.util.Comparator;
import java.util.List;

/**
 * The one order in which trades are listed, in trades.csv and in the HTML: by exit time, then bot id, then entry time,
 * then the order the driver gave. The first three make the file independent of how the swarm's actors happened to
 * interleave; the last (a stable sort) only separates rows that agree on all three, such as a partial take-profit and
 * the stop that closed the rest on the same bar.
 */
final class TradeOrder {
  private static final Comparator<TradeRow> ORDER = Comparator.comparingLong(TradeRow::exitTimeMs)
      .thenComparing(TradeRow::botId)
      .thenComparingLong(TradeRow::entryTimeMs);

  private TradeOrder() {}

  static List<TradeRow> sorted(List<TradeRow> trades) {
    return trades.stream().sorted(ORDER).toList(); // Stream.sorted is stable for ordered streams
  }
}

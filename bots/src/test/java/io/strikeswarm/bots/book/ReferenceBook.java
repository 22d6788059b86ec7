package io.strikeswarm.bots.book;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The naive book the tests trust: one boxed TreeMap per side, best first. {@link #place} keeps it uncrossed the way a
 * matching engine does, an order priced through the other side taking out the levels it crosses.
 */
final class ReferenceBook {
  private final NavigableMap<Long, Long> bids = new TreeMap<>(Collections.reverseOrder());
  private final NavigableMap<Long, Long> asks = new TreeMap<>();

  ReferenceBook copy() {
    ReferenceBook copy = new ReferenceBook();
    copy.bids.putAll(bids);
    copy.asks.putAll(asks);
    return copy;
  }

  NavigableMap<Long, Long> side(BookSide side) {
    return side == BookSide.BID ? bids : asks;
  }

  /** Sets a level as an L2 update does: 0 removes it. */
  void set(BookSide side, long price, long quantity) {
    if (quantity == 0) side(side).remove(price);
    else side(side).put(price, quantity);
  }

  /**
   * A new quantity at a price after the opposing levels at or through it are gone; every level it changes is written
   * into {@code changes} with its new quantity (0 = removed).
   */
  void place(BookSide side, long price, long quantity, Changes changes) {
    BookSide otherSide = side == BookSide.BID ? BookSide.ASK : BookSide.BID;
    NavigableMap<Long, Long> opposite = side(otherSide);
    // Each side is ordered best first, so the levels at or through the price are the head of the other side.
    List<Long> crossed = quantity == 0 ? List.of() : new ArrayList<>(opposite.headMap(price, true).keySet());
    for (Long crossedPrice : crossed) {
      opposite.remove(crossedPrice);
      changes.put(otherSide, crossedPrice, 0);
    }
    set(side, price, quantity);
    changes.put(side, price, quantity);
  }

  DepthSnapshot snapshot(long lastUpdateId) {
    return new DepthSnapshot(lastUpdateId, levels(bids), levels(asks));
  }

  static Levels levels(Map<Long, Long> levels) {
    long[] prices = levels.keySet().stream().mapToLong(Long::longValue).toArray();
    long[] quantities = levels.values().stream().mapToLong(Long::longValue).toArray();
    return Levels.of(prices, quantities);
  }

  /** The levels of a side, best first, as [price, quantity] pairs. */
  List<List<Long>> ladder(BookSide side) {
    List<List<Long>> ladder = new ArrayList<>();
    side(side).forEach((price, quantity) -> ladder.add(List.of(price, quantity)));
    return ladder;
  }

  /** The same view of the book under test. */
  static List<List<Long>> ladder(OrderBookView book, BookSide side) {
    List<List<Long>> ladder = new ArrayList<>();
    for (int level = 0; level < book.depth(side); level++) {
      ladder.add(List.of(book.price(side, level), book.quantity(side, level)));
    }
    return ladder;
  }

  /** Levels changed during a run of updates, last value winning, as a depth diff carries them. */
  static final class Changes {
    private final Map<Long, Long> bids = new TreeMap<>();
    private final Map<Long, Long> asks = new TreeMap<>();

    void put(BookSide side, long price, long quantity) {
      (side == BookSide.BID ? bids : asks).put(price, quantity);
    }

    DepthDiff diff(long eventTimeMs, long firstUpdateId, long finalUpdateId) {
      return new DepthDiff(eventTimeMs, firstUpdateId, finalUpdateId, levels(bids), levels(asks));
    }
  }
}

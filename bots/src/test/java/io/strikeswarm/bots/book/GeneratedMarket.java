package io.strikeswarm.bots.book;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * A market the tests make up: orders placed one per update id on a {@link ReferenceBook}, grouped into depth diffs the
 * way an exchange batches its updates. Any update id's book can be had as a snapshot, and every state is uncrossed.
 */
final class GeneratedMarket {
  static final long FIRST_UPDATE_ID = 1_000;
  static final FixedPointScales SCALES = new FixedPointScales(2, 8);

  /** One order: a new quantity at a price (0 = cancel the level). */
  record Order(BookSide side, long price, long quantity) {}

  private final List<ReferenceBook> states = new ArrayList<>(); // states.get(i): after the first i orders
  private final List<DepthDiff> diffs = new ArrayList<>();

  GeneratedMarket(List<Order> orders, List<Integer> diffSizes) {
    ReferenceBook book = new ReferenceBook();
    states.add(book.copy());
    int next = 0;
    for (int d = 0; next < orders.size(); d++) {
      int size = d < diffSizes.size() ? diffSizes.get(d) : orders.size() - next;
      int end = Math.min(orders.size(), next + size);
      ReferenceBook.Changes changes = new ReferenceBook.Changes();
      for (int i = next; i < end; i++) {
        Order order = orders.get(i);
        book.place(order.side(), order.price(), order.quantity(), changes);
        states.add(book.copy());
      }
      diffs.add(changes.diff(eventTime(end), updateId(next + 1), updateId(end)));
      next = end;
    }
  }

  static Arbitrary<Order> orders() {
    // Few prices around one mid, so orders collide, cancel and cross often.
    Arbitrary<Long> quantities = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(1, Arbitraries.just(0L)),
        net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(1, 50_000_000_000L)));
    return Combinators.combine(Arbitraries.of(BookSide.class), Arbitraries.longs().between(6_000_000, 6_000_040),
        quantities).as(Order::new);
  }

  static Arbitrary<GeneratedMarket> markets(int maxOrders) {
    return Combinators.combine(orders().list().ofMinSize(1).ofMaxSize(maxOrders),
        Arbitraries.integers().between(1, 6).list().ofMaxSize(maxOrders)).as(GeneratedMarket::new);
  }

  private static long updateId(int orderCount) {
    return FIRST_UPDATE_ID + orderCount - 1;
  }

  private static long eventTime(int orderCount) {
    return 1_723_161_255_000L + orderCount * 7L;
  }

  List<DepthDiff> diffs() {
    return diffs;
  }

  /** The id of the update that placed the last order. */
  long lastUpdateId() {
    return updateId(states.size() - 1);
  }

  /** The update id before the first order: the book is empty there. */
  long initialUpdateId() {
    return FIRST_UPDATE_ID - 1;
  }

  ReferenceBook stateAt(long updateId) {
    return states.get((int) (updateId - initialUpdateId()));
  }

  DepthSnapshot snapshotAt(long updateId) {
    return stateAt(updateId).snapshot(updateId);
  }

  @Override
  public String toString() {
    return diffs.size() + " diffs up to update id " + lastUpdateId() + ": " + diffs;
  }
}

package io.strikeswarm.bots.book;

import java.util.Objects;

/**
 * A price-level (L2) order book of one instrument: for each side, the quantity resting at each price. Mutable by
 * design, as the one structure every update of a feed lands in; readers get it as an {@link OrderBookView}. Not
 * thread-safe: one owner applies updates.
 */
public final class L2Book implements OrderBookView {
  private final FixedPointScales scales;
  private final PriceLadder bids = new PriceLadder(BookSide.BID);
  private final PriceLadder asks = new PriceLadder(BookSide.ASK);

  public L2Book(FixedPointScales scales) {
    this.scales = Objects.requireNonNull(scales, "scales");
  }

  /** Sets the quantity resting at a price; quantity 0 removes the level (a no-op when there is none). */
  public void apply(BookSide side, long price, long quantity) {
    if (price <= 0) throw new IllegalArgumentException("price must be > 0: " + price);
    if (quantity < 0) throw new IllegalArgumentException("quantity must be >= 0: " + quantity);
    ladder(side).set(price, quantity);
  }

  public void applyAll(BookSide side, Levels levels) {
    for (int i = 0, n = levels.size(); i < n; i++) apply(side, levels.price(i), levels.quantity(i));
  }

  public void clear() {
    bids.clear();
    asks.clear();
  }

  @Override
  public FixedPointScales scales() {
    return scales;
  }

  @Override
  public int depth(BookSide side) {
    return ladder(side).depth();
  }

  @Override
  public long price(BookSide side, int level) {
    return ladder(side).price(checkedLevel(side, level));
  }

  @Override
  public long quantity(BookSide side, int level) {
    return ladder(side).quantity(checkedLevel(side, level));
  }

  @Override
  public long quantityAt(BookSide side, long price) {
    return ladder(side).quantityAt(price);
  }

  private int checkedLevel(BookSide side, int level) {
    if (level < 0 || level >= ladder(side).depth()) {
      throw new IndexOutOfBoundsException(side + " level " + level + " of " + ladder(side).depth());
    }
    return level;
  }

  private PriceLadder ladder(BookSide side) {
    return side == BookSide.BID ? bids : asks;
  }

  @Override
  public String toString() {
    return "L2Book[" + bids.depth() + " bids, " + asks.depth() + " asks" + top().map(t -> ", " + t).orElse("") + "]";
  }
}

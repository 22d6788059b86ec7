package io.strikeswarm.bots.book;

import java.util.Arrays;

/**
 * One side of an L2 book: the occupied price levels in two parallel primitive arrays kept sorted, so a level is found
 * by binary search and nothing is boxed.
 *
 * <p>The arrays are sorted from the worst price to the best, putting the best level at the end: most updates land
 * near the top of the book, and there an insertion or removal moves only the few elements above it. To sort both
 * sides the same way, levels are ordered by a key that grows as the price improves: the price itself for bids, its
 * negation for asks.
 */
final class PriceLadder {
  private final boolean bids;
  private long[] keys = new long[256];
  private long[] quantities = new long[256];
  private int size;

  PriceLadder(BookSide side) {
    this.bids = side == BookSide.BID;
  }

  /**
   * Sets the quantity resting at a price; 0 removes the level. Removing a level that is not there is not an error:
   * an exchange reports removals of levels beyond the depth a snapshot showed.
   */
  void set(long price, long quantity) {
    long key = bids ? price : -price;
    int index = Arrays.binarySearch(keys, 0, size, key);
    if (index >= 0) {
      if (quantity == 0) {
        System.arraycopy(keys, index + 1, keys, index, size - index - 1);
        System.arraycopy(quantities, index + 1, quantities, index, size - index - 1);
        size--;
      } else {
        quantities[index] = quantity;
      }
    } else if (quantity != 0) {
      insert(-index - 1, key, quantity);
    }
  }

  private void insert(int index, long key, long quantity) {
    if (size == keys.length) {
      keys = Arrays.copyOf(keys, size * 2);
      quantities = Arrays.copyOf(quantities, size * 2);
    }
    System.arraycopy(keys, index, keys, index + 1, size - index);
    System.arraycopy(quantities, index, quantities, index + 1, size - index);
    keys[index] = key;
    quantities[index] = quantity;
    size++;
  }

  void clear() {
    size = 0;
  }

  int depth() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** The price {@code level} steps from the best (0 = best); the caller checks {@code level < depth()}. */
  long price(int level) {
    long key = keys[size - 1 - level];
    return bids ? key : -key;
  }

  long quantity(int level) {
    return quantities[size - 1 - level];
  }

  /** The quantity resting at a price, 0 if no level is there. */
  long quantityAt(long price) {
    int index = Arrays.binarySearch(keys, 0, size, bids ? price : -price);
    return index >= 0 ? quantities[index] : 0;
  }
}

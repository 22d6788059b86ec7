package io.strikeswarm.bots.book;

import java.util.Arrays;

/**
 * An immutable list of price levels as a message carries them, in the message's order: each a fixed-point price and
 * the quantity now resting there (0 = the level is gone). Primitive arrays, so a diff of many levels is two
 * allocations rather than one object per level.
 */
public final class Levels {
  public static final Levels NONE = new Levels(new long[0], new long[0]);

  private final long[] prices;
  private final long[] quantities;

  private Levels(long[] prices, long[] quantities) {
    this.prices = prices;
    this.quantities = quantities;
  }

  public static Levels of(long[] prices, long[] quantities) {
    if (prices.length != quantities.length) throw new IllegalArgumentException("one quantity per price");
    return new Levels(prices.clone(), quantities.clone());
  }

  public int size() {
    return prices.length;
  }

  public long price(int index) {
    return prices[index];
  }

  public long quantity(int index) {
    return quantities[index];
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Levels that
        && Arrays.equals(prices, that.prices) && Arrays.equals(quantities, that.quantities);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(prices) + Arrays.hashCode(quantities);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("[");
    for (int i = 0; i < prices.length; i++) {
      if (i > 0) text.append(", ");
      text.append(prices[i]).append('@').append(quantities[i]);
    }
    return text.append(']').toString();
  }

  /** Collects levels while a message is read; reusable, since {@link #build()} copies. */
  public static final class Builder {
    private long[] prices = new long[64];
    private long[] quantities = new long[64];
    private int size;

    public Builder add(long price, long quantity) {
      if (size == prices.length) {
        prices = Arrays.copyOf(prices, size * 2);
        quantities = Arrays.copyOf(quantities, size * 2);
      }
      prices[size] = price;
      quantities[size] = quantity;
      size++;
      return this;
    }

    public int size() {
      return size;
    }

    public Builder clear() {
      size = 0;
      return this;
    }

    public Levels build() {
      return size == 0 ? NONE : new Levels(Arrays.copyOf(prices, size), Arrays.copyOf(quantities, size));
    }
  }
}

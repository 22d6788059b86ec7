package io.strikeswarm.bots.domain;

/** Direction of a position: LONG profits when the price rises, SHORT when it falls. */
public enum Side {
  LONG(1),
  SHORT(-1);

  private final int sign;

  Side(int sign) {
    this.sign = sign;
  }

  public int sign() {
    return sign;
  }

  /** The order action that opens a position on this side. */
  public OrderAction opening() {
    return this == LONG ? OrderAction.BUY : OrderAction.SELL;
  }

  /** The order action that closes a position on this side. */
  public OrderAction closing() {
    return this == LONG ? OrderAction.SELL : OrderAction.BUY;
  }

  public Side opposite() {
    return this == LONG ? SHORT : LONG;
  }
}

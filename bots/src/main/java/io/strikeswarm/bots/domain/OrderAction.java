package io.strikeswarm.bots.domain;

public enum OrderAction {
  BUY(1),
  SELL(-1);

  private final int sign;

  OrderAction(int sign) {
    this.sign = sign;
  }

  /** +1 for a buy (position quantity grows), -1 for a sell. */
  public int sign() {
    return sign;
  }
}

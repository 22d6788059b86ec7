package io.strikeswarm.cex.venue;

import org.knowm.xchange.dto.Order.OrderType;

public enum OrderSide {
  BUY,
  SELL;

  public OrderType toOrderType() {
    return this == BUY ? OrderType.BID : OrderType.ASK;
  }

  /** Exits of a margin position are buys (exit a short) and sells (exit a long) too. */
  public static OrderSide of(OrderType type) {
    return switch (type) {
      case BID, EXIT_ASK -> BUY;
      case ASK, EXIT_BID -> SELL;
    };
  }

  public int sign() {
    return this == BUY ? 1 : -1;
  }
}

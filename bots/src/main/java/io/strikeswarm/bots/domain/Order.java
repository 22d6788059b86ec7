package io.strikeswarm.bots.domain;

import io.strikeswarm.persistence.CborSerializable;
import java.math.BigDecimal;

/**
 * An order to the venue (market, or a triggered stop / take-profit). Its id is derived from the bot id and the bot's
 * order sequence, never random, so a replayed or retried decision names the same order. {@code filled} is the part a
 * routed venue has filled so far (always zero on the simulated venue, which fills at once or not at all).
 */
public record Order(String orderId, String instrument, OrderAction action, BigDecimal quantity, Reason reason,
    long placedAtMs, BigDecimal filled) implements CborSerializable {

  public Order {
    // Orders journaled before partial fills existed carry no filled part.
    filled = filled == null ? Money.ZERO : filled;
  }

  public Order(String orderId, String instrument, OrderAction action, BigDecimal quantity, Reason reason,
      long placedAtMs) {
    this(orderId, instrument, action, quantity, reason, placedAtMs, Money.ZERO);
  }

  /** The order after a partial fill of {@code quantity}. */
  public Order partlyFilled(BigDecimal quantity) {
    return new Order(orderId, instrument, action, this.quantity, reason, placedAtMs, Money.quantity(filled.add(quantity)));
  }

  public BigDecimal remaining() {
    return quantity.subtract(filled);
  }

  /** The bot's order sequence number in an id made by {@link #idFor}. */
  public static long seqOf(String orderId) {
    int at = orderId.lastIndexOf("-o");
    if (at < 0) throw new IllegalArgumentException("not a bot order id: " + orderId);
    return Long.parseLong(orderId.substring(at + 2));
  }

  /** Why the order was sent; {@link #label()} is the exit reason written in the trade ledger. */
  public enum Reason {
    ENTRY("entry"),
    EXIT("signal"),
    STOP_LOSS("stop-loss"),
    TRAILING_STOP("trailing-stop"),
    TAKE_PROFIT("take-profit"),
    PARTIAL_TAKE_PROFIT("partial-take-profit"),
    TIME_EXIT("time-exit"),
    LIQUIDATION("liquidation"),
    FLATTEN("flatten");

    private final String label;

    Reason(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public static String idFor(String botId, long orderSeq) {
    return botId + "-o" + orderSeq;
  }
}

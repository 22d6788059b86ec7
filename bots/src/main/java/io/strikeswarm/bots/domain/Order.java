package io.strikeswarm.bots.domain;

import io.strikeswarm.persistence.CborSerializable;
import java.math.BigDecimal;

/**
 * An order to the venue (market, or a triggered stop / take-profit). Its id is derived from the bot id and the bot's order sequence, never random, so a replayed
 * or retried decision names the same order.
 */
public record Order(String orderId, String instrument, OrderAction action, BigDecimal quantity, Reason reason,
    long placedAtMs) implements CborSerializable {

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

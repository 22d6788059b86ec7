package io.strikeswarm.bots.domain;

import io.strikeswarm.persistence.CborSerializable;
import java.math.BigDecimal;

/**
 * A market order. Its id is derived from the bot id and the bot's order sequence, never random, so a replayed
 * or retried decision names the same order.
 */
public record Order(String orderId, String instrument, OrderAction action, BigDecimal quantity, Reason reason,
    long placedAtMs) implements CborSerializable {

  public enum Reason {
    ENTRY,
    EXIT,
    FLATTEN
  }

  public static String idFor(String botId, long orderSeq) {
    return botId + "-o" + orderSeq;
  }
}

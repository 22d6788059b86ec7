package io.strikeswarm.bots.routing;

import io.strikeswarm.persistence.CborSerializable;
import java.math.BigDecimal;
import java.util.List;

/**
 * The venue's record of one routed order: its state, the quantity sent, every fill in the venue's order, and why it
 * ended when it ended unfilled. Fills only ever grow: a later report repeats the earlier fills first.
 */
public record RouteReport(long seq, State state, BigDecimal quantity, List<RouteFill> fills, String reason)
    implements CborSerializable {

  public enum State {
    /** Journaled for sending, on the book, or partly filled: the venue may still fill it. */
    WORKING,
    /** Sent, but the venue's answer was lost: reconciliation will tell. */
    UNKNOWN,
    FILLED,
    /** Left the book before it filled completely (by the venue or on request). */
    CANCELLED,
    REJECTED,
    /** Never sent, and now never will be. */
    VOID;

    /** Whether the venue is done with the order: no fill will follow. */
    public boolean isFinal() {
      return this == FILLED || this == CANCELLED || this == REJECTED || this == VOID;
    }
  }

  public RouteReport {
    fills = List.copyOf(fills);
  }

  public static RouteReport voided(long seq) {
    return new RouteReport(seq, State.VOID, BigDecimal.ZERO, List.of(), "never sent");
  }
}

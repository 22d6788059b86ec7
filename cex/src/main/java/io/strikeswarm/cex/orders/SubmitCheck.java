package io.strikeswarm.cex.orders;

import io.strikeswarm.cex.orders.CexOrderEntity.Submit;
import io.strikeswarm.cex.venue.CexInstrument;
import io.strikeswarm.cex.venue.OrderKind;
import java.util.Optional;

/** Why a submit must be refused before anything is journaled, if it must. */
final class SubmitCheck {
  private SubmitCheck() {}

  static Optional<String> problem(CexBook book, Submit cmd) {
    if (cmd.seq() <= 0) return Optional.of("order seq must be > 0, got " + cmd.seq());
    if (cmd.seq() <= book.lastSeq()) {
      return Optional.of("duplicate client id: order seq " + cmd.seq() + " of bot " + book.botId()
          + " is not after the last one used (" + book.lastSeq() + ")");
    }
    if (cmd.kind() == null) return Optional.of("order kind is missing (MARKET or LIMIT)");
    if (cmd.side() == null) return Optional.of("order side is missing (BUY or SELL)");
    try {
      CexInstrument.parse(cmd.instrument());
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
    if (cmd.quantity() == null || cmd.quantity().signum() <= 0) {
      return Optional.of("quantity must be > 0, got " + (cmd.quantity() == null ? "none" : cmd.quantity().toPlainString()));
    }
    if (cmd.kind() == OrderKind.LIMIT && (cmd.limitPrice() == null || cmd.limitPrice().signum() <= 0)) {
      return Optional.of("a limit order needs a limit price > 0, got "
          + (cmd.limitPrice() == null ? "none" : cmd.limitPrice().toPlainString()));
    }
    if (cmd.kind() == OrderKind.MARKET && cmd.limitPrice() != null) {
      return Optional.of("a market order must not have a limit price");
    }
    return Optional.empty();
  }

  /** Whether a submit asks for exactly the order already intended under its sequence number. */
  static boolean sameOrder(CexOrder known, Submit cmd) {
    return known.seq() == cmd.seq() && known.kind() == cmd.kind() && known.side() == cmd.side()
        && sameInstrument(known, cmd.instrument()) && cmd.quantity() != null
        && known.quantity().compareTo(cmd.quantity()) == 0
        && (known.limitPrice() == null ? cmd.limitPrice() == null
            : cmd.limitPrice() != null && known.limitPrice().compareTo(cmd.limitPrice()) == 0);
  }

  private static boolean sameInstrument(CexOrder known, String instrument) {
    try {
      return known.instrument().equals(CexInstrument.parse(instrument));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}

package io.strikeswarm.bots.domain;

import io.strikeswarm.persistence.CborSerializable;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A bot's books: capital transferred in, cash, open positions, realized P&amp;L (net of fees) and the last mark
 * per instrument. Immutable; every change returns a new portfolio. The books always balance:
 *
 * <pre>cash == allocated + realizedPnl − Σ costBasis</pre>
 *
 * which {@link #isBalanced()} checks and the property tests hold it to.
 */
public record Portfolio(
    BigDecimal allocated,
    BigDecimal cash,
    BigDecimal realizedPnl,
    BigDecimal feesPaid,
    Map<String, Position> positions,
    Map<String, BigDecimal> marks)
    implements CborSerializable {

  public Portfolio {
    positions = Collections.unmodifiableMap(new TreeMap<>(positions));
    marks = Collections.unmodifiableMap(new TreeMap<>(marks));
  }

  public static Portfolio empty() {
    return new Portfolio(Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Map.of(), Map.of());
  }

  public Portfolio deposit(BigDecimal amount) {
    return new Portfolio(Money.normalize(allocated.add(amount)), Money.normalize(cash.add(amount)), realizedPnl,
        feesPaid, positions, marks);
  }

  public Portfolio withdraw(BigDecimal amount) {
    if (amount.compareTo(releasable()) > 0) {
      throw new IllegalArgumentException("withdrawal " + amount + " exceeds releasable " + releasable());
    }
    return new Portfolio(Money.normalize(allocated.subtract(amount)), Money.normalize(cash.subtract(amount)),
        realizedPnl, feesPaid, positions, marks);
  }

  public Portfolio mark(String instrument, BigDecimal price) {
    Map<String, BigDecimal> next = new TreeMap<>(marks);
    next.put(instrument, Money.normalize(price));
    return new Portfolio(allocated, cash, realizedPnl, feesPaid, positions, next);
  }

  /**
   * Books a fill: cash moves by the fill's signed notional and the fee; the part that reduces a position realizes
   * its proceeds minus its share of the cost basis; the rest opens or grows a position at cost.
   */
  public Portfolio apply(Fill fill) {
    BigDecimal sign = BigDecimal.valueOf(fill.action().sign());
    BigDecimal signedQty = fill.quantity().multiply(sign);
    BigDecimal signedNotional = Money.normalize(fill.quantity().multiply(fill.price())).multiply(sign);
    BigDecimal nextCash = cash.subtract(signedNotional).subtract(fill.fee());
    BigDecimal realized = fill.fee().negate();

    Map<String, Position> nextPositions = new TreeMap<>(positions);
    Position current = positions.get(fill.instrument());
    if (current == null || current.quantity().signum() == signedQty.signum()) {
      BigDecimal qty = current == null ? signedQty : current.quantity().add(signedQty);
      BigDecimal cost = current == null ? signedNotional : current.costBasis().add(signedNotional);
      BigDecimal fees = current == null ? fill.fee() : current.entryFees().add(fill.fee());
      nextPositions.put(fill.instrument(), new Position(fill.instrument(), Money.quantity(qty), Money.normalize(cost),
          Money.normalize(fees), current == null ? fill.timeMs() : current.openedAtMs()));
    } else {
      Position.Slice slice = current.slice(fill.quantity());
      BigDecimal closingNotional = slice.quantity().compareTo(fill.quantity()) == 0 ? signedNotional
          : Money.normalize(signedNotional.multiply(slice.quantity())
              .divide(fill.quantity(), Money.SCALE + 8, Money.ROUNDING));
      // The rounding of a partial share stays in the books (the remaining cost absorbs it), so
      // cash == allocated + realized − Σ cost holds exactly.
      realized = realized.subtract(closingNotional).subtract(slice.costBasis());
      BigDecimal qty = current.quantity().add(signedQty);
      if (qty.signum() == 0) {
        nextPositions.remove(fill.instrument());
      } else if (qty.signum() == current.quantity().signum()) {
        nextPositions.put(fill.instrument(), new Position(fill.instrument(), Money.quantity(qty),
            Money.normalize(current.costBasis().subtract(slice.costBasis())),
            Money.normalize(current.entryFees().subtract(slice.entryFees())), current.openedAtMs()));
      } else {
        // Flipped through zero: the rest of the fill opens a new position at its own cost; the fee stays with the close.
        nextPositions.put(fill.instrument(), new Position(fill.instrument(), Money.quantity(qty),
            Money.normalize(signedNotional.subtract(closingNotional)), Money.ZERO, fill.timeMs()));
      }
    }
    return new Portfolio(allocated, Money.normalize(nextCash), Money.normalize(realizedPnl.add(realized)),
        Money.normalize(feesPaid.add(fill.fee())), nextPositions, marks);
  }

  /**
   * The ledger line a reducing fill writes, before it is booked; null when the fill opens or grows a position.
   * Its pnl is exactly what {@link #apply} realizes on the closed part, minus that part's entry fees.
   */
  public ClosedTrade closedBy(Fill fill, String botId, String exitReason) {
    Position current = positions.get(fill.instrument());
    if (current == null || current.quantity().signum() == fill.action().sign()) return null;
    Position.Slice slice = current.slice(fill.quantity());
    BigDecimal exitFee = slice.quantity().compareTo(fill.quantity()) == 0 ? fill.fee()
        : Money.normalize(fill.fee().multiply(slice.quantity()).divide(fill.quantity(), Money.SCALE + 8, Money.ROUNDING));
    BigDecimal proceeds = Money.normalize(slice.quantity().multiply(fill.price()))
        .multiply(BigDecimal.valueOf(current.quantity().signum()));
    BigDecimal gross = proceeds.subtract(slice.costBasis());
    BigDecimal fees = Money.normalize(slice.entryFees().add(exitFee));
    return new ClosedTrade(botId, fill.instrument(), current.side(), slice.quantity(), current.openedAtMs(),
        Money.divide(slice.costBasis(), slice.quantity()).abs(), fill.timeMs(), fill.price(),
        Money.normalize(gross.subtract(fees)), fees, exitReason);
  }

  public BigDecimal markOf(String instrument, BigDecimal fallback) {
    return marks.getOrDefault(instrument, fallback);
  }

  /** Cash plus the marked value of every position (a short's value is negative). */
  public BigDecimal equity() {
    BigDecimal equity = cash;
    for (Position p : positions.values()) {
      BigDecimal mark = marks.get(p.instrument());
      equity = equity.add(mark == null ? p.costBasis() : p.markValue(mark));
    }
    return Money.normalize(equity);
  }

  public BigDecimal unrealizedPnl() {
    BigDecimal total = Money.ZERO;
    for (Position p : positions.values()) {
      BigDecimal mark = marks.get(p.instrument());
      if (mark != null) total = total.add(p.unrealizedPnl(mark));
    }
    return Money.normalize(total);
  }

  public BigDecimal grossExposure() {
    BigDecimal total = Money.ZERO;
    for (Position p : positions.values()) {
      BigDecimal mark = marks.get(p.instrument());
      total = total.add(mark == null ? p.costBasis().abs() : p.notional(mark));
    }
    return Money.normalize(total);
  }

  /** Capital not backing any position: what the bot can hand back without touching a trade. */
  public BigDecimal releasable() {
    BigDecimal free = equity().subtract(grossExposure()).min(cash);
    return free.signum() > 0 ? Money.normalize(free) : Money.ZERO;
  }

  public boolean isFlat() {
    return positions.isEmpty();
  }

  /** The books balance exactly: cash == allocated + realized P&amp;L − Σ cost basis. */
  public boolean isBalanced() {
    BigDecimal basis = BigDecimal.ZERO;
    for (Position p : positions.values()) basis = basis.add(p.costBasis());
    return cash.compareTo(allocated.add(realizedPnl).subtract(basis)) == 0;
  }
}

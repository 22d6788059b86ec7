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
 * <pre>cash == allocated + realizedPnl − Σ quantity × averageEntry</pre>
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

  /** Books a fill: cash moves by the notional and the fee; whatever part closes a position realizes P&amp;L. */
  public Portfolio apply(Fill fill) {
    BigDecimal signedQty = fill.quantity().multiply(BigDecimal.valueOf(fill.action().sign()));
    BigDecimal notional = fill.quantity().multiply(fill.price());
    BigDecimal nextCash = cash.subtract(notional.multiply(BigDecimal.valueOf(fill.action().sign())))
        .subtract(fill.fee());
    BigDecimal realized = fill.fee().negate();

    Map<String, Position> nextPositions = new TreeMap<>(positions);
    Position current = positions.get(fill.instrument());
    if (current == null) {
      nextPositions.put(fill.instrument(),
          new Position(fill.instrument(), Money.normalize(signedQty), Money.normalize(fill.price()), fill.timeMs()));
    } else if (current.quantity().signum() == signedQty.signum()) {
      BigDecimal qty = current.quantity().add(signedQty);
      BigDecimal cost = current.quantity().multiply(current.averageEntry()).add(signedQty.multiply(fill.price()));
      nextPositions.put(fill.instrument(), new Position(fill.instrument(), Money.normalize(qty),
          Money.divide(cost, qty), current.openedAtMs()));
    } else {
      BigDecimal closing = current.quantity().abs().min(fill.quantity());
      BigDecimal direction = BigDecimal.valueOf(current.quantity().signum());
      realized = realized.add(closing.multiply(fill.price().subtract(current.averageEntry())).multiply(direction));
      BigDecimal qty = current.quantity().add(signedQty);
      if (qty.signum() == 0) {
        nextPositions.remove(fill.instrument());
      } else if (qty.signum() == current.quantity().signum()) {
        nextPositions.put(fill.instrument(), new Position(fill.instrument(), Money.normalize(qty),
            current.averageEntry(), current.openedAtMs()));
      } else {
        // Flipped through zero: the rest opens a new position at the fill price.
        nextPositions.put(fill.instrument(), new Position(fill.instrument(), Money.normalize(qty),
            Money.normalize(fill.price()), fill.timeMs()));
      }
    }
    return new Portfolio(allocated, Money.normalize(nextCash), Money.normalize(realizedPnl.add(realized)),
        Money.normalize(feesPaid.add(fill.fee())), nextPositions, marks);
  }

  public BigDecimal markOf(String instrument, BigDecimal fallback) {
    return marks.getOrDefault(instrument, fallback);
  }

  /** Cash plus the marked value of every position (a short's value is negative). */
  public BigDecimal equity() {
    BigDecimal equity = cash;
    for (Position p : positions.values()) {
      equity = equity.add(p.markValue(markOf(p.instrument(), p.averageEntry())));
    }
    return Money.normalize(equity);
  }

  public BigDecimal unrealizedPnl() {
    BigDecimal total = Money.ZERO;
    for (Position p : positions.values()) {
      total = total.add(p.unrealizedPnl(markOf(p.instrument(), p.averageEntry())));
    }
    return Money.normalize(total);
  }

  public BigDecimal grossExposure() {
    BigDecimal total = Money.ZERO;
    for (Position p : positions.values()) {
      total = total.add(p.notional(markOf(p.instrument(), p.averageEntry())));
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

  public boolean isBalanced() {
    BigDecimal basis = BigDecimal.ZERO;
    for (Position p : positions.values()) basis = basis.add(p.quantity().multiply(p.averageEntry()));
    BigDecimal expected = allocated.add(realizedPnl).subtract(basis);
    // averageEntry is rounded to SCALE decimals after scaling-in, so allow one unit of rounding per position.
    BigDecimal tolerance = BigDecimal.ONE.movePointLeft(Money.SCALE - 2)
        .multiply(BigDecimal.valueOf(positions.size() + 1));
    return cash.subtract(expected).abs().compareTo(tolerance) <= 0;
  }
}

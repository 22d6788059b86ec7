package io.strikeswarm.cex.orders;

import io.strikeswarm.cex.venue.OrderSide;
import io.strikeswarm.persistence.CborSerializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A position in one instrument built from fills: signed quantity (long &gt; 0, short &lt; 0) held as FIFO lots, so
 * realized P&amp;L is exact (no averaged price is ever rounded into it), and fees per currency. Fees are kept apart
 * from P&amp;L because venues charge them in either currency of the pair (or in their own token). Pure and
 * immutable.
 */
public record CexPosition(List<Lot> lots, BigDecimal realizedPnl, Map<String, BigDecimal> fees)
    implements CborSerializable {

  /** Scale of the displayed average price; P&L and quantities are never rounded. */
  public static final int PRICE_SCALE = 12;

  /** An open part of the position: signed quantity at its entry price. */
  public record Lot(BigDecimal quantity, BigDecimal price) implements CborSerializable {}

  public CexPosition {
    lots = List.copyOf(lots);
    Objects.requireNonNull(realizedPnl, "realizedPnl");
    fees = Map.copyOf(fees);
  }

  public static CexPosition flat() {
    return new CexPosition(List.of(), BigDecimal.ZERO, Map.of());
  }

  /** The position after a fill. {@code fee} and {@code feeCurrency} may be null (not reported). */
  public CexPosition apply(OrderSide side, BigDecimal quantity, BigDecimal price, BigDecimal fee,
      String feeCurrency) {
    if (quantity == null || quantity.signum() <= 0) throw new IllegalArgumentException("fill quantity must be > 0");
    if (price == null || price.signum() <= 0) throw new IllegalArgumentException("fill price must be > 0");
    BigDecimal remaining = side == OrderSide.BUY ? quantity : quantity.negate();
    BigDecimal realized = realizedPnl;
    List<Lot> open = new ArrayList<>(lots);
    while (remaining.signum() != 0 && !open.isEmpty() && open.get(0).quantity().signum() != remaining.signum()) {
      Lot lot = open.remove(0);
      BigDecimal closable = lot.quantity().abs().min(remaining.abs());
      // A long lot gains when sold above its price, a short lot when bought back below it.
      BigDecimal perUnit = lot.quantity().signum() > 0 ? price.subtract(lot.price()) : lot.price().subtract(price);
      realized = realized.add(perUnit.multiply(closable));
      BigDecimal lotLeft = lot.quantity().abs().subtract(closable);
      if (lotLeft.signum() > 0) open.add(0, new Lot(lotLeft.multiply(BigDecimal.valueOf(lot.quantity().signum())),
          lot.price()));
      remaining = remaining.subtract(closable.multiply(BigDecimal.valueOf(remaining.signum())));
    }
    if (remaining.signum() != 0) open.add(new Lot(remaining, price));
    Map<String, BigDecimal> newFees = new TreeMap<>(fees);
    if (fee != null && fee.signum() != 0) {
      newFees.merge(feeCurrency == null ? "UNKNOWN" : feeCurrency, fee, BigDecimal::add);
    }
    return new CexPosition(open, realized, newFees);
  }

  /** Signed quantity held. */
  public BigDecimal quantity() {
    return lots.stream().map(Lot::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** What the open lots cost (positive for long and short alike). */
  public BigDecimal costBasis() {
    return lots.stream().map(l -> l.quantity().abs().multiply(l.price())).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** Average entry price of the open lots, zero when flat. */
  public BigDecimal averagePrice() {
    BigDecimal q = quantity().abs();
    return q.signum() == 0 ? BigDecimal.ZERO : costBasis().divide(q, PRICE_SCALE, RoundingMode.HALF_EVEN);
  }

  /** Unrealized P&L at {@code mark}. */
  public BigDecimal unrealizedPnl(BigDecimal mark) {
    return lots.stream().map(l -> mark.subtract(l.price()).multiply(l.quantity())).reduce(BigDecimal.ZERO,
        BigDecimal::add);
  }
}

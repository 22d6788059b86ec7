package io.strikeswarm.cex.orders;

import io.strikeswarm.cex.venue.CexInstrument;
import io.strikeswarm.cex.venue.OrderKind;
import io.strikeswarm.cex.venue.OrderSide;
import io.strikeswarm.persistence.CborSerializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * One of the bot's orders on the venue: what was intended, what the venue did with it. {@code venueOrderId} is null
 * until the venue (or reconciliation) names the order; {@code reason} says why it was rejected, cancelled or is
 * unknown.
 */
public record CexOrder(String clientId, String venueReference, long seq, CexInstrument instrument, OrderSide side,
    OrderKind kind, BigDecimal quantity, BigDecimal limitPrice, long intendedAtMs, OrderStatus status,
    String venueOrderId, List<TradeFill> fills, String reason) implements CborSerializable {

  public CexOrder {
    fills = List.copyOf(fills);
  }

  public BigDecimal filledQuantity() {
    return fills.stream().map(TradeFill::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  public BigDecimal remainingQuantity() {
    return quantity.subtract(filledQuantity()).max(BigDecimal.ZERO);
  }

  /** Volume-weighted fill price, zero before any fill. */
  public BigDecimal averageFillPrice() {
    BigDecimal filled = filledQuantity();
    if (filled.signum() == 0) return BigDecimal.ZERO;
    BigDecimal notional = fills.stream().map(f -> f.quantity().multiply(f.price())).reduce(BigDecimal.ZERO,
        BigDecimal::add);
    return notional.divide(filled, CexPosition.PRICE_SCALE, RoundingMode.HALF_EVEN);
  }

  CexOrder accepted(String venueOrderId) {
    OrderStatus s = status.isUnresolved() ? OrderStatus.ACCEPTED : status;
    return new CexOrder(clientId, venueReference, seq, instrument, side, kind, quantity, limitPrice, intendedAtMs,
        s, venueOrderId, fills, null);
  }

  CexOrder filled(TradeFill fill) {
    List<TradeFill> all = new ArrayList<>(fills);
    all.add(fill);
    BigDecimal total = all.stream().map(TradeFill::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    OrderStatus s = total.compareTo(quantity) >= 0 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
    String venueId = venueOrderId != null ? venueOrderId : fill.venueOrderId();
    return new CexOrder(clientId, venueReference, seq, instrument, side, kind, quantity, limitPrice, intendedAtMs,
        s, venueId, all, null);
  }

  CexOrder withStatus(OrderStatus newStatus, String why) {
    return new CexOrder(clientId, venueReference, seq, instrument, side, kind, quantity, limitPrice, intendedAtMs,
        newStatus, venueOrderId, fills, why);
  }
}

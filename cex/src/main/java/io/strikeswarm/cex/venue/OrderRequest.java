package io.strikeswarm.cex.venue;

import io.strikeswarm.cex.ids.ClientOrderId;
import java.math.BigDecimal;
import java.util.Objects;

/** One order as the venue will receive it. {@code limitPrice} is null for a market order. */
public record OrderRequest(ClientOrderId clientId, CexInstrument instrument, OrderSide side, OrderKind kind,
    BigDecimal quantity, BigDecimal limitPrice) {
  public OrderRequest {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(instrument, "instrument");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(quantity, "quantity");
    if ((kind == OrderKind.LIMIT) != (limitPrice != null)) {
      throw new IllegalArgumentException("a limit order needs a limit price and a market order must not have one");
    }
  }
}

package io.strikeswarm.cex.venue;

import io.strikeswarm.persistence.CborSerializable;
import java.math.BigDecimal;

/** One of our open orders as the venue lists it. {@code clientReference} is null on venues that drop it. */
public record VenueOrder(String venueOrderId, String clientReference, CexInstrument instrument, OrderSide side,
    BigDecimal originalQuantity, BigDecimal filledQuantity, BigDecimal limitPrice, long timeMs)
    implements CborSerializable {}

package io.strikeswarm.cex.venue;

import io.strikeswarm.persistence.CborSerializable;
import java.math.BigDecimal;

/**
 * One of our trades as the venue reports it. {@code clientReference} is our client id when the venue echoes it,
 * else null; {@code fee} may be null when the venue does not report it, {@code feeCurrency} likewise.
 */
public record VenueFill(String tradeId, String venueOrderId, String clientReference, CexInstrument instrument,
    OrderSide side, BigDecimal quantity, BigDecimal price, BigDecimal fee, String feeCurrency, long timeMs)
    implements CborSerializable {}

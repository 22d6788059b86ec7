package io.strikeswarm.bots.routing;

import io.strikeswarm.persistence.CborSerializable;
import java.math.BigDecimal;

/** One execution of a routed order: the venue's trade id, quantity, price and fee in the quote currency. */
public record RouteFill(String tradeId, BigDecimal quantity, BigDecimal price, BigDecimal quoteFee, long timeMs)
    implements CborSerializable {}

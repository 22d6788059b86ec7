package io.strikeswarm.cex.orders;

import io.strikeswarm.persistence.CborSerializable;
import java.math.BigDecimal;

/** One execution of one of our orders; {@code tradeId} is the venue's and makes it unique. */
public record TradeFill(String tradeId, String venueOrderId, BigDecimal quantity, BigDecimal price, BigDecimal fee,
    String feeCurrency, long timeMs) implements CborSerializable {}

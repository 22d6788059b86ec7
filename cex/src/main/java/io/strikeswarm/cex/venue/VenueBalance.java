package io.strikeswarm.cex.venue;

import java.math.BigDecimal;

public record VenueBalance(String currency, BigDecimal total, BigDecimal available) {}

package io.strikeswarm.swarm.report;

import java.math.BigDecimal;

/** The first and last bar of one instrument: all that buy-and-hold needs. {@code firstClose} must be positive. */
public record InstrumentRange(String instrument, int bars, long firstTimeMs, BigDecimal firstClose, long lastTimeMs,
    BigDecimal lastClose) {}

package io.strikeswarm.bots.domain;

import io.strikeswarm.persistence.CborSerializable;
import java.math.BigDecimal;

/** An execution: {@code quantity} (> 0) of {@code instrument} bought or sold at {@code price}, paying {@code fee}. */
public record Fill(String instrument, OrderAction action, BigDecimal quantity, BigDecimal price, BigDecimal fee,
    long timeMs) implements CborSerializable {}

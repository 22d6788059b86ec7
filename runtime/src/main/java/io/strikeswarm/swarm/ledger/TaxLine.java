package io.strikeswarm.swarm.ledger;

import java.math.BigDecimal;

/**
 * One realized lot of the tax view: {@code quantity} of {@code instrument} held by one bot from {@code openedMs} to
 * {@code closedMs} ({@code long}: bought then sold; {@code short}: sold then bought back), with its proceeds and
 * cost basis, fees included (entry fees in the basis, exit fees out of the proceeds), and the gain.
 */
public record TaxLine(String botId, String instrument, String direction, BigDecimal quantity, long openedMs,
    long closedMs, BigDecimal proceeds, BigDecimal costBasis, BigDecimal gain, String openOrderId,
    String closeOrderId) {}

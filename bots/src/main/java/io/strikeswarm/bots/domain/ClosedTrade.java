package io.strikeswarm.bots.domain;

import io.strikeswarm.persistence.CborSerializable;
import java.math.BigDecimal;

/**
 * One line of the trade ledger: a position (or the part of it a partial exit closed) from entry to exit.
 * {@code pnl} is net of {@code fees}, which are the entry fees' share of the closed quantity plus the exit fee;
 * summed over a bot's ledger, pnl equals its realized P&amp;L once it is flat.
 */
public record ClosedTrade(String botId, String instrument, Side side, BigDecimal quantity, long entryTimeMs,
    BigDecimal entryPrice, long exitTimeMs, BigDecimal exitPrice, BigDecimal pnl, BigDecimal fees, String exitReason)
    implements CborSerializable {}

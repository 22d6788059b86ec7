package io.strikeswarm.swarm.ledger;

import java.math.BigDecimal;

/**
 * One line of the audit ledger: one fill of one bot's order, with everything an auditor asks for. {@code
 * persistenceId} and {@code seqNr} name the journal event it came from, and are its key: the same event always
 * makes the same line, once. Times are market times (the bar the order was decided at).
 */
public record LedgerLine(String persistenceId, long seqNr, String botId, String venue, String orderId,
    String instrument, String side, BigDecimal quantity, BigDecimal price, BigDecimal fee, long timeMs,
    String reason, boolean completesOrder) {}

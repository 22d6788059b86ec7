package io.strikeswarm.http.audit;

import io.strikeswarm.persistence.CborSerializable;

/**
 * One mutating request as the audit trail keeps it: who (the token's name and role, never the token), what (method,
 * path, action, target), when (wall-clock time of the decision), and the outcome (status and a short message).
 */
public record AuditEntry(long timeMs, String principal, String role, String method, String path, String action,
    String target, int status, String outcome) implements CborSerializable {}

package io.strikeswarm.swarm.report;

/** A change of the swarm's trading state, e.g. NORMAL to HALTED because the daily loss limit was hit. */
public record RiskEvent(long timeMs, String from, String to, String reason) {}

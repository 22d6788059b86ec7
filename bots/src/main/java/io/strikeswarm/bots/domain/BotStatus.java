package io.strikeswarm.bots.domain;

/**
 * Lifecycle of a bot. NEW: never configured (any id a command names starts here, and is "unknown").
 * ACTIVE: trades. PAUSED: reduce-only — no new entries, exits still honoured. HALTED: flattened, trades nothing
 * until resumed. RETIRED: flattened, capital handed back, final.
 */
public enum BotStatus {
  NEW,
  ACTIVE,
  PAUSED,
  HALTED,
  RETIRED
}

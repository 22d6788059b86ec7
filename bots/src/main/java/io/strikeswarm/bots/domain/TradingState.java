package io.strikeswarm.bots.domain;

/**
 * The swarm's trading state, set by the master's risk limits and passed to every bot with the bars it evaluates
 * (NautilusTrader's model): ACTIVE trades normally; REDUCING lets positions be closed but opens none; HALTED means
 * everything has been flattened and nothing trades until an operator resumes.
 */
public enum TradingState {
  ACTIVE,
  REDUCING,
  HALTED;

  public boolean allowsEntries() {
    return this == ACTIVE;
  }
}

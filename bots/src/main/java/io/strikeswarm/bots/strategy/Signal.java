package io.strikeswarm.bots.strategy;

/** What a strategy wants on this bar, on its own side: open a position, close it, or do nothing. */
public enum Signal {
  ENTER,
  EXIT,
  HOLD
}

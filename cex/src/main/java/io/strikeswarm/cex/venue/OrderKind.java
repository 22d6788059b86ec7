package io.strikeswarm.cex.venue;

public enum OrderKind {
  MARKET,
  LIMIT
}

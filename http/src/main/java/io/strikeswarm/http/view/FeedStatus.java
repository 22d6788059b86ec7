package io.strikeswarm.http.view;

/**
 * Where the market feed of the operated swarm stands: mode (paper, live), state (starting, running, finished,
 * stopped, failed), the market time of the last bar every bot has committed, and progress through the source.
 */
public record FeedStatus(String mode, String state, String source, String speed, long marketTimeMs,
    long barTimesDone, long barTimesTotal, String error) {

  public static FeedStatus none() {
    return new FeedStatus("none", "stopped", "", "", 0, 0, 0, null);
  }
}

package io.strikeswarm.swarm.paper;

import io.strikeswarm.swarm.market.FlashGuardSettings;
import java.util.List;
import java.util.Optional;

/** How `swarm run` trades and serves: the market data to replay, its speed, and where the API listens. */
public record PaperOptions(List<String> data, Optional<String> bar, Optional<String> symbol, boolean skipBadRows,
    Speed speed, Optional<String> host, Optional<Integer> port, FlashGuardSettings flashGuard) {

  /** With the default flash-print screening (flagged and counted, traded on). */
  public PaperOptions(List<String> data, Optional<String> bar, Optional<String> symbol, boolean skipBadRows,
      Speed speed, Optional<String> host, Optional<Integer> port) {
    this(data, bar, symbol, skipBadRows, speed, host, port, FlashGuardSettings.DEFAULT);
  }
}

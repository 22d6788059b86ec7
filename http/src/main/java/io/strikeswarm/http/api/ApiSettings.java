package io.strikeswarm.http.api;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * The API's limits: how long it waits for the swarm, the largest request body it reads, the live feed's heartbeat,
 * and the largest page a list returns.
 */
public record ApiSettings(Duration askTimeout, long maxBodyBytes, Duration heartbeat, int maxPageSize) {
  public static ApiSettings from(Config http) {
    ApiSettings s = new ApiSettings(http.getDuration("ask-timeout"), http.getBytes("max-body"),
        http.getDuration("stream-heartbeat"), http.getInt("max-page-size"));
    if (s.askTimeout.isNegative() || s.askTimeout.isZero()) throw new IllegalArgumentException("swarm.http.ask-timeout: must be > 0");
    if (s.maxBodyBytes < 256 || s.maxBodyBytes > 16 << 20) {
      throw new IllegalArgumentException("swarm.http.max-body: must be in [256 B, 16 MiB], got " + s.maxBodyBytes);
    }
    if (s.maxPageSize < 1 || s.maxPageSize > 10_000) {
      throw new IllegalArgumentException("swarm.http.max-page-size: must be in [1, 10000], got " + s.maxPageSize);
    }
    return s;
  }
}

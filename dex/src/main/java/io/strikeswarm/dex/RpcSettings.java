package io.strikeswarm.dex;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * How a chain client talks to its node: HTTP timeouts and the size of its I/O pool. Defaults in {@code chains.conf}
 * ({@code strikeswarm.dex.rpc}). A JSON-RPC call to a local node takes about a millisecond, so the timeouts bound
 * only how long a dead or overloaded node can hold a caller's stage.
 */
public record RpcSettings(Duration connectTimeout, Duration readTimeout, int threads) {

  public static final String PATH = "strikeswarm.dex.rpc";

  public static RpcSettings defaults() {
    return new RpcSettings(Duration.ofSeconds(2), Duration.ofSeconds(10), 4);
  }

  public static RpcSettings from(Config root) {
    if (!root.hasPath(PATH)) return defaults();
    Config c = root.getConfig(PATH);
    RpcSettings d = defaults();
    return new RpcSettings(
        c.hasPath("connect-timeout") ? c.getDuration("connect-timeout") : d.connectTimeout(),
        c.hasPath("read-timeout") ? c.getDuration("read-timeout") : d.readTimeout(),
        c.hasPath("threads") ? c.getInt("threads") : d.threads());
  }
}

package io.strikeswarm.swarm.metrics;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.Map;

/**
 * {@code swarm.metrics}: whether the node exports metrics, where Prometheus scrapes them, how often Kamon snapshots
 * them, and whether Kamon attaches its agent (the Pekko, executor and JDBC series need it; the swarm's own series
 * do not). {@link #kamonConfig()} is the one place these become Kamon settings.
 */
public record MetricsSettings(boolean enabled, String host, int port, Duration tickInterval, boolean instrumentation) {

  public MetricsSettings {
    if (port < 0 || port > 65535) throw new IllegalArgumentException("swarm.metrics.port: " + port + " is not a port");
    if (tickInterval.isNegative() || tickInterval.isZero()) {
      throw new IllegalArgumentException("swarm.metrics.tick-interval must be positive, was " + tickInterval);
    }
  }

  public static MetricsSettings from(Config config) {
    Config m = config.getConfig("swarm.metrics");
    return new MetricsSettings(m.getBoolean("enabled"), m.getString("host"), m.getInt("port"),
        m.getDuration("tick-interval"), m.getBoolean("instrumentation"));
  }

  /**
   * Kamon's settings derived from these, to put in front of the node's configuration. The status page is switched
   * off: it would listen on every interface and the scrape endpoint already tells what is exported. A scrape sees
   * the values of the last tick, so the tick bounds how stale a scrape can be (Kamon's default is a minute).
   */
  public Config kamonConfig() {
    return ConfigFactory.parseMap(Map.of(
        "kamon.environment.service", "strikeswarm",
        "kamon.init.hide-banner", true,
        "kamon.metric.tick-interval", tickInterval.toMillis() + "ms",
        "kamon.prometheus.start-embedded-http-server", enabled,
        "kamon.prometheus.embedded-server.hostname", host,
        "kamon.prometheus.embedded-server.port", port,
        "kamon.modules.status-page.enabled", false,
        "kamon.status-page.listen.hostname", "127.0.0.1"));
  }
}

package io.strikeswarm.swarm.metrics;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.strikeswarm.http.metrics.SwarmMetrics;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Kamon as a node starts it, minus the agent (attaching takes seconds and changes this JVM's classes for every
 * later test), on a free port with a short tick so a recorded value shows in a scrape within a fraction of a second.
 */
final class KamonFixture {
  static final Duration TICK = Duration.ofMillis(200);

  record Running(SwarmMetrics metrics, URI endpoint) {}

  private KamonFixture() {}

  static Running start() {
    int port = freePort();
    Config config = ConfigFactory.parseMap(Map.of("swarm.metrics.port", port,
            "swarm.metrics.tick-interval", TICK.toMillis() + "ms", "swarm.metrics.instrumentation", false))
        .withFallback(ConfigFactory.parseResources("metrics.conf"))
        .withFallback(ConfigFactory.defaultReference())
        .resolve();
    SwarmMetrics metrics = Metrics.start(config);
    return new Running(metrics, URI.create("http://127.0.0.1:" + port + "/metrics"));
  }

  static void stop() {
    Metrics.stop(Duration.ofSeconds(10));
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}

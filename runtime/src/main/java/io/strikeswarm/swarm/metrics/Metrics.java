package io.strikeswarm.swarm.metrics;

import com.typesafe.config.Config;
import io.strikeswarm.http.metrics.SwarmMetrics;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import kamon.Kamon;
import scala.concurrent.Await;

/**
 * Starts and stops Kamon for a node. {@link #start} must run first in {@code main}, before any Pekko class is
 * loaded: the agent it attaches instruments classes as they load, and a Pekko class loaded earlier stays
 * uninstrumented.
 */
public final class Metrics {
  private Metrics() {}

  /**
   * Kamon with its Prometheus endpoint per {@code swarm.metrics}, and the swarm's instruments; {@link SwarmMetrics#NONE}
   * without starting anything when metrics are disabled.
   */
  public static SwarmMetrics start(Config config) {
    MetricsSettings settings = MetricsSettings.from(config);
    if (!settings.enabled()) return SwarmMetrics.NONE;
    Config kamon = settings.kamonConfig().withFallback(config);
    if (settings.instrumentation()) {
      Kamon.init(kamon);
    } else {
      Kamon.initWithoutAttaching(kamon);
    }
    return new KamonMetrics();
  }

  /**
   * Stops Kamon's modules (the scrape endpoint, reporters, samplers) and their threads, which are not daemons: call it
   * after the actor system has terminated, or the JVM does not exit when main returns (System.exit needs nothing).
   * The agent's changes to classes stay.
   */
  public static void stop(Duration timeout) {
    try {
      Await.result(Kamon.stop(), scala.concurrent.duration.Duration.fromNanos(timeout.toNanos()));
    } catch (TimeoutException e) {
      throw new IllegalStateException("Kamon did not stop within " + timeout, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while stopping Kamon", e);
    } catch (Exception e) {
      throw new IllegalStateException("Kamon failed to stop", e);
    }
  }
}

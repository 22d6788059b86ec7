package io.strikeswarm.swarm.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.strikeswarm.http.metrics.SwarmMetrics;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code swarm.metrics} as a node reads it, and what it makes of Kamon's settings. */
class MetricsSettingsTest {

  private static Config metricsConf(String overrides) {
    return ConfigFactory.parseString(overrides).withFallback(ConfigFactory.parseResources("metrics.conf")).resolve();
  }

  @Test
  void byDefaultANodeExportsOnLoopbackPort9095EveryFiveSecondsWithTheAgent() {
    MetricsSettings settings = MetricsSettings.from(metricsConf(""));
    assertThat(settings).isEqualTo(new MetricsSettings(true, "127.0.0.1", 9095, Duration.ofSeconds(5), true));
    assertThat(metricsConf("").getBoolean("pekko.daemonic")).isTrue();
  }

  @Test
  void kamonServesPrometheusWhereConfiguredNamesTheServiceAndKeepsItsStatusPageOff() {
    Config kamon = new MetricsSettings(true, "127.0.0.2", 19095, Duration.ofMillis(1500), false).kamonConfig();
    assertThat(kamon.getString("kamon.prometheus.embedded-server.hostname")).isEqualTo("127.0.0.2");
    assertThat(kamon.getInt("kamon.prometheus.embedded-server.port")).isEqualTo(19095);
    assertThat(kamon.getDuration("kamon.metric.tick-interval")).isEqualTo(Duration.ofMillis(1500));
    assertThat(kamon.getString("kamon.environment.service")).isEqualTo("strikeswarm");
    assertThat(kamon.getBoolean("kamon.modules.status-page.enabled")).isFalse();
    assertThat(kamon.getString("kamon.status-page.listen.hostname")).isEqualTo("127.0.0.1");
  }

  @Test
  void disabledMetricsStartNothingAndRecordNothing() {
    assertThat(Metrics.start(metricsConf("swarm.metrics.enabled = false"))).isSameAs(SwarmMetrics.NONE);
  }

  @Test
  void aPortOutOfRangeOrAZeroTickIsRefused() {
    assertThatThrownBy(() -> MetricsSettings.from(metricsConf("swarm.metrics.port = 70000")))
        .hasMessageContaining("swarm.metrics.port");
    assertThatThrownBy(() -> MetricsSettings.from(metricsConf("swarm.metrics.tick-interval = 0s")))
        .hasMessageContaining("tick-interval");
  }
}

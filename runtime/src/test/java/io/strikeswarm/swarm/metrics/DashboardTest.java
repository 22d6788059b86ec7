package io.strikeswarm.swarm.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strikeswarm.bots.domain.TradingState;
import io.strikeswarm.http.metrics.SwarmMetrics;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard charts only series a node exports: what a scrape shows once the swarm has reported one of
 * everything, plus the agent's series proven in {@link KamonAgentTest}.
 */
class DashboardTest {
  private static final Path DASHBOARD = Path.of("..", "docs", "grafana", "strikeswarm-dashboard.json");

  private static JsonNode dashboard;
  private static Set<String> exported;

  @BeforeAll
  static void scrapeANodeThatReportedEverything() throws Exception {
    dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
    KamonFixture.Running kamon = KamonFixture.start();
    try {
      SwarmMetrics m = kamon.metrics();
      m.barsProcessed(1);
      m.signal("long-strike");
      m.order("long-strike", "entry");
      m.fill("long-strike");
      m.reject("long-strike", "daily-loss");
      m.diamondEquity("long-strike", BigDecimal.TEN, BigDecimal.ONE);
      m.swarmEquity(BigDecimal.TEN, BigDecimal.ONE);
      m.tradingState(TradingState.ACTIVE);
      m.journalCommit(1_000_000);
      m.httpRequest("GET", "/api/swarm", 200, 1_000_000);
      Scrape scrape = Scrape.await(kamon.endpoint(), Duration.ofSeconds(10),
          s -> s.has("swarm_journal_commit_seconds_count") && s.names().contains("http_request_seconds_count")
              && s.has("swarm_trading_state"));
      exported = new TreeSet<>(scrape.names());
    } finally {
      KamonFixture.stop();
    }
    exported.addAll(KamonSeries.NAMES);
  }

  @Test
  void everyPanelQueriesOnlySeriesTheNodeExports() {
    List<String> unknown = new ArrayList<>();
    for (JsonNode panel : chartPanels()) {
      for (JsonNode target : panel.path("targets")) {
        for (String name : PromQl.metricNames(target.path("expr").asText())) {
          if (!exported.contains(name)) unknown.add(panel.path("title").asText() + ": " + name);
        }
      }
    }
    assertThat(unknown).as("series not exported (exported: %s)", exported).isEmpty();
  }

  @Test
  void everyPanelHasAQueryAndUsesThePrometheusDatasourceVariable() {
    assertThat(chartPanels()).hasSizeGreaterThanOrEqualTo(20);
    for (JsonNode panel : chartPanels()) {
      String title = panel.path("title").asText();
      assertThat(panel.path("datasource").path("uid").asText()).as(title).isEqualTo("${DS_PROMETHEUS}");
      assertThat(panel.path("targets")).as(title).isNotEmpty();
      for (JsonNode target : panel.path("targets")) {
        assertThat(target.path("datasource").path("uid").asText()).as(title).isEqualTo("${DS_PROMETHEUS}");
        assertThat(PromQl.metricNames(target.path("expr").asText())).as(title).isNotEmpty();
      }
    }
    JsonNode variable = dashboard.path("templating").path("list").get(0);
    assertThat(variable.path("name").asText()).isEqualTo("DS_PROMETHEUS");
    assertThat(variable.path("type").asText()).isEqualTo("datasource");
  }

  @Test
  void theSwarmsOwnSeriesAreAllCharted() {
    Set<String> charted = new TreeSet<>();
    for (JsonNode panel : chartPanels()) {
      panel.path("targets").forEach(t -> charted.addAll(PromQl.metricNames(t.path("expr").asText())));
    }
    assertThat(charted).contains("swarm_equity", "swarm_pnl", "swarm_trading_state", "swarm_bars_processed_total",
        "swarm_signals_total", "swarm_orders_total", "swarm_fills_total", "swarm_rejects_total",
        "swarm_journal_commit_seconds_bucket", "http_request_seconds_bucket", "http_request_seconds_count");
  }

  @Test
  void promQlNamesAreFoundOutsideLabelsRangesAndGroupings() {
    assertThat(PromQl.metricNames(
        "histogram_quantile(0.99, sum by (le, route) (rate(http_request_seconds_bucket{route=~\"/api.*\"}[$__rate_interval])))"))
        .containsExactly("http_request_seconds_bucket");
    assertThat(PromQl.metricNames("rate(a_sum[5m]) / rate(a_count[5m]) and on (x) b{c=\"d\"}"))
        .containsExactly("a_count", "a_sum", "b");
  }

  private static List<JsonNode> chartPanels() {
    List<JsonNode> panels = new ArrayList<>();
    for (JsonNode panel : dashboard.path("panels")) {
      if (!panel.path("type").asText().equals("row")) panels.add(panel);
    }
    return panels;
  }
}

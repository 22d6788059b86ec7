package io.strikeswarm.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The served OpenAPI document describes every route the API has, and nothing it does not have. */
class OpenApiDocumentTest {
  private static final List<String> ROUTES = List.of("/api/health", "/api/ready", "/api/openapi.json", "/api/swarm",
      "/api/swarm/equity", "/api/swarm/resume", "/api/diamonds", "/api/bots", "/api/bots/{id}",
      "/api/bots/{id}/events", "/api/bots/{id}/state-at", "/api/bots/{id}/pause", "/api/bots/{id}/resume",
      "/api/bots/{id}/parameters", "/api/diamonds/{name}/rebalance", "/api/master/allocation", "/api/kill-switch",
      "/api/orders", "/api/trades", "/api/amm/round-trips", "/api/stream", "/api/audit");

  @Test
  void everyRouteIsDocumentedAndLabelledForMetrics() throws Exception {
    JsonNode doc;
    try (InputStream in = getClass().getResourceAsStream("/openapi.json")) {
      doc = new ObjectMapper().readTree(in);
    }
    assertThat(doc.get("openapi").asText()).isEqualTo("3.0.3");
    List<String> documented = new ArrayList<>();
    doc.get("paths").fieldNames().forEachRemaining(documented::add);
    assertThat(documented).containsExactlyInAnyOrderElementsOf(ROUTES);
    for (String route : ROUTES) {
      String concrete = route.replace("{id}", "long-07").replace("{name}", "amm");
      assertThat(RouteLabels.of(concrete)).as(concrete).isEqualTo(route);
    }
    assertThat(RouteLabels.of("/api/bots/long-07/../../x")).isEqualTo("other");
    assertThat(RouteLabels.of("/api/" + "x".repeat(500))).isEqualTo("other");
  }

  @Test
  void everyChangeNeedsARoleAndEveryErrorIsDescribed() throws Exception {
    JsonNode doc;
    try (InputStream in = getClass().getResourceAsStream("/openapi.json")) {
      doc = new ObjectMapper().readTree(in);
    }
    doc.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
      if (op.getKey().equals("post") || op.getKey().equals("put")) {
        assertThat(op.getValue().get("description").asText()).as(path.getKey()).containsAnyOf("operator", "admin");
        assertThat(op.getValue().get("responses").has("403")).as(path.getKey()).isTrue();
        assertThat(op.getValue().get("responses").has("400")).as(path.getKey()).isTrue();
      }
    }));
  }
}

package io.strikeswarm.http.api;

import java.util.Set;

/**
 * The route template a request path belongs to ({@code /api/bots/{id}}), for metrics: a label per template, never
 * per raw path, so odd or hostile paths cannot blow up the number of series.
 */
public final class RouteLabels {
  private static final Set<String> FIXED = Set.of("/api/health", "/api/ready", "/api/openapi.json", "/api/swarm",
      "/api/swarm/equity", "/api/swarm/resume", "/api/diamonds", "/api/bots", "/api/master/allocation",
      "/api/kill-switch", "/api/orders", "/api/trades", "/api/amm/round-trips", "/api/stream", "/api/audit", "/");
  private static final Set<String> BOT_ACTIONS = Set.of("events", "state-at", "pause", "resume", "parameters");

  private RouteLabels() {}

  public static String of(String path) {
    if (FIXED.contains(path)) return path;
    String[] parts = path.split("/", -1);
    if (parts.length == 4 && path.startsWith("/api/bots/") && !parts[3].isEmpty()) return "/api/bots/{id}";
    if (parts.length == 5 && path.startsWith("/api/bots/") && BOT_ACTIONS.contains(parts[4])) {
      return "/api/bots/{id}/" + parts[4];
    }
    if (parts.length == 5 && path.startsWith("/api/diamonds/") && parts[4].equals("rebalance")) {
      return "/api/diamonds/{name}/rebalance";
    }
    if (path.startsWith("/dashboard/")) return "/dashboard/*";
    return "other";
  }
}

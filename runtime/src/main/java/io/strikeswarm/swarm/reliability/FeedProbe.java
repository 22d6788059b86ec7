package io.strikeswarm.swarm.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads where a child swarm's feed stands through its own API ({@code GET /api/swarm}, the admin token the child
 * made in its data directory): what an operator sees, nothing the harness could not see from outside.
 */
final class FeedProbe {
  /** The feed as the API reports it: every bot has committed every bar time up to {@code marketTimeMs}. */
  record Feed(String state, long barTimesDone, long barTimesTotal, long marketTimeMs) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final URI swarm;
  private final String token;

  FeedProbe(URI api, Path dataDirectory) throws IOException {
    this.swarm = api.resolve("/api/swarm");
    this.token = Files.readString(dataDirectory.resolve("http").resolve("admin.token")).trim();
  }

  /** The feed now; empty if the child did not answer (it may be dying). */
  Optional<Feed> poll() {
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(swarm).timeout(Duration.ofSeconds(5))
          .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) return Optional.empty();
      JsonNode feed = JSON.readTree(response.body()).path("feed");
      return Optional.of(new Feed(feed.path("state").asText(), feed.path("barTimesDone").asLong(),
          feed.path("barTimesTotal").asLong(), feed.path("marketTimeMs").asLong(Long.MIN_VALUE)));
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}

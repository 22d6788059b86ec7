package io.strikeswarm.swarm.inspect;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one node's Pekko Management endpoint. The shard regions are named by the caller: the endpoint is read-only,
 * and read-only it does not list the regions (the swarm's is {@code bot}).
 */
public final class ManagementClient {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final URI base;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  /** @param base the endpoint's base address, e.g. {@code http://127.0.0.1:8558/} */
  public ManagementClient(URI base) {
    this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
  }

  public NodeView view(List<String> regions) {
    Map<String, String> shards = new LinkedHashMap<>();
    for (String region : regions) {
      shards.put(region, get("cluster/shards/" + URLEncoder.encode(region, StandardCharsets.UTF_8)));
    }
    return NodeView.parse(get("cluster/members"), shards);
  }

  String get(String path) {
    URI uri = base.resolve(path);
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new IllegalStateException("cannot reach " + uri + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading " + uri, e);
    }
  }
}

package io.strikeswarm.http.api;

import io.strikeswarm.http.view.SwarmSnapshot;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.model.HttpResponse;

/**
 * Responses rendered from a swarm view, rendered once per view: the view is immutable and replaced about once a
 * second, while a dashboard or a scraper may ask for the same body thousands of times in between. Responses are
 * immutable (strict entities), so one instance serves every request.
 */
final class SnapshotResponses {
  private volatile SwarmSnapshot view;
  private volatile ConcurrentHashMap<String, HttpResponse> rendered = new ConcurrentHashMap<>();

  HttpResponse get(SwarmSnapshot snapshot, String key, Supplier<HttpResponse> render) {
    if (snapshot != view) {
      synchronized (this) {
        if (snapshot != view) {
          rendered = new ConcurrentHashMap<>();
          view = snapshot;
        }
      }
    }
    return rendered.computeIfAbsent(key, k -> render.get());
  }
}

package io.strikeswarm.swarm.metrics;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/** One scrape of a Prometheus text endpoint. Labels are compared as sets: Kamon does not keep their order. */
record Scrape(List<Sample> samples) {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  record Sample(String name, Map<String, String> labels, double value) {}

  static Scrape of(URI endpoint) {
    HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(10)).GET().build();
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) throw new IllegalStateException(endpoint + " answered " + response.statusCode());
      return parse(response.body());
    } catch (IOException e) {
      throw new IllegalStateException("cannot scrape " + endpoint + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Scrapes until {@code until} holds (Kamon publishes once a tick); the last scrape if it never does. */
  static Scrape await(URI endpoint, Duration limit, Predicate<Scrape> until) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    Scrape scrape = of(endpoint);
    while (!until.test(scrape) && System.nanoTime() < deadline) {
      Thread.sleep(50);
      scrape = of(endpoint);
    }
    return scrape;
  }

  static Scrape parse(String text) {
    List<Sample> samples = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) continue;
      int space = line.lastIndexOf(' ');
      String series = line.substring(0, space);
      double value = Double.parseDouble(line.substring(space + 1));
      int brace = series.indexOf('{');
      if (brace < 0) {
        samples.add(new Sample(series, Map.of(), value));
      } else {
        samples.add(new Sample(series.substring(0, brace), labels(series.substring(brace + 1, series.length() - 1)),
            value));
      }
    }
    return new Scrape(List.copyOf(samples));
  }

  private static Map<String, String> labels(String text) {
    Map<String, String> labels = new HashMap<>();
    int i = 0;
    while (i < text.length()) {
      int eq = text.indexOf("=\"", i);
      int close = text.indexOf('"', eq + 2);
      labels.put(text.substring(i, eq), text.substring(eq + 2, close));
      i = close + 2; // past the quote and the comma
    }
    return labels;
  }

  /** The value of the series with exactly these labels ({@code "k", "v", ...}); 0 if it is not exported (yet). */
  double value(String name, String... labels) {
    return find(name, labels).map(Sample::value).orElse(0.0);
  }

  boolean has(String name, String... labels) {
    return find(name, labels).isPresent();
  }

  /** True once Kamon has published a tick (before that the endpoint serves a comment only). */
  boolean published() {
    return !samples.isEmpty();
  }

  private java.util.Optional<Sample> find(String name, String... labels) {
    Map<String, String> wanted = new HashMap<>();
    for (int i = 0; i < labels.length; i += 2) wanted.put(labels[i], labels[i + 1]);
    return samples.stream().filter(s -> s.name().equals(name) && s.labels().equals(wanted)).findFirst();
  }

  /** Metric names as they appear on sample lines ({@code _bucket}, {@code _sum}, {@code _count} included). */
  Set<String> names() {
    Set<String> names = new TreeSet<>();
    for (Sample sample : samples) names.add(sample.name());
    return names;
  }
}

package io.strikeswarm.swarm.metrics;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.strikeswarm.bots.entity.BotSettings;
import io.strikeswarm.swarm.SwarmRuntime;
import io.strikeswarm.swarm.TestBots;
import io.strikeswarm.swarm.management.ManagementServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Run in a JVM of its own (the agent it attaches changes classes for good): starts Kamon the way a node does, then a
 * swarm node, wakes bots (actors, sharding, JDBC journal writes) and calls the management endpoint (Pekko HTTP),
 * waits a few ticks (1 s here) and prints what Prometheus would scrape: {@code TIMING} lines, one
 * {@code FAMILY name series-count} line per metric name, then every {@code SAMPLE}. Arguments: data directory,
 * Prometheus port.
 */
public final class InstrumentationProbe {
  public static void main(String[] args) throws Exception {
    Path dataDir = Path.of(args[0]);
    int port = Integer.parseInt(args[1]);
    Config overrides = ConfigFactory.parseMap(Map.of(
        "swarm.metrics.port", port, "swarm.metrics.tick-interval", "1s", "swarm.management.port", 0,
        // JVM memory is sampled every 10 s by default: sample it within the probe's few seconds.
        "kamon.modules.jvm-metrics.interval", "1s"))
        .withFallback(ConfigFactory.parseResources("metrics.conf"))
        .withFallback(ConfigFactory.parseResources("management.conf"));
    // Nothing has started Pekko yet: this only reads configuration files.
    Config config = SwarmRuntime.loadConfig(dataDir, overrides);
    long t0 = System.nanoTime();
    Metrics.start(config);
    long t1 = System.nanoTime();
    var system = SwarmRuntime.startBotNode(config, BotSettings.DEFAULT, Duration.ofSeconds(60));
    long t2 = System.nanoTime();
    System.out.printf("TIMING kamon-init-ms %d%nTIMING node-start-ms %d%n", (t1 - t0) / 1_000_000,
        (t2 - t1) / 1_000_000);

    List<String> bots = new ArrayList<>();
    for (int i = 1; i <= 20; i++) bots.add(String.format("long-%02d", i));
    TestBots.configure(system, bots);
    URI management = ManagementServer.start(system);
    HttpClient http = HttpClient.newHttpClient();
    for (String path : List.of("cluster/members", "cluster/shards/bot", "ready", "alive", "nowhere")) {
      http.send(HttpRequest.newBuilder(management.resolve(path)).build(), HttpResponse.BodyHandlers.discarding());
    }
    Duration tick = MetricsSettings.from(config).tickInterval();
    Thread.sleep(Math.max(3 * tick.toMillis(), 3000));

    Map<String, Integer> families = new TreeMap<>();
    Scrape scrape = Scrape.of(URI.create("http://127.0.0.1:" + port + "/metrics"));
    for (Scrape.Sample sample : scrape.samples()) families.merge(sample.name(), 1, Integer::sum);
    families.forEach((name, count) -> System.out.println("FAMILY " + name + " " + count));
    for (Scrape.Sample s : scrape.samples()) System.out.println("SAMPLE " + s.name() + s.labels() + " " + s.value());
    System.out.flush();
    system.terminate();
    system.getWhenTerminated().toCompletableFuture().get();
    Metrics.stop(Duration.ofSeconds(10));
  }
}

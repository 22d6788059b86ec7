package io.strikeswarm.swarm.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.strikeswarm.http.auth.NewToken;
import io.strikeswarm.http.auth.Role;
import io.strikeswarm.http.auth.TokenGenerator;
import io.strikeswarm.swarm.inspect.ManagementClient;
import io.strikeswarm.swarm.inspect.NodeView;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster profile on three JVMs on loopback, started with the real config/local1..3.conf (their ports replaced
 * by free ones): they form one cluster through Cluster Bootstrap with config discovery, the master and the paper feed
 * run once, every node hosts bot shards and serves the API, when the node holding the singletons is killed with
 * SIGKILL the Split Brain Resolver downs it and the singletons start on a survivor, and when that one leaves
 * gracefully (SIGTERM) they hand over to the last node.
 *
 * <p>No Cassandra here, so each node keeps its own H2 journal ({@code allow-node-local-journal}): this proves the
 * cluster's mechanics, not that the moved master recovers the old one's history (that needs the shared journal).
 */
@Tag("slow")
class ClusterFailoverTest {
  private static final String MASTER = "singleton actor [pekko://strikeswarm/system/singletonManagermaster/master]";
  private static final String FEED_STARTED = "paper feed started on this node";
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final long testStarted = System.nanoTime();
  @TempDir Path dir;
  private final List<NodeProcess> nodes = new ArrayList<>();
  private final NewToken viewer = new TokenGenerator().generate("cluster-test", Role.VIEWER);

  @AfterEach
  void stopNodes() throws InterruptedException {
    NodeProcess.closeAll(nodes);
  }

  @Test
  void threeNodesFormOneClusterThroughBootstrapAndTheSingletonsMoveWhenTheirNodeIsKilledOrLeaves() throws Exception {
    List<NodeProcess.Ports> ports = List.of(NodeProcess.Ports.free(), NodeProcess.Ports.free(),
        NodeProcess.Ports.free());
    Path bars = writeBars();
    long started = System.nanoTime();
    for (int i = 0; i < 3; i++) {
      Path config = writeNodeConfig(i + 1, ports);
      nodes.add(NodeProcess.start("node" + (i + 1), ports.get(i), config, dir.resolve("node" + (i + 1)),
          "--data", bars.toString(), "--speed", "1x"));
    }

    // 1. One cluster of three, formed by bootstrap: every node sees the same three members Up.
    await("three members Up on every node", Duration.ofSeconds(90), () -> nodes.stream()
        .allMatch(n -> upMembers(n).size() == 3));
    double formedSeconds = seconds(started);
    NodeView first = view(nodes.get(0));
    String oldestAddress = first.members().stream().filter(NodeView.Member::oldest).findFirst().orElseThrow().address();
    NodeProcess oldest = byArteryPort(oldestAddress);
    List<NodeProcess> others = nodes.stream().filter(n -> n != oldest).toList();
    for (NodeProcess n : nodes) {
      assertThat(n.logText()).as("%s joined through bootstrap, not by itself", n.name)
          .contains("Bootstrap").doesNotContain("Trying to join itself");
    }

    // 2. The master and the feed run once, on the oldest node; the API answers on a node that hosts neither.
    await("the master answers through the API of " + others.get(0).name, Duration.ofSeconds(60),
        () -> api(others.get(0), "/api/swarm") == 200);
    // A bot asked afresh through sharding, from the other node that hosts no singleton.
    await("a bot answers through the API of " + others.get(1).name, Duration.ofSeconds(30),
        () -> api(others.get(1), "/api/bots/long-01?fresh=true") == 200);
    assertThat(nodes.stream().filter(n -> n.logText().contains("starting " + MASTER)).map(n -> n.name).toList())
        .containsExactly(oldest.name);
    await("the paper feed starts", Duration.ofSeconds(30), () -> oldest.logText().contains(FEED_STARTED));
    assertThat(nodes.stream().filter(n -> n.logText().contains(FEED_STARTED)).count()).isEqualTo(1);

    // 3. Sharding: a bot region on every node, and every node hosts some of the bots' shards.
    await("every node hosts bot shards", Duration.ofSeconds(60),
        () -> nodes.stream().allMatch(n -> entities(n) > 0));

    // 4. SIGKILL the singletons' node: the SBR downs it, the survivors carry on with the master and the feed.
    long killed = System.nanoTime();
    oldest.kill();
    await("the killed node is downed and removed", Duration.ofSeconds(60), () -> others.stream()
        .allMatch(n -> upMembers(n).size() == 2 && view(n).members().stream()
            .noneMatch(m -> m.address().equals(oldestAddress))));
    double removedSeconds = seconds(killed);
    await("the master starts on a survivor", Duration.ofSeconds(30),
        () -> others.stream().anyMatch(n -> n.logText().contains("starting " + MASTER)));
    double singletonSeconds = seconds(killed);
    await("every survivor's API answers with the moved master", Duration.ofSeconds(60),
        () -> others.stream().allMatch(n -> api(n, "/api/swarm") == 200));
    double apiSeconds = seconds(killed);
    await("the feed starts on a survivor", Duration.ofSeconds(30),
        () -> others.stream().anyMatch(n -> n.logText().contains(FEED_STARTED)));
    assertThat(others.stream().filter(n -> n.logText().contains("starting " + MASTER)).count()).isEqualTo(1);
    assertThat(others).allMatch(NodeProcess::alive);

    // 5. A graceful leave, as in a rolling update (SIGTERM): the singletons are stopped by their stop messages and
    //    hand over to the last node, whose API then answers with the master.
    NodeProcess holder = others.stream().filter(n -> n.logText().contains("starting " + MASTER)).findFirst()
        .orElseThrow();
    NodeProcess last = others.stream().filter(n -> n != holder).findFirst().orElseThrow();
    long left = System.nanoTime();
    holder.terminate();
    await("the master hands over to " + last.name, Duration.ofSeconds(60),
        () -> last.logText().contains("starting " + MASTER));
    double handOverSeconds = seconds(left);
    await("the last node's API answers with the master", Duration.ofSeconds(30),
        () -> api(last, "/api/swarm") == 200);
    assertThat(holder.awaitExit(30)).as("%s exits after leaving", holder.name).isTrue();
    assertThat(holder.logText()).contains("stopping " + MASTER).contains("paper feed stopped on this node");

    System.out.printf("cluster formed in %.1f s; after SIGKILL of the oldest: removed after %.1f s, master started "
        + "after %.1f s, API served by every survivor after %.1f s; after SIGTERM of the next: master handed over "
        + "after %.1f s%n", formedSeconds, removedSeconds, singletonSeconds, apiSeconds, handOverSeconds);
  }

  private Path writeNodeConfig(int n, List<NodeProcess.Ports> ports) throws Exception {
    Path local = Path.of("..", "config", "local" + n + ".conf").toAbsolutePath().normalize();
    assertThat(local).exists();
    NodeProcess.Ports mine = ports.get(n - 1);
    String endpoints = ports.stream().map(p -> "{ host = \"127.0.0.1\", port = " + p.management() + " }")
        .collect(Collectors.joining(", "));
    String config = String.join("\n",
        "include file(\"" + local + "\")",
        "# No Cassandra in this test: each node its own H2 journal (cluster mechanics only).",
        "swarm.persistence.profile = \"local\"",
        "swarm.cluster.allow-node-local-journal = on",
        "pekko.remote.artery.canonical.port = " + mine.artery(),
        "swarm.management.port = " + mine.management(),
        "swarm.http.port = " + mine.http(),
        "swarm.metrics.enabled = false",
        "pekko.discovery.config.services.strikeswarm.endpoints = [ " + endpoints + " ]",
        // Faster than the real settings so the test stays short: config discovery never changes, and a killed
        // JVM on loopback is not a partition.
        "pekko.management.cluster.bootstrap.contact-point-discovery.stable-margin = 1s",
        "pekko.cluster.split-brain-resolver.stable-after = 2s",
        "pekko.cluster.sharding.rebalance-interval = 2s",
        "swarm.diamonds.long-strike.bots = 6",
        "swarm.diamonds.short-strike.bots = 6",
        "swarm.http.auth.tokens = [ " + viewer.hoconSnippet() + " ]",
        "");
    Path file = dir.resolve("node" + n + ".conf");
    Files.writeString(file, config);
    return file;
  }

  /**
   * A day of 5-minute bars of the two instruments the bot templates trade: loading it costs the nodes nothing next to
   * the built-in sets (100,000 trades), on a machine whose two cores the three JVMs share.
   */
  private Path writeBars() throws Exception {
    StringBuilder csv = new StringBuilder("datetime,open,high,low,close,volume,symbol\n");
    java.time.Instant t = java.time.Instant.parse("2023-01-02T00:00:00Z");
    for (int i = 0; i < 288; i++, t = t.plusSeconds(300)) {
      for (String[] market : new String[][] {{"BTC-USD", "16000"}, {"ETH-USD", "1200"}}) {
        double open = Double.parseDouble(market[1]) * (1 + 0.01 * Math.sin(i / 9.0));
        double close = Double.parseDouble(market[1]) * (1 + 0.01 * Math.sin((i + 1) / 9.0));
        csv.append(String.format(java.util.Locale.ROOT, "%s,%.2f,%.2f,%.2f,%.2f,10,%s%n", t, open,
            Math.max(open, close) * 1.001, Math.min(open, close) * 0.999, close, market[0]));
      }
    }
    Path file = dir.resolve("bars.csv");
    Files.writeString(file, csv);
    return file;
  }

  private NodeProcess byArteryPort(String address) {
    return nodes.stream().filter(n -> address.endsWith(":" + n.ports.artery())).findFirst()
        .orElseThrow(() -> new AssertionError("no node has the address " + address));
  }

  private static NodeView view(NodeProcess node) {
    return new ManagementClient(URI.create("http://127.0.0.1:" + node.ports.management())).view(List.of("bot"));
  }

  private static List<NodeView.Member> upMembers(NodeProcess node) {
    try {
      return view(node).members().stream().filter(m -> m.status().equals("Up")).toList();
    } catch (RuntimeException notYet) {
      return List.of();
    }
  }

  private static int entities(NodeProcess node) {
    try {
      return view(node).regions().getOrDefault("bot", List.of()).stream().mapToInt(NodeView.Shard::entities).sum();
    } catch (RuntimeException notYet) {
      return 0;
    }
  }

  private int api(NodeProcess node, String path) {
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.ports.http() + path))
          .header("Authorization", "Bearer " + viewer.token()).timeout(Duration.ofSeconds(5)).GET().build();
      return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (Exception notYet) {
      return -1;
    }
  }

  private void await(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        StringBuilder logs = new StringBuilder();
        for (NodeProcess n : nodes) {
          String text = n.logText();
          logs.append("\n--- ").append(n.name).append(" (alive: ").append(n.alive()).append(") last log lines:\n")
              .append(text.substring(Math.max(0, text.length() - 4000)));
        }
        throw new AssertionError("timed out after " + limit + " waiting until " + what + logs);
      }
      Thread.sleep(250);
    }
    System.out.printf("%5.1f s  %s%n", seconds(testStarted), what);
  }

  private static double seconds(long sinceNanos) {
    return (System.nanoTime() - sinceNanos) / 1e9;
  }
}

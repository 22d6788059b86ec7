package io.strikeswarm.swarm.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import io.strikeswarm.bots.entity.BotEntity;
import io.strikeswarm.http.auth.NewToken;
import io.strikeswarm.http.auth.Role;
import io.strikeswarm.http.auth.TokenGenerator;
import io.strikeswarm.master.capital.DiamondKind;
import io.strikeswarm.persistence.ReadSide;
import io.strikeswarm.persistence.cassandra.CassandraServer;
import io.strikeswarm.persistence.cassandra.CassandraTestNode;
import io.strikeswarm.swarm.SwarmCli;
import io.strikeswarm.swarm.SwarmRuntime;
import io.strikeswarm.swarm.inspect.ManagementClient;
import io.strikeswarm.swarm.inspect.NodeView;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.stream.javadsl.Sink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Node loss on the shared journal: a paper run at full speed over a finite data set (the way the cluster runs bars)
 * on three JVMs with the cluster profile and one real Cassandra, the node running the feed and the master killed with
 * SIGKILL part way through. The survivors serve every bot again within a bound, finish the run, and leave a journal
 * without a gap and a trade ledger byte-identical to a single node's run of the same input, with one ledger line per
 * fill event of the journal.
 *
 * <p>Nothing wall-clock dependent may decide a trade, or the two runs could differ for reasons other than the node
 * loss: the diamonds' scheduled rebalance (a wall-clock timer) is off, and the feed runs unpaced ({@code --speed max}).
 */
@Tag("slow")
class NodeLossOnCassandraTest {
  private static final int BOTS_PER_DIAMOND = 6;
  private static final int DAYS = 1;
  private static final String MASTER = "singleton actor [pekko://strikeswarm/system/singletonManagermaster/master]";
  private static final String FEED_STARTED = "paper feed started on this node";
  private static final Duration ALL_BOTS_SERVING_BOUND = Duration.ofSeconds(60);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static CassandraServer server;

  private final long testStarted = System.nanoTime();
  private final List<NodeProcess> nodes = new ArrayList<>();
  private final NewToken viewer = new TokenGenerator().generate("node-loss-test", Role.VIEWER);
  @TempDir Path dir;

  @BeforeAll
  static void startCassandra() {
    server = CassandraServer.startNew();
  }

  @AfterAll
  static void stopCassandra() {
    if (server != null) server.close();
  }

  @AfterEach
  void stopNodes() throws InterruptedException {
    NodeProcess.closeAll(nodes);
  }

  @Test
  void aNodeKilledMidRunLosesNothingAndTheLedgerIsTheSingleNodeOne() throws Exception {
    Path bars = writeBars();

    // 1. The reference: one node (the single profile) on keyspace A, the whole data set, then its ledger.
    NodeProcess.Ports singlePorts = NodeProcess.Ports.free();
    NodeProcess single = NodeProcess.start("single", singlePorts, writeConfig("single", "node_loss_single",
        List.of(), singlePorts, List.of()), dir.resolve("single"), "--data", bars.toString(), "--speed", "max");
    nodes.add(single);
    await("the single node's feed finishes", Duration.ofSeconds(120), () -> finished(feed(single)));
    single.terminate();
    assertThat(single.awaitExit(30)).as("the single node stops on SIGTERM").isTrue();
    nodes.remove(single);
    Path reference = export("single", "node_loss_single");

    // 2. The cluster: three nodes with the real local1..3.conf on keyspace B, the same data and settings.
    List<NodeProcess.Ports> ports = List.of(NodeProcess.Ports.free(), NodeProcess.Ports.free(),
        NodeProcess.Ports.free());
    for (int i = 1; i <= 3; i++) {
      Path local = Path.of("..", "config", "local" + i + ".conf").toAbsolutePath().normalize();
      assertThat(local).exists();
      nodes.add(NodeProcess.start("node" + i, ports.get(i - 1), writeConfig("node" + i, "node_loss_cluster",
          List.of("include file(\"" + local + "\")"), ports.get(i - 1), ports), dir.resolve("node" + i),
          "--data", bars.toString(), "--speed", "max"));
    }
    await("a node runs the feed", Duration.ofSeconds(120), () -> nodes.stream().anyMatch(n -> running(feed(n))));
    NodeProcess victim = nodes.stream().filter(n -> running(feed(n))).findFirst().orElseThrow();
    List<NodeProcess> survivors = nodes.stream().filter(n -> n != victim).toList();
    String victimAddress = view(victim).members().stream().filter(m -> m.address().endsWith(":" + victim.ports.artery()))
        .findFirst().orElseThrow().address();
    assertThat(victim.logText()).as("the feed's node holds the master too").contains("starting " + MASTER);
    long total = feed(victim).path("barTimesTotal").asLong();
    await("the feed is a third of the way through", Duration.ofSeconds(120),
        () -> feed(victim).path("barTimesDone").asLong() >= total / 3);
    long doneAtKill = feed(victim).path("barTimesDone").asLong();
    assertThat(doneAtKill).as("killed part way through").isLessThan(total);

    // 3. SIGKILL the node running the feed (the oldest: it holds the master too).
    long killed = System.nanoTime();
    victim.kill();
    // Each figure is the first time its condition held, all polled together (one does not wait for another).
    NodeProcess asker = survivors.get(0);
    Map<String, BooleanSupplier> conditions = new java.util.LinkedHashMap<>();
    conditions.put("removed", () -> survivors.stream().allMatch(n -> upMembers(n).size() == 2
        && upMembers(n).stream().noneMatch(m -> m.address().equals(victimAddress))));
    // The singletons from the survivors' logs, not the API: GET /api/swarm answers from the node's last snapshot, and
    // in one run its feed status still read "none" on the new feed's node for 16 s while that feed ran.
    conditions.put("master", () -> survivors.stream().anyMatch(n -> n.logText().contains("starting " + MASTER)));
    conditions.put("feed", () -> survivors.stream().anyMatch(n -> n.logText().contains(FEED_STARTED)));
    conditions.put("bots", () -> botIds().stream().allMatch(id -> api(asker, "/api/bots/" + id + "?fresh=true") == 200));
    Map<String, Double> after = new java.util.HashMap<>();
    await("every bot answers afresh through sharding on " + asker.name + ", the master and the feed run again",
        ALL_BOTS_SERVING_BOUND, () -> {
          conditions.forEach((name, condition) -> {
            if (!after.containsKey(name) && condition.getAsBoolean()) after.put(name, seconds(killed));
          });
          return after.size() == conditions.size();
        });
    System.out.printf(Locale.ROOT, "node loss (SIGKILL of %s, running the feed and the master, at bar time %d of %d):"
            + " removed after %.1f s, master started on a survivor after %.1f s, feed started after %.1f s,"
            + " all %d bots answering ?fresh=true after %.1f s%n", victim.name, doneAtKill, total, after.get("removed"),
        after.get("master"), after.get("feed"), botIds().size(), after.get("bots"));
    assertThat(after.get("bots")).as("seconds until every bot serves again").isLessThan(
        (double) ALL_BOTS_SERVING_BOUND.toSeconds());

    // 4. The survivors finish the run; then they stop and the cluster's ledger is exported.
    await("the survivors' feed finishes every bar time", Duration.ofSeconds(120),
        () -> survivors.stream().anyMatch(n -> finished(feed(n)) && feed(n).path("barTimesDone").asLong() == total));
    assertThat(survivors).allMatch(NodeProcess::alive);
    for (NodeProcess n : survivors) {
      n.logText().lines().filter(l -> l.contains("paper feed") || l.contains("singletonManagermaster/master]"))
          .forEach(l -> System.out.println(n.name + ": " + l));
    }
    NodeProcess.closeAll(survivors);
    Path clustered = export("cluster", "node_loss_cluster");

    // 5. The journal has no gap, the ledger is the single node's byte for byte, and it has a line per fill event.
    long fills = journalFillsWithoutGaps("node_loss_cluster");
    assertThat(Files.readAllBytes(clustered)).as("the cluster's ledger, byte for byte the single node's")
        .isEqualTo(Files.readAllBytes(reference));
    assertThat(Files.readAllLines(clustered)).as("a header and one line per fill event of the journal")
        .hasSize((int) fills + 1);
    assertThat(fills).as("fills in the run (a run without trades would prove nothing)").isGreaterThan(10);
    System.out.printf(Locale.ROOT, "%d fills: journals without gaps, ledgers byte-identical (%d bytes)%n", fills,
        Files.size(clustered));
  }

  /**
   * Reads every bot's journal in the keyspace through the read journal: sequence numbers 1..N without a gap or a
   * repeat. Returns the number of fill events in them.
   */
  private long journalFillsWithoutGaps(String keyspace) throws Exception {
    Config config = SwarmRuntime.loadConfig(dir.resolve("journal-check"), CassandraTestNode.profile(server, keyspace,
        false).withFallback(ConfigFactory.parseMap(Map.of("pekko.remote.artery.canonical.port", 0))));
    ActorSystem<Void> system = CassandraTestNode.start("journal-check", config);
    try {
      ReadSide read = ReadSide.of(system);
      long fills = 0;
      for (String bot : botIds()) {
        List<EventEnvelope> events = read.events(BotEntity.persistenceId(bot).id(), 0, Long.MAX_VALUE)
            .runWith(Sink.seq(), system).toCompletableFuture().get(60, TimeUnit.SECONDS);
        assertThat(events).as("%s's journal", bot).isNotEmpty();
        assertThat(events).extracting(EventEnvelope::sequenceNr).as("%s's sequence numbers", bot)
            .containsExactlyElementsOf(LongStream.rangeClosed(1, events.size()).boxed().toList());
        fills += events.stream().filter(e -> e.event() instanceof BotEntity.OrderFilled
            || e.event() instanceof BotEntity.OrderPartiallyFilled).count();
      }
      return fills;
    } finally {
      system.terminate();
      system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  /** {@code swarm export trades} (audit view) of a keyspace, in this JVM, on a stopped swarm. */
  private Path export(String name, String keyspace) throws Exception {
    Path config = dir.resolve("export-" + name + ".conf");
    Files.writeString(config, CassandraTestNode.profile(server, keyspace, false)
        .withFallback(ConfigFactory.parseMap(Map.of("pekko.remote.artery.canonical.port", 0,
            "swarm.metrics.enabled", false)))
        .root().render(ConfigRenderOptions.concise()));
    Path out = dir.resolve(name + "-trades.csv");
    int exit = SwarmCli.run(new PrintWriter(Writer.nullWriter()), new PrintWriter(System.err, true),
        "--config", config.toString(), "--data-dir", dir.resolve("export-" + name).toString(),
        "export", "trades", "--out", out.toString());
    assertThat(exit).as("export of %s", keyspace).isZero();
    return out;
  }

  /**
   * A node's configuration: {@code includes} (the real local file for a cluster node), the Cassandra profile on the
   * keyspace, free ports, and the settings both runs share.
   */
  private Path writeConfig(String name, String keyspace, List<String> includes, NodeProcess.Ports mine,
      List<NodeProcess.Ports> cluster) throws Exception {
    List<String> lines = new ArrayList<>(includes);
    lines.add(hocon(CassandraTestNode.profile(server, keyspace, true)));
    lines.addAll(List.of(
        "pekko.remote.artery.canonical.port = " + mine.artery(),
        "swarm.management.port = " + mine.management(),
        "swarm.http.port = " + mine.http(),
        "swarm.metrics.enabled = false",
        "swarm.diamonds.long-strike.bots = " + BOTS_PER_DIAMOND,
        "swarm.diamonds.short-strike.bots = " + BOTS_PER_DIAMOND,
        // The scheduled rebalance runs on a wall-clock timer: the two runs would move capital at different bars.
        "swarm.rebalance.interval = 0s",
        "swarm.http.auth.tokens = [ " + viewer.hoconSnippet() + " ]"));
    if (!cluster.isEmpty()) {
      String endpoints = cluster.stream().map(p -> "{ host = \"127.0.0.1\", port = " + p.management() + " }")
          .collect(Collectors.joining(", "));
      lines.addAll(List.of(
          "pekko.discovery.config.services.strikeswarm.endpoints = [ " + endpoints + " ]",
          // Shorter than the local files' so the test stays short: a SIGKILLed JVM on loopback is not a partition.
          "pekko.management.cluster.bootstrap.contact-point-discovery.stable-margin = 1s",
          "pekko.cluster.split-brain-resolver.stable-after = 2s",
          "pekko.cluster.sharding.rebalance-interval = 2s"));
    }
    Path file = dir.resolve(name + ".conf");
    Files.writeString(file, String.join("\n", lines) + "\n");
    return file;
  }

  /** A configuration as {@code path = value} lines, to follow the includes of a node's file. */
  private static String hocon(Config config) {
    return config.entrySet().stream().map(e -> "\"" + String.join("\".\"",
            com.typesafe.config.ConfigUtil.splitPath(e.getKey())) + "\" = " + e.getValue().render(
            ConfigRenderOptions.concise()))
        .sorted().collect(Collectors.joining("\n"));
  }

  /** {@value #DAYS} days of 5-minute bars of the two instruments the bot templates trade, swinging so that bots trade. */
  private Path writeBars() throws Exception {
    StringBuilder csv = new StringBuilder("datetime,open,high,low,close,volume,symbol\n");
    Instant t = Instant.parse("2023-01-02T00:00:00Z");
    for (int i = 0; i < DAYS * 288; i++, t = t.plusSeconds(300)) {
      for (String[] market : new String[][] {{"BTC-USD", "16000"}, {"ETH-USD", "1200"}}) {
        double base = Double.parseDouble(market[1]);
        double open = base * (1 + 0.01 * Math.sin(i / 9.0) + 0.02 * Math.sin(i / 70.0));
        double close = base * (1 + 0.01 * Math.sin((i + 1) / 9.0) + 0.02 * Math.sin((i + 1) / 70.0));
        csv.append(String.format(Locale.ROOT, "%s,%.2f,%.2f,%.2f,%.2f,10,%s%n", t, open,
            Math.max(open, close) * 1.001, Math.min(open, close) * 0.999, close, market[0]));
      }
    }
    Path file = dir.resolve("bars.csv");
    Files.writeString(file, csv);
    return file;
  }

  private static List<String> botIds() {
    return IntStream.rangeClosed(1, BOTS_PER_DIAMOND).boxed()
        .flatMap(n -> java.util.stream.Stream.of(DiamondKind.LONG_STRIKE.botId(n), DiamondKind.SHORT_STRIKE.botId(n)))
        .toList();
  }

  /** The node's feed status from {@code GET /api/swarm} (mode {@code none} on a node not running the feed). */
  private JsonNode feed(NodeProcess node) {
    try {
      HttpResponse<String> response = HTTP.send(request(node, "/api/swarm"), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) return JSON.createObjectNode();
      return Optional.ofNullable(JSON.readTree(response.body()).get("feed")).orElse(JSON.createObjectNode());
    } catch (Exception notYet) {
      return JSON.createObjectNode();
    }
  }

  private static boolean running(JsonNode feed) {
    return "paper".equals(feed.path("mode").asText()) && "running".equals(feed.path("state").asText());
  }

  private static boolean finished(JsonNode feed) {
    return "paper".equals(feed.path("mode").asText()) && "finished".equals(feed.path("state").asText());
  }

  private int api(NodeProcess node, String path) {
    try {
      return HTTP.send(request(node, path), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (Exception notYet) {
      return -1;
    }
  }

  private HttpRequest request(NodeProcess node, String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.ports.http() + path))
        .header("Authorization", "Bearer " + viewer.token()).timeout(Duration.ofSeconds(5)).GET().build();
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

  private void await(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      boolean died = nodes.stream().anyMatch(n -> !n.alive() && !n.killed());
      if (died || System.nanoTime() > deadline) {
        StringBuilder logs = new StringBuilder();
        for (NodeProcess n : nodes) {
          String text = n.logText();
          logs.append("\n--- ").append(n.name).append(" (alive: ").append(n.alive()).append(") last log lines:\n")
              .append(text.substring(Math.max(0, text.length() - 4000)));
        }
        throw new AssertionError((died ? "a node died" : "timed out after " + limit) + " waiting until " + what
            + logs);
      }
      Thread.sleep(100);
    }
    System.out.printf(Locale.ROOT, "%5.1f s  %s%n", seconds(testStarted), what);
  }

  private static double seconds(long sinceNanos) {
    return (System.nanoTime() - sinceNanos) / 1e9;
  }
}

package io.strikeswarm.swarm.management;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.strikeswarm.bots.entity.BotSettings;
import io.strikeswarm.swarm.SwarmRuntime;
import io.strikeswarm.swarm.TestBots;
import io.strikeswarm.swarm.inspect.ManagementClient;
import io.strikeswarm.swarm.inspect.NodeView;
import io.strikeswarm.swarm.inspect.ShardsReport;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.typed.Cluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A single-node swarm with Pekko Management on its own port, read the way an operator's CLI reads it. */
class ManagementServerTest {
  private static final int SHARDS = 100; // cluster.conf: pekko.cluster.sharding.number-of-shards

  @TempDir static Path dataDir;
  private static ActorSystem<Void> node;
  private static URI management;

  @BeforeAll
  static void startNode() {
    Config overrides = ConfigFactory.parseMap(Map.of("swarm.management.port", 0))
        .withFallback(ConfigFactory.parseResources("management.conf"));
    node = SwarmRuntime.startBotNode(SwarmRuntime.loadConfig(dataDir, overrides), BotSettings.DEFAULT,
        Duration.ofSeconds(60));
    management = ManagementServer.start(node);
  }

  @AfterAll
  static void stopNode() throws Exception {
    node.terminate();
    node.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  void theEndpointIsBoundOnLoopbackAtTheRealPortWhenAskedForAnyFreePort() {
    assertThat(management.getHost()).isEqualTo("127.0.0.1");
    assertThat(management.getPort()).isPositive();
  }

  @Test
  void theReportListsTheNodeAsTheLeadingMemberAndTheBotsItHostsPerShard() throws Exception {
    List<String> bots = new ArrayList<>();
    for (int i = 1; i <= 12; i++) bots.add(String.format("long-%02d", i));
    for (int i = 1; i <= 5; i++) bots.add(String.format("short-%02d", i));
    TestBots.configure(node, bots);

    NodeView view = new ManagementClient(management).view(List.of("bot"));
    String self = Cluster.get(node).selfMember().address().toString();
    assertThat(view.self()).isEqualTo(self);
    assertThat(view.members()).containsExactly(
        new NodeView.Member(self, "Up", List.of("dc-default"), true, true));

    // The default extractor puts an entity in shard |hash(id) mod number-of-shards|.
    Map<String, Integer> expected = new TreeMap<>();
    for (String id : bots) expected.merge(Integer.toString(Math.abs(id.hashCode() % SHARDS)), 1, Integer::sum);
    Map<String, Integer> hosted = new TreeMap<>();
    ShardsReport report = ShardsReport.of(view);
    report.placement().get("bot").get(self).forEach(s -> hosted.put(s.id(), s.entities()));
    assertThat(hosted).isEqualTo(expected);

    String table = report.render();
    assertThat(table).containsPattern("(?m)^" + java.util.regex.Pattern.quote(self) + "\\s+Up\\s+dc-default\\s+leader, oldest, answered$");
    assertThat(table).containsPattern("(?m)^total\\s+" + expected.size() + "\\s+" + bots.size() + "$");
  }
}

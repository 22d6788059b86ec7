package io.strikeswarm.swarm.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.strikeswarm.master.capital.ConfigError;
import io.strikeswarm.swarm.NodeConfig;
import io.strikeswarm.swarm.SwarmCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a node picks its cluster profile, what the profile sets, and the local three-node files. */
class ClusterProfileTest {
  private static final Path CONFIG_DIR = Path.of("..", "config");

  @TempDir Path tmp;

  @Test
  void withoutAProfileANodeIsASingleNodeClusterThatJoinsItselfAsBefore() {
    Config config = NodeConfig.load(tmp, ConfigFactory.empty());

    assertThat(config.getString("swarm.cluster.profile")).isEqualTo("single");
    assertThat(ClusterJoin.of(config)).isEqualTo(ClusterJoin.SELF);
    assertThat(config.getInt("pekko.remote.artery.canonical.port")).isZero();
    assertThat(config.getBoolean("pekko.cluster.sharding.remember-entities")).isFalse();
    assertThat(config.getBoolean("pekko.coordinated-shutdown.exit-jvm")).isFalse();
  }

  @Test
  void theClusterProfileJoinsThroughBootstrapOnPinnedPortsAndRemembersBotsInTheJournal() {
    Config config = NodeConfig.load(tmp, ConfigFactory.parseMap(Map.of(NodeProfile.SETTING, "cluster",
        "swarm.cluster.allow-node-local-journal", true)));

    assertThat(ClusterJoin.of(config)).isEqualTo(ClusterJoin.BOOTSTRAP);
    assertThat(config.getInt("pekko.remote.artery.canonical.port")).isEqualTo(25520);
    assertThat(config.getString("pekko.cluster.split-brain-resolver.active-strategy")).isEqualTo("keep-majority");
    assertThat(config.getBoolean("pekko.cluster.sharding.remember-entities")).isTrue();
    assertThat(config.getString("pekko.cluster.sharding.remember-entities-store")).isEqualTo("eventsourced");
    Config discovery = config.getConfig("pekko.management.cluster.bootstrap.contact-point-discovery");
    assertThat(discovery.getString("discovery-method")).isEqualTo("config");
    assertThat(discovery.getString("service-name")).isEqualTo("strikeswarm");
    assertThat(discovery.getString("port-name")).isEqualTo("management");
    assertThat(discovery.getInt("required-contact-point-nr")).isEqualTo(3);
    assertThat(config.getBoolean("pekko.coordinated-shutdown.exit-jvm")).isTrue();
  }

  @Test
  void anUnknownProfileIsAConfigurationErrorNamingTheSetting() {
    assertThatThrownBy(() -> NodeConfig.load(tmp, ConfigFactory.parseMap(Map.of(NodeProfile.SETTING, "swarmy"))))
        .isInstanceOf(ConfigError.class)
        .hasMessage("swarm.cluster.profile: unknown profile 'swarmy' (known: single, cluster)");
  }

  @Test
  void aClusterOnNodeLocalH2JournalsIsRefusedBeforeAnythingStarts() {
    Config config = NodeConfig.load(tmp, ConfigFactory.parseMap(Map.of(NodeProfile.SETTING, "cluster")));

    assertThatThrownBy(() -> ClusterJoin.of(config)).isInstanceOf(ConfigError.class)
        .hasMessageStartingWith("swarm.persistence.profile: the cluster profile needs a journal every node shares "
            + "(cassandra)");
  }

  @Test
  void theCommandLineSelectsTheProfileAndRefusesTheNodeLocalJournalWithExitCode2() {
    Path data = tmp.resolve("data");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int exit = SwarmCli.run(new PrintWriter(out), new PrintWriter(err), "--profile", "cluster", "--data-dir",
        data.toString(), "roster");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("configuration error: swarm.persistence.profile: the cluster profile needs")
        .contains("nothing was started and nothing was written");
    assertThat(data).doesNotExist();
  }

  @Test
  void theLocalFilesRunThreeNodesOnLoopbackWithDistinctPortsAndFindEachOtherThroughConfigDiscovery() {
    List<Config> nodes = IntStream.rangeClosed(1, 3)
        .mapToObj(n -> ConfigFactory.parseFile(CONFIG_DIR.resolve("local" + n + ".conf").toFile()).resolve())
        .toList();

    for (String port : List.of("pekko.remote.artery.canonical.port", "swarm.management.port", "swarm.http.port",
        "swarm.metrics.port")) {
      assertThat(nodes.stream().map(c -> c.getInt(port)).collect(Collectors.toSet())).as(port).hasSize(3);
    }
    Set<Integer> managementPorts = nodes.stream().map(c -> c.getInt("swarm.management.port"))
        .collect(Collectors.toSet());
    for (Config node : nodes) {
      assertThat(node.getString(NodeProfile.SETTING)).isEqualTo("cluster");
      // The layer a cluster needs and that tests replace: the shared journal.
      assertThat(node.getString("swarm.persistence.profile")).isEqualTo("cassandra");
      List<? extends Config> endpoints = node.getConfigList("pekko.discovery.config.services.strikeswarm.endpoints");
      assertThat(endpoints).allSatisfy(e -> assertThat(e.getString("host")).isEqualTo("127.0.0.1"));
      assertThat(endpoints.stream().map(e -> e.getInt("port")).collect(Collectors.toSet()))
          .isEqualTo(managementPorts);
    }
  }
}

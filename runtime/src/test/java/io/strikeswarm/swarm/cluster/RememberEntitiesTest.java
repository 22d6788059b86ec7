package io.strikeswarm.swarm.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.strikeswarm.bots.entity.BotSettings;
import io.strikeswarm.swarm.NodeConfig;
import io.strikeswarm.swarm.SwarmRuntime;
import io.strikeswarm.swarm.TestBots;
import io.strikeswarm.swarm.inspect.ManagementClient;
import io.strikeswarm.swarm.inspect.NodeView;
import io.strikeswarm.swarm.management.ManagementServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Remember-entities as the cluster profile stores it (events in the journal): bots that were running come back by
 * themselves when their shards start again, here after a restart of a whole (one-node, bootstrapped) cluster on the
 * same journal. The single-node default does not remember them: the same restart shows no bot until one is asked.
 */
@Tag("slow")
class RememberEntitiesTest {
  private static final List<String> BOTS = List.of("long-01", "long-02", "short-03", "short-04", "long-05");

  @TempDir Path dataDir;

  @Test
  void inTheClusterProfileBotsStartAgainAfterARestartWithoutBeingAsked() throws Exception {
    Config config = NodeConfig.load(dataDir, clusterOfOne(NodeProcess.freePort()));
    runThenStop(config, node -> TestBots.configure(node, BOTS));

    runThenStop(config, node -> {
      URI management = ManagementServer.start(node);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (hostedBots(management) < BOTS.size() && System.nanoTime() < deadline) Thread.sleep(200);
      assertThat(hostedBots(management)).as("bots running again, none asked").isEqualTo(BOTS.size());
    });
  }

  @Test
  void theSingleNodeDefaultStartsABotOnlyWhenItIsAsked() throws Exception {
    Config config = NodeConfig.load(dataDir, ConfigFactory.parseString("swarm.management.port = 0"));
    runThenStop(config, node -> TestBots.configure(node, BOTS));

    runThenStop(config, node -> {
      URI management = ManagementServer.start(node);
      Thread.sleep(3_000); // what the cluster profile needs to bring them back
      assertThat(hostedBots(management)).isZero();
    });
  }

  /** The cluster profile with one contact point: bootstrap forms a cluster of this node alone. */
  private static Config clusterOfOne(int managementPort) {
    return ConfigFactory.parseString(String.join("\n",
        "swarm.cluster.profile = cluster",
        "swarm.cluster.allow-node-local-journal = on",
        "pekko.remote.artery.canonical.port = 0",
        "swarm.management.port = " + managementPort,
        "pekko.management.cluster.bootstrap.contact-point-discovery.required-contact-point-nr = 1",
        "pekko.management.cluster.bootstrap.contact-point-discovery.stable-margin = 200ms",
        "pekko.discovery.config.services.strikeswarm.endpoints = [ { host = \"127.0.0.1\", port = "
            + managementPort + " } ]",
        // This JVM runs the tests: a stopping node must not end it.
        "pekko.coordinated-shutdown.exit-jvm = off"));
  }

  private interface NodeStep {
    void on(ActorSystem<Void> node) throws Exception;
  }

  private static void runThenStop(Config config, NodeStep step) throws Exception {
    ActorSystem<Void> node = SwarmRuntime.startBotNode(config, BotSettings.DEFAULT, Duration.ofSeconds(60));
    try {
      step.on(node);
    } finally {
      node.terminate();
      node.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  private static int hostedBots(URI management) {
    NodeView view = new ManagementClient(management).view(List.of("bot"));
    return view.regions().getOrDefault("bot", List.of()).stream().mapToInt(NodeView.Shard::entities).sum();
  }
}

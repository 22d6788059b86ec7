package io.strikeswarm.swarm;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.strikeswarm.persistence.JournalProfile;
import io.strikeswarm.swarm.cluster.NodeProfile;
import java.nio.file.Path;

/**
 * The configuration a node runs with, highest first: the overrides (--config, --profile), the journal profile's
 * layer for the data directory, the node profile's layer (profile-cluster.conf for {@code cluster}), then
 * application.conf. Free of Pekko classes on purpose: `swarm run` reads it before Kamon attaches its agent, and no
 * Pekko class may load before that.
 */
public final class NodeConfig {
  private NodeConfig() {}

  /**
   * The profile is chosen as every other setting is ({@code -Dswarm.persistence.profile}, then {@code --config}, then
   * {@code SWARM_PERSISTENCE_PROFILE}, then {@code local}); the profile then checks and completes its own settings.
   */
  public static Config load(Path dataDirectory, Config overrides) {
    Config application = ConfigFactory.parseResourcesAnySyntax("application");
    NodeProfile node = NodeProfile.parse(chosen(overrides, application, NodeProfile.SETTING));
    Config profiled = node.layer().withFallback(application);
    JournalProfile journal = JournalProfile.parse(chosen(overrides, profiled, "swarm.persistence.profile"));
    return journal.complete(
        ConfigFactory.load(overrides.withFallback(journal.overlay(dataDirectory)).withFallback(profiled)));
  }

  /** A profile setting as the node will see it (-D system properties and environment variables included), before its layer exists. */
  private static String chosen(Config overrides, Config below, String path) {
    return ConfigFactory.systemProperties().withFallback(overrides).withFallback(below)
        .withFallback(ConfigFactory.systemEnvironment()).resolve().getString(path);
  }
}

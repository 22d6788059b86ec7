package io.strikeswarm.swarm;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.strikeswarm.persistence.JournalProfile;
import java.nio.file.Path;

/**
 * The configuration a node runs with: the journal profile's layer for the data directory, then application.conf.
 * Free of Pekko classes on purpose: `swarm run` reads it before Kamon attaches its agent, and no Pekko class may
 * load before that.
 */
public final class NodeConfig {
  private NodeConfig() {}

  /**
   * The profile is chosen as every other setting is ({@code -Dswarm.persistence.profile}, then {@code --config}, then
   * {@code SWARM_PERSISTENCE_PROFILE}, then {@code local}); the profile then checks and completes its own settings.
   */
  public static Config load(Path dataDirectory, Config overrides) {
    Config application = ConfigFactory.parseResourcesAnySyntax("application");
    JournalProfile profile = JournalProfile.parse(ConfigFactory.systemProperties().withFallback(overrides)
        .withFallback(application).withFallback(ConfigFactory.systemEnvironment())
        .resolve().getString("swarm.persistence.profile"));
    return profile.complete(
        ConfigFactory.load(overrides.withFallback(profile.overlay(dataDirectory)).withFallback(application)));
  }
}

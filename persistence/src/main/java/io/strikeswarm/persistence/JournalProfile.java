package io.strikeswarm.persistence;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.strikeswarm.persistence.cassandra.CassandraSettings;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * The journal and snapshot store the swarm writes to ({@code swarm.persistence.profile}). {@code local} is
 * pekko-persistence-jdbc on an H2 file database under the data directory; {@code cassandra} is
 * pekko-persistence-cassandra on a Cassandra cluster (docs/cassandra.md), for several nodes.
 */
public enum JournalProfile {
  LOCAL("persistence-local"),
  CASSANDRA("persistence-cassandra");

  private final String configResource;

  JournalProfile(String configResource) {
    this.configResource = configResource;
  }

  public static JournalProfile parse(String name) {
    return Arrays.stream(values())
        .filter(p -> p.name().equalsIgnoreCase(name.trim()))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(
            "swarm.persistence.profile: unknown profile '" + name + "' (known: "
                + Arrays.toString(values()).toLowerCase(Locale.ROOT) + ")"));
  }

  /**
   * The configuration layer of this profile for a data directory: put it in front of {@code application.conf}.
   */
  public Config overlay(Path dataDirectory) {
    return ConfigFactory.parseMap(Map.of("swarm.data-dir", dataDirectory.toString()))
        .withFallback(ConfigFactory.parseResourcesAnySyntax(configResource));
  }

  /**
   * Finishes a loaded (resolved) configuration of this profile: the settings that are checked and shaped in code.
   * A bad setting fails here, naming it, before anything starts.
   */
  public Config complete(Config loaded) {
    return switch (this) {
      case LOCAL -> loaded;
      case CASSANDRA -> CassandraSettings.from(loaded).applyTo(loaded);
    };
  }
}

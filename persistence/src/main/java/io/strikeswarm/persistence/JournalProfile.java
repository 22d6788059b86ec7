package io.strikeswarm.persistence;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * The journal and snapshot store the swarm writes to. {@code local} is pekko-persistence-jdbc on an H2 file
 * database under the data directory; a {@code cluster} profile (Cassandra) is added when the swarm scales out.
 */
public enum JournalProfile {
  LOCAL("persistence-local");

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
}

package io.strikeswarm.swarm.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.strikeswarm.master.capital.ConfigError;
import java.util.Arrays;
import java.util.Locale;

/**
 * The shape of cluster a node takes part in ({@code swarm.cluster.profile}, env {@code SWARM_PROFILE}, CLI
 * {@code --profile}). {@code single}: one JVM is a cluster of one that joins itself (the default). {@code cluster}:
 * several nodes form one cluster through Cluster Bootstrap; {@code profile-cluster.conf} is layered over
 * application.conf. Free of Pekko classes: it is read before Kamon attaches its agent.
 */
public enum NodeProfile {
  SINGLE(null),
  CLUSTER("profile-cluster");

  public static final String SETTING = "swarm.cluster.profile";

  private final String resource;

  NodeProfile(String resource) {
    this.resource = resource;
  }

  public static NodeProfile parse(String name) {
    return Arrays.stream(values()).filter(p -> p.id().equals(name.trim().toLowerCase(Locale.ROOT))).findFirst()
        .orElseThrow(() -> new ConfigError(SETTING, "unknown profile '" + name + "' (known: single, cluster)"));
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The settings this profile puts in front of application.conf (empty for {@code single}). */
  public Config layer() {
    return resource == null ? ConfigFactory.empty() : ConfigFactory.parseResourcesAnySyntax(resource);
  }
}

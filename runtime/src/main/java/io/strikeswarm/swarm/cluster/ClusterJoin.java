package io.strikeswarm.swarm.cluster;

import com.typesafe.config.Config;
import io.strikeswarm.master.capital.ConfigError;
import io.strikeswarm.persistence.JournalProfile;
import io.strikeswarm.swarm.management.ManagementServer;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.management.cluster.bootstrap.ClusterBootstrap;

/**
 * How a node becomes a cluster member ({@code swarm.cluster.join}): {@code self} joins its own address, as a
 * single-node swarm always has; {@code bootstrap} starts Pekko Management and Cluster Bootstrap, which finds the
 * other nodes through Pekko Discovery (config locally, the Kubernetes API on Kubernetes) and joins them, or forms
 * the cluster with them when there is none yet. {@link #of} checks the settings before anything starts.
 */
public enum ClusterJoin {
  SELF,
  BOOTSTRAP;

  public static final String SETTING = "swarm.cluster.join";

  /** The join mode of a loaded configuration; refuses a bootstrap cluster on node-local journals. */
  public static ClusterJoin of(Config config) {
    String name = config.getString(SETTING);
    ClusterJoin join = switch (name) {
      case "self" -> SELF;
      case "bootstrap" -> BOOTSTRAP;
      default -> throw new ConfigError(SETTING, "must be self or bootstrap, got '" + name + "'");
    };
    if (join == BOOTSTRAP && JournalProfile.parse(config.getString("swarm.persistence.profile")) == JournalProfile.LOCAL
        && !config.getBoolean("swarm.cluster.allow-node-local-journal")) {
      throw new ConfigError("swarm.persistence.profile", "the cluster profile needs a journal every node shares "
          + "(cassandra); 'local' keeps a separate H2 file per node, so a singleton or bot moving to another node "
          + "would start from another history");
    }
    return join;
  }

  /** Starts joining; the caller waits for the member to be Up. */
  public void start(ActorSystem<?> system) {
    Cluster cluster = Cluster.get(system);
    if (this == SELF) {
      cluster.manager().tell(Join.create(cluster.selfMember().address()));
    } else {
      // Bootstrap's contact points are Management routes: Management must listen before bootstrap probes peers.
      ManagementServer.start(system);
      ClusterBootstrap.get(system.classicSystem()).start();
    }
  }
}

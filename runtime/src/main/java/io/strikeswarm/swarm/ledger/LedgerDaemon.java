package io.strikeswarm.swarm.ledger;

import java.util.Optional;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.ShardedDaemonProcessSettings;
import org.apache.pekko.cluster.sharding.typed.javadsl.ShardedDaemonProcess;
import org.apache.pekko.projection.Projection;
import org.apache.pekko.projection.ProjectionBehavior;

/**
 * Runs the ledger projection once in the cluster: a sharded daemon process of one instance, started by every node
 * and restarted with the node that holds it. A single instance keeps each bot's events in order, which the handler
 * needs (a fill's line reads the venue and reason its earlier events noted).
 */
final class LedgerDaemon {
  private LedgerDaemon() {}

  static void start(ActorSystem<?> system, Supplier<? extends Projection<?>> projection) {
    ShardedDaemonProcess.get(system).init(ProjectionBehavior.Command.class, "trade-ledger", 1,
        i -> ProjectionBehavior.create(projection.get()), ShardedDaemonProcessSettings.create(system),
        Optional.of(ProjectionBehavior.stopMessage()));
  }
}

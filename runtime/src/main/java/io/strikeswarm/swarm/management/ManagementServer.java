package io.strikeswarm.swarm.management;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.management.javadsl.PekkoManagement;

/**
 * Pekko Management's HTTP endpoint on its own port ({@code management.conf}): cluster membership and the shards
 * each node hosts, read-only, apart from the swarm's API so an operator can still look inside a node whose API is
 * down or overloaded. It stops with the actor system.
 */
public final class ManagementServer {
  private static final Duration BIND_TIMEOUT = Duration.ofSeconds(30);

  private ManagementServer() {}

  /** Binds the endpoint and returns its base address (with the real port when the configured one is 0). */
  public static URI start(ActorSystem<?> system) {
    try {
      return URI.create(PekkoManagement.get(system.classicSystem()).start().toCompletableFuture()
          .get(BIND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting Pekko Management", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Pekko Management did not start: " + e.getMessage(), e);
    }
  }
}

package io.strikeswarm.swarm.reliability;

import com.typesafe.config.ConfigFactory;
import io.strikeswarm.swarm.NodeConfig;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * A local actor system that only lends its serializers (the swarm's Jackson CBOR bindings) to a
 * {@link JournalReader}: no cluster, no journal, no port.
 */
public final class Codec implements AutoCloseable {
  private final ActorSystem<Void> system;

  public Codec(Path dataDirectory) {
    this.system = ActorSystem.create(Behaviors.empty(), "strikeswarm-codec", NodeConfig.load(dataDirectory,
        ConfigFactory.parseString("""
            pekko.actor.provider = local
            pekko.coordinated-shutdown.run-by-jvm-shutdown-hook = off
            pekko.loglevel = WARNING
            """)));
  }

  public JournalReader reader() {
    return new JournalReader(system);
  }

  @Override
  public void close() {
    system.terminate();
    try {
      system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("the codec's actor system did not stop", e);
    }
  }
}

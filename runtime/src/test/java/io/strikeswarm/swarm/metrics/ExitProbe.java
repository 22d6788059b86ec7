package io.strikeswarm.swarm.metrics;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * Run in a JVM of its own: starts Kamon (or not) and an actor system, terminates the system and returns from main,
 * stopping Kamon first or not; whether the JVM then exits is the finding (docs/metrics.md). Arguments: Prometheus
 * port, {@code pekko.daemonic} (on/off), {@code swarm.metrics.enabled} (true/false), {@code stop} or {@code keep}.
 */
public final class ExitProbe {
  public static void main(String[] args) throws Exception {
    Config config = ConfigFactory.parseMap(Map.of("swarm.metrics.port", Integer.parseInt(args[0]),
            "pekko.daemonic", args[1], "swarm.metrics.enabled", args[2], "pekko.actor.provider", "local"))
        .withFallback(ConfigFactory.parseResources("metrics.conf")).withFallback(ConfigFactory.load()).resolve();
    Metrics.start(config);
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "exit-probe", config);
    system.terminate();
    system.getWhenTerminated().toCompletableFuture().get();
    System.out.println("TERMINATED");
    if (args[3].equals("stop") && config.getBoolean("swarm.metrics.enabled")) Metrics.stop(Duration.ofSeconds(10));
  }
}

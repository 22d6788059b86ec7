package io.strikeswarm.persistence.cassandra;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.strikeswarm.persistence.JournalProfile;
import io.strikeswarm.persistence.JournalSchema;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.Cluster;
import org.apache.pekko.cluster.MemberStatus;

/** Configuration and actor systems of the {@code cassandra} profile pointed at a test {@link CassandraServer}. */
public final class CassandraTestNode {
  private CassandraTestNode() {}

  /**
   * The profile's settings for this server and keyspace, with the tag-query timing of a single local writer: tag
   * queries start at yesterday's bucket and deliver events 1 s after they are written (the profile's 2 s allow for
   * several writers' clocks).
   */
  public static Config profile(CassandraServer server, String keyspace, boolean devAutocreate) {
    String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).format(DateTimeFormatter.BASIC_ISO_DATE);
    return ConfigFactory.parseMap(Map.of(
        "swarm.persistence.profile", "cassandra",
        "swarm.persistence.cassandra.contact-points", server.contactPoint(),
        "swarm.persistence.cassandra.keyspace", keyspace,
        "swarm.persistence.cassandra.dev-autocreate", devAutocreate,
        "swarm.persistence.cassandra.first-time-bucket", yesterday,
        "pekko.persistence.cassandra.events-by-tag.eventual-consistency-delay", "1s",
        "pekko.persistence.cassandra.query.refresh-interval", "200ms"));
  }

  /** A whole node configuration of the persistence module alone: profile, persistence.conf, serialization.conf. */
  public static Config config(Config overrides, Path dataDirectory) {
    Config base = ConfigFactory.parseResources("persistence.conf")
        .withFallback(ConfigFactory.parseResources("serialization.conf"))
        .withFallback(ConfigFactory.parseMap(Map.of(
            "pekko.actor.provider", "cluster",
            "pekko.remote.artery.canonical.hostname", "127.0.0.1",
            "pekko.remote.artery.canonical.port", 0,
            "pekko.loglevel", "INFO",
            "pekko.loggers", java.util.List.of("org.apache.pekko.event.slf4j.Slf4jLogger"),
            "pekko.cluster.jmx.multi-mbeans-in-same-jvm", "on")));
    return JournalProfile.CASSANDRA.complete(ConfigFactory.load(
        overrides.withFallback(JournalProfile.CASSANDRA.overlay(dataDirectory)).withFallback(base)));
  }

  /** A single-node cluster on this configuration with its journal schema in place. */
  public static ActorSystem<Void> start(String name, Config config) {
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), name, config);
    try {
      Cluster cluster = Cluster.get(system.classicSystem());
      cluster.join(cluster.selfAddress());
      JournalSchema.ensureCreated(system, Duration.ofSeconds(60));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (cluster.selfMember().status() != MemberStatus.up()) {
        if (System.nanoTime() > deadline) throw new IllegalStateException("cluster node did not come up");
        Thread.sleep(20);
      }
      return system;
    } catch (RuntimeException | InterruptedException e) {
      system.terminate();
      throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
    }
  }
}

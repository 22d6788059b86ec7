package io.strikeswarm.persistence;

import io.strikeswarm.persistence.cassandra.CassandraSchema;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.jdbc.testkit.javadsl.SchemaUtils;

/**
 * Puts the journal, tag and snapshot tables of the node's profile in place before any entity starts: the JDBC
 * profile creates them if they are missing (safe to repeat); the Cassandra profile creates them only in development
 * and otherwise checks them ({@link CassandraSchema}).
 */
public final class JournalSchema {
  private JournalSchema() {}

  public static void ensureCreated(ActorSystem<?> system, Duration timeout) {
    JournalProfile profile = JournalProfile.parse(system.settings().config().getString("swarm.persistence.profile"));
    if (profile == JournalProfile.CASSANDRA) {
      CassandraSchema.ensure(system, timeout);
      return;
    }
    try {
      SchemaUtils.createIfNotExists(system).toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating the journal schema", e);
    } catch (Exception e) {
      throw new IllegalStateException("could not create the journal schema: " + rootMessage(e), e);
    }
  }

  private static String rootMessage(Throwable t) {
    Throwable cause = t;
    while (cause.getCause() != null) cause = cause.getCause();
    return cause.getMessage();
  }
}

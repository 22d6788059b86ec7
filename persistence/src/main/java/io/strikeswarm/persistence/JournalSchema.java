package io.strikeswarm.persistence;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.jdbc.testkit.javadsl.SchemaUtils;

/** Creates the journal, tag and snapshot tables of the JDBC profile if they are missing. Safe to repeat. */
public final class JournalSchema {
  private JournalSchema() {}

  public static void ensureCreated(ActorSystem<?> system, Duration timeout) {
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

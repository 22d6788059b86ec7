package io.strikeswarm.swarm;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.BatchType;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.cql.Statement;
import com.datastax.oss.driver.api.core.uuid.Uuids;
import io.strikeswarm.persistence.cassandra.CassandraSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.cassandra.KeyspaceAndTableStatements;
import org.apache.pekko.persistence.cassandra.PluginSettings;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSessionRegistry;

/**
 * The baseline of the journal benchmark on the cassandra profile: the same rows the journal wrote (a copy of its
 * messages table, the payload of a real journaled event, the journal's consistency profile) inserted with plain CQL by
 * as many writers at once as there were bots, each with one statement (of {@code batch} rows, an unlogged batch on
 * its own partition) in flight. What Pekko's path costs on top of Cassandra is the difference.
 */
final class RawCqlInsert {
  private static final String TABLE = "raw_insert_bench";
  private static final String PROFILE = "pekko-persistence-cassandra-profile";
  private static final Duration DDL = Duration.ofSeconds(60);

  private RawCqlInsert() {}

  /** Events per second of the raw insert; {@code samplePersistenceId} names a journaled entity to copy a payload from. */
  static double eventsPerSecond(ActorSystem<?> system, String samplePersistenceId, int writers, int eventsPerWriter,
      int batch) throws Exception {
    CassandraSettings settings = CassandraSettings.from(system.settings().config());
    String keyspace = settings.keyspace();
    CqlSession cql = CassandraSessionRegistry.get(system).sessionFor(CassandraSettings.PLUGIN).underlying()
        .toCompletableFuture().get(60, TimeUnit.SECONDS);
    String messagesTable = new KeyspaceAndTableStatements(system, CassandraSettings.PLUGIN,
        PluginSettings.apply(system.classicSystem())).getCreateJournalTablesStatements().get(0);
    cql.execute(SimpleStatement.newInstance(messagesTable.replace(keyspace + ".messages", keyspace + "." + TABLE))
        .setTimeout(DDL));
    cql.execute(SimpleStatement.newInstance("TRUNCATE " + keyspace + "." + TABLE).setTimeout(DDL));
    Row sample = cql.execute(SimpleStatement.newInstance("SELECT ser_id, ser_manifest, event_manifest, event FROM "
        + keyspace + ".messages WHERE persistence_id = ? AND partition_nr = 0 AND sequence_nr = 3",
        samplePersistenceId)).one();
    if (sample == null) throw new IllegalStateException("no journaled event of " + samplePersistenceId + " to copy");
    PreparedStatement insert = cql.prepare("INSERT INTO " + keyspace + "." + TABLE + " (persistence_id, partition_nr, "
        + "sequence_nr, timestamp, timebucket, writer_uuid, ser_id, ser_manifest, event_manifest, event, tags) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    Row payload = sample;
    String writer = Uuids.random().toString();

    long t0 = System.nanoTime();
    List<CompletableFuture<Void>> all = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      String pid = "raw|" + w;
      all.add(write(cql, next -> {
        List<BoundStatement> rows = new ArrayList<>();
        for (long seq = next; seq < next + batch && seq <= eventsPerWriter; seq++) {
          rows.add(insert.bind(pid, 0L, seq, Uuids.timeBased(), "0", writer, payload.getInt("ser_id"),
              payload.getString("ser_manifest"), payload.getString("event_manifest"),
              payload.getByteBuffer("event").duplicate(), Set.<String>of()));
        }
        if (rows.size() == 1) return rows.get(0).setExecutionProfileName(PROFILE);
        BatchStatementBuilder b = BatchStatement.builder(BatchType.UNLOGGED).setExecutionProfileName(PROFILE);
        rows.forEach(b::addStatement);
        return b.build();
      }, 1, eventsPerWriter, batch).toCompletableFuture());
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(30, TimeUnit.MINUTES);
    double seconds = (System.nanoTime() - t0) / 1e9;
    cql.execute(SimpleStatement.newInstance("TRUNCATE " + keyspace + "." + TABLE).setTimeout(DDL));
    return writers * (double) eventsPerWriter / seconds;
  }

  /** One writer: its statements one after the other, each sent when the previous one is acknowledged. */
  private static CompletionStage<Void> write(CqlSession cql, java.util.function.LongFunction<Statement<?>> statement,
      long next, int last, int batch) {
    if (next > last) return CompletableFuture.completedFuture(null);
    return cql.executeAsync(statement.apply(next)).thenCompose(done -> write(cql, statement, next + batch, last, batch));
  }
}

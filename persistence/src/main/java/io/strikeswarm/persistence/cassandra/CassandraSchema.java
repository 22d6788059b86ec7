package io.strikeswarm.persistence.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.cassandra.KeyspaceAndTableStatements;
import org.apache.pekko.persistence.cassandra.PluginSettings;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSession;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSessionRegistry;

/**
 * The Cassandra profile's schema at start-up: with {@code dev-autocreate} the keyspace and tables are created with
 * the plugin's own statements; otherwise they must already exist (docs/cassandra-schema.cql), and a node whose
 * keyspace lacks a table stops with a message naming them, before any entity starts. The tables expected are the
 * ones the plugin version on the classpath would create, so the check follows the plugin. With the trade ledger on
 * ({@code swarm.ledger.enabled}) its tables ({@link LedgerTables}) are created or checked the same way; a fresh scratch
 * journal empties whichever ledger tables exist, so a backtest's ledger never holds lines of an earlier run.
 */
public final class CassandraSchema {
  public static final String LEDGER_ENABLED = "swarm.ledger.enabled";
  private static final Pattern CREATE_TABLE = Pattern.compile(
      "CREATE TABLE IF NOT EXISTS\\s+([A-Za-z0-9_]+)\\.([A-Za-z0-9_]+)", Pattern.CASE_INSENSITIVE);

  private CassandraSchema() {}

  /** Creates (dev-autocreate) or checks the schema; then, for a fresh scratch journal, empties it. */
  public static void ensure(ActorSystem<?> system, Duration timeout) {
    CassandraSettings settings = CassandraSettings.from(system.settings().config());
    boolean ledger = system.settings().config().hasPath(LEDGER_ENABLED)
        && system.settings().config().getBoolean(LEDGER_ENABLED);
    KeyspaceAndTableStatements statements = new KeyspaceAndTableStatements(system, CassandraSettings.PLUGIN,
        PluginSettings.apply(system.classicSystem()));
    CassandraSession session = CassandraSessionRegistry.get(system).sessionFor(CassandraSettings.PLUGIN);
    long deadline = System.nanoTime() + timeout.toNanos();
    CqlSession cql = await(session.underlying(), deadline, settings, "connect");
    if (settings.devAutocreate()) {
      List<String> ddl = new ArrayList<>();
      ddl.add(statements.createJournalKeyspaceStatement());
      ddl.addAll(statements.getCreateJournalTablesStatements());
      ddl.add(statements.createSnapshotKeyspaceStatement());
      ddl.addAll(statements.getCreateSnapshotTablesStatements());
      if (ledger) ddl.addAll(LedgerTables.createStatements(settings.keyspace()));
      for (String statement : ddl) await(ddl(cql, statement, deadline), deadline, settings, "create the schema");
    }
    Set<String> journalTables = expectedTables(statements);
    Set<String> expected = new LinkedHashSet<>(journalTables);
    if (ledger) expected.addAll(LedgerTables.ALL);
    Set<String> present = new LinkedHashSet<>();
    for (Row row : await(session.selectAll("SELECT table_name FROM system_schema.tables WHERE keyspace_name = ?",
        settings.keyspace()), deadline, settings, "read the schema")) {
      present.add(row.getString("table_name"));
    }
    Set<String> missing = new LinkedHashSet<>(expected);
    missing.removeAll(present);
    if (!missing.isEmpty()) {
      throw new IllegalStateException("Cassandra keyspace '" + settings.keyspace() + "' at " + settings.contactPoints()
          + " lacks the tables " + missing + ": create them with docs/cassandra-schema.cql"
          + (settings.scratch() ? " (with the keyspace name changed)" : "")
          + ", or set SWARM_CASSANDRA_DEV_AUTOCREATE=true on a development machine");
    }
    if (settings.truncateAtStart()) {
      Set<String> emptied = new LinkedHashSet<>(journalTables);
      LedgerTables.ALL.stream().filter(present::contains).forEach(emptied::add);
      for (String table : emptied) {
        await(ddl(cql, "TRUNCATE " + settings.keyspace() + "." + table, deadline), deadline, settings,
            "empty the scratch keyspace");
      }
    }
  }

  /**
   * A schema statement with the time left rather than the driver's 2 s request timeout: creating a table waits for
   * schema agreement, and truncating flushes, both slower than a write on a busy machine.
   */
  private static CompletionStage<AsyncResultSet> ddl(CqlSession cql, String statement, long deadline) {
    Duration left = Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime()));
    return cql.executeAsync(SimpleStatement.newInstance(statement).setTimeout(left));
  }

  /** The tables the plugin needs, read from the statements it would run to create them. */
  static Set<String> expectedTables(KeyspaceAndTableStatements statements) {
    Set<String> tables = new LinkedHashSet<>();
    List<String> all = new ArrayList<>(statements.getCreateJournalTablesStatements());
    all.addAll(statements.getCreateSnapshotTablesStatements());
    for (String statement : all) {
      Matcher m = CREATE_TABLE.matcher(statement);
      if (m.find()) tables.add(m.group(2));
    }
    return tables;
  }

  private static <T> T await(CompletionStage<T> stage, long deadline, CassandraSettings settings, String what) {
    long left = Math.max(1, deadline - System.nanoTime());
    try {
      return stage.toCompletableFuture().get(left, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for Cassandra to " + what, e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("Cassandra at " + settings.contactPoints() + " (data center "
          + settings.localDatacenter() + ") did not answer in time to " + what
          + ": is it running (scripts/cassandra.sh status)?", e);
    } catch (Exception e) {
      throw new IllegalStateException("could not " + what + " on Cassandra at " + settings.contactPoints() + ": "
          + rootMessage(e), e);
    }
  }

  private static String rootMessage(Throwable t) {
    Throwable cause = t;
    while (cause.getCause() != null) cause = cause.getCause();
    return cause.getMessage();
  }
}

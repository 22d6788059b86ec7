package io.strikeswarm.swarm.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;

/**
 * Reads the whole event journal of a data directory (profile {@code local}: the H2 file) row by row over plain JDBC,
 * and decodes each payload with the swarm's own serialization bindings. Plain JDBC on purpose: the audit must see
 * the rows that are on disk, holes and all, not what a journal plugin makes of them. Only while no swarm has the
 * file open (H2 embedded: one process at a time).
 */
public final class JournalReader {
  private final Serialization serialization;

  /** @param codec any actor system with the swarm's serialization configuration (only its serializers are used) */
  public JournalReader(ActorSystem<?> codec) {
    this.serialization = SerializationExtension.get(Adapter.toClassic(codec));
  }

  /** Where the {@code local} profile keeps the journal of a data directory (without H2's {@code .mv.db}). */
  public static Path databaseOf(Path dataDirectory) {
    return dataDirectory.toAbsolutePath().resolve("journal").resolve("strikeswarm");
  }

  public static boolean exists(Path dataDirectory) {
    return Files.exists(Path.of(databaseOf(dataDirectory) + ".mv.db"));
  }

  /**
   * A JDBC URL that opens the journal as the swarm does (profile {@code local}'s settings) but never creates it: a
   * missing file is an error, not an empty journal.
   */
  public static String url(Path dataDirectory) {
    return "jdbc:h2:file:" + databaseOf(dataDirectory)
        + ";IFEXISTS=TRUE;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;TRACE_LEVEL_FILE=0";
  }

  /**
   * Rows of the journal that only an uncommitted read sees: with no process attached to the database, any such row
   * was left by a process that died writing it and should have been rolled back when the database was opened again.
   * H2 keeps it locked, so its journal can never write that sequence number (seen with H2 2.5.252 after a SIGKILL).
   * Each as {@code persistence id #sequence number}.
   */
  public List<String> uncommitted(Path dataDirectory) {
    if (!exists(dataDirectory)) return List.of();
    try (Connection c = DriverManager.getConnection(url(dataDirectory), "sa", "")) {
      if (!hasJournalTable(c)) return List.of();
      java.util.Set<String> committed = keys(c);
      c.setTransactionIsolation(Connection.TRANSACTION_READ_UNCOMMITTED);
      List<String> left = new ArrayList<>();
      for (String key : keys(c)) if (!committed.contains(key)) left.add(key);
      return left;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the journal in " + dataDirectory + ": " + e.getMessage(), e);
    }
  }

  private static java.util.Set<String> keys(Connection c) throws SQLException {
    java.util.Set<String> keys = new java.util.TreeSet<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT \"persistence_id\", \"sequence_number\" FROM \"event_journal\"")) {
      while (rs.next()) keys.add(rs.getString(1) + " #" + rs.getLong(2));
    }
    return keys;
  }

  /**
   * Every row, ordered by persistence id and sequence number; empty when the journal was never created (a swarm
   * killed before it opened its database) or its tables are not there yet.
   */
  public List<JournalRow> read(Path dataDirectory) {
    if (!exists(dataDirectory)) return List.of();
    List<JournalRow> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url(dataDirectory), "sa", "");
        Statement st = c.createStatement()) {
      if (!hasJournalTable(c)) return List.of();
      try (ResultSet rs = st.executeQuery("SELECT \"persistence_id\", \"sequence_number\", \"event_ser_id\", "
          + "\"event_ser_manifest\", \"event_payload\" FROM \"event_journal\" WHERE \"deleted\" = FALSE "
          + "ORDER BY \"persistence_id\", \"sequence_number\"")) {
        while (rs.next()) {
          String pid = rs.getString(1);
          long seq = rs.getLong(2);
          Object event = serialization.deserialize(rs.getBytes(5), rs.getInt(3), rs.getString(4)).get();
          rows.add(new JournalRow(pid, seq, event));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the journal in " + dataDirectory + ": " + e.getMessage(), e);
    }
    return rows;
  }

  private static boolean hasJournalTable(Connection c) throws SQLException {
    try (ResultSet tables = c.getMetaData().getTables(null, "PUBLIC", "event_journal", null)) {
      return tables.next();
    }
  }
}

package io.strikeswarm.swarm.ledger;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The ledger tables in the journal's database (local profile, H2) and the statements on them. Every write is a MERGE
 * on the row's natural key, so writing the same thing twice changes nothing. An instance is the {@link LedgerStore}
 * of one projection transaction's connection: it runs each statement at once (the JDBC projection's blocking
 * dispatcher) and answers with a completed stage.
 */
final class JdbcLedgerStore implements LedgerStore {
  private final Connection connection;

  JdbcLedgerStore(Connection connection) {
    this.connection = connection;
  }

  private interface Sql<T> {
    T run() throws SQLException;
  }

  private static <T> CompletionStage<T> now(Sql<T> statement) {
    try {
      return CompletableFuture.completedFuture(statement.run());
    } catch (SQLException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public CompletionStage<Void> putBot(String botId, String venue) {
    return now(() -> {
      putBot(connection, botId, venue);
      return null;
    });
  }

  @Override
  public CompletionStage<Void> putOrder(String orderId, String botId, String reason) {
    return now(() -> {
      putOrder(connection, orderId, botId, reason);
      return null;
    });
  }

  @Override
  public CompletionStage<Optional<String>> venueOf(String botId) {
    return now(() -> venueOf(connection, botId));
  }

  @Override
  public CompletionStage<Optional<String>> reasonOf(String orderId) {
    return now(() -> reasonOf(connection, orderId));
  }

  @Override
  public CompletionStage<Void> putLine(LedgerLine line) {
    return now(() -> {
      putLine(connection, line);
      return null;
    });
  }

  static void createTables(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS ledger_bots (bot_id VARCHAR(64) PRIMARY KEY, venue VARCHAR(64) NOT NULL)");
      s.execute("CREATE TABLE IF NOT EXISTS ledger_orders (order_id VARCHAR(160) PRIMARY KEY,"
          + " bot_id VARCHAR(64) NOT NULL, reason VARCHAR(32) NOT NULL)");
      s.execute("CREATE TABLE IF NOT EXISTS trade_ledger (persistence_id VARCHAR(255) NOT NULL, seq_nr BIGINT NOT NULL,"
          + " bot_id VARCHAR(64) NOT NULL, venue VARCHAR(64) NOT NULL, order_id VARCHAR(160) NOT NULL,"
          + " instrument VARCHAR(32) NOT NULL, side VARCHAR(4) NOT NULL, quantity DECIMAL(38, 8) NOT NULL,"
          + " price DECIMAL(38, 8) NOT NULL, fee DECIMAL(38, 8) NOT NULL, time_ms BIGINT NOT NULL,"
          + " reason VARCHAR(32) NOT NULL, completes_order BOOLEAN NOT NULL, PRIMARY KEY (persistence_id, seq_nr))");
      s.execute("CREATE INDEX IF NOT EXISTS trade_ledger_time ON trade_ledger (time_ms)");
    }
  }

  static void putBot(Connection c, String botId, String venue) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("MERGE INTO ledger_bots KEY (bot_id) VALUES (?, ?)")) {
      p.setString(1, botId);
      p.setString(2, venue);
      p.executeUpdate();
    }
  }

  static void putOrder(Connection c, String orderId, String botId, String reason) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("MERGE INTO ledger_orders KEY (order_id) VALUES (?, ?, ?)")) {
      p.setString(1, orderId);
      p.setString(2, botId);
      p.setString(3, reason);
      p.executeUpdate();
    }
  }

  static Optional<String> venueOf(Connection c, String botId) throws SQLException {
    return one(c, "SELECT venue FROM ledger_bots WHERE bot_id = ?", botId);
  }

  static Optional<String> reasonOf(Connection c, String orderId) throws SQLException {
    return one(c, "SELECT reason FROM ledger_orders WHERE order_id = ?", orderId);
  }

  static void putLine(Connection c, LedgerLine l) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(
        "MERGE INTO trade_ledger KEY (persistence_id, seq_nr) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      p.setString(1, l.persistenceId());
      p.setLong(2, l.seqNr());
      p.setString(3, l.botId());
      p.setString(4, l.venue());
      p.setString(5, l.orderId());
      p.setString(6, l.instrument());
      p.setString(7, l.side());
      p.setBigDecimal(8, l.quantity());
      p.setBigDecimal(9, l.price());
      p.setBigDecimal(10, l.fee());
      p.setLong(11, l.timeMs());
      p.setString(12, l.reason());
      p.setBoolean(13, l.completesOrder());
      p.executeUpdate();
    }
  }

  /** Lines with a market time in [fromMs, toMs), in time order, then bot, then journal order. */
  static List<LedgerLine> lines(Connection c, long fromMs, long toMs) throws SQLException {
    List<LedgerLine> out = new ArrayList<>();
    try (PreparedStatement p = c.prepareStatement("SELECT persistence_id, seq_nr, bot_id, venue, order_id, instrument,"
        + " side, quantity, price, fee, time_ms, reason, completes_order FROM trade_ledger"
        + " WHERE time_ms >= ? AND time_ms < ? ORDER BY time_ms, bot_id, seq_nr")) {
      p.setLong(1, fromMs);
      p.setLong(2, toMs);
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          out.add(new LedgerLine(r.getString(1), r.getLong(2), r.getString(3), r.getString(4), r.getString(5),
              r.getString(6), r.getString(7), scaled(r.getBigDecimal(8)), scaled(r.getBigDecimal(9)),
              scaled(r.getBigDecimal(10)), r.getLong(11), r.getString(12), r.getBoolean(13)));
        }
      }
    }
    return out;
  }

  static long count(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM trade_ledger")) {
      r.next();
      return r.getLong(1);
    }
  }

  /** The journal's last event tagged {@code tag} (its global ordering), or 0 when there is none. */
  static long lastTagged(Connection c, String tag) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT MAX(\"event_id\") FROM \"event_tag\" WHERE \"tag\" = ?")) {
      p.setString(1, tag);
      try (ResultSet r = p.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  private static BigDecimal scaled(BigDecimal v) {
    return v.setScale(8);
  }

  private static Optional<String> one(Connection c, String sql, String key) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      p.setString(1, key);
      try (ResultSet r = p.executeQuery()) {
        return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
      }
    }
  }
}

package io.strikeswarm.swarm.ledger;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.apache.pekko.japi.function.Function;
import org.apache.pekko.projection.jdbc.JdbcSession;

/**
 * A plain JDBC connection to the journal's database, without auto-commit, so that the ledger rows of an envelope and
 * the projection's offset are committed together (exactly once).
 */
final class LedgerSession implements JdbcSession, AutoCloseable {
  private final Connection connection;

  LedgerSession(String url, String user, String password) {
    try {
      connection = DriverManager.getConnection(url, user, password);
      connection.setAutoCommit(false);
    } catch (SQLException e) {
      throw new IllegalStateException("ledger database " + redact(url) + ": " + e.getMessage(), e);
    }
  }

  @Override
  public <R> R withConnection(Function<Connection, R> f) throws Exception {
    return f.apply(connection);
  }

  @Override
  public void commit() throws SQLException {
    connection.commit();
  }

  @Override
  public void rollback() throws SQLException {
    connection.rollback();
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }

  /** The URL without its options (which may carry credentials on other databases). */
  static String redact(String url) {
    int semi = url.indexOf(';');
    return semi < 0 ? url : url.substring(0, semi);
  }
}

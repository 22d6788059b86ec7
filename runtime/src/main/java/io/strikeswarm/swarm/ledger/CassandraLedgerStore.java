package io.strikeswarm.swarm.ledger;

import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import io.strikeswarm.persistence.cassandra.LedgerTables;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSession;

/**
 * The ledger tables in the journal's keyspace (cassandra profile, {@link LedgerTables}) and the statements on them.
 * Every write is an INSERT, which Cassandra treats as an upsert on the primary key: the same line written twice is
 * one row. Reads and writes go at QUORUM through the projection's driver profile, so a note written for one envelope
 * is read back by the next even after a node of the cluster changed.
 */
final class CassandraLedgerStore implements LedgerStore {
  /** pekko-projection-cassandra's driver profile (QUORUM, idempotent statements), from its reference.conf. */
  static final String PROFILE = "pekko-projection-cassandra-profile";
  private static final String LINE_COLUMNS = "persistence_id, seq_nr, bot_id, venue, order_id, instrument, side,"
      + " quantity, price, fee, time_ms, reason, completes_order";
  /** The JDBC query's order (ORDER BY time_ms, bot_id, seq_nr), so an export is the same bytes on both profiles. */
  static final Comparator<LedgerLine> EXPORT_ORDER = Comparator.comparingLong(LedgerLine::timeMs)
      .thenComparing(LedgerLine::botId).thenComparingLong(LedgerLine::seqNr);

  private final CassandraSession session;
  private final CompletionStage<PreparedStatement> putBot;
  private final CompletionStage<PreparedStatement> putOrder;
  private final CompletionStage<PreparedStatement> venueOf;
  private final CompletionStage<PreparedStatement> reasonOf;
  private final CompletionStage<PreparedStatement> putLine;
  private final String keyspace;

  CassandraLedgerStore(CassandraSession session, String keyspace) {
    this.session = session;
    this.keyspace = keyspace;
    this.putBot = session.prepare("INSERT INTO " + table(LedgerTables.BOTS) + " (bot_id, venue) VALUES (?, ?)");
    this.putOrder = session.prepare("INSERT INTO " + table(LedgerTables.ORDERS)
        + " (order_id, bot_id, reason) VALUES (?, ?, ?)");
    this.venueOf = session.prepare("SELECT venue FROM " + table(LedgerTables.BOTS) + " WHERE bot_id = ?");
    this.reasonOf = session.prepare("SELECT reason FROM " + table(LedgerTables.ORDERS) + " WHERE order_id = ?");
    this.putLine = session.prepare("INSERT INTO " + table(LedgerTables.LINES) + " (" + LINE_COLUMNS
        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  }

  @Override
  public CompletionStage<Void> putBot(String botId, String venue) {
    return write(putBot, botId, venue);
  }

  @Override
  public CompletionStage<Void> putOrder(String orderId, String botId, String reason) {
    return write(putOrder, orderId, botId, reason);
  }

  @Override
  public CompletionStage<Optional<String>> venueOf(String botId) {
    return one(venueOf, botId);
  }

  @Override
  public CompletionStage<Optional<String>> reasonOf(String orderId) {
    return one(reasonOf, orderId);
  }

  @Override
  public CompletionStage<Void> putLine(LedgerLine l) {
    return write(putLine, l.persistenceId(), l.seqNr(), l.botId(), l.venue(), l.orderId(), l.instrument(), l.side(),
        l.quantity(), l.price(), l.fee(), l.timeMs(), l.reason(), l.completesOrder());
  }

  /**
   * Lines with a market time in [fromMs, toMs), in time order, then bot, then journal order. Cassandra keeps them by
   * journal event, not by time: every line is read (paged by the driver) and sorted here.
   */
  CompletionStage<List<LedgerLine>> lines(long fromMs, long toMs) {
    SimpleStatement all = SimpleStatement.newInstance("SELECT " + LINE_COLUMNS + " FROM " + table(LedgerTables.LINES))
        .setExecutionProfileName(PROFILE);
    return session.selectAll(all).thenApply(rows -> rows.stream().map(CassandraLedgerStore::line)
        .filter(l -> l.timeMs() >= fromMs && l.timeMs() < toMs).sorted(EXPORT_ORDER).toList());
  }

  private static LedgerLine line(Row r) {
    return new LedgerLine(r.getString("persistence_id"), r.getLong("seq_nr"), r.getString("bot_id"),
        r.getString("venue"), r.getString("order_id"), r.getString("instrument"), r.getString("side"),
        scaled(r.getBigDecimal("quantity")), scaled(r.getBigDecimal("price")), scaled(r.getBigDecimal("fee")),
        r.getLong("time_ms"), r.getString("reason"), r.getBoolean("completes_order"));
  }

  /** Written at the ledger's scale (LedgerEvents); setScale(8) only makes that explicit, it never rounds. */
  private static BigDecimal scaled(BigDecimal v) {
    return v.setScale(8);
  }

  private String table(String name) {
    return keyspace + "." + name;
  }

  private CompletionStage<Void> write(CompletionStage<PreparedStatement> statement, Object... values) {
    return statement.thenCompose(p -> session.executeWrite(bound(p, values))).thenApply(done -> null);
  }

  private CompletionStage<Optional<String>> one(CompletionStage<PreparedStatement> statement, Object key) {
    return statement.thenCompose(p -> session.selectOne(bound(p, key)))
        .thenApply(row -> row.map(r -> r.getString(0)));
  }

  private static BoundStatement bound(PreparedStatement p, Object... values) {
    return p.bind(values).setExecutionProfileName(PROFILE);
  }
}

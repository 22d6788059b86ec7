package io.strikeswarm.swarm.ledger;

import com.typesafe.config.Config;
import io.strikeswarm.bots.entity.BotEntity;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.persistence.query.Sequence;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.eventsourced.javadsl.EventSourcedProvider;
import org.apache.pekko.projection.javadsl.ExactlyOnceProjection;
import org.apache.pekko.projection.javadsl.ProjectionManagement;
import org.apache.pekko.projection.javadsl.SourceProvider;
import org.apache.pekko.projection.jdbc.javadsl.JdbcProjection;

/**
 * The trade ledger of a node on the local profile: the ledger tables and the projection's offset store in the
 * journal's H2 database, the projection (exactly once: lines and offset in one transaction), and the queries
 * `swarm export trades` runs. See docs/ledger.md.
 */
final class JdbcTradeLedger implements TradeLedger {
  static final String DB = "pekko-persistence-jdbc.shared-databases.swarm.db";

  private final ActorSystem<?> system;
  private final String url;
  private final String user;
  private final String password;
  private final String queryPlugin;

  private JdbcTradeLedger(ActorSystem<?> system, Config config) {
    this.system = system;
    this.url = config.getString(DB + ".url");
    this.user = config.getString(DB + ".user");
    this.password = config.getString(DB + ".password");
    this.queryPlugin = config.getString("swarm.persistence.query-plugin");
  }

  /** The ledger of this node's H2 journal; empty when the configuration names no journal database. */
  static Optional<TradeLedger> of(ActorSystem<?> system) {
    Config config = system.settings().config();
    return config.hasPath(DB + ".url") ? Optional.of(new JdbcTradeLedger(system, config)) : Optional.empty();
  }

  /** Creates the ledger tables and the projection's offset tables if missing (safe to repeat). */
  @Override
  public TradeLedger createTables(Duration timeout) {
    try (LedgerSession session = session()) {
      session.withConnection(c -> {
        JdbcLedgerStore.createTables(c);
        return null;
      });
      session.commit();
      JdbcProjection.createTablesIfNotExists(this::session, system).toCompletableFuture()
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return this;
    } catch (Exception e) {
      throw new IllegalStateException("trade ledger tables: " + e.getMessage(), e);
    }
  }

  @Override
  public TradeLedger start() {
    LedgerDaemon.start(system, this::projection);
    return this;
  }

  ExactlyOnceProjection<Offset, EventEnvelope<BotEntity.Event>> projection() {
    SourceProvider<Offset, EventEnvelope<BotEntity.Event>> source =
        EventSourcedProvider.eventsByTag(system, queryPlugin, BotEntity.TAG);
    return JdbcProjection.exactlyOnce(PROJECTION, source, this::session, LedgerHandler::new, system);
  }

  /**
   * Waits until the projection has processed every bot event in the journal now (its offset reaches the last tagged
   * event), so the ledger is complete up to this moment.
   */
  @Override
  public void awaitCaughtUp(Duration timeout) {
    long target = query(c -> JdbcLedgerStore.lastTagged(c, BotEntity.TAG));
    long deadline = System.nanoTime() + timeout.toNanos();
    while (processedThrough() < target) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("trade ledger: the projection reached event " + processedThrough()
            + " of " + target + " in " + timeout + "; is it running (swarm.ledger.enabled)?");
      }
      sleep(50);
    }
  }

  /** The global ordering of the last event the projection committed, 0 before any. */
  public long processedThrough() {
    try {
      Optional<Offset> offset = ProjectionManagement.get(system).<Offset>getOffset(PROJECTION).toCompletableFuture()
          .get(10, TimeUnit.SECONDS);
      return offset.map(o -> o instanceof Sequence s ? s.value() : 0L).orElse(0L);
    } catch (Exception e) {
      throw new IllegalStateException("trade ledger offset: " + e.getMessage(), e);
    }
  }

  @Override
  public List<LedgerLine> lines(long fromMs, long toMs) {
    return query(c -> JdbcLedgerStore.lines(c, fromMs, toMs));
  }

  @Override
  public long lineCount() {
    return query(JdbcLedgerStore::count);
  }

  private LedgerSession session() {
    return new LedgerSession(url, user, password);
  }

  private interface Query<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T query(Query<T> q) {
    try (LedgerSession session = session()) {
      return session.withConnection(q::run);
    } catch (Exception e) {
      throw new IllegalStateException("trade ledger query: " + e.getMessage(), e);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

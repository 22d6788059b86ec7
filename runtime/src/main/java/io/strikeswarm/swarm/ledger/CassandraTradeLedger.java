package io.strikeswarm.swarm.ledger;

import com.typesafe.config.Config;
import io.strikeswarm.bots.entity.BotEntity;
import io.strikeswarm.persistence.cassandra.CassandraSchema;
import io.strikeswarm.persistence.cassandra.CassandraSettings;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.persistence.query.TimeBasedUUID;
import org.apache.pekko.persistence.query.javadsl.CurrentEventsByTagQuery;
import org.apache.pekko.persistence.query.javadsl.ReadJournal;
import org.apache.pekko.projection.cassandra.javadsl.CassandraProjection;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.eventsourced.javadsl.EventSourcedProvider;
import org.apache.pekko.projection.javadsl.AtLeastOnceProjection;
import org.apache.pekko.projection.javadsl.ProjectionManagement;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSessionRegistry;

/**
 * The trade ledger of a node on the cassandra profile: the ledger tables and the projection's offset store in the
 * journal's keyspace (created or checked at start by {@link CassandraSchema}, with the journal's), the projection
 * (at least once, upserts keyed by journal event: effectively exactly once), and the queries `swarm export trades`
 * runs. See docs/ledger.md.
 */
final class CassandraTradeLedger implements TradeLedger {
  private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(60);

  private final ActorSystem<?> system;
  private final Config config;
  private final String queryPlugin;
  private final CassandraLedgerStore store;

  private CassandraTradeLedger(ActorSystem<?> system, Config config, CassandraLedgerStore store) {
    this.system = system;
    this.config = config;
    this.queryPlugin = config.getString("swarm.persistence.query-plugin");
    this.store = store;
  }

  static CassandraTradeLedger of(ActorSystem<?> system) {
    Config config = system.settings().config();
    // The session the projection's offset store uses too (persistence-cassandra.conf: the journal's own).
    var session = CassandraSessionRegistry.get(system)
        .sessionFor(config.getString("pekko.projection.cassandra.session-config-path"));
    String keyspace = CassandraSettings.from(config).keyspace();
    return new CassandraTradeLedger(system, config, new CassandraLedgerStore(session, keyspace));
  }

  /**
   * Nothing to create here: a node started with the ledger on has created (dev-autocreate) or checked its tables
   * with the journal's, before anything ran. A node started with it off has not, and says so.
   */
  @Override
  public TradeLedger createTables(Duration timeout) {
    if (!config.getBoolean(CassandraSchema.LEDGER_ENABLED)) {
      throw new IllegalStateException("trade ledger: this node started with " + CassandraSchema.LEDGER_ENABLED
          + " = false, so its Cassandra tables were neither created nor checked");
    }
    return this;
  }

  @Override
  public TradeLedger start() {
    LedgerDaemon.start(system, this::projection);
    return this;
  }

  AtLeastOnceProjection<Offset, EventEnvelope<BotEntity.Event>> projection() {
    return CassandraProjection.atLeastOnce(PROJECTION,
        EventSourcedProvider.eventsByTag(system, queryPlugin, BotEntity.TAG), () -> new CassandraLedgerHandler(store));
  }

  /**
   * Waits until the projection's offset reaches the offset of the last bot event in the tag view now. Offsets here
   * are time-based UUIDs, ordered as the tag view orders its events (time, then UUID), and the projection saves an
   * offset only after the lines of every envelope up to it are written: once its offset is at or past that last
   * event, every fill journaled before is in the ledger. The tag view shows an event only
   * {@code eventual-consistency-delay} after it was written, so the last event is looked up after that delay: an
   * event journaled before this call (a stopped swarm's, a finished backtest's) is then counted.
   */
  @Override
  public void awaitCaughtUp(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    sleep(config.getDuration("pekko.persistence.cassandra.events-by-tag.eventual-consistency-delay").toMillis());
    Optional<TimeBasedUUID> target = lastTagged(timeout);
    if (target.isEmpty()) return;
    while (processedThrough().map(o -> o.compare(target.get()) < 0).orElse(true)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("trade ledger: the projection reached " + processedThrough().map(
            o -> o.value().toString()).orElse("no event") + ", not the last bot event " + target.get().value()
            + ", in " + timeout + "; is it running (swarm.ledger.enabled)?");
      }
      sleep(100);
    }
  }

  private Optional<TimeBasedUUID> lastTagged(Duration timeout) {
    CurrentEventsByTagQuery journal = (CurrentEventsByTagQuery) PersistenceQuery.get(system)
        .getReadJournalFor(ReadJournal.class, queryPlugin);
    try {
      return journal.currentEventsByTag(BotEntity.TAG, Offset.noOffset())
          .runWith(Sink.lastOption(), system).toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS)
          .map(e -> (TimeBasedUUID) e.offset());
    } catch (Exception e) {
      throw new IllegalStateException("trade ledger: reading the bot tag: " + e.getMessage(), e);
    }
  }

  /** The offset of the last event the projection saved, empty before any. */
  Optional<TimeBasedUUID> processedThrough() {
    try {
      return ProjectionManagement.get(system).<Offset>getOffset(PROJECTION).toCompletableFuture()
          .get(10, TimeUnit.SECONDS).map(o -> (TimeBasedUUID) o);
    } catch (Exception e) {
      throw new IllegalStateException("trade ledger offset: " + e.getMessage(), e);
    }
  }

  @Override
  public List<LedgerLine> lines(long fromMs, long toMs) {
    try {
      return store.lines(fromMs, toMs).toCompletableFuture().get(QUERY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("trade ledger query: " + e.getMessage(), e);
    }
  }

  @Override
  public long lineCount() {
    return lines(Long.MIN_VALUE, Long.MAX_VALUE).size();
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

package io.strikeswarm.swarm.ledger;

import io.strikeswarm.bots.entity.BotEntity;
import io.strikeswarm.persistence.JournalProfile;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.projection.ProjectionId;

/**
 * The trade ledger of a node's journal (docs/ledger.md): a Pekko Projection of every fill of the directional bots
 * into a ledger table, one instance in the cluster, and the queries `swarm export trades` runs. The local profile
 * keeps it in the journal's H2 database ({@link JdbcTradeLedger}), the cassandra profile in the journal's keyspace
 * ({@link CassandraTradeLedger}); which events become which lines is the same on both ({@link LedgerEvents}).
 */
public interface TradeLedger {
  ProjectionId PROJECTION = ProjectionId.of("trade-ledger", BotEntity.TAG);

  /** The ledger of this node's journal; empty when a local node's configuration names no journal database. */
  static Optional<TradeLedger> of(ActorSystem<?> system) {
    return switch (JournalProfile.parse(system.settings().config().getString("swarm.persistence.profile"))) {
      case LOCAL -> JdbcTradeLedger.of(system);
      case CASSANDRA -> Optional.of(CassandraTradeLedger.of(system));
    };
  }

  /** Puts the ledger's tables and the projection's offset store in place, where this node's profile does that. */
  TradeLedger createTables(Duration timeout);

  /** Runs the projection: once in the cluster, restarted with the node that holds it. */
  TradeLedger start();

  /** Waits until the projection has processed every bot event journaled now, so the ledger is complete to here. */
  void awaitCaughtUp(Duration timeout);

  /** Lines with a market time in [fromMs, toMs), in time order, then bot, then journal order. */
  List<LedgerLine> lines(long fromMs, long toMs);

  long lineCount();
}

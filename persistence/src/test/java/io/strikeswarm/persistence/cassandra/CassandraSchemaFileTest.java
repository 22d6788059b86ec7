package io.strikeswarm.persistence.cassandra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.strikeswarm.persistence.ReadSide;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.stream.javadsl.Sink;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * docs/cassandra-schema.cql is the production schema: run as written (but for its replication factor, 3, which a
 * one-node server cannot serve at QUORUM) on a real server, it is all a node needs with schema creation off; and a
 * node whose keyspace lacks the tables refuses to start, naming them and the file. Its tables are, column for column,
 * those a development node creates itself (journal, snapshots and the trade ledger's).
 */
@Tag("slow")
class CassandraSchemaFileTest {
  private static final Duration ASK = Duration.ofSeconds(20);
  private static final Path SCHEMA = CqlFile.inCheckout("docs/cassandra-schema.cql");
  private static CassandraServer server;
  private static Path dataDir;

  @BeforeAll
  static void server() throws Exception {
    server = CassandraServer.shared();
    dataDir = Files.createTempDirectory("cassandra-schema-test-");
  }

  @Test
  void a_node_with_schema_creation_off_runs_an_entity_on_the_schema_of_the_production_file() throws Exception {
    applyTheFile();

    // With the trade ledger on, its tables are checked too: the file holds them.
    var profile = withLedger(CassandraTestNode.profile(server, "strikeswarm", false));
    ActorSystem<Void> writer = CassandraTestNode.start("writer", CassandraTestNode.config(profile, dataDir));
    try {
      ActorRef<TestLedger.Command> ledger = writer.systemActorOf(TestLedger.create("prod", 3), "prod", Props.empty());
      for (long seq = 1; seq <= 7; seq++) {
        long s = seq;
        StatusReply<Done> reply = AskPattern.<TestLedger.Command, StatusReply<Done>>ask(ledger,
            r -> new TestLedger.Deposit(s, new BigDecimal("0.01"), r), ASK, writer.scheduler())
            .toCompletableFuture().get();
        assertThat(reply.isSuccess()).isTrue();
      }
    } finally {
      CassandraJournalTest.stop(writer);
    }

    ActorSystem<Void> reader = CassandraTestNode.start("reader", CassandraTestNode.config(profile, dataDir));
    try {
      ActorRef<TestLedger.Command> ledger = reader.systemActorOf(TestLedger.create("prod", 3), "prod", Props.empty());
      TestLedger.State state = AskPattern.<TestLedger.Command, TestLedger.State>ask(ledger, TestLedger.Get::new, ASK,
          reader.scheduler()).toCompletableFuture().get();
      assertThat(state.lastSeq()).isEqualTo(7);
      assertThat(state.balance()).isEqualByComparingTo("0.07");
      List<EventEnvelope> byTag = ReadSide.of(reader).liveByTag(TestLedger.TAG, Offset.noOffset())
          .filter(e -> e.persistenceId().equals(TestLedger.persistenceId("prod").id()))
          .take(7).runWith(Sink.seq(), reader).toCompletableFuture().get(30, TimeUnit.SECONDS);
      assertThat(byTag).extracting(EventEnvelope::sequenceNr)
          .containsExactlyElementsOf(LongStream.rangeClosed(1, 7).boxed().toList());
    } finally {
      CassandraJournalTest.stop(reader);
    }
  }

  @Test
  void the_file_makes_the_same_tables_and_columns_as_a_development_node_with_the_ledger_on() throws Exception {
    applyTheFile();
    var profile = withLedger(CassandraTestNode.profile(server, "dev_made", true));
    CassandraJournalTest.stop(CassandraTestNode.start("dev", CassandraTestNode.config(profile, dataDir)));
    try (CqlSession cql = session()) {
      Set<String> fromFile = columns(cql, "strikeswarm");
      assertThat(fromFile).as("the file's tables").anyMatch(c -> c.startsWith("trade_ledger.seq_nr "))
          .anyMatch(c -> c.startsWith("offset_store.offset "));
      assertThat(columns(cql, "dev_made")).isEqualTo(fromFile);
    }
  }

  @Test
  void a_node_with_the_ledger_on_whose_keyspace_lacks_its_tables_refuses_to_start_and_names_them() throws Exception {
    applyTheFile();
    try (CqlSession cql = session()) {
      cql.execute(SimpleStatement.newInstance("CREATE KEYSPACE IF NOT EXISTS journal_only WITH replication = "
          + "{'class': 'SimpleStrategy', 'replication_factor': 1}").setTimeout(Duration.ofSeconds(60)));
      for (String statement : CqlFile.statements(SCHEMA)) {
        if (statement.startsWith("CREATE KEYSPACE") || statement.contains("ledger") || statement.contains("projection")
            || statement.contains("offset_store")) {
          continue;
        }
        cql.execute(SimpleStatement.newInstance(statement.replace("strikeswarm.", "journal_only."))
            .setTimeout(Duration.ofSeconds(60)));
      }
    }
    var journalOnly = CassandraTestNode.profile(server, "journal_only", false);
    CassandraJournalTest.stop(CassandraTestNode.start("no-ledger", CassandraTestNode.config(journalOnly, dataDir)));
    assertThatThrownBy(() -> CassandraTestNode.start("ledger",
        CassandraTestNode.config(withLedger(journalOnly), dataDir)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("keyspace 'journal_only'")
        .hasMessageContaining("[ledger_bots, ledger_orders, trade_ledger, offset_store, projection_management]")
        .hasMessageContaining("docs/cassandra-schema.cql");
  }

  private static Config withLedger(Config profile) {
    return ConfigFactory.parseMap(Map.of(CassandraSchema.LEDGER_ENABLED, true)).withFallback(profile);
  }

  /** Runs docs/cassandra-schema.cql as written but for the replication factor (1: one node). Safe to repeat. */
  private static void applyTheFile() {
    List<String> statements = CqlFile.statements(SCHEMA);
    List<String> keyspaces = statements.stream().filter(s -> s.startsWith("CREATE KEYSPACE")).toList();
    assertThat(keyspaces).hasSize(1);
    assertThat(keyspaces.get(0)).contains("strikeswarm").contains("'datacenter1': 3");
    try (CqlSession cql = session()) {
      for (String statement : statements) {
        // Schema statements wait for schema agreement: more than the driver's 2 s on a busy machine.
        cql.execute(SimpleStatement.newInstance(statement.replace("'datacenter1': 3", "'datacenter1': 1"))
            .setTimeout(Duration.ofSeconds(60)));
      }
    }
  }

  private static CqlSession session() {
    return CqlSession.builder().addContactPoint(new InetSocketAddress("127.0.0.1", server.cqlPort()))
        .withLocalDatacenter("datacenter1").build();
  }

  /** Every column of the keyspace as "table.column type kind position". */
  private static Set<String> columns(CqlSession cql, String keyspace) {
    return cql.execute(SimpleStatement.newInstance("SELECT table_name, column_name, type, kind, position"
            + " FROM system_schema.columns WHERE keyspace_name = ?", keyspace)).all().stream()
        .map(r -> r.getString("table_name") + "." + r.getString("column_name") + " " + r.getString("type") + " "
            + r.getString("kind") + " " + r.getInt("position"))
        .collect(Collectors.toSet());
  }

  @Test
  void a_node_whose_keyspace_lacks_the_tables_refuses_to_start_and_names_them_and_the_schema_file() {
    var profile = CassandraTestNode.profile(server, "no_schema_here", false);
    assertThatThrownBy(() -> CassandraTestNode.start("unprepared", CassandraTestNode.config(profile, dataDir)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("keyspace 'no_schema_here'")
        .hasMessageContaining("messages")
        .hasMessageContaining("tag_views")
        .hasMessageContaining("snapshots")
        .hasMessageContaining("docs/cassandra-schema.cql");
  }
}

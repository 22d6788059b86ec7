package io.strikeswarm.swarm.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import io.strikeswarm.persistence.cassandra.CassandraServer;
import io.strikeswarm.persistence.cassandra.CassandraTestNode;
import io.strikeswarm.persistence.cassandra.LedgerTables;
import io.strikeswarm.swarm.SwarmCli;
import io.strikeswarm.swarm.backtest.BacktestOptions;
import io.strikeswarm.swarm.backtest.BacktestRunner;
import io.strikeswarm.swarm.report.BacktestResult;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trade ledger on the cassandra profile, on a real Cassandra: the same backtest run on the local (H2) profile and
 * on Cassandra exports the same bytes; the Cassandra ledger has one line per fill event of the journal; and after the
 * projection's offset is thrown away and every envelope is processed again (at least once), no line is doubled.
 */
@Tag("slow")
class CassandraTradeLedgerTest {
  private static final String KEYSPACE = "ledger_test";
  /** A backtest's journal is scratch: the cassandra profile keeps it in the scratch keyspace. */
  private static final String SCRATCH = KEYSPACE + "_scratch";
  private static CassandraServer server;

  @TempDir
  Path dir;

  @BeforeAll
  static void server() {
    server = CassandraServer.startNew();
  }

  @AfterAll
  static void stopServer() {
    if (server != null) server.close();
  }

  @Test
  void the_cassandra_ledger_has_every_fill_once_and_exports_the_same_bytes_as_the_local_one() throws Exception {
    BacktestOptions options = new BacktestOptions(List.of("builtin:bitstamp-btcusd-2013"), Optional.empty(),
        Optional.empty(), Optional.of(2), Optional.of(2), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.empty(), false, 64);

    Path local = dir.resolve("local");
    BacktestResult onH2 = backtest(local, ConfigFactory.empty(), options);
    Path h2Export = dir.resolve("h2.csv");
    assertThat(cli("--data-dir", BacktestRunner.journalDirectory(local).toString(), "export", "trades", "--out",
        h2Export.toString())).isZero();

    Config cassandra = CassandraTestNode.profile(server, KEYSPACE, true);
    Path cassandraConfig = dir.resolve("cassandra.conf");
    Files.writeString(cassandraConfig, cassandra.root().render(ConfigRenderOptions.concise()));
    Path remote = dir.resolve("cassandra");
    BacktestResult onCassandra = backtest(remote, cassandra, options);
    assertThat(onCassandra.trades()).as("the same backtest's closed trades").isEqualTo(onH2.trades())
        .hasSizeGreaterThan(5);

    Path exported = dir.resolve("cassandra.csv");
    assertThat(export(remote, cassandraConfig, exported)).isZero();
    assertThat(Files.readAllBytes(exported)).as("the local profile's export, byte for byte")
        .isEqualTo(Files.readAllBytes(h2Export));

    try (CqlSession cql = session()) {
      long fills = fillEvents(cql);
      assertThat(fills).as("fill events in the journal").isGreaterThan(10);
      assertThat(Files.readAllLines(exported)).hasSize((int) fills + 1);
      assertThat(count(cql, LedgerTables.LINES)).as("ledger rows").isEqualTo(fills);

      // Forget where the projection stood: every envelope is processed again, each overwriting its own line.
      List<Row> offsets = cql.execute("SELECT projection_name, partition, projection_key FROM " + SCRATCH
          + ".offset_store").all();
      assertThat(offsets).hasSize(1);
      Row offset = offsets.get(0);
      cql.execute(SimpleStatement.newInstance("DELETE FROM " + SCRATCH + ".offset_store WHERE projection_name = ?"
          + " AND partition = ? AND projection_key = ?", offset.getString(0), offset.getInt(1), offset.getString(2)));
      assertThat(cql.execute("SELECT * FROM " + SCRATCH + ".offset_store").all()).isEmpty();

      Path replayed = dir.resolve("replayed.csv");
      assertThat(export(remote, cassandraConfig, replayed)).isZero();
      assertThat(cql.execute("SELECT * FROM " + SCRATCH + ".offset_store").all()).as("the offset saved again")
          .hasSize(1);
      assertThat(Files.readAllBytes(replayed)).isEqualTo(Files.readAllBytes(h2Export));
      assertThat(count(cql, LedgerTables.LINES)).as("ledger rows after the replay").isEqualTo(fills);
    }
  }

  private static BacktestResult backtest(Path dataDirectory, Config overrides, BacktestOptions options) {
    return new BacktestRunner(dataDirectory, overrides, new PrintWriter(Writer.nullWriter()), false).run(options);
  }

  private static int export(Path dataDirectory, Path config, Path out) {
    return cli("--data-dir", BacktestRunner.journalDirectory(dataDirectory).toString(), "--config", config.toString(),
        "export", "trades", "--scratch", "--out", out.toString());
  }

  private static int cli(String... args) {
    return SwarmCli.run(new PrintWriter(Writer.nullWriter()), new PrintWriter(System.err, true), args);
  }

  private static CqlSession session() {
    return CqlSession.builder().addContactPoint(new InetSocketAddress("127.0.0.1", server.cqlPort()))
        .withLocalDatacenter("datacenter1").build();
  }

  /** The fills journaled in the scratch keyspace, counted from the events' serializer manifests. */
  private static long fillEvents(CqlSession cql) {
    return cql.execute(SimpleStatement.newInstance("SELECT ser_manifest FROM " + SCRATCH + ".messages")
            .setTimeout(Duration.ofSeconds(30))).all().stream()
        .map(r -> r.getString(0))
        .filter(m -> m.endsWith("$OrderFilled") || m.endsWith("$OrderPartiallyFilled"))
        .count();
  }

  private static long count(CqlSession cql, String table) {
    return cql.execute(SimpleStatement.newInstance("SELECT COUNT(*) FROM " + SCRATCH + "." + table)
        .setTimeout(Duration.ofSeconds(30))).one().getLong(0);
  }
}

package io.strikeswarm.swarm.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import io.strikeswarm.bots.entity.BotEntity;
import io.strikeswarm.swarm.SwarmCli;
import io.strikeswarm.swarm.backtest.BacktestRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash trials' checks on a real journal: a whole `swarm run --exit-at-end` (in this JVM) writes one, the checks
 * find it clean, and then faults planted with SQL into copies of it — an event deleted, an order placed twice, a
 * snapshot out of step with its events — are each found. A check that could not fail would find nothing here.
 */
class PlantedJournalFaultsTest {
  @TempDir static Path dir;
  private static Path journal;
  private static Codec codec;
  private static List<JournalRow> rows;

  @BeforeAll
  static void runASessionToTheEnd() throws IOException {
    Path config = Files.writeString(dir.resolve("trial.conf"), TrialConfig.render(dir, ConfigFactory.empty(), 2, 2,
        List.of("ETH-USD")));
    journal = dir.resolve("session");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = SwarmCli.run(new PrintWriter(out, true), new PrintWriter(err, true), "--data-dir", journal.toString(),
        "--config", config.toString(), "run", "--speed", "max", "--port", "0", "--exit-at-end",
        "--data", "builtin:binanceus-ethusd-5m-2023");
    assertThat(code).as("exit code; stderr: %s", err).isZero();
    assertThat(out.toString()).contains("swarm: feed finished at market time 2023-03-15T18:20:00Z (580 of 580 bar times)");
    codec = new Codec(dir);
    rows = codec.reader().read(journal);
  }

  @AfterAll
  static void stopCodec() {
    if (codec != null) codec.close();
  }

  @Test
  void aJournalNoCrashTouchedIsCleanAndItsBotsRecoverToTheirReplay() {
    assertThat(JournalAudit.audit(rows).clean()).isTrue();
    assertThat(codec.reader().uncommitted(journal)).isEmpty();
    assertThat(Ledger.trades(rows)).isNotEmpty();
    assertThat(rows).anyMatch(r -> r.event() instanceof BotEntity.OrderPlaced);
    RecoveryCheck.Result recovered = RecoveryCheck.run(journal, Replay.bots(rows), java.time.Duration.ofSeconds(30));
    assertThat(recovered.bots()).isEqualTo(4);
    assertThat(recovered.mismatches()).isEmpty();
    assertThat(Replay.unbalancedBooks(rows)).isEmpty();
  }

  @Test
  void anEventDeletedFromTheMiddleOfAJournalIsFoundLost() throws Exception {
    Path copy = copyOf("deleted");
    sql(copy, "DELETE FROM \"event_journal\" WHERE \"persistence_id\" = 'bot|long-01' AND \"sequence_number\" = 5");

    assertThat(JournalAudit.audit(codec.reader().read(copy)).lost())
        .containsExactly("bot|long-01: sequence number 6 follows 4 (events 5..5 missing)");
  }

  @Test
  void anOrderWrittenTwiceIsFoundTwice() throws Exception {
    Path copy = copyOf("duplicated");
    JournalRow placed = rows.stream().filter(r -> r.event() instanceof BotEntity.OrderPlaced).findFirst().orElseThrow();
    long last = rows.stream().filter(r -> r.persistenceId().equals(placed.persistenceId()))
        .mapToLong(JournalRow::sequenceNr).max().orElseThrow();
    // The same OrderPlaced row again, as the next event of its journal: what a decision replayed after a restart writes.
    sql(copy, "INSERT INTO \"event_journal\" (\"deleted\", \"persistence_id\", \"sequence_number\", \"writer\", "
        + "\"write_timestamp\", \"adapter_manifest\", \"event_payload\", \"event_ser_id\", \"event_ser_manifest\") "
        + "SELECT \"deleted\", \"persistence_id\", " + (last + 1) + ", \"writer\", \"write_timestamp\", "
        + "\"adapter_manifest\", \"event_payload\", \"event_ser_id\", \"event_ser_manifest\" FROM \"event_journal\" "
        + "WHERE \"persistence_id\" = '" + placed.persistenceId() + "' AND \"sequence_number\" = " + placed.sequenceNr());

    String id = ((BotEntity.OrderPlaced) placed.event()).order().orderId();
    assertThat(JournalAudit.audit(codec.reader().read(copy)).twice())
        .contains("bot " + placed.botId() + " event " + (last + 1) + ": order " + id + " placed again");
  }

  @Test
  void aSnapshotOutOfStepWithItsEventsMakesTheRecoveredBotDifferFromItsReplay() throws Exception {
    Path copy = copyOf("stale-snapshot");
    long last = rows.stream().filter(r -> r.persistenceId().equals("bot|short-01"))
        .mapToLong(JournalRow::sequenceNr).max().orElseThrow();
    // The bot's oldest snapshot, claimed to be taken at its last event: recovery starts from stale books.
    sql(copy, "UPDATE \"snapshot\" SET \"sequence_number\" = " + (last + 1000) + " WHERE \"persistence_id\" = "
        + "'bot|short-01' AND \"sequence_number\" = (SELECT MIN(\"sequence_number\") FROM \"snapshot\" "
        + "WHERE \"persistence_id\" = 'bot|short-01')");

    List<JournalRow> same = codec.reader().read(copy);
    assertThat(JournalAudit.audit(same).clean()).as("the events themselves are untouched").isTrue();
    assertThat(RecoveryCheck.run(copy, Replay.bots(same), java.time.Duration.ofSeconds(30)).mismatches())
        .singleElement().asString().startsWith("bot short-01: recovered vs replayed differ in");
  }

  @Test
  void aBotJournalThatDiffersFromTheUninterruptedRunIsNamedWithItsFirstDifferentEvent() {
    List<JournalRow> changed = new java.util.ArrayList<>(rows);
    int i = 0;
    while (!(changed.get(i).event() instanceof BotEntity.TradeClosed)) i++;
    JournalRow r = changed.get(i);
    changed.set(i, new JournalRow(r.persistenceId(), r.sequenceNr(), new BotEntity.EntryRefused(0, "planted")));

    assertThat(CrashTrials.botJournalDifferences(rows, changed)).singleElement().asString()
        .startsWith("bot " + r.botId() + ": event " + r.sequenceNr() + " differs: uninterrupted TradeClosed");
    assertThat(Ledger.csv(changed)).as("the ledger no longer matches either").isNotEqualTo(Ledger.csv(rows));
  }

  private static Path copyOf(String name) throws IOException {
    Path copy = dir.resolve(name);
    BacktestRunner.emptyDirectory(copy);
    try (Stream<Path> files = Files.walk(journal)) {
      for (Path p : files.toList()) {
        Path target = copy.resolve(journal.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(target);
        else Files.copy(p, target);
      }
    }
    return copy;
  }

  private static void sql(Path dataDir, String statement) throws SQLException {
    try (Connection c = DriverManager.getConnection(JournalReader.url(dataDir), "sa", "");
        Statement st = c.createStatement()) {
      assertThat(st.executeUpdate(statement)).as("rows changed by %s", statement).isPositive();
    }
  }
}

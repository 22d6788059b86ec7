package io.strikeswarm.swarm.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the long crash trial found in H2 2.5.252: a `swarm run` killed with SIGKILL while a bot's event was being
 * inserted left that row uncommitted in the file, and no later open of the database rolled it back. The row is
 * invisible to every committed read (the audit, recovery and the ledger all looked clean) but stays locked: the bot
 * could never write that sequence number again, and the next run's feed stopped on a journal write timeout.
 *
 * <p>The fixture is that database, cut down to the bot's last committed events and the row left behind (every other
 * row deleted, then compacted — the leftover survives both). The check the crash trials now make after every kill
 * finds it; a journal no crash touched has none ({@code PlantedJournalFaultsTest}).
 */
class H2LeftoverRowTest {
  @TempDir Path dataDir;

  @Test
  void aRowTheKilledProcessLeftUncommittedIsFoundAndStaysLockedForGood() throws Exception {
    Path db = Files.createDirectories(dataDir.resolve("journal")).resolve("strikeswarm.mv.db");
    try (InputStream fixture = getClass().getResourceAsStream("/reliability/h2-leftover-row.mv.db")) {
      Files.copy(fixture, db);
    }
    try (Codec codec = new Codec(dataDir)) {
      JournalReader reader = codec.reader();
      assertThat(reader.read(dataDir)).extracting(JournalRow::sequenceNr).containsExactly(530L, 531L, 532L, 533L, 534L);

      assertThat(reader.uncommitted(dataDir)).containsExactly("bot|long-06 #535");
    }
    // And nothing can write that event: what stopped the bot.
    try (Connection c = DriverManager.getConnection(JournalReader.url(dataDir) + ";LOCK_TIMEOUT=300", "sa", "");
        Statement st = c.createStatement()) {
      c.setAutoCommit(false);
      assertThatThrownBy(() -> st.executeUpdate("INSERT INTO \"event_journal\" (\"deleted\", \"persistence_id\", "
          + "\"sequence_number\", \"writer\", \"write_timestamp\", \"adapter_manifest\", \"event_payload\", "
          + "\"event_ser_id\", \"event_ser_manifest\") VALUES (false, 'bot|long-06', 535, 'test', 0, '', X'00', 1, '')"))
          .isInstanceOf(SQLException.class).hasMessageContaining("Timeout trying to lock table");
      c.rollback();
    }
  }
}

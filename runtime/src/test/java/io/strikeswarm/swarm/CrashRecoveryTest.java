package io.strikeswarm.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import io.strikeswarm.bots.entity.BotEntity;
import io.strikeswarm.bots.entity.BotSettings;
import io.strikeswarm.bots.entity.BotView;
import io.strikeswarm.master.SwarmView;
import io.strikeswarm.master.capital.DiamondKind;
import io.strikeswarm.master.diamond.DiamondState;
import io.strikeswarm.master.diamond.DiamondSupervisor;
import io.strikeswarm.master.diamond.DiamondView;
import io.strikeswarm.master.diamond.RosterEntry;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.stream.javadsl.Sink;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill -9 a swarm in the middle of allocating and rebalancing, restart it, and hold it to what its journal says:
 * every bot recovers exactly the events persisted before the kill, no transfer is lost or applied twice, and the
 * books of master, diamonds and bots agree to the cent.
 */
@Tag("slow")
class CrashRecoveryTest {

  @TempDir Path dataDir;

  @Test
  void aSwarmKilledMidRebalanceRecoversEverythingPersistedAndNothingTwice() throws Exception {
    long seed = new Random().nextLong();
    int killAfterRound = 3 + new Random(seed).nextInt(4);
    Process child = startChild(seed);
    try {
      awaitRoundWithTransfers(child, killAfterRound, Duration.ofSeconds(120));
      // The next round is already under way: bars are being persisted and transfers are in flight.
      Thread.sleep(new Random(seed).nextInt(400));
    } finally {
      child.destroyForcibly(); // SIGKILL: no shutdown hook, no flush, no goodbye
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    Map<String, Long> persisted = highestSequenceNumbers(dataDir);
    assertThat(persisted).as("journal after the kill (seed %d)", seed).containsKeys("master", "diamond|long-strike",
        "diamond|short-strike", "bot|long-01", "bot|short-25");

    // 1. Bots alone (no master, so nothing resends): each recovers exactly what was persisted before the kill.
    List<String> botIds = persisted.keySet().stream().filter(p -> p.startsWith("bot|"))
        .map(p -> p.substring(4)).toList();
    Map<String, BotView> recoveredBots = recoverBotsOnly(botIds);
    for (String id : botIds) {
      assertThat(recoveredBots.get(id).eventCount()).as("events of %s (seed %d)", id, seed)
          .isEqualTo(persisted.get("bot|" + id));
    }

    // 2. The whole swarm: the supervisors resend what was unconfirmed, idempotently, and everything balances.
    try (SwarmRuntime runtime = SwarmRuntime.start(dataDir, CrashTrialMain.WORKLOAD)) {
      SwarmClient client = new SwarmClient(runtime, Duration.ofSeconds(10));
      client.awaitSettled(Duration.ofSeconds(60));
      SwarmView swarm = client.swarm();
      assertThat(swarm.ledgerBalances()).isTrue();

      BigDecimal accounted = swarm.ledger().reserve().add(swarm.ledger().unallocated());
      BigDecimal realized = BigDecimal.ZERO;
      for (DiamondKind kind : DiamondKind.values()) {
        DiamondView.Roster roster = client.roster(kind);
        assertThat(roster.ledger().balances()).as("%s books", kind).isTrue();
        assertThat(roster.ledger().funding()).isEqualByComparingTo(swarm.ledger().funding().get(kind));
        assertThat(roster.bots()).hasSize(swarm.config().diamond(kind).bots());
        assertThat(roster.bots()).allMatch(e -> e.status() == io.strikeswarm.bots.domain.BotStatus.ACTIVE);
        for (RosterEntry entry : roster.bots()) {
          BotView bot = client.bot(entry.botId());
          assertThat(bot.allocated()).as("%s: supervisor and bot agree on its capital (seed %d)", entry.botId(), seed)
              .isEqualByComparingTo(roster.ledger().allocationOf(entry.botId()));
          assertThat(bot.eventCount()).isGreaterThanOrEqualTo(persisted.get("bot|" + entry.botId()));
        }
        accounted = accounted.add(roster.ledger().pool()).add(roster.ledger().allocatedToBots());
        realized = realized.add(roster.ledger().realizedPnl());

        // The recovered roster is exactly the journal replayed.
        DiamondState replayed = DiamondState.empty(kind);
        for (Object event : events(runtime.system(), DiamondSupervisor.persistenceId(kind).id())) {
          replayed = replayed.apply((DiamondSupervisor.Event) event);
        }
        assertThat(replayed.ledger()).isEqualTo(roster.ledger());
        assertThat(List.copyOf(replayed.roster().values())).isEqualTo(roster.bots());
      }
      assertThat(accounted).as("reserve + unallocated + pools + bot allocations").isEqualByComparingTo(
          swarm.ledger().total().add(realized));

      // No transfer reached a bot twice: transfer sequence numbers in each bot's journal strictly increase.
      int transfers = 0;
      for (String id : botIds) {
        long last = 0;
        for (Object event : events(runtime.system(), "bot|" + id)) {
          long seq = event instanceof BotEntity.CapitalAllocated a ? a.transferSeq()
              : event instanceof BotEntity.CapitalReleased r ? r.transferSeq() : -1;
          if (seq < 0) continue;
          assertThat(seq).as("transfer seq of %s (seed %d)", id, seed).isGreaterThan(last);
          last = seq;
          transfers++;
        }
      }
      assertThat(transfers).as("rebalancing moved capital before the kill").isGreaterThan(botIds.size());
    }
  }

  private Process startChild(long seed) throws Exception {
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder pb = new ProcessBuilder(java.toString(), "-Xmx512m", "-cp", classpath,
        CrashTrialMain.class.getName(), dataDir.toString(), Long.toString(seed));
    pb.environment().put("SWARM_LOG_LEVEL", "WARN");
    pb.redirectError(dataDir.resolve("child.err").toFile());
    return pb.start();
  }

  /** Waits for round {@code round} or later, once the child has planned at least one capital transfer. */
  private void awaitRoundWithTransfers(Process child, int round, Duration limit) throws Exception {
    BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    long deadline = System.nanoTime() + limit.toNanos();
    String line;
    while ((line = out.readLine()) != null) {
      String[] parts = line.split("[ =]");
      if (parts.length == 4 && parts[0].equals("ROUND") && Integer.parseInt(parts[1]) >= round
          && Integer.parseInt(parts[3]) > 0) {
        return;
      }
      if (System.nanoTime() > deadline) break;
    }
    throw new AssertionError("child never moved capital by round " + round + "; stderr: "
        + Files.readString(dataDir.resolve("child.err")));
  }

  private static Map<String, Long> highestSequenceNumbers(Path dataDir) throws Exception {
    Map<String, Long> highest = new TreeMap<>();
    String url = "jdbc:h2:file:" + dataDir.resolve("journal/strikeswarm") + ";TRACE_LEVEL_FILE=0";
    try (Connection c = DriverManager.getConnection(url, "sa", "");
        ResultSet rs = c.createStatement().executeQuery(
            "SELECT \"persistence_id\", MAX(\"sequence_number\") FROM \"event_journal\" GROUP BY \"persistence_id\"")) {
      while (rs.next()) highest.put(rs.getString(1), rs.getLong(2));
    }
    return highest;
  }

  private Map<String, BotView> recoverBotsOnly(List<String> botIds) throws Exception {
    ActorSystem<Void> system = SwarmRuntime.startBotNode(SwarmRuntime.loadConfig(dataDir, ConfigFactory.empty()),
        BotSettings.DEFAULT, Duration.ofSeconds(30));
    try {
      ClusterSharding sharding = ClusterSharding.get(system);
      Map<String, BotView> views = new TreeMap<>();
      for (String id : botIds) {
        views.put(id, sharding.entityRefFor(BotEntity.TYPE_KEY, id)
            .<BotView>ask(BotEntity.GetState::new, Duration.ofSeconds(10)).toCompletableFuture()
            .get(15, TimeUnit.SECONDS));
      }
      return views;
    } finally {
      system.terminate();
      system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  private static List<Object> events(ActorSystem<?> system, String persistenceId) throws Exception {
    JdbcReadJournal journal = PersistenceQuery.get(system)
        .getReadJournalFor(JdbcReadJournal.class, JdbcReadJournal.Identifier());
    List<EventEnvelope> envelopes = journal.currentEventsByPersistenceId(persistenceId, 0, Long.MAX_VALUE)
        .runWith(Sink.seq(), system).toCompletableFuture().get(30, TimeUnit.SECONDS);
    List<Object> events = new ArrayList<>();
    for (EventEnvelope e : envelopes) events.add(e.event());
    return events;
  }
}

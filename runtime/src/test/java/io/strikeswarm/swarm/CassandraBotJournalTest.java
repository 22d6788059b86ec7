package io.strikeswarm.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import io.strikeswarm.bots.domain.BotConfig;
import io.strikeswarm.bots.domain.Side;
import io.strikeswarm.bots.entity.BotEntity;
import io.strikeswarm.bots.entity.BotSettings;
import io.strikeswarm.bots.entity.BotView;
import io.strikeswarm.persistence.ReadSide;
import io.strikeswarm.persistence.cassandra.CassandraServer;
import io.strikeswarm.persistence.cassandra.CassandraTestNode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.stream.javadsl.Sink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The real sharded BotEntity on the cassandra profile, as the runtime starts it (NodeConfig, SwarmRuntime): a stream of
 * capital transfers is sent, each again until acknowledged, as the diamond supervisors do; Cassandra is killed in the
 * middle and brought back. Every transfer is in the bot's journal exactly once, in order, and in its books.
 */
@Tag("slow")
class CassandraBotJournalTest {
  private static final int TRANSFERS = 60;
  private static final String BOT = "long-01";
  private static CassandraServer server;
  private static Path dataDir;

  @BeforeAll
  static void server() throws Exception {
    server = CassandraServer.startNew();
    dataDir = Files.createTempDirectory("cassandra-bot-test-");
  }

  @AfterAll
  static void stopServer() {
    if (server != null) server.close();
  }

  @Test
  void a_bot_whose_journal_fails_mid_stream_resumes_and_journals_every_transfer_once_in_order() throws Exception {
    var config = SwarmRuntime.loadConfig(dataDir, CassandraTestNode.profile(server, "bots_test", true));
    ActorSystem<Void> node = SwarmRuntime.startBotNode(config,
        new BotSettings(20, Duration.ofMillis(200), Duration.ofSeconds(2)), Duration.ofSeconds(60));
    try {
      EntityRef<BotEntity.Command> bot = ClusterSharding.get(node).entityRefFor(BotEntity.TYPE_KEY, BOT);
      BotConfig botConfig = new BotConfig("sma-cross", Map.of("short", "2", "long", "5"), "BTC-USD", "paper", Side.LONG,
          BigDecimal.TEN, BigDecimal.ZERO);
      StatusReply<Done> configured = bot.<StatusReply<Done>>ask(r -> new BotEntity.Configure(botConfig, r),
          Duration.ofSeconds(20)).toCompletableFuture().get();
      assertThat(configured.isSuccess()).isTrue();

      AtomicLong acknowledged = new AtomicLong();
      CompletableFuture<Void> supervisor = CompletableFuture.runAsync(() -> {
        for (long seq = 1; seq <= TRANSFERS; seq++) {
          long s = seq;
          while (true) {
            try {
              StatusReply<Done> reply = bot.<StatusReply<Done>>ask(
                  r -> new BotEntity.AllocateCapital(s, amount(s), r), Duration.ofSeconds(1)).toCompletableFuture().get();
              if (reply.isError()) throw new AssertionError("transfer " + s + " refused: " + reply.getError());
              acknowledged.set(s);
              break;
            } catch (AssertionError e) {
              throw e;
            } catch (Exception unanswered) {
              // not acknowledged: send it again, as a diamond supervisor resends an unconfirmed operation
            }
          }
        }
      });
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (acknowledged.get() < 20) {
        if (System.nanoTime() > deadline) throw new AssertionError("20 transfers not acknowledged in time");
        Thread.sleep(20);
      }
      server.kill();
      Thread.sleep(2000);
      server.start();
      supervisor.get(180, TimeUnit.SECONDS);

      List<Long> all = LongStream.rangeClosed(1, TRANSFERS).boxed().toList();
      ReadSide read = ReadSide.of(node);
      String pid = BotEntity.persistenceId(BOT).id();
      List<EventEnvelope> journal = read.events(pid, 0, Long.MAX_VALUE).runWith(Sink.seq(), node)
          .toCompletableFuture().get(30, TimeUnit.SECONDS);
      assertThat(journal.get(0).event()).isInstanceOf(BotEntity.BotConfigured.class);
      assertThat(journal.subList(1, journal.size()))
          .extracting(e -> ((BotEntity.CapitalAllocated) e.event()).transferSeq()).containsExactlyElementsOf(all);
      List<EventEnvelope> tagged = read.liveByTag(BotEntity.TAG, Offset.noOffset())
          .filter(e -> e.persistenceId().equals(pid)).take(TRANSFERS + 1).runWith(Sink.seq(), node)
          .toCompletableFuture().get(60, TimeUnit.SECONDS);
      assertThat(tagged).extracting(EventEnvelope::sequenceNr)
          .containsExactlyElementsOf(LongStream.rangeClosed(1, TRANSFERS + 1).boxed().toList());

      BotView view = bot.<BotView>ask(BotEntity.GetState::new, Duration.ofSeconds(10)).toCompletableFuture().get();
      assertThat(view.eventCount()).isEqualTo(TRANSFERS + 1);
      assertThat(view.allocated()).isEqualByComparingTo(
          all.stream().map(CassandraBotJournalTest::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
    } finally {
      node.terminate();
      node.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  private static BigDecimal amount(long seq) {
    return new BigDecimal("100.25").add(BigDecimal.valueOf(seq));
  }
}

package io.strikeswarm.persistence.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import io.strikeswarm.persistence.ReadSide;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * "A journal write that fails (Cassandra down) must not lose or reorder events: the entity stops with backoff and
 * resumes from its journal once Cassandra is back." A client sends a stream of numbered deposits, each sent again
 * until acknowledged (as the swarm's supervisors resend unconfirmed steps); meanwhile the server is killed (SIGKILL,
 * a crash) and later stopped (SIGTERM), and brought back each time on the same data.
 */
@Tag("slow")
class CassandraRestartTest {
  private static final int DEPOSITS = 150;
  private static final String ID = "steady";
  private static CassandraServer server;
  private static Path dataDir;

  @BeforeAll
  static void server() throws Exception {
    server = CassandraServer.startNew();
    dataDir = Files.createTempDirectory("cassandra-restart-test-");
  }

  @AfterAll
  static void stopServer() {
    if (server != null) server.close();
  }

  @Test
  void cassandra_going_down_mid_stream_loses_duplicates_and_reorders_nothing_and_the_entity_resumes_from_its_journal()
      throws Exception {
    var config = CassandraTestNode.config(CassandraTestNode.profile(server, "restart_test", true), dataDir);
    ActorSystem<Void> node = CassandraTestNode.start("restart", config);
    try {
      List<Long> recoveredAt = new CopyOnWriteArrayList<>();
      ActorRef<TestLedger.Command> ledger = node.systemActorOf(TestLedger.create(ID, 20, recoveredAt::add), ID,
          Props.empty());
      AtomicLong acknowledged = new AtomicLong();
      AtomicLong unanswered = new AtomicLong();
      CompletableFuture<Void> client = CompletableFuture.runAsync(() -> {
        for (long seq = 1; seq <= DEPOSITS; seq++) {
          long s = seq;
          while (true) {
            try {
              StatusReply<Done> reply = AskPattern.<TestLedger.Command, StatusReply<Done>>ask(ledger,
                  r -> new TestLedger.Deposit(s, amount(s), r), Duration.ofSeconds(1), node.scheduler())
                  .toCompletableFuture().get();
              if (reply.isError()) throw new AssertionError("deposit " + s + " refused: " + reply.getError());
              acknowledged.set(s);
              break;
            } catch (AssertionError e) {
              throw e;
            } catch (Exception timeoutOrFailure) {
              unanswered.incrementAndGet(); // not acknowledged: send it again
            }
          }
        }
      });

      await(() -> acknowledged.get() >= 40, "40 deposits before the crash");
      server.kill();
      long beforeCrash = acknowledged.get();
      Thread.sleep(3000);
      long duringCrash = acknowledged.get();
      server.start();
      long back = System.nanoTime();
      await(() -> acknowledged.get() > duringCrash, "the first deposit after the crash");
      double resumedAfterCrash = (System.nanoTime() - back) / 1e9;
      await(() -> acknowledged.get() >= 100, "100 deposits before the stop");
      server.stop();
      long beforeStop = acknowledged.get();
      Thread.sleep(3000);
      long duringStop = acknowledged.get();
      server.start();
      back = System.nanoTime();
      await(() -> acknowledged.get() > duringStop, "the first deposit after the stop");
      double resumedAfterStop = (System.nanoTime() - back) / 1e9;
      client.get(180, TimeUnit.SECONDS);

      // Down means nothing is acknowledged (at most the write in flight when it went down).
      assertThat(duringCrash - beforeCrash).isLessThanOrEqualTo(1);
      assertThat(duringStop - beforeStop).isLessThanOrEqualTo(1);
      assertThat(unanswered.get()).as("deposits unanswered while Cassandra was down").isPositive();
      // Back within seconds of Cassandra (driver reconnection, entity backoff, circuit breakers of 5 s).
      assertThat(resumedAfterCrash).as("seconds to resume after the crash").isLessThan(30);
      assertThat(resumedAfterStop).as("seconds to resume after the stop").isLessThan(30);
      System.out.printf("CassandraRestartTest: resumed %.1f s after the crash, %.1f s after the stop; %d deposits "
          + "unanswered and sent again%n", resumedAfterCrash, resumedAfterStop, unanswered.get());
      // The entity stopped and was restarted from its journal, which held every acknowledged deposit.
      assertThat(recoveredAt).hasSizeGreaterThanOrEqualTo(3);
      assertThat(recoveredAt.get(0)).isZero();
      assertThat(recoveredAt.stream().filter(at -> at >= duringCrash && at < beforeStop).count()).isPositive();
      assertThat(recoveredAt.stream().filter(at -> at >= duringStop).count()).isPositive();

      List<Long> all = LongStream.rangeClosed(1, DEPOSITS).boxed().toList();
      ReadSide read = ReadSide.of(node);
      List<EventEnvelope> journal = read.events(TestLedger.persistenceId(ID).id(), 0, Long.MAX_VALUE)
          .runWith(Sink.seq(), node).toCompletableFuture().get(30, TimeUnit.SECONDS);
      assertThat(journal).extracting(e -> ((TestLedger.Deposited) e.event()).seq()).containsExactlyElementsOf(all);
      assertThat(journal).extracting(EventEnvelope::sequenceNr).containsExactlyElementsOf(all);

      List<EventEnvelope> tagged = read.liveByTag(TestLedger.TAG, Offset.noOffset()).take(DEPOSITS)
          .runWith(Sink.seq(), node).toCompletableFuture().get(60, TimeUnit.SECONDS);
      assertThat(tagged).extracting(e -> ((TestLedger.Deposited) e.event()).seq()).containsExactlyElementsOf(all);

      TestLedger.State state = AskPattern.<TestLedger.Command, TestLedger.State>ask(ledger, TestLedger.Get::new,
          Duration.ofSeconds(10), node.scheduler()).toCompletableFuture().get();
      assertThat(state.lastSeq()).isEqualTo(DEPOSITS);
      assertThat(state.balance()).isEqualByComparingTo(
          all.stream().map(CassandraRestartTest::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
    } finally {
      CassandraJournalTest.stop(node);
    }
  }

  private static BigDecimal amount(long seq) {
    return new BigDecimal("12.34567891").add(BigDecimal.valueOf(seq));
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
      Thread.sleep(20);
    }
  }
}

package io.strikeswarm.persistence.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import io.strikeswarm.persistence.ReadSide;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSessionRegistry;
import org.apache.pekko.stream.javadsl.Sink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The {@code cassandra} profile on a real Cassandra 5 server: an entity persists through the profile's journal, a
 * fresh node recovers it (from a snapshot and the events after it), and the read journal the profile names finds its
 * events by persistence id and by tag, serialized as CBOR by the project's bindings.
 */
@Tag("slow")
class CassandraJournalTest {
  private static final Duration ASK = Duration.ofSeconds(20);
  private static final String KEYSPACE = "journal_test";
  private static CassandraServer server;
  private static Path dataDir;

  @BeforeAll
  static void server() throws Exception {
    server = CassandraServer.shared();
    dataDir = Files.createTempDirectory("cassandra-journal-test-");
  }

  @AfterAll
  static void cleanUp() throws Exception {
    try (var paths = Files.walk(dataDir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  static ActorSystem<Void> node(String name) {
    return CassandraTestNode.start(name, CassandraTestNode.config(CassandraTestNode.profile(server, KEYSPACE, true),
        dataDir));
  }

  @Test
  void an_entity_persists_recovers_from_snapshot_and_events_and_is_read_by_id_and_by_tag() throws Exception {
    List<BigDecimal> amounts = new ArrayList<>();
    for (int i = 1; i <= 25; i++) amounts.add(new BigDecimal("1000.00000001").multiply(BigDecimal.valueOf(i)));
    BigDecimal total = amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);

    ActorSystem<Void> writer = node("writer");
    try {
      ActorRef<TestLedger.Command> ledger = writer.systemActorOf(TestLedger.create("alpha", 10), "alpha",
          org.apache.pekko.actor.typed.Props.empty());
      for (int i = 0; i < amounts.size(); i++) {
        long seq = i + 1;
        BigDecimal amount = amounts.get(i);
        StatusReply<Done> reply = AskPattern.<TestLedger.Command, StatusReply<Done>>ask(ledger,
            r -> new TestLedger.Deposit(seq, amount, r), ASK, writer.scheduler()).toCompletableFuture().get();
        assertThat(reply.isSuccess()).as("deposit %d", seq).isTrue();
      }
      // The journal rows carry the CBOR serializer of the project's bindings, never Java serialization.
      int cbor = SerializationExtension.get(writer).serializerFor(TestLedger.Deposited.class).identifier();
      var rows = CassandraSessionRegistry.get(writer).sessionFor(CassandraSettings.PLUGIN)
          .selectAll("SELECT ser_id, ser_manifest FROM " + KEYSPACE + ".messages WHERE persistence_id = ? AND "
              + "partition_nr = 0", TestLedger.persistenceId("alpha").id())
          .toCompletableFuture().get(20, TimeUnit.SECONDS);
      assertThat(rows).hasSize(25).allSatisfy(row -> assertThat(row.getInt("ser_id")).isEqualTo(cbor));
      assertThat(SerializationExtension.get(writer).serializerFor(TestLedger.Deposited.class).getClass().getName())
          .contains("Jackson");
      var snapshots = CassandraSessionRegistry.get(writer).sessionFor(CassandraSettings.PLUGIN)
          .selectAll("SELECT sequence_nr FROM " + KEYSPACE + ".snapshots WHERE persistence_id = ?",
              TestLedger.persistenceId("alpha").id())
          .toCompletableFuture().get(20, TimeUnit.SECONDS);
      assertThat(snapshots).extracting(r -> r.getLong("sequence_nr")).containsExactly(20L, 10L);
    } finally {
      stop(writer);
    }

    ActorSystem<Void> reader = node("reader");
    try {
      ActorRef<TestLedger.Command> ledger = reader.systemActorOf(TestLedger.create("alpha", 10), "alpha",
          org.apache.pekko.actor.typed.Props.empty());
      TestLedger.State state = AskPattern.<TestLedger.Command, TestLedger.State>ask(ledger, TestLedger.Get::new, ASK,
          reader.scheduler()).toCompletableFuture().get();
      assertThat(state.lastSeq()).isEqualTo(25);
      assertThat(state.balance()).isEqualByComparingTo(total);

      ReadSide read = ReadSide.of(reader);
      List<EventEnvelope> byId = read.events(TestLedger.persistenceId("alpha").id(), 0, Long.MAX_VALUE)
          .runWith(Sink.seq(), reader).toCompletableFuture().get(20, TimeUnit.SECONDS);
      assertThat(byId).extracting(EventEnvelope::sequenceNr).containsExactlyElementsOf(
          java.util.stream.LongStream.rangeClosed(1, 25).boxed().toList());
      assertThat(byId).extracting(e -> ((TestLedger.Deposited) e.event()).amount())
          .containsExactlyElementsOf(amounts);

      List<EventEnvelope> byTag = read.liveByTag(TestLedger.TAG, Offset.noOffset())
          .filter(e -> e.persistenceId().equals(TestLedger.persistenceId("alpha").id()))
          .take(25).runWith(Sink.seq(), reader).toCompletableFuture().get(30, TimeUnit.SECONDS);
      assertThat(byTag).extracting(e -> ((TestLedger.Deposited) e.event()).seq())
          .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 25).boxed().toList());

      // The live query goes on: an event written now reaches it.
      var live = read.liveByTag(TestLedger.TAG, Offset.noOffset())
          .filter(e -> e.persistenceId().equals(TestLedger.persistenceId("alpha").id()))
          .drop(25).take(1).runWith(Sink.head(), reader);
      AskPattern.<TestLedger.Command, StatusReply<Done>>ask(ledger,
          r -> new TestLedger.Deposit(26, BigDecimal.ONE, r), ASK, reader.scheduler()).toCompletableFuture().get();
      assertThat(((TestLedger.Deposited) live.toCompletableFuture().get(30, TimeUnit.SECONDS).event()).seq())
          .isEqualTo(26);
    } finally {
      stop(reader);
    }
  }

  static void stop(ActorSystem<?> system) throws Exception {
    system.terminate();
    system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}

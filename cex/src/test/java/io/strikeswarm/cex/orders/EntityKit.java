package io.strikeswarm.cex.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.strikeswarm.cex.config.ReconcileSettings;
import io.strikeswarm.cex.ids.ClientIdScheme;
import io.strikeswarm.cex.venue.OrderKind;
import io.strikeswarm.cex.venue.OrderSide;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.function.Predicate;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.testkit.PersistenceTestKitPlugin;
import org.apache.pekko.persistence.testkit.PersistenceTestKitSnapshotPlugin;

/** Actor-side fixtures of the entity tests: configuration, settings, commands and polling with a deadline. */
final class EntityKit {
  private EntityKit() {}

  static final Duration DEADLINE = Duration.ofSeconds(10);

  /** In-memory journal that serializes every event, the project's CBOR bindings, every message serialized. */
  static Config inMemoryJournal() {
    return ConfigFactory.parseString("""
            pekko.actor.serialize-messages = on
            pekko.loglevel = WARNING
            """)
        .withFallback(PersistenceTestKitPlugin.getInstance().config())
        .withFallback(PersistenceTestKitSnapshotPlugin.getInstance().config())
        .withFallback(ConfigFactory.parseResources("serialization.conf"))
        .withFallback(ConfigFactory.load())
        .resolve();
  }

  /** Grace zero: an order the venue does not show after a restart is decided at once. Polls every 50 ms. */
  static CexOrderEntity.Settings settings(Duration grace) {
    return settings(grace, 0);
  }

  static CexOrderEntity.Settings settings(Duration grace, int snapshotEvery) {
    return new CexOrderEntity.Settings(ClientIdScheme.BINANCE,
        new ReconcileSettings(grace, Duration.ofSeconds(5), Duration.ofMillis(50)), snapshotEvery,
        Duration.ofMillis(50), Duration.ofMillis(500));
  }

  static CexOrder submit(ActorTestKit kit, ActorRef<CexOrderEntity.Command> entity, long seq, OrderKind kind,
      OrderSide side, String qty, String price) {
    StatusReply<CexOrder> reply = ask(kit, entity, seq, kind, side, qty, price);
    assertThat(reply.isSuccess()).as("submit %s: %s", seq, reply).isTrue();
    return reply.getValue();
  }

  static StatusReply<CexOrder> ask(ActorTestKit kit, ActorRef<CexOrderEntity.Command> entity, long seq,
      OrderKind kind, OrderSide side, String qty, String price) {
    TestProbe<StatusReply<CexOrder>> probe = kit.createTestProbe();
    entity.tell(new CexOrderEntity.Submit(seq, kind, side, "BTC/USD", qty == null ? null : new BigDecimal(qty),
        price == null ? null : new BigDecimal(price), probe.getRef()));
    return probe.receiveMessage(DEADLINE);
  }

  static CexBook state(ActorSystem<?> system, ActorRef<CexOrderEntity.Command> entity) {
    TestProbe<CexBook> probe = TestProbe.create(system);
    entity.tell(new CexOrderEntity.GetState(probe.getRef()));
    return probe.receiveMessage(DEADLINE);
  }

  /** Asks for the book until it satisfies {@code condition} or the deadline passes (then fails with the last book). */
  static CexBook awaitBook(ActorSystem<?> system, ActorRef<CexOrderEntity.Command> entity,
      Predicate<CexBook> condition) throws InterruptedException {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    CexBook book = state(system, entity);
    while (!condition.test(book) && System.nanoTime() < deadline) {
      Thread.sleep(20);
      book = state(system, entity);
    }
    assertThat(condition).as("book never reached the expected state: %s", book).accepts(book);
    return book;
  }

  static Predicate<CexBook> status(String clientId, OrderStatus status) {
    return b -> b.order(clientId).map(o -> o.status() == status).orElse(false);
  }
}

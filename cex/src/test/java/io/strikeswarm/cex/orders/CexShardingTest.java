package io.strikeswarm.cex.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import io.strikeswarm.cex.venue.CexVenue;
import io.strikeswarm.cex.venue.OrderKind;
import io.strikeswarm.cex.venue.OrderSide;
import io.strikeswarm.cex.venue.SimMarket;
import java.math.BigDecimal;
import java.time.Duration;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.pattern.StatusReply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The entity as the swarm runs it: sharded under "cex-orders" on a (single-node) cluster, one venue per account. */
class CexShardingTest {
  private ActorTestKit kit;
  private CexVenue venue;

  @AfterEach
  void tearDown() {
    if (kit != null) kit.shutdownTestKit();
    if (venue != null) venue.close();
  }

  @Test
  void bots_reached_through_sharding_trade_on_their_shared_account() throws Exception {
    kit = ActorTestKit.create("cex-sharding", ConfigFactory.parseString("""
            pekko.actor.provider = cluster
            pekko.remote.artery.canonical.hostname = "127.0.0.1"
            pekko.remote.artery.canonical.port = 0
            """).withFallback(EntityKit.inMemoryJournal()));
    Cluster.get(kit.system()).manager().tell(Join.create(Cluster.get(kit.system()).selfMember().address()));
    SimMarket market = new SimMarket();
    market.deposit("shared", "USD", "100000");
    venue = market.venue("shared");
    CexOrderEntity.init(kit.system(), botId -> venue, EntityKit.settings(Duration.ofSeconds(30)));

    EntityRef<CexOrderEntity.Command> a = ClusterSharding.get(kit.system())
        .entityRefFor(CexOrderEntity.TYPE_KEY, "long-01");
    EntityRef<CexOrderEntity.Command> b = ClusterSharding.get(kit.system())
        .entityRefFor(CexOrderEntity.TYPE_KEY, "long-02");
    StatusReply<CexOrder> first = a.<StatusReply<CexOrder>>ask(replyTo -> new CexOrderEntity.Submit(1,
        OrderKind.LIMIT, OrderSide.BUY, "BTC/USD", new BigDecimal("0.1"), new BigDecimal("20000"), replyTo),
        Duration.ofSeconds(15)).toCompletableFuture().get();
    StatusReply<CexOrder> second = b.<StatusReply<CexOrder>>ask(replyTo -> new CexOrderEntity.Submit(1,
        OrderKind.LIMIT, OrderSide.BUY, "BTC/USD", new BigDecimal("0.2"), new BigDecimal("20000"), replyTo),
        Duration.ofSeconds(15)).toCompletableFuture().get();

    assertThat(first.getValue().clientId()).isEqualTo("ss-long-01-1");
    assertThat(second.getValue().clientId()).isEqualTo("ss-long-02-1");
    assertThat(first.getValue().status()).isEqualTo(OrderStatus.ACCEPTED);
    assertThat(second.getValue().status()).isEqualTo(OrderStatus.ACCEPTED);
    assertThat(market.openOrders("shared")).hasSize(2);
    assertThat(CexOrderEntity.persistenceId("long-01").id()).isEqualTo("cex|long-01");
  }
}

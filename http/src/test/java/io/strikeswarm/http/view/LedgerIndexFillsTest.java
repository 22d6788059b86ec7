package io.strikeswarm.http.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.strikeswarm.bots.domain.Fill;
import io.strikeswarm.bots.domain.Order;
import io.strikeswarm.bots.domain.OrderAction;
import io.strikeswarm.bots.entity.BotEntity;
import io.strikeswarm.http.metrics.SwarmMetrics;
import java.math.BigDecimal;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.Sequence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The order list's row of an order a routed venue fills in parts. */
class LedgerIndexFillsTest {
  private static ActorTestKit kit;

  @BeforeAll
  static void start() {
    kit = ActorTestKit.create();
  }

  @AfterAll
  static void stop() {
    kit.shutdownTestKit();
  }

  @Test
  void an_order_filled_in_parts_shows_the_quantity_so_far_its_average_price_and_the_fees_summed() {
    LedgerIndex index = new LedgerIndex(SwarmMetrics.NONE, new EventHub(kit.system()));
    Order order = new Order("long-01-o0", "BTC-USD", OrderAction.BUY, new BigDecimal("3"), Order.Reason.ENTRY, 1000L);
    index.apply(envelope(1, new BotEntity.OrderPlaced(order)));

    index.apply(envelope(2, new BotEntity.OrderPartiallyFilled(order.orderId(), fill("1", "100", "0.1"))));
    LedgerIndex.OrderRow partly = index.orders(r -> true, 0, 10).items().get(0);
    assertThat(partly.status()).isEqualTo("partially filled");
    assertThat(partly.quantity()).isEqualByComparingTo("1");

    index.apply(envelope(3, new BotEntity.OrderFilled(order.orderId(), fill("2", "103", "0.206"))));
    LedgerIndex.OrderRow filled = index.orders(r -> true, 0, 10).items().get(0);
    assertThat(filled.status()).isEqualTo("filled");
    assertThat(filled.quantity()).isEqualByComparingTo("3");
    assertThat(filled.filledPrice()).isEqualByComparingTo("102");
    assertThat(filled.fee()).isEqualByComparingTo("0.306");
  }

  private static Fill fill(String quantity, String price, String fee) {
    return new Fill("BTC-USD", OrderAction.BUY, new BigDecimal(quantity), new BigDecimal(price), new BigDecimal(fee),
        1000L);
  }

  private static EventEnvelope envelope(long seq, Object event) {
    return EventEnvelope.apply(Sequence.apply(seq), "bot|long-01", seq, event, 0L);
  }
}
